// From a finished bulk operation's JSONL file to TrackedOrder rows.
import type { PrismaClient } from "@prisma/client";
import { jsonlLines } from "./jsonl-lines";
import { BulkOrderJoiner } from "./join-bulk-orders";
import { saveOrders, type SavedOrders } from "./save-orders.server";

export interface ImportedFile extends SavedOrders {
  orphans: number;
}

export async function importBulkFile(
  db: PrismaClient,
  shop: string,
  body: AsyncIterable<Uint8Array> | ReadableStream<Uint8Array>,
  syncedAt: Date,
): Promise<ImportedFile> {
  const joiner = new BulkOrderJoiner();
  for await (const line of jsonlLines(body)) joiner.add(line);
  const saved = await saveOrders(db, shop, joiner.orderList(), syncedAt);
  return { ...saved, orphans: joiner.result().orphans };
}
