import { describe, expect, it } from "vitest";
import {
  createPromiser,
  promiseOrderSchema,
  promisedShipDate,
  type PromiseOrder,
} from "./promised-ship-date";
import { parseShopRules, type ShopRulesInput, DEFAULT_SHOP_RULES } from "./shop-rules";

function rulesWith(overrides: Partial<ShopRulesInput>) {
  return parseShopRules({
    timeZone: "America/New_York",
    defaultLeadTimeBusinessDays: 3,
    cutOffTime: "14:00",
    openWeekdays: [1, 2, 3, 4, 5],
    closures: [{ label: "Thanksgiving week", from: "2026-11-23", to: "2026-11-27" }],
    capacity: DEFAULT_SHOP_RULES.capacity,
    ...overrides,
  });
}

const plain = (createdAt: string, extra: Partial<PromiseOrder> = {}): PromiseOrder => ({
  createdAt,
  lineItems: [{ quantity: 1, productTags: [], collectionIds: [] }],
  ...extra,
});

describe("promisedShipDate in New York, lead 3, cut-off 14:00, Thanksgiving week closed", () => {
  const rules = rulesWith({});

  it("counts from the same day before the cut-off", () => {
    // Mon 2026-11-16 10:00 EST → counts Mon → Tue, Wed, Thu.
    expect(promisedShipDate(plain("2026-11-16T15:00:00Z"), rules)).toMatchObject({
      date: "2026-11-19",
      source: "rules",
      countsFrom: "2026-11-16",
      placedAfterCutOff: false,
    });
    expect(promisedShipDate(plain("2026-11-16T18:59:59Z"), rules).date).toBe("2026-11-19");
  });

  it("counts from the next business day at exactly the cut-off", () => {
    expect(promisedShipDate(plain("2026-11-16T19:00:00Z"), rules)).toMatchObject({
      date: "2026-11-20",
      countsFrom: "2026-11-17",
      placedAfterCutOff: true,
    });
  });

  it("uses the shop's wall clock, not UTC, for the cut-off", () => {
    // 18:30Z is after 14:00 in UTC but 13:30 in New York.
    expect(promisedShipDate(plain("2026-11-16T18:30:00Z"), rules).date).toBe("2026-11-19");
  });

  it("skips the weekend and the Thanksgiving-week closure", () => {
    // Fri 11-20 10:00 → counts Fri → Mon 11-30, Tue 12-01, Wed 12-02.
    expect(promisedShipDate(plain("2026-11-20T15:00:00Z"), rules).date).toBe("2026-12-02");
  });

  it("counts an order placed on a closed day from the next open day", () => {
    // Wed 11-25 (closed) → counts Mon 11-30 → 12-01, 12-02, 12-03.
    expect(promisedShipDate(plain("2026-11-25T15:00:00Z"), rules)).toMatchObject({
      date: "2026-12-03",
      countsFrom: "2026-11-30",
      placedOnClosedDay: true,
    });
  });

  it("follows the spring-forward switch (cut-off is 18:00Z from 2026-03-08)", () => {
    // Sun 03-08 01:59 EST: closed day → counts Mon 03-09 → Thu 03-12.
    expect(promisedShipDate(plain("2026-03-08T06:59:00Z"), rules).date).toBe("2026-03-12");
    expect(promisedShipDate(plain("2026-03-09T17:59:00Z"), rules).date).toBe("2026-03-12");
    expect(promisedShipDate(plain("2026-03-09T18:00:00Z"), rules).date).toBe("2026-03-13");
  });

  it("follows the fall-back switch (cut-off is 19:00Z from 2026-11-01)", () => {
    // Fri 10-30 14:00 EDT = 18:00Z → after cut-off → counts Mon 11-02 → Thu 11-05.
    expect(promisedShipDate(plain("2026-10-30T18:00:00Z"), rules).date).toBe("2026-11-05");
    // Mon 11-02 13:30 EST = 18:30Z → before cut-off → counts Mon → Thu 11-05.
    expect(promisedShipDate(plain("2026-11-02T18:30:00Z"), rules).date).toBe("2026-11-05");
  });

  it("crosses month ends and the leap day", () => {
    const one = rulesWith({ defaultLeadTimeBusinessDays: 1, closures: [] });
    expect(promisedShipDate(plain("2026-01-30T15:00:00Z"), one).date).toBe("2026-02-02");
    expect(promisedShipDate(plain("2028-02-28T15:00:00Z"), one).date).toBe("2028-02-29");
    expect(promisedShipDate(plain("2026-12-31T15:00:00Z"), one).date).toBe("2027-01-01");
  });

  it("with lead time 0 promises the day the order counts from", () => {
    const zero = rulesWith({ defaultLeadTimeBusinessDays: 0 });
    expect(promisedShipDate(plain("2026-11-16T15:00:00Z"), zero).date).toBe("2026-11-16");
    expect(promisedShipDate(plain("2026-11-16T19:00:00Z"), zero).date).toBe("2026-11-17");
    expect(promisedShipDate(plain("2026-11-14T15:00:00Z"), zero).date).toBe("2026-11-16");
    expect(promisedShipDate(plain("2026-11-20T20:00:00Z"), zero).date).toBe("2026-11-30");
  });

  it("lets a product-tag override lengthen the promise", () => {
    const engraved = rulesWith({
      productTagOverrides: [{ tag: "Engraved", leadTimeBusinessDays: 7 }],
      closures: [],
    });
    const order = plain("2026-11-02T15:00:00Z", {
      lineItems: [
        { quantity: 1, productTags: ["engraved"], collectionIds: [] },
        { quantity: 2, productTags: [], collectionIds: [] },
      ],
    });
    // Mon 11-02 → 7 business days: 11-03 … 11-06, 11-09, 11-10, 11-11.
    expect(promisedShipDate(order, engraved)).toMatchObject({
      date: "2026-11-11",
      leadTime: { businessDays: 7, reason: { kind: "productTag", tag: "Engraved" } },
    });
  });

  it("prefers Shopify's fulfillBy, read as a local date", () => {
    // 04:59:59Z on Dec 1 is still Nov 30 in New York.
    const order = plain("2026-11-16T15:00:00Z", { fulfillBy: "2026-12-01T04:59:59Z" });
    expect(promisedShipDate(order, rules)).toEqual({ date: "2026-11-30", source: "fulfillBy" });
    expect(promisedShipDate({ ...order, fulfillBy: null }, rules).source).toBe("rules");
  });
});

describe("promisedShipDate in other zones", () => {
  it("Auckland: the local date is a day ahead of UTC, over a summer break at the year end", () => {
    const rules = rulesWith({
      timeZone: "Pacific/Auckland",
      defaultLeadTimeBusinessDays: 2,
      cutOffTime: "12:00",
      closures: [{ label: "Summer break", from: "2026-12-24", to: "2027-01-05" }],
    });
    // 2026-12-22T22:00Z = Wed 12-23 11:00 NZDT → counts Wed → Wed 2027-01-06, Thu 01-07.
    expect(promisedShipDate(plain("2026-12-22T22:00:00Z"), rules)).toMatchObject({
      date: "2027-01-07",
      countsFrom: "2026-12-23",
    });
    // 23:00Z = 12:00 NZDT, at the cut-off → counts from Wed 01-06 → Fri 01-08.
    expect(promisedShipDate(plain("2026-12-22T23:00:00Z"), rules).date).toBe("2027-01-08");
  });

  it("Kolkata: a half-hour offset moves the cut-off to 08:30Z", () => {
    const rules = rulesWith({
      timeZone: "Asia/Kolkata",
      defaultLeadTimeBusinessDays: 1,
      openWeekdays: [1, 2, 3, 4, 5, 6],
      closures: [],
    });
    expect(promisedShipDate(plain("2026-11-23T08:29:59Z"), rules).date).toBe("2026-11-24");
    expect(promisedShipDate(plain("2026-11-23T08:30:00Z"), rules).date).toBe("2026-11-25");
    // Sat 11-28 is open in this shop: Fri 11-27 15:00 IST → counts Sat → Mon 11-30.
    expect(promisedShipDate(plain("2026-11-27T09:30:00Z"), rules).date).toBe("2026-11-30");
  });
});

describe("createPromiser and promiseOrderSchema", () => {
  it("gives the same answers when reused for many orders", () => {
    const rules = rulesWith({});
    const promise = createPromiser(rules);
    const times = [
      "2026-11-16T15:00:00Z",
      "2026-11-20T15:00:00Z",
      "2026-11-25T15:00:00Z",
      "2026-11-16T15:00:00Z",
    ];
    expect(times.map((t) => promise(plain(t)).date)).toEqual([
      "2026-11-19",
      "2026-12-02",
      "2026-12-03",
      "2026-11-19",
    ]);
  });

  it("parses untrusted order JSON and rejects zone-less instants", () => {
    const parsed = promiseOrderSchema.parse({
      createdAt: "2026-11-16T15:00:00Z",
      lineItems: [{ quantity: 1 }],
    });
    expect(promisedShipDate(parsed, rulesWith({})).date).toBe("2026-11-19");
    expect(
      promiseOrderSchema.safeParse({ createdAt: "2026-11-16T15:00:00", lineItems: [] }).success,
    ).toBe(false);
  });
});
