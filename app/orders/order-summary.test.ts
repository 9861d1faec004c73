// The shop's order summary (ShopOrderSummary) is kept by database triggers: after every kind of
// write the app makes to tracked orders — insert, Prisma upsert (a webhook), the import's raw
// INSERT … ON CONFLICT, the reforecast's own connection (an UPDATE per row on SQLite, UPDATE … FROM json_to_recordset on PostgreSQL), updateMany (redaction,
// marking done), a status, units or archive change, a tag change, a delete, erasing the shop — its
// counts must equal the aggregate over the rows, computed here the way the dashboard computed it
// before (groupBy and sums over backlogWhere). Random sequences of those changes, on both databases.
import { Prisma, type PrismaClient } from "@prisma/client";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { insertTrackedOrders, openTestDatabase, trackedOrder } from "../../tests/support/factories";
import { drawsFrom, mulberry32 } from "../../tests/support/seeded-random";
import { eraseShop } from "../data-lifecycle/shop-lifecycle.server";
import { backlogWhere, isDelayClass, type DelayClass } from "./backlog";
import { rawDateTime } from "./import/save-orders.server";
import { loadOrderSummary, type OrderSummary } from "./order-summary.server";
import { reforecastShop } from "./reforecast.server";

let db: PrismaClient;

beforeAll(async () => {
  db = await openTestDatabase();
});
afterAll(async () => {
  await db.$disconnect();
});

/**
 * The summary as the rows say it is: what loadDashboard used to aggregate on each request. The
 * "forecast as of" is no aggregate: a pass writes only the rows whose forecast changed, so it is
 * the latest pass that looked at any order (`forecastAt`, tracked by the test).
 */
async function aggregateOverRows(
  shop: string,
  forecastAt: Date | null,
): Promise<Omit<OrderSummary, "forecastAt"> & { forecastAt: Date | null }> {
  const where = backlogWhere(shop);
  const [byClass, totals] = await Promise.all([
    db.trackedOrder.groupBy({ by: ["delayClass"], where, _count: { _all: true } }),
    db.trackedOrder.aggregate({ where, _count: { _all: true }, _sum: { unitsRemaining: true } }),
  ]);
  const counts: Record<DelayClass, number> = { overdue: 0, at_risk: 0, on_track: 0 };
  for (const group of byClass)
    if (isDelayClass(group.delayClass)) counts[group.delayClass] += group._count._all;
  return {
    counts,
    backlog: { orders: totals._count._all, units: totals._sum.unitsRemaining ?? 0 },
    forecastAt,
  };
}

const STATUSES = ["UNFULFILLED", "PARTIALLY_FULFILLED", "FULFILLED", "RESTOCKED", "ON_HOLD"];
const CLASSES = [null, "overdue", "at_risk", "on_track", "done"];
const NOW = new Date("2026-11-25T15:00:00Z");

type Change = (ids: string[]) => Promise<void>;

function changes(
  shop: string,
  random: () => number,
  passes: { forecastAt: Date | null },
): Record<string, Change> {
  const { pick } = drawsFrom(random);
  const someOf = (ids: string[]) => ids.filter(() => random() < 0.3);
  let clock = NOW.getTime();
  const created = () => new Date(Date.UTC(2026, 10, 1 + Math.floor(random() * 24), 15));
  return {
    "insert (createMany)": async () => {
      await insertTrackedOrders(
        db,
        Array.from({ length: 1 + Math.floor(random() * 20) }, () =>
          trackedOrder(shop, {
            createdAt: created(),
            unitsRemaining: 1 + Math.floor(random() * 4),
          }),
        ),
      );
    },
    "a webhook's upsert": async (ids) => {
      const row = trackedOrder(shop, {
        ...(random() < 0.5 && ids.length > 0 ? { id: pick(ids) } : {}),
        createdAt: created(),
        displayFulfillmentStatus: pick(STATUSES),
        unitsRemaining: Math.floor(random() * 4),
      });
      const { shop: _shop, id, ...update } = row;
      await db.trackedOrder.upsert({
        where: { shop_id: { shop, id } },
        create: row,
        update,
      });
    },
    "the import's INSERT … ON CONFLICT DO UPDATE": async (ids) => {
      const rows = [...someOf(ids), `gid://shopify/Order/new-${random()}`].map(
        (id) =>
          Prisma.sql`(${shop}, ${id}, ${"#1"}, ${rawDateTime(created())}, ${rawDateTime(NOW)}, ${pick(STATUSES)}, ${"1.00"}, ${"USD"}, ${2}, ${Math.floor(random() * 3)}, ${"[]"})`,
      );
      await db.$executeRaw`INSERT INTO "TrackedOrder" ("shop", "id", "name", "createdAt", "updatedAt", "displayFulfillmentStatus", "totalAmount", "currencyCode", "unitsOrdered", "unitsRemaining", "lineItems") VALUES ${Prisma.join(rows)} ON CONFLICT ("shop", "id") DO UPDATE SET "displayFulfillmentStatus" = excluded."displayFulfillmentStatus", "unitsRemaining" = excluded."unitsRemaining"`;
    },
    "a reforecast": async () => {
      // Passes run at later and later instants, as they do on a clock.
      clock += 1 + Math.floor(random() * 1e8);
      const pass = await reforecastShop(db, shop, new Date(clock), {
        batchSize: 1 + Math.floor(random() * 7),
      });
      const looked = pass.counts.overdue + pass.counts.at_risk + pass.counts.on_track + pass.done;
      if (looked > 0) passes.forecastAt = new Date(clock);
    },
    "class by updateMany": async (ids) => {
      await db.trackedOrder.updateMany({
        where: { shop, id: { in: someOf(ids) } },
        data: { delayClass: pick(CLASSES) },
      });
    },
    "fulfilled, cancelled, archived or reopened": async (ids) => {
      for (const id of someOf(ids)) {
        const data = pick([
          { displayFulfillmentStatus: "FULFILLED", unitsRemaining: 0 },
          { cancelledAt: NOW },
          { closedAt: NOW },
          { closedAt: null, cancelledAt: null, displayFulfillmentStatus: "UNFULFILLED" },
          { unitsRemaining: Math.floor(random() * 5) },
        ]);
        await db.trackedOrder.update({ where: { shop_id: { shop, id } }, data });
      }
    },
    "tags and names (no part in the counts)": async (ids) => {
      await db.trackedOrder.updateMany({
        where: { shop, id: { in: someOf(ids) } },
        data: { tags: '["delay-desk:at-risk"]', customerFirstName: null },
      });
    },
    "an order deleted in Shopify": async (ids) => {
      if (ids.length > 0) await db.trackedOrder.deleteMany({ where: { shop, id: pick(ids) } });
    },
  };
}

describe("the shop's order summary", () => {
  it("equals the aggregate over the rows after every kind of change, in random order", async () => {
    const random = mulberry32(15);
    const shop = "summary.myshopify.com";
    const other = "other.myshopify.com";
    await insertTrackedOrders(db, [trackedOrder(other, { unitsRemaining: 3 })]);
    const passes: { forecastAt: Date | null } = { forecastAt: null };
    const kinds = changes(shop, random, passes);
    const names = Object.keys(kinds);
    const seen = new Set<string>();
    for (let step = 0; step < 60; step += 1) {
      const name = names[step < names.length ? step : Math.floor(random() * names.length)] ?? "";
      const ids = (await db.trackedOrder.findMany({ where: { shop }, select: { id: true } })).map(
        (row) => row.id,
      );
      await kinds[name]?.(ids);
      seen.add(name);
      expect(await loadOrderSummary(db, shop), `step ${step}: ${name}`).toEqual(
        await aggregateOverRows(shop, passes.forecastAt),
      );
    }
    expect(seen.size).toBe(names.length);
    // The other shop's row never moved.
    expect((await loadOrderSummary(db, other)).backlog).toEqual({ orders: 1, units: 3 });
    expect((await aggregateOverRows(shop, passes.forecastAt)).backlog.orders).toBeGreaterThan(0);
  });

  it("is empty again once the shop is erased", async () => {
    const shop = "erased.myshopify.com";
    await insertTrackedOrders(db, [trackedOrder(shop), trackedOrder(shop, { unitsRemaining: 2 })]);
    await reforecastShop(db, shop, NOW);
    expect((await loadOrderSummary(db, shop)).backlog).toEqual({ orders: 2, units: 3 });
    await eraseShop(db, shop);
    expect(await loadOrderSummary(db, shop)).toEqual(await aggregateOverRows(shop, null));
    expect(await db.shopOrderSummary.count({ where: { shop } })).toBe(0);
  });
});
