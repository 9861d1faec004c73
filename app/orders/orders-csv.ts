// CSV for the orders export (RFC 4180): fields with a comma, quote, CR or LF are quoted, quotes
// doubled, lines end in CRLF. Customer-typed text that starts like a formula (= + - @, tab, CR)
// gets a leading apostrophe so a spreadsheet shows it instead of running it (CSV injection).
import type { OrderListRow } from "./list-orders.server";

export function csvField(value: string | number | null, text = true): string {
  if (value === null) return "";
  let field = String(value);
  if (text && /^[=+\-@\t\r]/.test(field)) field = `'${field}`;
  return /[",\r\n]/.test(field) ? `"${field.replaceAll('"', '""')}"` : field;
}

export const CSV_HEADER = [
  "Order",
  "Placed at",
  "Customer",
  "Email",
  "Units to ship",
  "Total",
  "Currency",
  "Promised ship date",
  "Promise from",
  "Likely ship date",
  "Conservative ship date",
  "Status",
] as const;

const STATUS_LABEL: Record<string, string> = {
  overdue: "Overdue",
  at_risk: "At risk",
  on_track: "On track",
  done: "Done",
};

export function csvLine(fields: readonly string[]): string {
  return `${fields.join(",")}\r\n`;
}

export function orderCsvLine(row: OrderListRow): string {
  return csvLine([
    csvField(row.name),
    csvField(row.createdAt, false),
    csvField(row.customer),
    csvField(row.email),
    csvField(row.unitsRemaining, false),
    csvField(row.totalAmount, false),
    csvField(row.currencyCode),
    csvField(row.promisedShipDate, false),
    csvField(
      row.promiseSource === "fulfillBy"
        ? "Shopify fulfill-by"
        : row.promiseSource === "rules"
          ? "Lead-time rules"
          : row.promiseSource === "backfill"
            ? "Lead-time rules (backfilled)"
            : null,
    ),
    csvField(row.likelyShipDate, false),
    csvField(row.conservativeShipDate, false),
    csvField(row.delayClass ? (STATUS_LABEL[row.delayClass] ?? row.delayClass) : null),
  ]);
}

/** The whole file as a stream of UTF-8 chunks, one batch of lines at a time. */
export function ordersCsvStream(rows: AsyncIterable<OrderListRow>): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  const iterator = rows[Symbol.asyncIterator]();
  let started = false;
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      // A BOM so Excel reads the file as UTF-8 (names like "Zoë" otherwise come out garbled).
      let chunk = started ? "" : `\uFEFF${csvLine([...CSV_HEADER])}`;
      started = true;
      for (let i = 0; i < 500; i += 1) {
        const next = await iterator.next();
        if (next.done) {
          if (chunk) controller.enqueue(encoder.encode(chunk));
          controller.close();
          return;
        }
        chunk += orderCsvLine(next.value);
      }
      controller.enqueue(encoder.encode(chunk));
    },
    async cancel() {
      await iterator.return?.();
    },
  });
}
