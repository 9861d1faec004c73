// The bench's peer for the reforecast (issue 15): main's reforecastShop before it read on its own
// connection and wrote only what changed — one Prisma findMany of the backlog, a JSON parse per
// unfrozen order, and every backlog row rewritten in UPDATE … FROM (VALUES …) statements of 2,000
// rows through Prisma, on every pass. Its forecast is today's forecastOrders (the pass's cost is
// its reads and writes). Not used by the app.
import { Prisma, type PrismaClient } from "@prisma/client";
import { enqueueDelayTriggers } from "../../app/flow/flow-outbox.server";
import { forecastOrders, type UnfulfilledOrder } from "../../app/forecast/forecast-orders";
import type { OrderStatus } from "../../app/forecast/forecast-backlog";
import { createCachedPromiser } from "../../app/promise/cached-promiser";
import { promiseOf, storedPromise } from "../../app/promise/frozen-promise";
import { loadShopSettings } from "../../app/settings/shop-settings.server";
import {
  BACKLOG_ORDER_SELECT,
  backlogWhere,
  DONE_CLASS,
  notBacklogWhere,
} from "../../app/orders/backlog";
import { rawDateTime } from "../../app/orders/import/save-orders.server";
import {
  finishReforecastPass,
  isLatestPass,
  startReforecastPass,
} from "../../app/orders/order-summary.server";
import { shopOutlook, type ShopOutlook } from "../../app/orders/shop-outlook";
import { parseTrackedLineItems } from "../../app/orders/tracked-line-items";

interface ReforecastSummary extends ShopOutlook {
  counts: Record<OrderStatus, number>;
  /** Orders marked done (fulfilled, cancelled or archived) in this pass. */
  done: number;
  forecastAt: Date;
  /** False when a later pass started before this one finished (that pass wrote the rows). */
  latest: boolean;
}

interface ReforecastOptions {
  /** The shop's IANA zone from Shopify, used while the shop has no saved settings. */
  fallbackTimeZone?: string;
  /** Rows per UPDATE statement (9 bound values each; SQLite allows 32,766). */
  batchSize?: number;
  /** Told how long each write statement took (the bench's longest-lock figure). */
  onWrite?: (ms: number, rows: number) => void;
}

const DEFAULT_BATCH = 2000;
// Ids per updateMany: Prisma refuses more bound values than SQLite's historical 999.
const DONE_BATCH = 900;

interface ForecastRow {
  id: string;
  promisedShipDate: string;
  promiseSource: string;
  /** Set only for an order frozen in this pass; the SQL never overwrites an existing freeze. */
  freeze: boolean;
  likelyShipDate: string | null;
  conservativeShipDate: string | null;
  delayClass: OrderStatus;
}

/** Runs one write and reports its duration. */
async function timedWrite<T>(
  options: ReforecastOptions,
  rows: number,
  write: () => Promise<T>,
): Promise<T> {
  const started = performance.now();
  const result = await write();
  options.onWrite?.(performance.now() - started, rows);
  return result;
}

export async function naiveReforecastShop(
  db: PrismaClient,
  shop: string,
  now: Date,
  options: ReforecastOptions = {},
): Promise<ReforecastSummary> {
  const batchSize = options.batchSize ?? DEFAULT_BATCH;
  const { rules } = await loadShopSettings(db, shop, options.fallbackTimeZone);
  const pass = await startReforecastPass(db, shop);

  const rows = await db.trackedOrder.findMany({
    where: backlogWhere(shop),
    select: BACKLOG_ORDER_SELECT,
  });
  const promiser = createCachedPromiser(rules);
  const sources = new Map<string, { source: string; freshlyFrozen: boolean }>();
  const orders: UnfulfilledOrder[] = rows.map((row) => {
    // A frozen order's line items change nothing: its promise is stored, and the forecast only
    // counts its units. Parsing 100k JSON columns was most of a pass.
    const frozen = storedPromise(row) !== null;
    const lineItems = frozen ? [] : parseTrackedLineItems(row.lineItems, row.id);
    const { promise, freshlyFrozen } = promiseOf({ ...row, lineItems }, promiser);
    sources.set(row.id, { source: promise.source, freshlyFrozen });
    return {
      id: row.id,
      createdAt: row.createdAt,
      fulfillBy: row.fulfillBy,
      unitsRemaining: row.unitsRemaining,
      lineItems,
      promised: promise.date,
    };
  });
  const forecast = forecastOrders(orders, rules, now);

  const updates: ForecastRow[] = forecast.orders.map((order) => ({
    id: order.id,
    promisedShipDate: order.promise,
    promiseSource: sources.get(order.id)?.source ?? "rules",
    freeze: sources.get(order.id)?.freshlyFrozen ?? false,
    likelyShipDate: order.likely,
    conservativeShipDate: order.conservative,
    delayClass: order.status,
  }));
  // Flow triggers for orders entering at risk or overdue, read against the classes before this
  // pass writes; one per transition (their outbox keys), so a racing pass adds none.
  await enqueueDelayTriggers(db, shop, updates, now);
  let latest = true;
  let wrote = 0;
  for (let start = 0; latest && start < updates.length; start += batchSize) {
    const batch = updates.slice(start, start + batchSize);
    const written = await timedWrite(options, batch.length, () =>
      db.$executeRaw(updateStatement(shop, pass, now, batch)),
    );
    // Nothing written: a later pass has started (it owns the rows now), or these orders are gone.
    if (written === 0) latest = await isLatestPass(db, shop, pass);
    wrote += written;
  }

  // Only orders that just left the backlog: the rest are already marked, and rewriting every
  // shipped order of a large shop on each reforecast would cost more than the forecast. Their ids
  // are read first and marked in batches, each re-checking that the order is still out.
  let done = 0;
  if (latest) {
    const leaving = await db.trackedOrder.findMany({
      where: {
        AND: [
          notBacklogWhere(shop),
          { OR: [{ delayClass: null }, { delayClass: { not: DONE_CLASS } }] },
        ],
      },
      select: { id: true },
    });
    for (let start = 0; start < leaving.length; start += DONE_BATCH) {
      const ids = leaving.slice(start, start + DONE_BATCH).map((row) => row.id);
      const marked = await timedWrite(options, ids.length, () =>
        db.trackedOrder.updateMany({
          where: {
            AND: [
              { shop, id: { in: ids } },
              notBacklogWhere(shop),
              { OR: [{ delayClass: null }, { delayClass: { not: DONE_CLASS } }] },
            ],
          },
          data: {
            delayClass: DONE_CLASS,
            likelyShipDate: null,
            conservativeShipDate: null,
            forecastAt: now,
          },
        }),
      );
      done += marked.count;
    }
  }
  if (latest && wrote + done > 0) latest = await finishReforecastPass(db, shop, pass, now);

  const units = orders.reduce((sum, order) => sum + order.unitsRemaining, 0);
  return {
    ...shopOutlook({ orders: orders.length, units }, rules, now),
    counts: forecast.counts,
    done,
    forecastAt: now,
    latest,
  };
}

function updateStatement(
  shop: string,
  pass: number,
  now: Date,
  rows: readonly ForecastRow[],
): Prisma.Sql {
  const values = Prisma.join(
    rows.map(
      (row) =>
        Prisma.sql`(${row.id}, ${row.promisedShipDate}, ${row.promiseSource}, ${row.likelyShipDate}, ${row.conservativeShipDate}, ${row.delayClass}, ${row.freeze ? "freeze" : "keep"})`,
    ),
  );
  const forecastAt = rawDateTime(now);
  // Both databases name VALUES columns column1…column7. The frozen promise is written only where
  // none is stored yet (COALESCE): even a stale pass racing another cannot rewrite a customer's
  // promise; every row of the batch has a frozen promise afterwards, so promiseFrozenAt is set
  // where it is missing. The EXISTS makes a superseded pass write nothing.
  return Prisma.sql`
    UPDATE "TrackedOrder" SET
      "promisedShipDate" = v.column2,
      "promiseSource" = v.column3,
      "likelyShipDate" = v.column4,
      "conservativeShipDate" = v.column5,
      "delayClass" = v.column6,
      "frozenPromiseDate" = COALESCE("TrackedOrder"."frozenPromiseDate", CASE WHEN v.column7 = 'freeze' THEN v.column2 END),
      "frozenPromiseSource" = COALESCE("TrackedOrder"."frozenPromiseSource", CASE WHEN v.column7 = 'freeze' THEN v.column3 END),
      "promiseFrozenAt" = COALESCE("TrackedOrder"."promiseFrozenAt", ${forecastAt}),
      "forecastAt" = ${forecastAt}
    FROM (VALUES ${values}) AS v
    WHERE "TrackedOrder"."shop" = ${shop} AND "TrackedOrder"."id" = v.column1
      AND EXISTS (SELECT 1 FROM "ShopOrderSummary" AS s WHERE s."shop" = ${shop} AND s."pass" = ${pass})`;
}
