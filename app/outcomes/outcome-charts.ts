// Each chart of the outcomes page as data: its bars (what the eye reads at a glance), and the same
// figures as a table (the accessible view, and the chart's CSV, csvOf). One definition for the
// three, so the chart, the table and the download never disagree. Pure.
import { formatMoney } from "../jobs/money";
import { formatShopDate } from "../locale/shop-time";
import { csvField } from "../orders/orders-csv";
import type { MoneyCell, OutcomesView, OutcomeWeekView } from "./outcome-metrics";

export const CHART_IDS = ["on_time", "late", "notices", "choices", "refunds", "kept"] as const;
export type ChartId = (typeof CHART_IDS)[number];

export interface Bar {
  label: string;
  /** One value per series. */
  values: number[];
  /** What a reader hears/sees for the bar ("92 %", "$54.00"). */
  text: string;
}

export interface OutcomeChart {
  id: ChartId;
  title: string;
  /** One sentence with the headline figure, for the card and the SVG's description. */
  summary: string;
  series: string[];
  /** The largest value the axis must hold (at least 1). */
  max: number;
  bars: Bar[];
  table: { headings: string[]; rows: string[][] };
}

const weekLabel = (week: string) => formatShopDate(week).replace(/, \d{4}$/, "");
const pct = (value: number | null) => (value === null ? "–" : `${value} %`);
const hours = (value: number | null) => (value === null ? "–" : `${value} h`);

function moneyIn(cells: readonly MoneyCell[], currency: string): MoneyCell | undefined {
  return cells.find((cell) => cell.currency === currency);
}

function currencies(weeks: readonly OutcomeWeekView[], pick: (w: OutcomeWeekView) => MoneyCell[]) {
  return [...new Set(weeks.flatMap((w) => pick(w).map((cell) => cell.currency)))].sort();
}

function moneyChart(
  view: OutcomesView,
  id: "refunds" | "kept",
  title: string,
  pick: (w: OutcomeWeekView) => MoneyCell[],
  none: string,
  said: (cells: readonly MoneyCell[]) => string,
): OutcomeChart {
  const codes = currencies(view.weeks, pick);
  // The bars show the main currency (the most orders); the table has every currency.
  const totals = id === "refunds" ? view.totals.refunds : view.totals.kept;
  const main = [...totals].sort((a, b) => b.orders - a.orders)[0]?.currency ?? codes[0] ?? "";
  const units = (cell: MoneyCell | undefined) => (cell ? Number(cell.amount) : 0);
  return {
    id,
    title,
    summary: totals.length === 0 ? none : said(totals),
    series: [main || "Amount"],
    max: Math.max(1, ...view.weeks.map((w) => units(moneyIn(pick(w), main)))),
    bars: view.weeks.map((w) => {
      const cell = moneyIn(pick(w), main);
      return {
        label: weekLabel(w.week),
        values: [units(cell)],
        text: cell ? formatMoney(cell.amount, cell.currency) : "none",
      };
    }),
    table: {
      headings: ["Week of", "Currency", "Orders", "Amount"],
      rows: view.weeks.flatMap((w) =>
        pick(w).map((cell) => [
          formatShopDate(w.week),
          cell.currency,
          String(cell.orders),
          cell.amount,
        ]),
      ),
    },
  };
}

const moneyList = (cells: readonly MoneyCell[]) =>
  cells.map((cell) => formatMoney(cell.amount, cell.currency)).join(" and ");

export function outcomeCharts(view: OutcomesView): OutcomeChart[] {
  const { weeks, totals } = view;
  const noticeKinds = ["first", "weekly", "later", "earlier", "shipped"] as const;
  const noticeLabels: Record<(typeof noticeKinds)[number], string> = {
    first: "First notice",
    weekly: "Weekly update",
    later: "Later date",
    earlier: "Earlier date",
    shipped: "It has shipped",
  };
  const noticeTotals = noticeKinds.map((kind) => weeks.reduce((s, w) => s + w.notices[kind], 0));
  return [
    {
      id: "on_time",
      title: "On-time rate per week",
      summary:
        totals.onTimeRate === null
          ? "Nothing has shipped in these weeks yet."
          : `${totals.onTimeRate} % of ${totals.shipped} shipped orders left on or before the day they were promised.`,
      series: ["On time"],
      max: 100,
      bars: weeks.map((w) => ({
        label: weekLabel(w.week),
        values: [w.onTimeRate ?? 0],
        text: w.onTimeRate === null ? "nothing shipped" : `${w.onTimeRate} % of ${w.shipped}`,
      })),
      table: {
        headings: ["Week of", "Shipped", "On time", "On-time rate"],
        rows: weeks.map((w) => [
          formatShopDate(w.week),
          String(w.shipped),
          String(w.shippedOnTime),
          pct(w.onTimeRate),
        ]),
      },
    },
    {
      id: "late",
      title: "Late orders and time to the first notice",
      summary:
        totals.late === 0
          ? "No order became late in these weeks."
          : totals.hoursToNotice === null
            ? `${totals.late} orders became late; none has had a delay notice yet.`
            : `${totals.late} orders became late; their first delay notice went out after ${hours(totals.hoursToNotice)} on average.`,
      series: ["Became late"],
      max: Math.max(1, ...weeks.map((w) => w.late)),
      bars: weeks.map((w) => ({
        label: weekLabel(w.week),
        values: [w.late],
        text: `${w.late} late${w.hoursToNotice === null ? "" : `, noticed after ${hours(w.hoursToNotice)}`}`,
      })),
      table: {
        headings: ["Week of", "Became late", "Told", "Hours to first notice (mean)"],
        rows: weeks.map((w) => [
          formatShopDate(w.week),
          String(w.late),
          String(w.noticed),
          hours(w.hoursToNotice),
        ]),
      },
    },
    {
      id: "notices",
      title: "Notices by kind",
      summary:
        totals.notices === 0
          ? "No notice was sent in these weeks."
          : `${totals.notices} notices sent: ${noticeKinds
              .map((kind, i) => `${noticeTotals[i]} ${noticeLabels[kind].toLowerCase()}`)
              .join(", ")}.`,
      series: ["Notices"],
      max: Math.max(1, ...noticeTotals),
      bars: noticeKinds.map((kind, i) => ({
        label: noticeLabels[kind],
        values: [noticeTotals[i] ?? 0],
        text: String(noticeTotals[i] ?? 0),
      })),
      table: {
        headings: ["Week of", ...noticeKinds.map((kind) => noticeLabels[kind])],
        rows: weeks.map((w) => [
          formatShopDate(w.week),
          ...noticeKinds.map((kind) => String(w.notices[kind])),
        ]),
      },
    },
    {
      id: "choices",
      title: "Wait or cancel: what customers chose",
      summary:
        totals.wait + totals.cancel === 0
          ? "No customer has answered a notice in these weeks."
          : `${totals.wait} chose to wait, ${totals.cancel} asked to cancel for a full refund.`,
      series: ["Waited", "Cancelled"],
      max: Math.max(1, ...weeks.map((w) => Math.max(w.wait, w.cancel))),
      bars: weeks.map((w) => ({
        label: weekLabel(w.week),
        values: [w.wait, w.cancel],
        text: `${w.wait} waited, ${w.cancel} cancelled`,
      })),
      table: {
        headings: ["Week of", "Chose to wait", "Asked to cancel"],
        rows: weeks.map((w) => [formatShopDate(w.week), String(w.wait), String(w.cancel)]),
      },
    },
    moneyChart(
      view,
      "refunds",
      "Refunds paid",
      (w) => w.refunds,
      "No refund was paid in these weeks.",
      (cells) =>
        `${moneyList(cells)} refunded to ${cells.reduce((s, c) => s + c.orders, 0)} orders (what Shopify reported refunded).`,
    ),
    moneyChart(
      view,
      "kept",
      "Revenue kept",
      (w) => w.kept,
      "No order that waited has shipped in these weeks yet.",
      (cells) =>
        `${moneyList(cells)} kept: ${cells.reduce((s, c) => s + c.orders, 0)} orders whose customer chose to wait, then shipped.`,
    ),
  ];
}

export function csvOf(chart: OutcomeChart): string {
  return [chart.table.headings, ...chart.table.rows]
    .map((row) => row.map((cell) => csvField(cell)).join(","))
    .join("\r\n")
    .concat("\r\n");
}
