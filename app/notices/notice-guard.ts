// The honesty rules, decided before anything is sent (domain guide, rules 4 and 5):
// - one excuse: after the first delay notice, a *later* date is a second revision; it is blocked
//   and the merchant is pushed to a remedy, unless they override with a reason (which is logged);
// - good news only when certain: an *earlier* date is announced only when the merchant confirms;
//   until then the customer is told the date they already have;
// - the same date again is a reassuring weekly update and always allowed.
import type { EstimateRange } from "./estimate-range";

export interface ToldNotice {
  revision: number;
  estimateFrom: string;
  estimateTo: string;
}

export interface GuardOptions {
  /** The merchant's reason for sending a second revised date anyway. */
  overrideReason?: string | null;
  /** The merchant confirmed that an earlier date is certain enough to announce. */
  confirmBetter?: boolean;
}

export type NoticeChange = "first" | "same" | "later" | "earlier";

export type GuardDecision =
  | {
      send: true;
      change: NoticeChange;
      range: EstimateRange;
      /** What the customer was told last; null for the first notice. */
      previous: EstimateRange | null;
      revision: number;
      overridden: boolean;
      keptOldDate: boolean;
    }
  | {
      send: false;
      change: "later";
      reason: "second-revision";
      told: EstimateRange;
      proposed: EstimateRange;
    };

/**
 * What to tell an order next. `told` are its notices already sent (any order); `revision` of the
 * next one is one more than the highest, because Notice is unique per shop, order and revision.
 */
export function decideNotice(
  told: readonly ToldNotice[],
  proposed: EstimateRange,
  options: GuardOptions = {},
): GuardDecision {
  const last = [...told].sort((a, b) => b.revision - a.revision)[0];
  if (!last)
    return {
      send: true,
      change: "first",
      range: proposed,
      previous: null,
      revision: 1,
      overridden: false,
      keptOldDate: false,
    };
  const revision = last.revision + 1;
  const previous = { from: last.estimateFrom, to: last.estimateTo };
  if (proposed.to > previous.to) {
    const reason = options.overrideReason?.trim();
    if (!reason)
      return { send: false, change: "later", reason: "second-revision", told: previous, proposed };
    return {
      send: true,
      change: "later",
      range: proposed,
      previous,
      revision,
      overridden: true,
      keptOldDate: false,
    };
  }
  // An earlier date is only told once confirmed; until then the customer keeps the date they have.
  if (proposed.to < previous.to && options.confirmBetter)
    return {
      send: true,
      change: "earlier",
      range: proposed,
      previous,
      revision,
      overridden: false,
      keptOldDate: false,
    };
  return {
    send: true,
    change: "same",
    range: previous,
    previous,
    revision,
    overridden: false,
    keptOldDate: proposed.to < previous.to,
  };
}
