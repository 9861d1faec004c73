// The import's peer in `npm run bench -- import`: what a first import looks like written the plain
// way. The whole file read into one string, every line parsed and joined (the app's own join, so
// the rows are the same), then one awaited upsert per order.
import { readFileSync } from "node:fs";
import type { PrismaClient } from "@prisma/client";
import { BulkOrderJoiner } from "../../app/orders/import/join-bulk-orders";
import { saveOneOrder } from "../../app/orders/import/save-orders.server";

/** Imports the file's first `limit` orders; returns how many were saved. */
export async function naiveBulkImport(
  db: PrismaClient,
  shop: string,
  file: string,
  syncedAt: Date,
  limit: number,
): Promise<number> {
  const joiner = new BulkOrderJoiner();
  for (const line of readFileSync(file, "utf8").split("\n"))
    if (line.trim()) joiner.add(JSON.parse(line));
  let saved = 0;
  for (const order of joiner.orderList()) {
    if (saved >= limit) break;
    await saveOneOrder(db, shop, order, syncedAt);
    saved += 1;
  }
  return saved;
}
