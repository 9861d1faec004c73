// Consent, as the law asks (issue 13 point 6; docs/consent.md). Pure: what a delay notice must ask
// of the customer under the shop's rule set, when an unanswered ask passes its deadline, and when a
// refund the law requires is due. No clock, no I/O: dates are the shop's calendar dates.
//
// US, FTC Mail, Internet, or Telephone Order Merchandise Rule (16 CFR 435; domain guide, "Legal
// floor" and "Law"): a first delay notice may treat silence as consent only for a definite delay of
// 30 days or less; a longer or indefinite delay, and every renewed delay, needs the buyer's yes, or
// the order is cancelled and refunded in full, shipping included. The renewed notice must say that
// unless the buyer agrees to wait beyond the most recent definite revised date, the order will be
// cancelled (FTC business guide, "What later notices must say").
// UK (Consumer Rights Act 2015 s.28) and EU (Consumer Rights Directive art. 18): delivery within 30
// days unless agreed; past the agreed date the buyer may end the contract and is repaid without
// undue delay.
import { z } from "zod";
import {
  addDays,
  daysBetween,
  maxLocalDate,
  weekdayOf,
  type LocalDate,
} from "../promise/local-date";

export const CONSENT_RULE_SETS = ["ftc", "uk_eu"] as const;
export type ConsentRuleSet = (typeof CONSENT_RULE_SETS)[number];
export const DEFAULT_RULE_SET: ConsentRuleSet = "ftc";
export const consentRuleSetSchema = z.enum(CONSENT_RULE_SETS);

export const RULE_SET_LABELS: Record<ConsentRuleSet, string> = {
  ftc: "United States: FTC Mail, Internet, or Telephone Order Rule",
  uk_eu: "UK and EU: Consumer Rights Act s.28 / Consumer Rights Directive art. 18",
};

export function parseRuleSet(value: string | null | undefined): ConsentRuleSet {
  const parsed = consentRuleSetSchema.safeParse(value);
  return parsed.success ? parsed.data : DEFAULT_RULE_SET;
}

/** With no stated shipping time, the law's default: 30 days from the order (both rule sets). */
export const DEFAULT_SHIPPING_DAYS = 30;
/** FTC: silence may be consent only for a definite first delay of at most this many days. */
export const SILENCE_MAX_DELAY_DAYS = 30;
/**
 * A yes is asked by the date the customer was last told (the law's deadline), but never sooner
 * than this many days after the notice: a customer told late still gets a real week to answer.
 */
export const MIN_ANSWER_DAYS = 7;

/** The date the delay is measured from: the frozen promise, or the order date + 30 days. */
export function agreedDate(promise: LocalDate | null, orderDate: LocalDate): LocalDate {
  return promise ?? addDays(orderDate, DEFAULT_SHIPPING_DAYS);
}

/**
 * The delay in calendar days: the new conservative date minus the original promise (or order date
 * + 30 days). Null when there is no new date: an indefinite delay.
 */
export function delayDays(input: {
  conservativeDate: LocalDate | null;
  promise: LocalDate | null;
  orderDate: LocalDate;
}): number | null {
  if (input.conservativeDate === null) return null;
  return daysBetween(agreedDate(input.promise, input.orderDate), input.conservativeDate);
}

export type YesReason = "long" | "indefinite" | "renewed";

export type ConsentTerms =
  /** Nothing to ask: no delay past the agreed date, or the notice announces no new delay. */
  | { kind: "none" }
  /** FTC, first definite delay of ≤ 30 days: silence is consent to the revised date. */
  | { kind: "silence"; delayDays: number; revisedDate: LocalDate }
  /** FTC: without the customer's yes by `deadline` the order is cancelled and refunded in full. */
  | {
      kind: "yes";
      reason: YesReason;
      delayDays: number | null;
      revisedDate: LocalDate | null;
      deadline: LocalDate;
    }
  /** UK/EU: past the agreed date, the customer may end the contract for a full refund. */
  | { kind: "end_contract"; delayDays: number; agreedDate: LocalDate; missed: boolean };

export interface ConsentInput {
  ruleSet: ConsentRuleSet;
  /** What the notice announces: a first delay, or a later date after one already told. */
  notice: "first" | "later" | "other";
  promise: LocalDate | null;
  orderDate: LocalDate;
  /** The notice's new conservative date; null for an indefinite delay. */
  conservativeDate: LocalDate | null;
  /** The date the customer was last told (renewed delays); null for a first notice. */
  previousDate: LocalDate | null;
  /** The shop's date the notice is written. */
  today: LocalDate;
}

export function consentTerms(input: ConsentInput): ConsentTerms {
  if (input.notice === "other") return { kind: "none" };
  const delay = delayDays(input);
  const agreed = agreedDate(input.promise, input.orderDate);
  if (input.ruleSet === "uk_eu") {
    if (delay !== null && delay <= 0) return { kind: "none" };
    return {
      kind: "end_contract",
      delayDays: delay ?? 0,
      agreedDate: agreed,
      // Told before the date passes, the customer hears that it will be missed.
      missed: daysBetween(agreed, input.today) > 0,
    };
  }
  const renewed = input.notice === "later";
  if (!renewed && delay !== null && delay <= 0) return { kind: "none" };
  if (!renewed && delay !== null && delay <= SILENCE_MAX_DELAY_DAYS && input.conservativeDate)
    return { kind: "silence", delayDays: delay, revisedDate: input.conservativeDate };
  // The law's deadline is the date the customer was last told (the agreed date for a first
  // notice): after it, without a yes, the order must be cancelled.
  const lawDeadline = renewed && input.previousDate ? input.previousDate : agreed;
  return {
    kind: "yes",
    reason: renewed ? "renewed" : delay === null ? "indefinite" : "long",
    delayDays: delay,
    revisedDate: input.conservativeDate,
    deadline: maxLocalDate(lawDeadline, addDays(input.today, MIN_ANSWER_DAYS)),
  };
}

/** Whether an unanswered ask's deadline (the last day a yes is taken) has passed on `today`. */
export function deadlinePassed(deadline: LocalDate, today: LocalDate): boolean {
  return daysBetween(deadline, today) > 0;
}

// ---- Refunds the law requires, and their time limit ------------------------------------------

export type PaymentKind = "card" | "other";

export interface RefundLimit {
  dueBy: LocalDate;
  rule: string;
}

function addWeekdays(date: LocalDate, count: number): LocalDate {
  let day = date;
  for (let left = count; left > 0; ) {
    day = addDays(day, 1);
    if (weekdayOf(day) <= 5) left -= 1;
  }
  return day;
}

/** A card's billing cycle is about a month; the rule gives the card issuer's cycle, unknown to us. */
export const BILLING_CYCLE_DAYS = 30;
/** UK/EU "without undue delay": flagged after 14 days (the Directive's limit for withdrawals). */
export const UNDUE_DELAY_DAYS = 14;
export const FTC_REFUND_BUSINESS_DAYS = 7;

/**
 * When a refund owed since `owedSince` (the order's cancellation: the customer's choice or the
 * passed consent deadline) must have been made. FTC: within 7 business days, or one billing cycle
 * when paid by card; UK/EU: without undue delay, flagged after 14 days.
 */
export function refundDueBy(
  ruleSet: ConsentRuleSet,
  owedSince: LocalDate,
  payment: PaymentKind,
): RefundLimit {
  if (ruleSet === "uk_eu")
    return {
      dueBy: addDays(owedSince, UNDUE_DELAY_DAYS),
      rule: "without undue delay (flagged after 14 days)",
    };
  if (payment === "card")
    return {
      dueBy: addDays(owedSince, BILLING_CYCLE_DAYS),
      rule: "within one billing cycle (card payment)",
    };
  return {
    dueBy: addWeekdays(owedSince, FTC_REFUND_BUSINESS_DAYS),
    rule: "within 7 business days",
  };
}

export type RefundStanding = "due" | "overdue" | "refunded" | "refunded_late";

export function refundStanding(
  limit: RefundLimit,
  refundedOn: LocalDate | null,
  today: LocalDate,
): RefundStanding {
  if (refundedOn !== null)
    return daysBetween(limit.dueBy, refundedOn) > 0 ? "refunded_late" : "refunded";
  return daysBetween(limit.dueBy, today) > 0 ? "overdue" : "due";
}
