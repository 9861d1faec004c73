// The per-job report and the shop's money audit as CSV (RFC 4180 through the orders export's
// csvField: quoting, and formula-like text defused). Pure: rows in, text out.
import { csvField, csvLine } from "../orders/orders-csv";

export interface JobReportRow {
  orderName: string;
  orderId: string;
  /** Shop money: what was refunded (done) or the frozen amount (not run). */
  amount: string | null;
  currencyCode: string | null;
  /** The same in the buyer's currency (decision 008): what they got back, or were to. */
  customerAmount: string | null;
  customerCurrencyCode: string | null;
  outcome: string;
  reason: string;
}

export const JOB_REPORT_HEADER = [
  "Order",
  "Order ID",
  "Amount",
  "Currency",
  "Customer amount",
  "Customer currency",
  "Outcome",
  "Reason",
];

export function jobReportCsv(rows: readonly JobReportRow[]): string {
  return (
    csvLine(JOB_REPORT_HEADER) +
    rows
      .map((row) =>
        csvLine([
          csvField(row.orderName),
          csvField(row.orderId),
          csvField(row.amount, false),
          csvField(row.currencyCode),
          csvField(row.customerAmount, false),
          csvField(row.customerCurrencyCode),
          csvField(row.outcome),
          csvField(row.reason),
        ]),
      )
      .join("")
  );
}

export interface AuditRow {
  /** The shop's calendar date (its own time zone), YYYY-MM-DD. */
  day: string;
  staffId: string | null;
  staff: string;
  jobs: number;
  orders: number;
  amount: string;
  currencyCode: string | null;
}

export const AUDIT_HEADER = [
  "Day",
  "Time zone",
  "Started by",
  "Staff ID",
  "Jobs",
  "Orders",
  "Amount",
  "Currency",
];

/** `timeZone`: the shop's, in which each row's day runs from midnight to midnight. */
export function auditCsv(rows: readonly AuditRow[], timeZone: string): string {
  return (
    csvLine(AUDIT_HEADER) +
    rows
      .map((row) =>
        csvLine([
          csvField(row.day),
          csvField(timeZone),
          csvField(row.staff),
          csvField(row.staffId),
          csvField(row.jobs, false),
          csvField(row.orders, false),
          csvField(row.amount, false),
          csvField(row.currencyCode),
        ]),
      )
      .join("")
  );
}
