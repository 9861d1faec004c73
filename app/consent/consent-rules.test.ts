// The consent law as rules (issue 13 point 6). The law, as the domain guide states it
// (../shared/guide/domain.md, "Legal floor" and "Law"):
// - "If a seller cannot ship within the time it stated (or 30 days if none), it must send a delay
//   option notice with a revised ship date and a free way to cancel for a full refund."
// - "FTC — a first delay notice may treat silence as consent only for a definite delay of 30 days
//   or less; for a longer or indefinite delay, and for any *renewed* delay, silence is not consent:
//   without the buyer's yes the order must be cancelled and refunded in full, including shipping."
// - "UK (Consumer Rights Act s.28) and EU (Consumer Rights Directive art. 18): delivery within 30
//   days unless agreed; after a missed date the buyer may … end the contract, and must be repaid
//   without undue delay."
// The renewed notice's deadline: "unless you receive notice that the customer agrees to wait beyond
// the most recent definite revised shipment date …, the customer's order automatically will be
// cancelled" (FTC, Business Guide to the Mail, Internet, or Telephone Order Merchandise Rule,
// https://www.ftc.gov/business-guidance/resources/business-guide-ftcs-mail-internet-or-telephone-order-merchandise-rule).
// Refund limits: "If the customer paid by cash, check, or money order, you must refund … within
// seven working days after the order is cancelled"; by credit, "within one billing cycle" (same
// guide, "How quickly must you make a refund").
import { describe, expect, it } from "vitest";
import { parseLocalDate as d } from "../promise/local-date";
import {
  MIN_ANSWER_DAYS,
  consentTerms,
  deadlinePassed,
  delayDays,
  refundDueBy,
  refundStanding,
  type ConsentInput,
} from "./consent-rules";

const base: ConsentInput = {
  ruleSet: "ftc",
  notice: "first",
  promise: d("2026-12-01"),
  orderDate: d("2026-11-17"),
  conservativeDate: d("2026-12-20"),
  previousDate: null,
  today: d("2026-11-24"),
};

describe("delayDays", () => {
  it("is the new conservative date minus the frozen promise", () => {
    expect(delayDays(base)).toBe(19);
  });
  it("with no stated promise, is measured from the order date + 30 days", () => {
    // Order 2026-11-17 + 30 days = 2026-12-17; new date 2026-12-20.
    expect(delayDays({ ...base, promise: null })).toBe(3);
  });
  it("is null (indefinite) when there is no new date", () => {
    expect(delayDays({ ...base, conservativeDate: null })).toBeNull();
  });
});

describe("FTC: when silence is consent", () => {
  it("a first notice for a definite delay of 30 days treats silence as consent", () => {
    expect(consentTerms({ ...base, conservativeDate: d("2026-12-31") })).toEqual({
      kind: "silence",
      delayDays: 30,
      revisedDate: "2026-12-31",
    });
  });
  it("a first notice for a delay of 31 days needs the customer's yes", () => {
    expect(consentTerms({ ...base, conservativeDate: d("2027-01-01") })).toMatchObject({
      kind: "yes",
      reason: "long",
      delayDays: 31,
    });
  });
  it("an indefinite first delay needs the customer's yes", () => {
    expect(consentTerms({ ...base, conservativeDate: null })).toMatchObject({
      kind: "yes",
      reason: "indefinite",
      delayDays: null,
    });
  });
  it("every renewed delay needs a yes, even one of a few days", () => {
    expect(
      consentTerms({
        ...base,
        notice: "later",
        conservativeDate: d("2026-12-05"),
        previousDate: d("2026-12-03"),
      }),
    ).toMatchObject({ kind: "yes", reason: "renewed", delayDays: 4 });
  });
  it("a weekly or earlier-date notice asks nothing new", () => {
    expect(consentTerms({ ...base, notice: "other" })).toEqual({ kind: "none" });
  });
  it("no delay past the promise asks nothing", () => {
    expect(consentTerms({ ...base, conservativeDate: d("2026-11-30") })).toEqual({ kind: "none" });
  });
});

describe("FTC: the deadline stated in the notice", () => {
  it("a renewed delay's deadline is the most recent revised date the customer was told", () => {
    const terms = consentTerms({
      ...base,
      notice: "later",
      conservativeDate: d("2027-01-20"),
      previousDate: d("2026-12-20"),
    });
    expect(terms).toMatchObject({ kind: "yes", deadline: "2026-12-20" });
  });
  it("a long first delay's deadline is the original promise", () => {
    const terms = consentTerms({ ...base, conservativeDate: d("2027-02-01") });
    expect(terms).toMatchObject({ kind: "yes", deadline: "2026-12-01" });
  });
  it(`never gives less than ${MIN_ANSWER_DAYS} days to answer, even when the promise is close or past`, () => {
    const terms = consentTerms({
      ...base,
      today: d("2026-11-30"),
      conservativeDate: d("2027-02-01"),
    });
    expect(terms).toMatchObject({ kind: "yes", deadline: "2026-12-07" });
  });
  it("the deadline passes only after its last day", () => {
    expect(deadlinePassed(d("2026-12-07"), d("2026-12-07"))).toBe(false);
    expect(deadlinePassed(d("2026-12-07"), d("2026-12-08"))).toBe(true);
  });
});

describe("UK/EU: past the agreed date, the offer to end the contract", () => {
  it("offers to end the contract for any delay past the agreed date, however short", () => {
    expect(consentTerms({ ...base, ruleSet: "uk_eu", conservativeDate: d("2026-12-02") })).toEqual({
      kind: "end_contract",
      delayDays: 1,
      agreedDate: "2026-12-01",
      missed: false,
    });
  });
  it("with no agreed date, counts from 30 days after the order", () => {
    expect(
      consentTerms({ ...base, ruleSet: "uk_eu", promise: null, conservativeDate: d("2026-12-16") }),
    ).toEqual({ kind: "none" });
    expect(
      consentTerms({ ...base, ruleSet: "uk_eu", promise: null, conservativeDate: d("2026-12-18") }),
    ).toEqual({ kind: "end_contract", delayDays: 1, agreedDate: "2026-12-17", missed: false });
  });
  it("says the agreed date was missed once it has passed", () => {
    expect(consentTerms({ ...base, ruleSet: "uk_eu", today: d("2026-12-02") })).toMatchObject({
      kind: "end_contract",
      missed: true,
    });
  });
  it("never treats silence as consent nor sets a cancellation deadline", () => {
    const terms = consentTerms({ ...base, ruleSet: "uk_eu" });
    expect(terms.kind).toBe("end_contract");
  });
});

describe("refund time limits", () => {
  it("FTC, not by card: 7 business days (weekends skipped)", () => {
    // Monday 2026-11-30 + 7 business days = Wednesday 2026-12-09.
    expect(refundDueBy("ftc", d("2026-11-30"), "other").dueBy).toBe("2026-12-09");
  });
  it("FTC, by card: one billing cycle", () => {
    expect(refundDueBy("ftc", d("2026-11-30"), "card").dueBy).toBe("2026-12-30");
  });
  it("UK/EU: flagged after 14 days", () => {
    expect(refundDueBy("uk_eu", d("2026-11-30"), "other").dueBy).toBe("2026-12-14");
  });
  it("is overdue the day after the limit, and a late refund stays flagged", () => {
    const limit = refundDueBy("ftc", d("2026-11-30"), "other");
    expect(refundStanding(limit, null, d("2026-12-09"))).toBe("due");
    expect(refundStanding(limit, null, d("2026-12-10"))).toBe("overdue");
    expect(refundStanding(limit, d("2026-12-09"), d("2027-01-01"))).toBe("refunded");
    expect(refundStanding(limit, d("2026-12-11"), d("2027-01-01"))).toBe("refunded_late");
  });
});
