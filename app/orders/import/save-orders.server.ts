// Writes imported orders to TrackedOrder in batches, each batch in one transaction. A batch
// replaces its rows (delete + createMany): one statement each instead of one upsert per order,
// which matters at 100k orders. The forecast columns are cleared by that and rewritten by
// reforecastShop, which every import path calls right after.
import type { PrismaClient } from "@prisma/client";
import { trackedOrderRow, type ImportedOrder } from "../order-row";

export const SAVE_BATCH = 500;

export interface SavedOrders {
  count: number;
  /** The latest Shopify updatedAt among them: the next reconcile's watermark. */
  latestUpdatedAt: Date | null;
}

export async function saveOrderBatch(db: PrismaClient, shop: string, orders: readonly ImportedOrder[], syncedAt: Date): Promise<SavedOrders> {
  if (orders.length === 0) return { count: 0, latestUpdatedAt: null };
  const rows = orders.map((order) => trackedOrderRow(shop, order, syncedAt));
  await db.$transaction([
    db.trackedOrder.deleteMany({ where: { shop, id: { in: rows.map((row) => row.id) } } }),
    db.trackedOrder.createMany({ data: rows }),
  ]);
  let latest: Date | null = null;
  for (const row of rows) if (latest === null || row.updatedAt > latest) latest = row.updatedAt;
  return { count: rows.length, latestUpdatedAt: latest };
}

/** Saves a stream of orders in batches; returns the totals. */
export async function saveOrders(db: PrismaClient, shop: string, orders: Iterable<ImportedOrder>, syncedAt: Date, batchSize = SAVE_BATCH): Promise<SavedOrders> {
  let count = 0;
  let latest: Date | null = null;
  let batch: ImportedOrder[] = [];
  const flush = async () => {
    const saved = await saveOrderBatch(db, shop, batch, syncedAt);
    count += saved.count;
    if (saved.latestUpdatedAt && (latest === null || saved.latestUpdatedAt > latest)) latest = saved.latestUpdatedAt;
    batch = [];
  };
  for (const order of orders) {
    batch.push(order);
    if (batch.length >= batchSize) await flush();
  }
  await flush();
  return { count, latestUpdatedAt: latest };
}

/** One order after a webhook or a re-read: an upsert keeps its forecast until the next reforecast. */
export async function saveOneOrder(db: PrismaClient, shop: string, order: ImportedOrder, syncedAt: Date): Promise<void> {
  const row = trackedOrderRow(shop, order, syncedAt);
  await db.trackedOrder.upsert({ where: { shop_id: { shop, id: row.id } }, create: row, update: row });
}
