// What one order would be sent now, from its row, its notice history and the customer's answer:
// eligibility, then the honesty guard (what the notice may say), then the rhythm (whether now is
// the time). One pure function, so the composer's review, the confirm step, the job's plan and
// each item's perform all decide the same way.
import { cadenceAllows } from "./cadence";
import { estimateRangeOf, type EstimateRange } from "./estimate-range";
import { decideNotice, type GuardDecision, type GuardOptions } from "./notice-guard";

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

export type NextNotice =
  | { send: true; decision: Extract<GuardDecision, { send: true }> }
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

export function nextNotice(
  order: OrderForNotice,
  history: readonly NoticeHistoryRow[],
  choice: "wait" | "cancel" | null,
  options: GuardOptions,
  rhythm: RhythmOptions,
): NextNotice {
  if (choice === "cancel")
    return {
      send: false,
      blocked: null,
      code: "cancelled",
      reason: "The customer asked to cancel for a refund: they hear nothing more.",
    };
  const ok = eligibility(order);
  if (!ok.ok) return { send: false, blocked: null, code: "ineligible", reason: ok.reason };
  const decision = decideNotice(
    history.filter((n) => n.status === "sent"),
    ok.range,
    options,
  );
  if (!decision.send) return { send: false, blocked: decision };
  const verdict = cadenceAllows(decision.change, {
    now: rhythm.now,
    cadenceDays: rhythm.cadenceDays,
    lastToldAt: lastToldAt(history),
    choice,
  });
  if (!verdict.ok)
    return { send: false, blocked: null, code: verdict.code, reason: verdict.reason };
  return { send: true, decision };
}
