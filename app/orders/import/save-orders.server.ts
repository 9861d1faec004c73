// Writes imported orders to TrackedOrder in batches, one statement per batch (atomic on its own).
import { Prisma, type PrismaClient } from "@prisma/client";
import { trackedOrderRow, type ImportedOrder } from "../order-row";

export const SAVE_BATCH = 500;

export interface SavedOrders {
  count: number;
  /** The latest Shopify updatedAt among them: the next reconcile's watermark. */
  latestUpdatedAt: Date | null;
}

// Prisma's SQLite adapter stores DateTime as ISO-8601 text with a "+00:00" offset; raw writes
// use the same form so Prisma reads them back unchanged (the integration test compares them).
// PostgreSQL reads the same text into its timestamp columns.
export function rawDateTime(date: Date): string;
export function rawDateTime(date: Date | null): string | null;
export function rawDateTime(date: Date | null): string | null {
  return date === null ? null : date.toISOString().replace("Z", "+00:00");
}

const COLUMNS = [
  "shop",
  "id",
  "name",
  "createdAt",
  "updatedAt",
  "cancelledAt",
  "closedAt",
  "displayFulfillmentStatus",
  "displayFinancialStatus",
  "email",
  "customerFirstName",
  "customerLastName",
  "totalAmount",
  "currencyCode",
  "presentmentAmount",
  "presentmentCurrencyCode",
  "customerLocale",
  "unitsOrdered",
  "unitsRemaining",
  "fulfillBy",
  "lineItems",
  "tags",
  "syncedAt",
] as const;
const UPDATED = COLUMNS.filter((column) => column !== "shop" && column !== "id");

/**
 * One multi-row INSERT … ON CONFLICT per batch: Prisma's createMany/upsert cost about a
 * millisecond per row here, minutes at 100k orders. The forecast columns are left as they are;
 * reforecastShop rewrites them right after.
 */
export async function saveOrderBatch(
  db: PrismaClient,
  shop: string,
  orders: readonly ImportedOrder[],
  syncedAt: Date,
): Promise<SavedOrders> {
  if (orders.length === 0) return { count: 0, latestUpdatedAt: null };
  const rows = orders.map((order) => trackedOrderRow(shop, order, syncedAt));
  const values = rows.map(
    (row) =>
      Prisma.sql`(${Prisma.join([
        row.shop,
        row.id,
        row.name,
        rawDateTime(row.createdAt),
        rawDateTime(row.updatedAt),
        rawDateTime(row.cancelledAt),
        rawDateTime(row.closedAt),
        row.displayFulfillmentStatus,
        row.displayFinancialStatus,
        row.email,
        row.customerFirstName,
        row.customerLastName,
        row.totalAmount,
        row.currencyCode,
        row.presentmentAmount,
        row.presentmentCurrencyCode,
        row.customerLocale,
        row.unitsOrdered,
        row.unitsRemaining,
        rawDateTime(row.fulfillBy),
        row.lineItems,
        row.tags,
        rawDateTime(row.syncedAt),
      ])})`,
  );
  const columns = Prisma.raw(COLUMNS.map((column) => `"${column}"`).join(", "));
  const updates = Prisma.raw(
    UPDATED.map((column) => `"${column}" = excluded."${column}"`).join(", "),
  );
  await db.$executeRaw`INSERT INTO "TrackedOrder" (${columns}) VALUES ${Prisma.join(values)} ON CONFLICT ("shop", "id") DO UPDATE SET ${updates}`;
  let latest: Date | null = null;
  for (const row of rows) if (latest === null || row.updatedAt > latest) latest = row.updatedAt;
  return { count: rows.length, latestUpdatedAt: latest };
}

/** Saves a stream of orders in batches; returns the totals. */
export async function saveOrders(
  db: PrismaClient,
  shop: string,
  orders: Iterable<ImportedOrder>,
  syncedAt: Date,
  batchSize = SAVE_BATCH,
): Promise<SavedOrders> {
  let count = 0;
  let latest: Date | null = null;
  let batch: ImportedOrder[] = [];
  const flush = async () => {
    const saved = await saveOrderBatch(db, shop, batch, syncedAt);
    count += saved.count;
    if (saved.latestUpdatedAt && (latest === null || saved.latestUpdatedAt > latest))
      latest = saved.latestUpdatedAt;
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
export async function saveOneOrder(
  db: PrismaClient,
  shop: string,
  order: ImportedOrder,
  syncedAt: Date,
): Promise<void> {
  const row = trackedOrderRow(shop, order, syncedAt);
  await db.trackedOrder.upsert({
    where: { shop_id: { shop, id: row.id } },
    create: row,
    update: row,
  });
}
