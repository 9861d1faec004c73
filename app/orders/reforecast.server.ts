// Re-forecasts every tracked order of one shop and stores the result on the rows, so pages can
// read counts and dates with indexed aggregates instead of forecasting on each request.
//
// Each order is judged against the promise frozen when it was first seen (frozen here, under the
// rules in force now, if this is that first time); the rules only shape the forecast itself.
//
// Runs inside one transaction: the forecast is a function of the whole backlog, so a webhook
// landing half-way must not leave half the rows from the old backlog and half from the new.
// Rows are written with one multi-row UPDATE per batch; one Prisma update per row costs a round
// trip each and takes minutes at 100k orders.
import { Prisma, type PrismaClient } from "@prisma/client";
import { enqueueDelayTriggers } from "../flow/flow-outbox.server";
import { forecastOrders, type UnfulfilledOrder } from "../forecast/forecast-orders";
import type { OrderStatus } from "../forecast/forecast-backlog";
import { promiseOf } from "../promise/frozen-promise";
import { createPromiser } from "../promise/promised-ship-date";
import { loadShopSettings } from "../settings/shop-settings.server";
import { backlogWhere, DONE_CLASS, notBacklogWhere } from "./backlog";
import { shopOutlook, type ShopOutlook } from "./shop-outlook";
import { parseTrackedLineItems } from "./tracked-line-items";

export interface ReforecastSummary extends ShopOutlook {
  counts: Record<OrderStatus, number>;
  /** Orders marked done (fulfilled, cancelled or archived) in this pass. */
  done: number;
  forecastAt: Date;
}

export interface ReforecastOptions {
  /** The shop's IANA zone from Shopify, used while the shop has no saved settings. */
  fallbackTimeZone?: string;
  /** Rows per UPDATE statement (7 bound values each; SQLite allows 32,766). */
  batchSize?: number;
}

const DEFAULT_BATCH = 1000;

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

export async function reforecastShop(
  db: PrismaClient,
  shop: string,
  now: Date,
  options: ReforecastOptions = {},
): Promise<ReforecastSummary> {
  const batchSize = options.batchSize ?? DEFAULT_BATCH;
  const { rules } = await loadShopSettings(db, shop, options.fallbackTimeZone);

  return db.$transaction(
    async (tx) => {
      const rows = await tx.trackedOrder.findMany({
        where: backlogWhere(shop),
        select: {
          id: true,
          createdAt: true,
          fulfillBy: true,
          appFulfillBy: true,
          frozenPromiseDate: true,
          frozenPromiseSource: true,
          lineItems: true,
          unitsRemaining: true,
        },
      });
      const promiser = createPromiser(rules);
      const promises = new Map<string, { source: string; freshlyFrozen: boolean }>();
      const orders: UnfulfilledOrder[] = rows.map((row) => {
        const lineItems = parseTrackedLineItems(row.lineItems, row.id);
        const { promise, freshlyFrozen } = promiseOf({ ...row, lineItems }, promiser);
        promises.set(row.id, { source: promise.source, freshlyFrozen });
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
        promiseSource: promises.get(order.id)?.source ?? "rules",
        freeze: promises.get(order.id)?.freshlyFrozen ?? false,
        likelyShipDate: order.likely,
        conservativeShipDate: order.conservative,
        delayClass: order.status,
      }));
      await enqueueDelayTriggers(tx, shop, updates, now); // Flow triggers, before the new classes land
      for (let start = 0; start < updates.length; start += batchSize) {
        await tx.$executeRaw(updateStatement(shop, updates.slice(start, start + batchSize)));
      }
      // forecastAt through Prisma, which owns how DateTime is stored in SQLite.
      await tx.trackedOrder.updateMany({ where: backlogWhere(shop), data: { forecastAt: now } });
      await tx.trackedOrder.updateMany({
        where: { ...backlogWhere(shop), promiseFrozenAt: null, frozenPromiseDate: { not: null } },
        data: { promiseFrozenAt: now },
      });
      // Only orders that just left the backlog: the rest are already marked, and rewriting
      // every shipped order of a large shop on each reforecast would cost more than the forecast.
      const done = await tx.trackedOrder.updateMany({
        where: {
          AND: [
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
      });

      const units = orders.reduce((sum, order) => sum + order.unitsRemaining, 0);
      return {
        ...shopOutlook({ orders: orders.length, units }, rules, now),
        counts: forecast.counts,
        done: done.count,
        forecastAt: now,
      };
    },
    // A 100k-order shop needs a few seconds; Prisma's 5 s default would abort it under load.
    { timeout: 120_000, maxWait: 30_000 },
  );
}

function updateStatement(shop: string, rows: readonly ForecastRow[]): Prisma.Sql {
  const values = Prisma.join(
    rows.map(
      (row) =>
        Prisma.sql`(${row.id}, ${row.promisedShipDate}, ${row.promiseSource}, ${row.likelyShipDate}, ${row.conservativeShipDate}, ${row.delayClass}, ${row.freeze ? "freeze" : "keep"})`,
    ),
  );
  // SQLite names VALUES columns column1…column7. The frozen promise is written only where none is
  // stored yet (COALESCE): even a stale pass racing another cannot rewrite a customer's promise.
  return Prisma.sql`
    UPDATE "TrackedOrder" SET
      "promisedShipDate" = v.column2,
      "promiseSource" = v.column3,
      "likelyShipDate" = v.column4,
      "conservativeShipDate" = v.column5,
      "delayClass" = v.column6,
      "frozenPromiseDate" = COALESCE("TrackedOrder"."frozenPromiseDate", CASE WHEN v.column7 = 'freeze' THEN v.column2 END),
      "frozenPromiseSource" = COALESCE("TrackedOrder"."frozenPromiseSource", CASE WHEN v.column7 = 'freeze' THEN v.column3 END)
    FROM (VALUES ${values}) AS v
    WHERE "TrackedOrder"."shop" = ${shop} AND "TrackedOrder"."id" = v.column1`;
}
