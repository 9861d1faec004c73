// The shop's staff activity log as CSV: every job a staff member started (remedies and notice
// sends alike), every approval, refusal and undo, every storefront change, every override of the
// one-excuse rule and every consent-list decision, each with who did it by name and by staff id
// (issue 16 point 1). Pure: rows in, text out; times in the shop's own zone.
import { DateTime } from "luxon";
import { csvField, csvLine } from "../orders/orders-csv";

export interface ActivityRow {
  at: Date;
  /** Shopify's staff user id, or null for the customer, Delay Desk or Shopify Flow. */
  staffId: string | null;
  /** The name their online token gave, or a label ("Staff member 42", "Delay Desk"). */
  staff: string;
  action: string;
  detail: string;
}

export const ACTIVITY_HEADER = ["When", "Time zone", "Staff", "Staff ID", "Action", "Detail"];

/** A Shopify staff id (the session token's `sub`), not "customer", "system", "flow" or a label. */
export function staffIdOf(actorId: string | null): string | null {
  return actorId !== null && /^\d+$/.test(actorId) ? actorId : null;
}

export function actorLabel(actorId: string | null, actorName: string | null): string {
  if (actorName) return actorName;
  if (actorId === "customer") return "Customer";
  if (actorId === "flow") return "Shopify Flow";
  if (staffIdOf(actorId)) return `Staff member ${actorId}`;
  return "Delay Desk";
}

export function activityCsv(rows: readonly ActivityRow[], timeZone: string): string {
  return (
    csvLine(ACTIVITY_HEADER) +
    rows
      .map((row) =>
        csvLine([
          csvField(DateTime.fromJSDate(row.at, { zone: timeZone }).toFormat("yyyy-MM-dd HH:mm:ss")),
          csvField(timeZone),
          csvField(row.staff),
          csvField(row.staffId),
          csvField(row.action),
          csvField(row.detail),
        ]),
      )
      .join("")
  );
}
