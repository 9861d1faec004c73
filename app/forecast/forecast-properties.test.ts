// Property-style checks over seeded random shops: the fast one-pass forecast must agree with
// a slow, obviously-correct reference, and must move the right way when capacity or closures
// change. The seed is fixed so a failure is reproducible; the case number is in the message.
import { DateTime } from "luxon";
import { describe, expect, it } from "vitest";
import { drawsFrom, mulberry32 } from "../../tests/support/seeded-random";
import {
  addDays,
  fromEpochDay,
  parseLocalDate,
  toEpochDay,
  type LocalDate,
} from "../promise/local-date";
import { parseShopRules, WEEKDAY_KEYS, type ShopRules } from "../promise/shop-rules";
import { forecastBacklog, type BacklogOrder, type BacklogForecast } from "./forecast-backlog";
import { conservativeFraction } from "./shock-quantile";

const HORIZON = 150;
const Z90 = 1.2815515655446004;

interface Case {
  rules: ShopRules;
  now: string;
  backlog: BacklogOrder[];
}

function randomCase(random: () => number): Case {
  const { pick, int } = drawsFrom(random);
  const timeZone = pick([
    "America/New_York",
    "Pacific/Auckland",
    "Asia/Kolkata",
    "UTC",
    "Europe/London",
  ]);
  const nowMillis = Date.UTC(2026, 0, 1) + Math.floor(random() * 365 * 86_400_000);
  const now = new Date(nowMillis).toISOString();
  const today = toEpochDay(
    parseLocalDate(DateTime.fromMillis(nowMillis, { zone: timeZone }).toISODate() ?? ""),
  );
  const openWeekdays = [1, 2, 3, 4, 5, 6, 7].filter(() => random() < 0.7);
  if (openWeekdays.length === 0) openWeekdays.push(int(1, 7));
  const perWeekday = Object.fromEntries(
    WEEKDAY_KEYS.map((key) => [
      key,
      random() < 0.15 ? 0 : random() < 0.3 ? int(1, 16) / 4 : int(1, 8),
    ]),
  );
  const closures = Array.from({ length: int(0, 3) }, (_, i) => {
    const from = today + int(-5, 60);
    return { label: `Closure ${i}`, from: fromEpochDay(from), to: fromEpochDay(from + int(0, 9)) };
  });
  const rules = parseShopRules({
    timeZone,
    defaultLeadTimeBusinessDays: int(0, 10),
    cutOffTime: `${String(int(0, 23)).padStart(2, "0")}:${pick(["00", "30", "59"])}`,
    openWeekdays,
    closures,
    capacity: {
      unit: pick(["units", "orders"] as const),
      perWeekday,
      coefficientOfVariation: pick([0, 0.1, 0.3, 0.78, 1.5]),
    },
    conservativeConfidence: pick([0.5, 0.8, 0.9, 0.95]),
  });
  const backlog = Array.from({ length: int(0, 25) }, (_, i) => ({
    id: `#${i}`,
    unitsRemaining: int(1, 6),
    promise: fromEpochDay(today + int(-20, 20)),
  }));
  return { rules, now, backlog };
}

/** The model written the slow way: per order, per day, recomputing every sum from scratch. */
function referenceDates(c: Case): {
  likely: (LocalDate | null)[];
  conservative: (LocalDate | null)[];
} {
  const local = DateTime.fromISO(c.now, { zone: c.rules.timeZone });
  const [cutHour, cutMinute] = c.rules.cutOffTime.split(":").map(Number);
  const afterCutOff = local.hour * 60 + local.minute >= (cutHour ?? 0) * 60 + (cutMinute ?? 0);
  const start = toEpochDay(parseLocalDate(local.toISODate() ?? "")) + (afterCutOff ? 1 : 0);
  const cv = Math.min(
    c.rules.capacity.coefficientOfVariation,
    c.rules.conservativeConfidence > 0.5 ? 1 / zOf(c.rules.conservativeConfidence) : Infinity,
  );
  const meanOn = (epochDay: number): number => {
    const date = fromEpochDay(epochDay);
    const weekday = ((new Date(epochDay * 86_400_000).getUTCDay() + 6) % 7) + 1;
    const closed = c.rules.closures.some((closure) => closure.from <= date && date <= closure.to);
    const key = WEEKDAY_KEYS[weekday - 1];
    return closed || !c.rules.openWeekdays.some((w) => w === weekday) || key === undefined
      ? 0
      : c.rules.capacity.perWeekday[key];
  };
  // Every prefix summed afresh: quadratic, but nothing shared with the fast code's pointers.
  const means = Array.from({ length: HORIZON }, (_, j) => meanOn(start + j));
  const likelyCum = means.map((_, k) => means.slice(0, k + 1).reduce((a, b) => a + b, 0));
  // The shock-aware fraction r(n) is its own unit (shock-quantile.test.ts); here, n is counted
  // afresh from the plan for every prefix.
  const r = conservativeFraction(cv, c.rules.conservativeConfidence);
  const rawQuantile = means.map((_, k) => {
    const businessDays = means.slice(0, k + 1).filter((m) => m > 0).length;
    return businessDays === 0 ? 0 : (likelyCum[k] ?? 0) * r(businessDays);
  });
  const conservativeCum = means.map((_, k) => Math.max(0, ...rawQuantile.slice(0, k + 1)));
  const firstDay = (cum: number[], demand: number): LocalDate | null => {
    for (let k = 0; k < HORIZON; k += 1)
      if ((cum[k] ?? 0) >= demand - 1e-9) return fromEpochDay(start + k);
    return null;
  };
  let demand = 0;
  const likely: (LocalDate | null)[] = [];
  const conservative: (LocalDate | null)[] = [];
  for (const order of c.backlog) {
    demand += c.rules.capacity.unit === "orders" ? 1 : order.unitsRemaining;
    likely.push(firstDay(likelyCum, demand));
    conservative.push(firstDay(conservativeCum, demand));
  }
  return { likely, conservative };
}

const Z_TABLE: Record<string, number> = {
  "0.5": 0,
  "0.8": 0.8416212335729143,
  "0.9": Z90,
  "0.95": 1.6448536269514722,
};
function zOf(confidence: number): number {
  const z = Z_TABLE[String(confidence)];
  if (z === undefined) throw new Error(`no z for ${confidence}`);
  return z;
}

/** null ("beyond the horizon") sorts after every date. */
const notLater = (a: LocalDate | null, b: LocalDate | null) => b === null || (a !== null && a <= b);

function run(c: Case): BacklogForecast {
  return forecastBacklog(c.backlog, c.rules, c.now, { horizonDays: HORIZON });
}

const CASES = 150;

describe("forecast properties over seeded random shops", () => {
  const random = mulberry32(20261123);
  const cases = Array.from({ length: CASES }, () => randomCase(random));

  it("agrees with the slow reference model", () => {
    cases.forEach((c, n) => {
      const fast = run(c);
      const slow = referenceDates(c);
      expect(
        fast.orders.map((o) => o.likely),
        `case ${n} likely`,
      ).toEqual(slow.likely);
      expect(
        fast.orders.map((o) => o.conservative),
        `case ${n} conservative`,
      ).toEqual(slow.conservative);
    });
  });

  it("never puts the conservative date before the likely one, nor a later order before an earlier one", () => {
    cases.forEach((c, n) => {
      const orders = run(c).orders;
      orders.forEach((o, i) => {
        expect(notLater(o.likely, o.conservative), `case ${n} order ${i}`).toBe(true);
        const previous = orders[i - 1];
        if (previous) {
          expect(notLater(previous.likely, o.likely), `case ${n} order ${i} likely order`).toBe(
            true,
          );
          expect(
            notLater(previous.conservative, o.conservative),
            `case ${n} order ${i} conservative order`,
          ).toBe(true);
        }
      });
      const { newOrders } = run(c);
      expect(notLater(newOrders.likely, newOrders.conservative), `case ${n} new orders`).toBe(true);
    });
  });

  it("more capacity on any weekday never makes a date later", () => {
    const extra = mulberry32(7);
    cases.forEach((c, n) => {
      const key = WEEKDAY_KEYS[Math.floor(extra() * 7)] ?? "mon";
      const more = parseShopRules({
        ...c.rules,
        capacity: {
          ...c.rules.capacity,
          perWeekday: {
            ...c.rules.capacity.perWeekday,
            [key]: c.rules.capacity.perWeekday[key] + 1 + Math.floor(extra() * 5),
          },
        },
      });
      const before = run(c).orders;
      const after = run({ ...c, rules: more }).orders;
      after.forEach((o, i) => {
        expect(notLater(o.likely, before[i]?.likely ?? null), `case ${n} order ${i} likely`).toBe(
          true,
        );
        expect(
          notLater(o.conservative, before[i]?.conservative ?? null),
          `case ${n} order ${i} conservative`,
        ).toBe(true);
      });
    });
  });

  it("adding a closure never makes a date earlier", () => {
    const extra = mulberry32(11);
    cases.forEach((c, n) => {
      const start = toEpochDay(run(c).firstProductionDay);
      const from = fromEpochDay(start + Math.floor(extra() * 30));
      const closed = parseShopRules({
        ...c.rules,
        closures: [
          ...c.rules.closures,
          { label: "Extra", from, to: addDays(from, Math.floor(extra() * 6)) },
        ],
      });
      const before = run(c).orders;
      const after = run({ ...c, rules: closed }).orders;
      after.forEach((o, i) => {
        expect(notLater(before[i]?.likely ?? null, o.likely), `case ${n} order ${i} likely`).toBe(
          true,
        );
        expect(
          notLater(before[i]?.conservative ?? null, o.conservative),
          `case ${n} order ${i} conservative`,
        ).toBe(true);
      });
    });
  });
});
