// The promiser of promised-ship-date.ts, made cheap enough to run over 100k orders many times a
// second (issue 15: forecast ≥ 1,000,000 orders/s). Same rule, same answers — a property test
// (cached-promiser.test.ts) compares it with createPromiser on random orders and rules — but:
//   - the wall clock is arithmetic on millis with the zone's offset looked up once per
//     quarter-hour bucket (the same offset toShopLocal uses), not a Date and a date string;
//   - everything that depends only on a local day (its LocalDate text, whether it is open, the
//     day the lead time counts from, that day plus n business days) is cached by epoch day, and
//     orders fall on a few hundred distinct days;
//   - the override tags and collection ids are normalised once, not once per line item.
import { createBusinessCalendar, type BusinessCalendar } from "./business-calendar";
import { normalizeCollectionId, normalizeTag, type LeadTimeDecision } from "./lead-time";
import type { PromiseLineItem } from "./lead-time";
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

/** A lead-time decision and its index among the shop's possible decisions (for the cache key). */
interface Decision {
  index: number;
  decision: LeadTimeDecision;
}

type LeadTimer = (lineItems: readonly PromiseLineItem[]) => Decision;

/**
 * leadTimeForOrder (lead-time.ts) with the overrides normalised once. An order's decision is
 * always one of 1 + overrides possible values, so each is built once and shared (nothing mutates
 * a promise's reasons), which also makes the whole promise cacheable by (day, decision).
 */
function createLeadTimer(rules: ShopRules): LeadTimer {
  const byDefault: Decision = {
    index: 0,
    decision: { businessDays: rules.defaultLeadTimeBusinessDays, reason: { kind: "default" } },
  };
  const tagOverrides = rules.productTagOverrides.map((o, i) => ({
    key: normalizeTag(o.tag),
    days: o.leadTimeBusinessDays,
    made: {
      index: 1 + i,
      decision: {
        businessDays: o.leadTimeBusinessDays,
        reason: { kind: "productTag", tag: o.tag },
      },
    } satisfies Decision,
  }));
  const collectionOverrides = rules.collectionOverrides.map((o, i) => ({
    key: normalizeCollectionId(o.collectionId),
    days: o.leadTimeBusinessDays,
    made: {
      index: 1 + tagOverrides.length + i,
      decision: {
        businessDays: o.leadTimeBusinessDays,
        reason: { kind: "collection", collectionId: o.collectionId },
      },
    } satisfies Decision,
  }));
  if (tagOverrides.length === 0 && collectionOverrides.length === 0) return () => byDefault;

  function forItem(item: PromiseLineItem): Decision {
    let best: Decision | null = null;
    if (tagOverrides.length > 0 && item.productTags.length > 0) {
      const tags = item.productTags.map(normalizeTag);
      for (const override of tagOverrides) {
        if (
          (best === null || override.days > best.decision.businessDays) &&
          tags.includes(override.key)
        )
          best = override.made;
      }
    }
    if (collectionOverrides.length > 0 && item.collectionIds.length > 0) {
      const ids = item.collectionIds.map(normalizeCollectionId);
      for (const override of collectionOverrides) {
        if (
          (best === null || override.days > best.decision.businessDays) &&
          ids.includes(override.key)
        )
          best = override.made;
      }
    }
    return best ?? byDefault;
  }

  return (lineItems) => {
    let longest: Decision | null = null;
    for (const item of lineItems) {
      // Removed or fully refunded lines (quantity 0) no longer hold the parcel back.
      if (item.quantity <= 0) continue;
      const made = forItem(item);
      if (longest === null || made.decision.businessDays > longest.decision.businessDays)
        longest = made;
    }
    return longest ?? byDefault;
  };
}

/** createPromiser's answers, cached by local day. Build once per shop and pass. */
export function createCachedPromiser(
  rules: ShopRules,
  calendar: BusinessCalendar = createBusinessCalendar(rules),
): Promiser {
  const cutOffMinute = minutesOfHHMM(rules.cutOffTime);
  const zone = rules.timeZone;
  const leadTimeOf = createLeadTimer(rules);
  const offsets = new Map<number, number>();
  const dates = new Map<number, LocalDate>();
  const countsFromCache = new Map<number, CountsFrom>();
  const plusBusinessDays = new Map<string, LocalDate>();
  const byRules = new Map<number, ShipPromise>();
  const byFulfillBy = new Map<number, ShipPromise>();
  const decisions = 1 + rules.productTagOverrides.length + rules.collectionOverrides.length;

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
    const made = leadTimeOf(order.lineItems);
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
