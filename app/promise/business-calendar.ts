// Which local days the shop works. Closures are kept as sorted, merged epoch-day intervals
// so "is this day open?" is a binary search and stepping over a three-week closure is one
// jump, not 21 checks: order import asks this for every order, the forecast for every day.
import {
  fromEpochDay,
  toEpochDay,
  weekdayOfEpochDay,
  type IsoWeekday,
  type LocalDate,
} from "./local-date";
import type { Closure } from "./shop-rules";

export interface CalendarRules {
  openWeekdays: readonly IsoWeekday[];
  closures: readonly Closure[];
}

interface ClosedSpan {
  from: number;
  to: number;
  labels: string[];
}

export interface BusinessCalendar {
  isOpen(date: LocalDate): boolean;
  isOpenEpochDay(epochDay: number): boolean;
  /** Labels of the closures covering this day ("Thanksgiving week"), empty if none. */
  closureLabels(date: LocalDate): readonly string[];
  /** The date itself when open, else the first open day after it. */
  nextOpenOnOrAfter(date: LocalDate): LocalDate;
  /** The `count`-th open day strictly after `date`; `count` 0 returns `date` unchanged. */
  addBusinessDays(date: LocalDate, count: number): LocalDate;
  /** Open days d with from < d <= to (0 when to <= from). */
  businessDaysBetween(from: LocalDate, to: LocalDate): number;
}

function mergeClosures(closures: readonly Closure[]): ClosedSpan[] {
  const spans = closures
    .map((closure) => ({
      from: toEpochDay(closure.from),
      to: toEpochDay(closure.to),
      labels: [closure.label],
    }))
    .sort((a, b) => a.from - b.from);
  const merged: ClosedSpan[] = [];
  for (const span of spans) {
    const last = merged[merged.length - 1];
    // Adjacent spans merge too, so one jump clears "Thanksgiving week" + "Black Friday".
    if (last && span.from <= last.to + 1) {
      last.to = Math.max(last.to, span.to);
      last.labels.push(...span.labels);
    } else {
      merged.push({ ...span, labels: [...span.labels] });
    }
  }
  return merged;
}

export function createBusinessCalendar(rules: CalendarRules): BusinessCalendar {
  if (rules.openWeekdays.length === 0)
    throw new RangeError("A shop needs at least one open weekday");
  const openWeekday = new Set<IsoWeekday>(rules.openWeekdays);
  const spans = mergeClosures(rules.closures);
  const exactClosures = rules.closures.map((closure) => ({
    from: toEpochDay(closure.from),
    to: toEpochDay(closure.to),
    label: closure.label,
  }));

  /** The merged span containing epochDay, if any. */
  function spanAt(epochDay: number): ClosedSpan | undefined {
    let low = 0;
    let high = spans.length - 1;
    while (low <= high) {
      const middle = (low + high) >> 1;
      const span = spans[middle];
      if (!span) break;
      if (epochDay < span.from) high = middle - 1;
      else if (epochDay > span.to) low = middle + 1;
      else return span;
    }
    return undefined;
  }

  function isOpenEpochDay(epochDay: number): boolean {
    return openWeekday.has(weekdayOfEpochDay(epochDay)) && spanAt(epochDay) === undefined;
  }

  function nextOpenEpochDayOnOrAfter(epochDay: number): number {
    let day = epochDay;
    // At most 6 closed weekdays in a row between closures, and each closure is jumped once.
    for (;;) {
      const span = spanAt(day);
      if (span) {
        day = span.to + 1;
      } else if (!openWeekday.has(weekdayOfEpochDay(day))) {
        day += 1;
      } else {
        return day;
      }
    }
  }

  const addCache = new Map<string, LocalDate>();

  return {
    isOpen: (date) => isOpenEpochDay(toEpochDay(date)),
    isOpenEpochDay,
    closureLabels(date) {
      const day = toEpochDay(date);
      return exactClosures
        .filter((closure) => closure.from <= day && day <= closure.to)
        .map((c) => c.label);
    },
    nextOpenOnOrAfter: (date) => fromEpochDay(nextOpenEpochDayOnOrAfter(toEpochDay(date))),
    addBusinessDays(date, count) {
      if (!Number.isInteger(count) || count < 0)
        throw new RangeError(`Business days must be a whole number ≥ 0: ${count}`);
      const key = `${date}|${count}`;
      const cached = addCache.get(key);
      if (cached) return cached;
      let day = toEpochDay(date);
      for (let step = 0; step < count; step += 1) day = nextOpenEpochDayOnOrAfter(day + 1);
      const result = fromEpochDay(day);
      // Orders cluster on a few start dates, so a small cache saves most of the walking.
      if (addCache.size > 10_000) addCache.clear();
      addCache.set(key, result);
      return result;
    },
    businessDaysBetween(from, to) {
      let count = 0;
      const last = toEpochDay(to);
      for (
        let day = nextOpenEpochDayOnOrAfter(toEpochDay(from) + 1);
        day <= last;
        day = nextOpenEpochDayOnOrAfter(day + 1)
      ) {
        count += 1;
      }
      return count;
    },
  };
}
