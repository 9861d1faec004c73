// The fast forecastOrders (issue 15) against the plain composition it replaced
// (forecast-orders-reference.test-support.ts), on seeded random shops and orders: zones with
// DST and half-hour offsets, cut-offs, closures, tag and collection overrides (ties, shorter than
// the default, quantity-0 lines), fulfillBy dates, frozen promises, out-of-order and equal
// createdAt. Every field of the answer must be equal, including each order's "why this date?"
// reasons. The seed is fixed so a failure is reproducible; the case number is in the message.
import { describe, expect, it } from "vitest";
import { drawsFrom, mulberry32 } from "../../tests/support/seeded-random";
import { fromEpochDay, type LocalDate } from "../promise/local-date";
import { createCachedPromiser } from "../promise/cached-promiser";
import { createPromiser } from "../promise/promised-ship-date";
import { parseShopRules, WEEKDAY_KEYS, type ShopRules } from "../promise/shop-rules";
import { forecastOrders, type UnfulfilledOrder } from "./forecast-orders";
import { forecastOrdersReference } from "./forecast-orders-reference.test-support";

const DAY = 86_400_000;
const TAGS = ["Engraved", " engraved ", "rush", "Made-To-Order", "gift"];
const COLLECTIONS = ["gid://shopify/Collection/42", "42", "7", "gid://shopify/Collection/9"];

interface Case {
  rules: ShopRules;
  now: string;
  orders: UnfulfilledOrder[];
}

function randomCase(random: () => number): Case {
  const { pick, int } = drawsFrom(random);
  const timeZone = pick([
    "America/New_York",
    "Pacific/Auckland",
    "Asia/Kolkata",
    "Australia/Lord_Howe",
    "UTC",
    "Europe/London",
  ]);
  // Around the DST transitions of both hemispheres as well as anywhere in the year.
  const nowMillis = Date.UTC(2026, pick([0, 2, 3, 9, 10]), int(1, 28), int(0, 23), int(0, 59));
  const today = Math.floor(nowMillis / DAY);
  const openWeekdays = [1, 2, 3, 4, 5, 6, 7].filter(() => random() < 0.7);
  if (openWeekdays.length === 0) openWeekdays.push(int(1, 7));
  const closures = Array.from({ length: int(0, 3) }, (_, i) => {
    const from = today + int(-40, 40);
    return { label: `Closure ${i}`, from: fromEpochDay(from), to: fromEpochDay(from + int(0, 9)) };
  });
  const rules = parseShopRules({
    timeZone,
    defaultLeadTimeBusinessDays: int(0, 12),
    productTagOverrides: Array.from({ length: int(0, 3) }, () => ({
      tag: pick(TAGS),
      leadTimeBusinessDays: int(0, 15),
    })),
    collectionOverrides: Array.from({ length: int(0, 2) }, () => ({
      collectionId: pick(COLLECTIONS),
      leadTimeBusinessDays: int(0, 15),
    })),
    cutOffTime: `${String(int(0, 23)).padStart(2, "0")}:${pick(["00", "30", "59"])}`,
    openWeekdays,
    closures,
    capacity: {
      unit: pick(["units", "orders"] as const),
      perWeekday: Object.fromEntries(
        WEEKDAY_KEYS.map((key) => [key, int(0, 3) === 0 ? 0 : int(1, 9)]),
      ),
      coefficientOfVariation: pick([0, 0.1, 0.3, 0.78]),
    },
    conservativeConfidence: pick([0.5, 0.8, 0.9, 0.95]),
  });
  const orders: UnfulfilledOrder[] = Array.from({ length: int(0, 120) }, (_, i) => {
    // Equal instants on purpose: ties must keep input order.
    const placed = nowMillis - int(0, 60) * DAY - (int(0, 4) === 0 ? 0 : int(0, 95) * 900_000);
    const createdAt: Date | string =
      random() < 0.2 ? new Date(placed).toISOString() : new Date(placed);
    const lineItems = Array.from({ length: int(0, 3) }, () => ({
      quantity: int(0, 3),
      productTags: Array.from({ length: int(0, 2) }, () => pick(TAGS)),
      collectionIds: Array.from({ length: int(0, 2) }, () => pick(COLLECTIONS)),
    }));
    const fulfillBy = random() < 0.15 ? new Date(placed + int(0, 20) * 3_600_000 * 7) : null;
    const promised: LocalDate | null = random() < 0.2 ? fromEpochDay(today + int(-10, 20)) : null;
    return {
      id: `#${i}`,
      createdAt,
      lineItems,
      unitsRemaining: int(1, 6),
      ...(fulfillBy ? { fulfillBy } : {}),
      ...(promised ? { promised } : {}),
    };
  });
  return { rules, now: new Date(nowMillis).toISOString(), orders };
}

describe("forecastOrders, fast path", () => {
  it("answers exactly as the plain composition it replaced, on 400 random shops", () => {
    const random = mulberry32(20261201);
    for (let n = 0; n < 400; n += 1) {
      const { rules, now, orders } = randomCase(random);
      const fast = forecastOrders(orders, rules, now);
      const reference = forecastOrdersReference(orders, rules, now);
      expect(fast, `case ${n}`).toEqual(reference);
      expect([...fast.promises.keys()], `case ${n}: promises in queue order`).toEqual([
        ...reference.promises.keys(),
      ]);
    }
  });

  it("the cached promiser gives createPromiser's promise for every order, reasons included", () => {
    const random = mulberry32(7);
    for (let n = 0; n < 400; n += 1) {
      const { rules, orders } = randomCase(random);
      const cached = createCachedPromiser(rules);
      const plain = createPromiser(rules);
      for (const order of orders)
        expect(cached(order), `case ${n} ${order.id}`).toEqual(plain(order));
    }
  });
});
