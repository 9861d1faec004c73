// The promiser of promised-ship-date.ts, made cheap enough to run over 100k orders many times a
// second (issue 15: forecast ≥ 1,000,000 orders/s). Same rule, same answers — a property test
// (cached-promiser.test.ts) compares it with createPromiser on random orders and rules — but:
//   - the wall clock is arithmetic on millis with the zone's offset looked up once per
//     quarter-hour bucket (the same offset toShopLocal uses), not a Date and a date string;
//   - everything that depends only on a local day (its LocalDate text, whether it is open, the
//     day the lead time counts from, that day plus n business days) is cached by epoch day, and
//     orders fall on a few hundred distinct days;
//   - the lead-time rules are normalised once, not once per line item (createLeadTimer in
//     lead-time.ts, which owns the rule: variant > product > tag/collection > default).
import { createBusinessCalendar, type BusinessCalendar } from "./business-calendar";
import { createLeadTimer } from "./lead-time";
import { fromEpochDay, toEpochDay, type LocalDate } from "./local-date";
import type { Promiser, ShipPromise } from "./promised-ship-date";
import { instantToMillis, minutesOfHHMM, offsetMinutesAt } from "./shop-clock";
import type { ShopRules } from "./shop-rules";

const MS_PER_DAY = 86_400_000;
const MS_PER_MINUTE = 60_000;
const QUARTER_HOUR_MS = 15 * MS_PER_MINUTE;

interface CountsFrom {
  day: number;
  date: LocalDate;
  placedOnClosedDay: boolean;
}

/** createPromiser's answers, cached by local day. Build once per shop and pass. */
export function createCachedPromiser(
  rules: ShopRules,
  calendar: BusinessCalendar = createBusinessCalendar(rules),
): Promiser {
  const cutOffMinute = minutesOfHHMM(rules.cutOffTime);
  const zone = rules.timeZone;
  const leadTimer = createLeadTimer(rules);
  const offsets = new Map<number, number>();
  const dates = new Map<number, LocalDate>();
  const countsFromCache = new Map<number, CountsFrom>();
  const plusBusinessDays = new Map<string, LocalDate>();
  const byRules = new Map<number, ShipPromise>();
  const byFulfillBy = new Map<number, ShipPromise>();
  const decisions = leadTimer.decisionCount;

  function wallMillis(instantMillis: number): number {
    const bucket = Math.floor(instantMillis / QUARTER_HOUR_MS);
    let offset = offsets.get(bucket);
    if (offset === undefined) {
      offset = offsetMinutesAt(instantMillis, zone);
      offsets.set(bucket, offset);
    }
    return instantMillis + offset * MS_PER_MINUTE;
  }

  function dateOfDay(day: number): LocalDate {
    let date = dates.get(day);
    if (date === undefined) {
      date = fromEpochDay(day);
      dates.set(day, date);
    }
    return date;
  }

  function countsFromOf(placedDay: number, afterCutOff: boolean): CountsFrom {
    const key = placedDay * 2 + (afterCutOff ? 1 : 0);
    let found = countsFromCache.get(key);
    if (found === undefined) {
      const date = calendar.nextOpenOnOrAfter(dateOfDay(afterCutOff ? placedDay + 1 : placedDay));
      found = {
        day: toEpochDay(date),
        date,
        placedOnClosedDay: !calendar.isOpenEpochDay(placedDay),
      };
      countsFromCache.set(key, found);
    }
    return found;
  }

  function addBusinessDays(from: CountsFrom, count: number): LocalDate {
    const key = `${from.day}|${count}`;
    let date = plusBusinessDays.get(key);
    if (date === undefined) {
      date = calendar.addBusinessDays(from.date, count);
      plusBusinessDays.set(key, date);
    }
    return date;
  }

  return (order): ShipPromise => {
    if (order.fulfillBy) {
      const day = Math.floor(wallMillis(instantToMillis(order.fulfillBy)) / MS_PER_DAY);
      let promise = byFulfillBy.get(day);
      if (promise === undefined) {
        promise = { date: dateOfDay(day), source: "fulfillBy" };
        byFulfillBy.set(day, promise);
      }
      return promise;
    }
    const wall = wallMillis(instantToMillis(order.createdAt));
    const placedDay = Math.floor(wall / MS_PER_DAY);
    const placedAfterCutOff =
      Math.floor((wall - placedDay * MS_PER_DAY) / MS_PER_MINUTE) >= cutOffMinute;
    const made = leadTimer.decide(order.lineItems);
    // Every order placed on the same side of the same day's cut-off with the same decision gets
    // the same promise: one object, shared (promises are read, never mutated).
    const key = (placedDay * 2 + (placedAfterCutOff ? 1 : 0)) * decisions + made.index;
    let promise = byRules.get(key);
    if (promise === undefined) {
      const countsFrom = countsFromOf(placedDay, placedAfterCutOff);
      promise = {
        date: addBusinessDays(countsFrom, made.decision.businessDays),
        source: "rules",
        countsFrom: countsFrom.date,
        leadTime: made.decision,
        placedAfterCutOff,
        placedOnClosedDay: countsFrom.placedOnClosedDay,
      };
      byRules.set(key, promise);
    }
    return promise;
  };
}
