// From a finished bulk operation's JSONL file to TrackedOrder rows: the file streamed and parsed
// a chunk at a time (jsonl-lines.ts), its lines joined into orders (join-bulk-orders.ts), the
// orders saved in batches (save-orders.server.ts). Lines that are not the query's are reported,
// not fatal. The re-forecast that follows is the caller's (bulk-import.server.ts).
import type { PrismaClient } from "@prisma/client";
import { jsonlLineBatches } from "./jsonl-lines";
import { BulkOrderJoiner, type JoinResult } from "./join-bulk-orders";
import { openOrderSaver, type SavedOrders } from "./save-orders.server";

/**
 * An order is written once this many lines have come after its order line, while the rest of the
 * file is parsed: the database's work and the parse overlap instead of taking turns (issue 15
 * point 3). Shopify's children come near their parent but in no promised place (the simulator
 * shuffles a page and holds some back to the next, about 2,600 lines at most at 100k orders), so
 * an order that gains a line after its write is written again at the end, whole. Until then a
 * reader may see such an order without its late lines; the re-forecast runs after the import.
 */
export const WRITE_AFTER_LINES = 20_000;

export type ImportedFile = SavedOrders & Omit<JoinResult, "orders">;

export async function importBulkFile(
  db: PrismaClient,
  shop: string,
  body: AsyncIterable<Uint8Array> | ReadableStream<Uint8Array>,
  syncedAt: Date,
  writeAfterLines = WRITE_AFTER_LINES,
): Promise<ImportedFile> {
  const joiner = new BulkOrderJoiner();
  const saver = openOrderSaver(db, shop, syncedAt);
  let written: SavedOrders;
  try {
    for await (const { first, lines } of jsonlLineBatches(body)) {
      for (let index = 0; index < lines.length; index++)
        joiner.addText(lines[index] ?? "", first + index);
      for (const order of joiner.readyOrders(writeAfterLines)) await saver.add(order);
    }
    // The orders written again come after every early write has landed: PostgreSQL's batches go
    // on two connections, and an order's early, incomplete write still in flight on one could
    // otherwise commit after its whole rewrite on the other (and a batch must not hold an order
    // twice: PostgreSQL refuses an upsert that touches a row twice).
    await saver.settle();
    for (const order of joiner.laterOrders()) await saver.add(order);
  } finally {
    written = await saver.close();
  }
  const { orders, orphans, refused, refusedLines } = joiner.result();
  return {
    count: orders,
    latestUpdatedAt: written.latestUpdatedAt,
    orphans,
    refused,
    refusedLines,
  };
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
