// What one order would be sent now, from its row, its notice history and the customer's answer:
// eligibility, then the honesty guard (what the notice may say, and so its kind), then the rhythm
// (whether now is the time). An order told of a delay that has since shipped gets the one
// "it has shipped" notice, whatever the rhythm. One pure function, so the composer's review, the confirm step, the job's plan and
// each item's perform all decide the same way.
import { cadenceAllows } from "./cadence";
import { estimateRangeOf, type EstimateRange } from "./estimate-range";
import { decideNotice, type GuardDecision, type GuardOptions } from "./notice-guard";
import { kindOfChange, type NoticeKind } from "./notice-kinds";

export interface OrderForNotice {
  id: string;
  name: string;
  email: string | null;
  cancelledAt: Date | null;
  unitsRemaining: number;
  likelyShipDate: string | null;
  conservativeShipDate: string | null;
}

export interface NoticeHistoryRow {
  revision: number;
  kind: string;
  estimateFrom: string;
  estimateTo: string;
  status: string;
  sentAt: Date | null;
  createdAt: Date;
}

export type Eligibility = { ok: true; range: EstimateRange } | { ok: false; reason: string };

export function eligibility(order: OrderForNotice): Eligibility {
  if (order.cancelledAt) return { ok: false, reason: "The order is cancelled." };
  if (order.unitsRemaining <= 0) return { ok: false, reason: "Nothing is left to ship." };
  if (!order.email) return { ok: false, reason: "The order has no email address." };
  const range = estimateRangeOf(order);
  if (!range) return { ok: false, reason: "The order has no forecast yet." };
  return { ok: true, range };
}

export type SkipCode = "ineligible" | "cancelled" | "too-soon";

export interface NoticeToSend {
  kind: NoticeKind;
  range: EstimateRange;
  /** What the customer was told last (the later- and earlier-date notices say it). */
  previous: EstimateRange | null;
  /** At least; the job numbers after every row, failed ones included. */
  revision: number;
  overridden: boolean;
  /** An earlier date not confirmed: the customer is told the date they already have. */
  keptOldDate: boolean;
}

export type NextNotice =
  | { send: true; notice: NoticeToSend }
  | { send: false; blocked: Extract<GuardDecision, { send: false }> }
  | { send: false; blocked: null; code: SkipCode; reason: string };

export interface RhythmOptions {
  now: Date;
  cadenceDays: number;
}

/** Notices that count as "told" for the rhythm: sent, or claimed and on their way. */
const IN_FLIGHT = new Set(["sent", "sending", "queued"]);

export function lastToldAt(history: readonly NoticeHistoryRow[]): Date | null {
  let last: Date | null = null;
  for (const notice of history) {
    if (!IN_FLIGHT.has(notice.status)) continue;
    const at = notice.sentAt ?? notice.createdAt;
    if (last === null || at > last) last = at;
  }
  return last;
}

const isShipped = (n: NoticeHistoryRow) => n.kind === "shipped";

export function nextNotice(
  order: OrderForNotice,
  history: readonly NoticeHistoryRow[],
  choice: "wait" | "cancel" | null,
  options: GuardOptions,
  rhythm: RhythmOptions,
): NextNotice {
  const skip = (code: SkipCode, reason: string): NextNotice => ({
    send: false,
    blocked: null,
    code,
    reason,
  });
  if (choice === "cancel")
    return skip("cancelled", "The customer asked to cancel for a refund: they hear nothing more.");
  const told = history.filter((n) => n.status === "sent" && !isShipped(n));
  if (!order.cancelledAt && order.unitsRemaining <= 0 && order.email) {
    const last = [...told].sort((a, b) => b.revision - a.revision)[0];
    if (!last) return skip("ineligible", "Nothing is left to ship.");
    if (history.some((n) => isShipped(n) && IN_FLIGHT.has(n.status)))
      return skip("ineligible", "Already told it has shipped.");
    const range = { from: last.estimateFrom, to: last.estimateTo };
    return {
      send: true,
      notice: {
        kind: "shipped",
        range,
        previous: range,
        revision: Math.max(...history.map((n) => n.revision)) + 1,
        overridden: false,
        keptOldDate: false,
      },
    };
  }
  const ok = eligibility(order);
  if (!ok.ok) return skip("ineligible", ok.reason);
  const decision = decideNotice(told, ok.range, options);
  if (!decision.send) return { send: false, blocked: decision };
  const verdict = cadenceAllows(decision.change, {
    now: rhythm.now,
    cadenceDays: rhythm.cadenceDays,
    lastToldAt: lastToldAt(history),
    choice,
  });
  if (!verdict.ok) return skip(verdict.code, verdict.reason);
  return {
    send: true,
    notice: {
      kind: kindOfChange(decision.change),
      range: decision.range,
      previous: decision.previous,
      revision: decision.revision,
      overridden: decision.overridden,
      keptOldDate: decision.keptOldDate,
    },
  };
}
