// The rhythm of updates (domain guide, rule 3: "weekly updates are the minimum; daily is
// overkill"; rule 4: bad news sooner than good news). Decided after the honesty guard has said
// what the next notice would be:
// - a customer who cancelled hears nothing more;
// - at most one update per order per cadence window (the shop's setting, 7 days by default),
//   measured from the last notice sent or on its way, unless the date got worse: a later date
//   goes at once, bad news does not wait;
// - everything else (the same date, an earlier one, a customer who chose to wait) waits for the
//   window to pass. So a customer who clicked "I'll wait" hears again when the date gets worse or
//   the week is up, and a resend two minutes later sends nothing.
import type { NoticeChange } from "./notice-guard";

export const DEFAULT_CADENCE_DAYS = 7;
export const MIN_CADENCE_DAYS = 1;
export const MAX_CADENCE_DAYS = 30;

const DAY_MS = 86_400_000;

export interface Rhythm {
  now: Date;
  cadenceDays: number;
  /** When the order's latest notice was sent (or claimed, if still on its way); null if never. */
  lastToldAt: Date | null;
  /** The customer's answer to a notice, if any. */
  choice: "wait" | "cancel" | null;
}

export type CadenceVerdict =
  | { ok: true }
  | { ok: false; code: "cancelled"; reason: string }
  | { ok: false; code: "too-soon"; reason: string; nextDueAt: Date };

/** When the next routine update to an order told at `lastToldAt` is due. */
export function nextUpdateDue(lastToldAt: Date, cadenceDays: number): Date {
  return new Date(lastToldAt.getTime() + cadenceDays * DAY_MS);
}

function daysAgo(now: Date, then: Date): string {
  const days = Math.floor((now.getTime() - then.getTime()) / DAY_MS);
  if (days <= 0) return "less than a day ago";
  return days === 1 ? "a day ago" : `${days} days ago`;
}

export function cadenceAllows(change: NoticeChange, rhythm: Rhythm): CadenceVerdict {
  if (rhythm.choice === "cancel")
    return {
      ok: false,
      code: "cancelled",
      reason: "The customer asked to cancel for a refund: they hear nothing more.",
    };
  // "first" with a notice on its way means another job is telling this order right now: wait.
  if (rhythm.lastToldAt === null || change === "later") return { ok: true };
  const due = nextUpdateDue(rhythm.lastToldAt, rhythm.cadenceDays);
  if (rhythm.now.getTime() >= due.getTime()) return { ok: true };
  return {
    ok: false,
    code: "too-soon",
    reason: `Told ${daysAgo(rhythm.now, rhythm.lastToldAt)}; the next update is due ${due.toISOString().slice(0, 10)} (every ${rhythm.cadenceDays} days, sooner only if the date gets worse).`,
    nextDueAt: due,
  };
}
