// What the outcomes page counts, per shop-local week, and how the stored rows (OutcomeWeek) turn
// into the page's series. Pure: the writers (record-outcomes.server.ts) and the reader
// (outcomes.server.ts) share these names, and the oracle (naive-outcomes.server.ts) builds the
// same rows from the orders, notices, choices and job items themselves.
import { DateTime } from "luxon";
import { fromMinorUnits } from "../jobs/money";

export const NOTICE_METRIC_KINDS = ["first", "weekly", "later", "earlier", "shipped"] as const;

export const METRICS = {
  /** Orders that shipped (left the backlog fulfilled) this week, as seen by a forecast pass. */
  shipped: "shipped",
  /** Of those, shipped on or before the day they were promised (the frozen promise). */
  shippedOnTime: "shipped_on_time",
  /** Orders first seen at risk or overdue this week. */
  late: "late",
  /** Late orders (by the week they became late) that got their first delay notice; total = seconds. */
  lateToNotice: "late_to_notice",
  /** Customers' answers by the week they gave them (a change of mind moves the order). */
  wait: "choice:wait",
  cancel: "choice:cancel",
  /** Refunds Shopify reported (or, for a cancellation, the amount staff confirmed), per currency. */
  refund: "refund",
  /** Orders whose customer chose to wait and that then shipped: their total, per currency. */
  kept: "kept",
} as const;

export const noticeMetric = (kind: string): string => `notice:${kind}`;

export interface OutcomeRow {
  week: string;
  metric: string;
  currency: string;
  count: number;
  total: number;
}

/** The Monday that starts the week holding `instant`, on the shop's calendar. */
export function weekOf(instant: Date, timeZone: string): string {
  const day = DateTime.fromMillis(instant.getTime(), { zone: timeZone }).startOf("week");
  if (!day.isValid) throw new RangeError(`No week in time zone ${timeZone}`);
  return day.toISODate() ?? "";
}

/** The `count` Mondays up to and including this week's, oldest first. */
export function lastWeeks(now: Date, timeZone: string, count: number): string[] {
  const monday = DateTime.fromMillis(now.getTime(), { zone: timeZone }).startOf("week");
  return Array.from(
    { length: count },
    (_, i) =>
      monday
        .minus({ weeks: count - 1 - i })
        .startOf("week")
        .toISODate() ?? "",
  );
}

export interface MoneyCell {
  currency: string;
  amount: string;
  orders: number;
}

export interface OutcomeWeekView {
  week: string;
  shipped: number;
  shippedOnTime: number;
  /** Whole percent, null for a week with nothing shipped. */
  onTimeRate: number | null;
  late: number;
  noticed: number;
  /** Mean hours from late to the first notice, one decimal; null when none was noticed. */
  hoursToNotice: number | null;
  notices: Record<(typeof NOTICE_METRIC_KINDS)[number], number>;
  wait: number;
  cancel: number;
  refunds: MoneyCell[];
  kept: MoneyCell[];
}

export interface OutcomesView {
  weeks: OutcomeWeekView[];
  totals: {
    shipped: number;
    shippedOnTime: number;
    onTimeRate: number | null;
    late: number;
    hoursToNotice: number | null;
    wait: number;
    cancel: number;
    notices: number;
    refunds: MoneyCell[];
    kept: MoneyCell[];
  };
}

const rate = (part: number, whole: number): number | null =>
  whole > 0 ? Math.round((part / whole) * 100) : null;
const hours = (seconds: number, count: number): number | null =>
  count > 0 ? Math.round((seconds / count / 3600) * 10) / 10 : null;

function money(rows: readonly OutcomeRow[]): MoneyCell[] {
  const byCurrency = new Map<string, { total: number; orders: number }>();
  for (const row of rows) {
    const cell = byCurrency.get(row.currency) ?? { total: 0, orders: 0 };
    cell.total += row.total;
    cell.orders += row.count;
    byCurrency.set(row.currency, cell);
  }
  return [...byCurrency]
    .filter(([, cell]) => cell.orders !== 0 || cell.total !== 0)
    .sort(([a], [b]) => (a < b ? -1 : 1))
    .map(([currency, cell]) => ({
      currency,
      amount: fromMinorUnits(cell.total),
      orders: cell.orders,
    }));
}

/** The page's weeks (oldest first) from the stored rows; weeks without rows read as zero. */
export function outcomesView(rows: readonly OutcomeRow[], weeks: readonly string[]): OutcomesView {
  const inWeek = new Map<string, OutcomeRow[]>();
  for (const row of rows) inWeek.set(row.week, [...(inWeek.get(row.week) ?? []), row]);
  const sum = (list: readonly OutcomeRow[], metric: string, field: "count" | "total" = "count") =>
    list.filter((r) => r.metric === metric).reduce((acc, r) => acc + r[field], 0);
  const view = weeks.map((week): OutcomeWeekView => {
    const list = inWeek.get(week) ?? [];
    const shipped = sum(list, METRICS.shipped);
    const shippedOnTime = sum(list, METRICS.shippedOnTime);
    const noticed = sum(list, METRICS.lateToNotice);
    return {
      week,
      shipped,
      shippedOnTime,
      onTimeRate: rate(shippedOnTime, shipped),
      late: sum(list, METRICS.late),
      noticed,
      hoursToNotice: hours(sum(list, METRICS.lateToNotice, "total"), noticed),
      notices: {
        first: sum(list, noticeMetric("first")),
        weekly: sum(list, noticeMetric("weekly")),
        later: sum(list, noticeMetric("later")),
        earlier: sum(list, noticeMetric("earlier")),
        shipped: sum(list, noticeMetric("shipped")),
      },
      wait: sum(list, METRICS.wait),
      cancel: sum(list, METRICS.cancel),
      refunds: money(list.filter((r) => r.metric === METRICS.refund)),
      kept: money(list.filter((r) => r.metric === METRICS.kept)),
    };
  });
  const inRange = rows.filter((row) => weeks.includes(row.week));
  const shipped = sum(inRange, METRICS.shipped);
  const shippedOnTime = sum(inRange, METRICS.shippedOnTime);
  return {
    weeks: view,
    totals: {
      shipped,
      shippedOnTime,
      onTimeRate: rate(shippedOnTime, shipped),
      late: sum(inRange, METRICS.late),
      hoursToNotice: hours(
        sum(inRange, METRICS.lateToNotice, "total"),
        sum(inRange, METRICS.lateToNotice),
      ),
      wait: sum(inRange, METRICS.wait),
      cancel: sum(inRange, METRICS.cancel),
      notices: inRange
        .filter((r) => r.metric.startsWith("notice:"))
        .reduce((acc, r) => acc + r.count, 0),
      refunds: money(inRange.filter((r) => r.metric === METRICS.refund)),
      kept: money(inRange.filter((r) => r.metric === METRICS.kept)),
    },
  };
}
