// The one thing the dashboard asks the merchant to do first. Order of urgency follows the
// domain guide: stop making promises that cannot be kept (pause) before anything else, then
// tell the customers already let down, then warn those who probably will be.
import type { LocalDate } from "../promise/local-date";

export type NextAction =
  | { kind: "pause"; title: string; detail: string }
  | { kind: "tell-overdue"; title: string; detail: string; count: number }
  | { kind: "warn-at-risk"; title: string; detail: string; count: number }
  | { kind: "all-clear"; title: string; detail: string }
  | { kind: "none"; title: string; detail: string };

export interface NextActionInput {
  counts: { overdue: number; at_risk: number; on_track: number };
  cannotKeepPromise: boolean;
  newOrders: { promise: LocalDate; conservative: LocalDate | null } | null;
  /** The storefront already refuses new orders (StorefrontState.mode). */
  storefrontPaused: boolean;
}

const plural = (n: number, one: string, many: string) =>
  `${n.toLocaleString("en-US")} ${n === 1 ? one : many}`;

export function nextAction(input: NextActionInput): NextAction {
  const { counts } = input;
  const open = counts.overdue + counts.at_risk + counts.on_track;
  if (open === 0)
    return { kind: "none", title: "No orders waiting to ship", detail: "Nothing to forecast yet." };
  if (input.cannotKeepPromise && !input.storefrontPaused && input.newOrders) {
    const by = input.newOrders.conservative ?? "beyond the next two years";
    return {
      kind: "pause",
      title: "New orders can't ship within your promise: pause sales",
      detail: `An order placed today is promised by ${input.newOrders.promise} but would only surely ship by ${by}. Pause sales (or lengthen your lead time) before more promises are broken.`,
    };
  }
  if (counts.overdue > 0) {
    return {
      kind: "tell-overdue",
      count: counts.overdue,
      title: `${plural(counts.overdue, "order is", "orders are")} overdue: tell them`,
      detail:
        "Their promised ship date has passed. Send an honest update with a conservative new date and a way to cancel for a full refund.",
    };
  }
  if (counts.at_risk > 0) {
    return {
      kind: "warn-at-risk",
      count: counts.at_risk,
      title: `${plural(counts.at_risk, "order", "orders")} may miss the promise: warn them now`,
      detail:
        "Bad news is better sooner: a warning while there is still time beats an apology afterwards.",
    };
  }
  return {
    kind: "all-clear",
    title: "Every order is on track",
    detail: "All open orders should ship by their promised date.",
  };
}
