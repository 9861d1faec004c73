// From a finished bulk operation's JSONL file to TrackedOrder rows: the file streamed and parsed
// a chunk at a time (jsonl-lines.ts), its lines joined into orders (join-bulk-orders.ts), the
// orders saved in batches (save-orders.server.ts). Lines that are not the query's are reported,
// not fatal. The re-forecast that follows is the caller's (bulk-import.server.ts).
import type { PrismaClient } from "@prisma/client";
import { jsonlLineBatches } from "./jsonl-lines";
import { BulkOrderJoiner, type JoinResult } from "./join-bulk-orders";
import { saveOrders, type SavedOrders } from "./save-orders.server";

export type ImportedFile = SavedOrders & Omit<JoinResult, "orders">;

export async function importBulkFile(
  db: PrismaClient,
  shop: string,
  body: AsyncIterable<Uint8Array> | ReadableStream<Uint8Array>,
  syncedAt: Date,
): Promise<ImportedFile> {
  const joiner = new BulkOrderJoiner();
  for await (const { first, lines } of jsonlLineBatches(body))
    for (let index = 0; index < lines.length; index++)
      joiner.addText(lines[index] ?? "", first + index);
  const saved = await saveOrders(db, shop, joiner.orderList(), syncedAt);
  const { orphans, refused, refusedLines } = joiner.result();
  return { ...saved, orphans, refused, refusedLines };
}

/** What OrderSync.error says about an import that left lines out; null when none were. */
export function importReport(file: Pick<ImportedFile, "orphans" | "refused" | "refusedLines">) {
  const parts: string[] = [];
  if (file.refused > 0)
    parts.push(
      `${file.refused} line${file.refused === 1 ? "" : "s"} not understood and skipped (${file.refusedLines.join("; ")}${file.refused > file.refusedLines.length ? "; …" : ""})`,
    );
  if (file.orphans > 0) parts.push(`${file.orphans} lines without a parent were skipped`);
  return parts.length > 0 ? parts.join("; ") : null;
}
