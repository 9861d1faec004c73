// reforecastShop on a real SQLite database: hand-checked dates, done orders, batching, shop
// isolation, and a seeded holiday-rush store whose dates are reproduced by hand below.
import type { PrismaClient } from "@prisma/client";
import { DateTime } from "luxon";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { seedShop } from "@delay-desk/simulator/seed";
import {
  insertTrackedOrders,
  openTestDatabase,
  trackedOrder,
  trackedOrdersFromStore,
} from "../../tests/support/factories";
import { SMALL_WORKSHOP_RULES } from "../../tests/support/sample-shop";
import { parseShopRules, type ShopRulesInput } from "../promise/shop-rules";
import { saveShopSettings } from "../settings/shop-settings.server";
import { reforecastShop } from "./reforecast.server";

let db: PrismaClient;

beforeAll(async () => {
  db = await openTestDatabase();
});
afterAll(async () => {
  await db.$disconnect();
});

const smallShopRules = SMALL_WORKSHOP_RULES;

async function useRules(shop: string, rules: ShopRulesInput) {
  await saveShopSettings(db, shop, {
    rules: parseShopRules(rules),
    senderName: null,
    senderRole: null,
    tagOrders: false,
    updatedBy: null,
  });
}

async function row(shop: string, id: string) {
  return db.trackedOrder.findUniqueOrThrow({ where: { shop_id: { shop, id } } });
}

describe("reforecastShop", () => {
  it("writes each order's promise, forecast and class, and marks finished orders done", async () => {
    const shop = "small.myshopify.com";
    await useRules(shop, smallShopRules);
    await insertTrackedOrders(db, [
      trackedOrder(shop, {
        id: "o1",
        createdAt: new Date("2026-11-12T15:00:00Z"),
        lines: [{ quantity: 2 }],
      }),
      trackedOrder(shop, {
        id: "o2",
        createdAt: new Date("2026-11-17T20:00:00Z"),
        lines: [{ quantity: 4, productTags: ["Engraved"] }],
      }),
      trackedOrder(shop, {
        id: "o3",
        createdAt: new Date("2026-11-18T15:00:00Z"),
        lines: [{ quantity: 3 }],
      }),
      trackedOrder(shop, {
        id: "o4",
        createdAt: new Date("2026-11-19T15:00:00Z"),
        fulfillBy: new Date("2026-11-21T04:00:00Z"),
      }),
      trackedOrder(shop, {
        id: "shipped",
        displayFulfillmentStatus: "FULFILLED",
        unitsRemaining: 0,
        closedAt: new Date("2026-11-18T00:00:00Z"),
      }),
      trackedOrder(shop, { id: "cancelled", cancelledAt: new Date("2026-11-18T00:00:00Z") }),
    ]);
    // Thu 2026-11-19 09:00 New York, before the cut-off: capacity Thu 4, Fri 4, then closed until Mon 11-30.
    const summary = await reforecastShop(db, shop, new Date("2026-11-19T14:00:00Z"));

    // By hand. Promises: o1 Thu 11-12 + 2 → Mon 11-16 (passed: overdue). o2 placed after the cut-off
    // Tue → counts Wed 11-18, engraved 5 → 19, 20, 30, 1, 2 Dec. o3 Wed 11-18 + 2 → Fri 11-20.
    // o4 fulfillBy 11-21 04:00Z = Fri 11-20 23:00 New York. Queue by age, cumulative units 2, 6, 9, 10:
    // Thu 11-19 covers 4, Fri 8, Mon 11-30 12. Conservatively (shocks, forecast/shock-quantile.ts)
    // 4·n·r(n) after n business days = 1.52, 3.8, 5.8, 8.52, 11.08, 13.68: Fri, Tue 12-01, Wed 12-02, Wed.
    const expected = {
      o1: ["2026-11-16", "rules", "2026-11-19", "overdue", "2026-11-20"],
      o2: ["2026-12-02", "rules", "2026-11-20", "on_track", "2026-12-01"],
      o3: ["2026-11-20", "rules", "2026-11-30", "at_risk", "2026-12-02"],
      o4: ["2026-11-20", "fulfillBy", "2026-11-30", "at_risk", "2026-12-02"],
    };
    for (const [id, [promise, source, likely, delayClass, conservative]] of Object.entries(
      expected,
    )) {
      const stored = await row(shop, id);
      expect(
        [stored.promisedShipDate, stored.promiseSource, stored.likelyShipDate, stored.delayClass],
        id,
      ).toEqual([promise, source, likely, delayClass]);
      expect(stored.conservativeShipDate, id).toBe(conservative);
      expect(stored.forecastAt?.toISOString()).toBe("2026-11-19T14:00:00.000Z");
    }
    expect((await row(shop, "shipped")).delayClass).toBe("done");
    expect((await row(shop, "cancelled")).delayClass).toBe("done");
    expect(summary.counts).toEqual({ overdue: 1, at_risk: 2, on_track: 1 });
    expect(summary.done).toBe(2);
    // New order now: ceil(10 / 4) = 3 units → 13 → Tue 12-01 (conservatively n=6: Thu 12-03);
    // promised Thu + 2 = Mon 11-30.
    expect(summary.newOrders).toMatchObject({
      promise: "2026-11-30",
      likely: "2026-12-01",
      conservative: "2026-12-03",
      cannotKeepPromise: true,
    });
    expect(summary.cannotKeepPromise).toBe(true);
    // One point per calendar day (closed days included, flat), until the conservative line is done.
    expect(summary.burnDown.map((p) => [p.date, p.likelyRemaining])).toEqual([
      ["2026-11-19", 6],
      ["2026-11-20", 2],
      ["2026-11-21", 2],
      ["2026-11-22", 2],
      ["2026-11-23", 2],
      ["2026-11-24", 2],
      ["2026-11-25", 2],
      ["2026-11-26", 2],
      ["2026-11-27", 2],
      ["2026-11-28", 2],
      ["2026-11-29", 2],
      ["2026-11-30", 0],
      ["2026-12-01", 0],
      ["2026-12-02", 0],
    ]);
  });

  it("never reads or writes another shop's rows", async () => {
    const mine = "mine.myshopify.com";
    const theirs = "theirs.myshopify.com";
    const theirRow = trackedOrder(theirs, {
      id: "shared-id",
      createdAt: new Date("2026-10-01T12:00:00Z"),
      unitsRemaining: 50,
    });
    await insertTrackedOrders(db, [
      theirRow,
      trackedOrder(mine, { id: "shared-id", createdAt: new Date("2026-11-19T12:00:00Z") }),
    ]);
    const summary = await reforecastShop(db, mine, new Date("2026-11-19T14:00:00Z"));
    expect(summary.counts).toEqual({ overdue: 0, at_risk: 0, on_track: 1 });
    expect(summary.totalDemand).toBe(1);
    const untouched = await row(theirs, "shared-id");
    expect([
      untouched.promisedShipDate,
      untouched.likelyShipDate,
      untouched.delayClass,
      untouched.forecastAt,
    ]).toEqual([null, null, null, null]);
    expect((await row(mine, "shared-id")).delayClass).toBe("on_track");
  });

  it("writes the same rows whatever the batch size", async () => {
    const store = seedShop({
      domain: "batch.myshopify.com",
      orders: 150,
      seed: 5,
      now: new Date("2026-11-24T15:00:00Z"),
    });
    const rows = trackedOrdersFromStore(store);
    await insertTrackedOrders(db, rows);
    const copy = rows.map((r) => ({ ...r, shop: "batch-copy.myshopify.com" }));
    await insertTrackedOrders(db, copy);
    const now = new Date("2026-11-24T15:00:00Z");
    const a = await reforecastShop(db, "batch.myshopify.com", now);
    const b = await reforecastShop(db, "batch-copy.myshopify.com", now, { batchSize: 7 });
    expect(b.counts).toEqual(a.counts);
    const pick = {
      id: true,
      promisedShipDate: true,
      likelyShipDate: true,
      conservativeShipDate: true,
      delayClass: true,
    } as const;
    const left = await db.trackedOrder.findMany({
      where: { shop: "batch.myshopify.com" },
      select: pick,
      orderBy: { id: "asc" },
    });
    const right = await db.trackedOrder.findMany({
      where: { shop: "batch-copy.myshopify.com" },
      select: pick,
      orderBy: { id: "asc" },
    });
    expect(right).toEqual(left);
    expect(left.filter((r) => r.delayClass === null)).toEqual([]);
  });
});

// The seeded holiday-rush shop, forecast with the app's defaults (10 business days, 12 units a
// weekday, cut-off 14:00, New York). Two orders' dates are rebuilt below with plain calendar
// walking, independent of app/promise and app/forecast.
describe("reforecastShop on the seeded holiday-rush shop", () => {
  const shop = "rush.myshopify.com";
  const now = new Date("2026-11-24T15:00:00Z"); // Tue 10:00 in New York, before the cut-off
  const zone = "America/New_York";
  const store = seedShop({ domain: shop, orders: 1200, seed: 1, now });
  const rows = trackedOrdersFromStore(store);

  const isOpen = (day: DateTime) => day.weekday <= 5;
  function addBusinessDays(from: DateTime, n: number): DateTime {
    let day = from;
    for (let left = n; left > 0; ) {
      day = day.plus({ days: 1 });
      if (isOpen(day)) left -= 1;
    }
    return day;
  }
  function promiseByHand(createdAt: Date): string {
    const placed = DateTime.fromJSDate(createdAt, { zone });
    let countsFrom =
      placed.hour >= 14 ? placed.plus({ days: 1 }).startOf("day") : placed.startOf("day");
    while (!isOpen(countsFrom)) countsFrom = countsFrom.plus({ days: 1 });
    return addBusinessDays(countsFrom, 10).toISODate() ?? "";
  }
  /** The open day on which 12 units a day, from today, have covered `units`. */
  function likelyByHand(units: number): string {
    let day = DateTime.fromJSDate(now, { zone }).startOf("day");
    let made = 0;
    for (;;) {
      if (isOpen(day)) made += 12;
      if (made >= units) return day.toISODate() ?? "";
      day = day.plus({ days: 1 });
    }
  }

  it("has overdue and at-risk orders, and two orders' dates match the hand calculation", async () => {
    await insertTrackedOrders(db, rows);
    const summary = await reforecastShop(db, shop, now);
    expect(summary.counts.overdue).toBeGreaterThan(50);
    expect(summary.counts.at_risk).toBeGreaterThan(0);
    expect(summary.cannotKeepPromise).toBe(true);

    const backlog = rows
      .filter(
        (r) =>
          r.cancelledAt == null &&
          r.closedAt == null &&
          r.unitsRemaining > 0 &&
          r.displayFulfillmentStatus !== "FULFILLED",
      )
      .sort((a, b) => new Date(a.createdAt).getTime() - new Date(b.createdAt).getTime());
    const oldestByRules = backlog.find((r) => r.fulfillBy == null);
    const newest = backlog.at(-1);
    if (!oldestByRules || !newest) throw new Error("seeded shop has no backlog");

    const oldest = await row(shop, oldestByRules.id);
    expect(oldest.promiseSource).toBe("rules");
    expect(oldest.promisedShipDate).toBe(promiseByHand(new Date(oldestByRules.createdAt)));
    const unitsUpTo = (id: string) => {
      let sum = 0;
      for (const r of backlog) {
        sum += r.unitsRemaining;
        if (r.id === id) return sum;
      }
      throw new Error("not in backlog");
    };
    expect(oldest.likelyShipDate).toBe(likelyByHand(unitsUpTo(oldestByRules.id)));

    const last = await row(shop, newest.id);
    const lastPromise = newest.fulfillBy
      ? DateTime.fromJSDate(new Date(newest.fulfillBy), { zone }).toISODate()
      : promiseByHand(new Date(newest.createdAt));
    expect(last.promisedShipDate).toBe(lastPromise);
    expect(last.likelyShipDate).toBe(likelyByHand(unitsUpTo(newest.id)));
    expect(summary.totalDemand).toBe(unitsUpTo(newest.id));
  });

  it("freezes each promise the first time it sees the order; a later fulfillBy, rule change or app-set deadline never rewrites it", async () => {
    const shop = "frozen.myshopify.com";
    await useRules(shop, smallShopRules);
    await insertTrackedOrders(db, [
      // Thu 11-12 10:00 New York + 2 → Mon 11-16.
      trackedOrder(shop, { id: "rules", createdAt: new Date("2026-11-12T15:00:00Z") }),
      // Shopify's fulfillBy 11-18 04:00Z = Tue 11-17 23:00 New York.
      trackedOrder(shop, {
        id: "shopify",
        createdAt: new Date("2026-11-12T15:00:00Z"),
        fulfillBy: new Date("2026-11-18T04:00:00Z"),
      }),
      // First seen already carrying a deadline Delay Desk set itself: the rules decide (Mon 11-16).
      trackedOrder(shop, {
        id: "app-moved",
        createdAt: new Date("2026-11-12T15:00:00Z"),
        fulfillBy: new Date("2026-12-10T17:00:00Z"),
        appFulfillBy: new Date("2026-12-10T17:00:00Z"),
      }),
    ]);
    const first = new Date("2026-11-13T14:00:00Z");
    await reforecastShop(db, shop, first);
    const frozen = async (id: string) => {
      const r = await row(shop, id);
      return [r.frozenPromiseDate, r.frozenPromiseSource, r.promisedShipDate, r.promiseFrozenAt];
    };
    expect(await frozen("rules")).toEqual(["2026-11-16", "rules", "2026-11-16", first]);
    expect(await frozen("shopify")).toEqual(["2026-11-17", "fulfillBy", "2026-11-17", first]);
    expect(await frozen("app-moved")).toEqual(["2026-11-16", "rules", "2026-11-16", first]);

    // Then: the lead time triples, the merchant moves the fulfillBy in Shopify, the app moves one.
    await useRules(shop, { ...smallShopRules, defaultLeadTimeBusinessDays: 6 });
    await db.trackedOrder.update({
      where: { shop_id: { shop, id: "shopify" } },
      data: { fulfillBy: new Date("2026-12-20T04:00:00Z") },
    });
    await db.trackedOrder.update({
      where: { shop_id: { shop, id: "rules" } },
      data: {
        fulfillBy: new Date("2026-12-20T04:00:00Z"),
        appFulfillBy: new Date("2026-12-20T04:00:00Z"),
      },
    });
    await reforecastShop(db, shop, new Date("2026-11-19T14:00:00Z"));
    expect(await frozen("rules")).toEqual(["2026-11-16", "rules", "2026-11-16", first]);
    expect(await frozen("shopify")).toEqual(["2026-11-17", "fulfillBy", "2026-11-17", first]);
    // Judged by the frozen promise: both passed by Thu 11-19, so both are overdue.
    expect((await row(shop, "rules")).delayClass).toBe("overdue");
    expect((await row(shop, "shopify")).delayClass).toBe("overdue");
  });
});
