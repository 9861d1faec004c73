// A reforecast writes only the rows whose forecast changed (issue 15). That must leave exactly the
// rows a from-scratch forecast produces: on seeded random shops (zones, cut-offs, closures, tag
// overrides, capacity in units or orders, frozen and unfrozen promises, Shopify deadlines, equal
// instants), after random changes between passes (new orders, units shipped, orders fulfilled,
// cancelled, archived or reopened, a capacity change), the shop's rows must equal those of a copy
// of it whose forecast columns were cleared and forecast once, and both must equal the plain
// composition the fast path replaced (forecastOrdersReference, queue oldest first, equal instants by
// id). A second pass with the same settings and clock writes no row at all. The outcomes' late
// count, written in the pass's own transactions, holds each order ever left at risk or overdue
// exactly once. Runs on each database
// of TEST_DATABASES (CI: SQLite and PostgreSQL). The case number is in each message.
import { Prisma, type PrismaClient } from "@prisma/client";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { insertTrackedOrders, openTestDatabase, trackedOrder } from "../../tests/support/factories";
import { drawsFrom, mulberry32 } from "../../tests/support/seeded-random";
import { forecastOrdersReference } from "../forecast/forecast-orders-reference.test-support";
import { promiseToFreeze, storedPromise } from "../promise/frozen-promise";
import { fromEpochDay } from "../promise/local-date";
import { createPromiser } from "../promise/promised-ship-date";
import { parseShopRules, WEEKDAY_KEYS, type ShopRules } from "../promise/shop-rules";
import { saveShopSettings } from "../settings/shop-settings.server";
import { BACKLOG_SQL, backlogWhere } from "./backlog";
import { reforecastShop } from "./reforecast.server";
import { parseTrackedLineItems } from "./tracked-line-items";

let db: PrismaClient;

beforeAll(async () => {
  db = await openTestDatabase();
});
afterAll(async () => {
  await db.$disconnect();
});

const DAY = 86_400_000;
const TAGS = ["engraved", "Rush", "gift"];
const STATUSES = ["UNFULFILLED", "PARTIALLY_FULFILLED", "ON_HOLD"];

function randomRules(random: () => number): ShopRules {
  const { pick, int } = drawsFrom(random);
  const today = Math.floor(Date.UTC(2026, 10, 20) / DAY);
  return parseShopRules({
    timeZone: pick(["America/New_York", "Pacific/Auckland", "Asia/Kolkata", "UTC"]),
    defaultLeadTimeBusinessDays: int(0, 8),
    productTagOverrides: Array.from({ length: int(0, 2) }, () => ({
      tag: pick(TAGS),
      leadTimeBusinessDays: int(0, 12),
    })),
    cutOffTime: `${String(int(0, 23)).padStart(2, "0")}:${pick(["00", "30"])}`,
    openWeekdays: [1, 2, 3, 4, 5, 6, 7].filter(() => random() < 0.75),
    closures: Array.from({ length: int(0, 2) }, (_, i) => {
      const from = today + int(-20, 20);
      return {
        label: `Closure ${i}`,
        from: fromEpochDay(from),
        to: fromEpochDay(from + int(0, 6)),
      };
    }),
    capacity: {
      unit: pick(["units", "orders"] as const),
      perWeekday: Object.fromEntries(
        WEEKDAY_KEYS.map((key) => [key, int(0, 4) === 0 ? 0 : int(1, 6)]),
      ),
      coefficientOfVariation: pick([0, 0.2, 0.5]),
    },
    conservativeConfidence: pick([0.5, 0.9]),
  });
}

async function saveRules(shop: string, rules: ShopRules) {
  await saveShopSettings(db, shop, {
    rules,
    senderName: null,
    senderRole: null,
    tagOrders: false,
    updatedBy: null,
  });
}

function randomOrders(shop: string, random: () => number, nowMillis: number, count: number) {
  const { pick, int } = drawsFrom(random);
  let previous = nowMillis - 30 * DAY;
  return Array.from({ length: count }, () => {
    // Equal instants on purpose: the queue breaks ties by id on both databases.
    const placed = random() < 0.2 ? previous : nowMillis - int(0, 40) * DAY - int(0, 95) * 900_000;
    previous = placed;
    const lines = Array.from({ length: int(1, 3) }, () => ({
      quantity: int(0, 3),
      productTags: Array.from({ length: int(0, 2) }, () => pick(TAGS)),
    }));
    const units = Math.max(
      1,
      lines.reduce((sum, line) => sum + line.quantity, 0),
    );
    return trackedOrder(shop, {
      createdAt: new Date(placed),
      lines,
      unitsRemaining: units,
      displayFulfillmentStatus: pick(STATUSES),
      fulfillBy: random() < 0.15 ? new Date(placed + int(1, 20) * DAY) : null,
    });
  });
}

/** Random changes between passes, as webhooks and the merchant make them. */
async function changeSome(shop: string, random: () => number, nowMillis: number) {
  const { pick, int } = drawsFrom(random);
  const ids = (await db.trackedOrder.findMany({ where: { shop }, select: { id: true } })).map(
    (row) => row.id,
  );
  for (const id of ids.filter(() => random() < 0.25)) {
    const data = pick([
      { unitsRemaining: int(1, 4) },
      { displayFulfillmentStatus: "FULFILLED", unitsRemaining: 0 },
      { cancelledAt: new Date(nowMillis) },
      { closedAt: new Date(nowMillis) },
      {
        closedAt: null,
        cancelledAt: null,
        displayFulfillmentStatus: "UNFULFILLED",
        unitsRemaining: 2,
      },
    ]);
    await db.trackedOrder.update({ where: { shop_id: { shop, id } }, data });
  }
  await insertTrackedOrders(db, randomOrders(shop, random, nowMillis, int(0, 8)));
}

const FORECAST = {
  id: true,
  promisedShipDate: true,
  promiseSource: true,
  likelyShipDate: true,
  conservativeShipDate: true,
  delayClass: true,
  frozenPromiseDate: true,
  frozenPromiseSource: true,
} as const;

async function forecastRows(shop: string) {
  return db.trackedOrder.findMany({ where: { shop }, select: FORECAST, orderBy: { id: "asc" } });
}

/** A copy of the shop's orders (their frozen promises too) with no forecast, in another shop. */
async function freshCopy(shop: string, copy: string, rules: ShopRules) {
  const rows = await db.trackedOrder.findMany({ where: { shop } });
  await insertTrackedOrders(
    db,
    rows.map((row) => ({
      ...row,
      shop: copy,
      promisedShipDate: null,
      promiseSource: null,
      likelyShipDate: null,
      conservativeShipDate: null,
      delayClass: null,
      forecastAt: null,
    })),
  );
  await saveRules(copy, rules);
}

/** The rows as the plain composition forecasts them, from the rows as they were before the pass. */
async function referenceRows(shop: string, rules: ShopRules, now: Date) {
  const all = await db.trackedOrder.findMany({ where: { shop } });
  const backlogIds = new Set(
    (await db.trackedOrder.findMany({ where: backlogWhere(shop), select: { id: true } })).map(
      (row) => row.id,
    ),
  );
  const promiser = createPromiser(rules);
  const backlog = all
    .filter((row) => backlogIds.has(row.id))
    .sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime() || (a.id < b.id ? -1 : 1))
    .map((row) => {
      const frozen =
        storedPromise(row) ??
        promiseToFreeze(
          { ...row, lineItems: parseTrackedLineItems(row.lineItems, row.id) },
          promiser,
        );
      return { row, frozen };
    });
  const forecast = forecastOrdersReference(
    backlog.map(({ row, frozen }) => ({
      id: row.id,
      createdAt: row.createdAt,
      unitsRemaining: row.unitsRemaining,
      lineItems: [],
      promised: frozen.date,
    })),
    rules,
    now,
  );
  const byId = new Map(forecast.orders.map((order) => [order.id, order]));
  const frozenById = new Map(backlog.map(({ row, frozen }) => [row.id, frozen]));
  return all
    .map((row) => {
      const order = byId.get(row.id);
      const frozen = frozenById.get(row.id);
      if (!order || !frozen)
        return {
          id: row.id,
          promisedShipDate: row.promisedShipDate,
          promiseSource: row.promiseSource,
          likelyShipDate: null,
          conservativeShipDate: null,
          delayClass: "done",
          frozenPromiseDate: row.frozenPromiseDate,
          frozenPromiseSource: row.frozenPromiseSource,
        };
      return {
        id: row.id,
        promisedShipDate: order.promise,
        promiseSource: frozen.source,
        likelyShipDate: order.likely,
        conservativeShipDate: order.conservative,
        delayClass: order.status,
        frozenPromiseDate: row.frozenPromiseDate ?? frozen.date,
        frozenPromiseSource: row.frozenPromiseSource ?? frozen.source,
      };
    })
    .sort((a, b) => (a.id < b.id ? -1 : 1));
}

describe("reforecastShop, writing only what changed", () => {
  it(
    "leaves exactly the rows a from-scratch forecast produces, pass after pass, on 8 random shops; a repeated pass writes nothing",
    { timeout: 240_000 },
    async () => {
      const random = mulberry32(15_1);
      for (let n = 0; n < 8; n += 1) {
        const shop = `equal-${n}.myshopify.com`;
        let rules = randomRules(random);
        await saveRules(shop, rules);
        let clock = Date.UTC(2026, 10, 20, Math.floor(random() * 24));
        // Every order a pass left at risk or overdue: each must be counted late exactly once.
        const everLate = new Set<string>();
        await insertTrackedOrders(
          db,
          randomOrders(shop, random, clock, 10 + Math.floor(random() * 40)),
        );
        for (let pass = 0; pass < 3; pass += 1) {
          const label = `case ${n}, pass ${pass}`;
          if (pass > 0) {
            clock += Math.floor(random() * 3 * DAY);
            await changeSome(shop, random, clock);
            if (random() < 0.6) {
              const capacity = randomRules(random).capacity;
              rules = parseShopRules({ ...rules, capacity });
              await saveRules(shop, rules);
            }
          }
          const now = new Date(clock);
          const expected = await referenceRows(shop, rules, now);
          const copy = `copy-${n}-${pass}.myshopify.com`;
          await freshCopy(shop, copy, rules);
          await reforecastShop(db, shop, now);
          await reforecastShop(db, copy, now);
          const rows = await forecastRows(shop);
          expect(rows, `${label}: as the plain composition`).toEqual(expected);
          for (const row of rows)
            if (row.delayClass === "at_risk" || row.delayClass === "overdue") everLate.add(row.id);
          const countedLate = await db.orderOutcome.findMany({
            where: { shop, lateAt: { not: null } },
            select: { orderId: true },
          });
          expect(
            countedLate.map((row) => row.orderId).sort(),
            `${label}: counted late once each`,
          ).toEqual([...everLate].sort());
          const lateWeeks = await db.outcomeWeek.aggregate({
            where: { shop, metric: "late" },
            _sum: { count: true },
          });
          expect(lateWeeks._sum.count ?? 0, `${label}: the weeks' late count`).toBe(everLate.size);
          // A done order keeps the promise mirror of its last forecast; the copy never had one.
          const withoutDoneMirror = (list: Awaited<ReturnType<typeof forecastRows>>) =>
            list.map((row) =>
              row.delayClass === "done"
                ? { ...row, promisedShipDate: null, promiseSource: null }
                : row,
            );
          expect(
            withoutDoneMirror(await forecastRows(copy)),
            `${label}: as a from-scratch copy`,
          ).toEqual(withoutDoneMirror(rows));
          expect(
            await db.shopOrderSummary.findUnique({
              where: { shop },
              select: { overdue: true, atRisk: true, onTrack: true, backlogOrders: true },
            }),
            `${label}: summary`,
          ).toEqual(
            await db.shopOrderSummary.findUnique({
              where: { shop: copy },
              select: { overdue: true, atRisk: true, onTrack: true, backlogOrders: true },
            }),
          );

          // Same settings, same clock: nothing to write, and no row's bytes move.
          const before = await db.trackedOrder.findMany({
            where: { shop },
            orderBy: { id: "asc" },
          });
          const again = await reforecastShop(db, shop, now);
          expect([again.written, again.done], `${label}: a repeated pass writes nothing`).toEqual([
            0, 0,
          ]);
          expect(
            await db.trackedOrder.findMany({ where: { shop }, orderBy: { id: "asc" } }),
            `${label}: rows untouched`,
          ).toEqual(before);
        }
      }
    },
  );

  it("reads the backlog the Prisma filter defines (BACKLOG_SQL matches backlogWhere)", async () => {
    const shop = "backlog-sql.myshopify.com";
    const random = mulberry32(99);
    const { pick } = drawsFrom(random);
    await insertTrackedOrders(
      db,
      Array.from({ length: 60 }, () =>
        trackedOrder(shop, {
          unitsRemaining: pick([0, 1, 3]),
          displayFulfillmentStatus: pick([...STATUSES, "FULFILLED", "RESTOCKED"]),
          cancelledAt: random() < 0.2 ? new Date() : null,
          closedAt: random() < 0.2 ? new Date() : null,
        }),
      ),
    );
    const byPrisma = await db.trackedOrder.findMany({
      where: backlogWhere(shop),
      select: { id: true },
      orderBy: { id: "asc" },
    });
    const bySql = await db.$queryRaw<{ id: string }[]>(
      Prisma.sql`SELECT "id" FROM "TrackedOrder" WHERE "shop" = ${shop} AND ${Prisma.raw(BACKLOG_SQL)} ORDER BY "id"`,
    );
    expect(byPrisma.length).toBeGreaterThan(5);
    expect(bySql.map((row) => row.id)).toEqual(byPrisma.map((row) => row.id));
  });
});
