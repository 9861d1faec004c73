// Consent, as the law asks: the I/O around consent-rules.ts (docs/consent.md).
// - the notice job asks consentTermsForNotice what a notice must say, and records what it asked
//   once the notice is sent (recordConsentAsked);
// - the wait-or-refund page records the customer's yes (answerConsent);
// - the deadline sweep puts each unanswered "yes" ask past its deadline on the merchant's review
//   list, with a fulfillment hold (reason consent review) so nobody ships it meanwhile;
// - from the list the merchant cancels and refunds in full (the cancel-and-refund remedy, as a job:
//   orderCancel refunds to the original payment, shipping included; never store credit) or drops
//   the order from the list, which releases the hold. A yes arriving late releases it too.
import type { PrismaClient } from "@prisma/client";
import {
  dropPendingCancellation,
  holdWhileCancellationPending,
} from "../fulfillment/fulfillment-jobs.server";
import { createJob } from "../jobs/jobs.server";
import { isLocalDate, type LocalDate } from "../promise/local-date";
import { localDateOf } from "../promise/shop-clock";
import { REMEDY_KINDS } from "../remedies/remedy-kinds.server";
import { loadShopSettings } from "../settings/shop-settings.server";
import {
  consentTerms,
  deadlinePassed,
  parseRuleSet,
  refundDueBy,
  refundStanding,
  type ConsentRuleSet,
  type ConsentTerms,
  type RefundStanding,
} from "./consent-rules";

const localOrNull = (text: string | null | undefined): LocalDate | null =>
  text && isLocalDate(text) ? text : null;

interface OrderForConsent {
  createdAt: Date;
  frozenPromiseDate: string | null;
  promisedShipDate: string | null;
}

interface NoticeForConsent {
  kind: string;
  estimateTo: string;
  createdAt: Date;
}

/**
 * What the consent law asks of this notice. Decided from the notice row (its kind, its date, when
 * it was written), so a retry of the same notice says exactly the same thing.
 */
export function consentTermsForNotice(
  ruleSet: ConsentRuleSet,
  timeZone: string,
  order: OrderForConsent,
  notice: NoticeForConsent,
  previousDate: string | null,
): ConsentTerms {
  return consentTerms({
    ruleSet,
    notice: notice.kind === "first" ? "first" : notice.kind === "later" ? "later" : "other",
    // The frozen promise is the one the customer was given (app/promise/frozen-promise.ts).
    promise: localOrNull(order.frozenPromiseDate ?? order.promisedShipDate),
    orderDate: localDateOf(order.createdAt, timeZone),
    conservativeDate: localOrNull(notice.estimateTo),
    previousDate: localOrNull(previousDate),
    today: localDateOf(notice.createdAt, timeZone),
  });
}

type AskInput = { noticeId: string; orderId: string; ruleSet: ConsentRuleSet; terms: ConsentTerms };

type Asking = AskInput & { terms: Exclude<ConsentTerms, { kind: "none" }> };

const asking = (input: AskInput): input is Asking => input.terms.kind !== "none";

function askData({ orderId, ruleSet, terms }: Asking) {
  return {
    orderId,
    ruleSet,
    terms: terms.kind,
    reason: terms.kind === "yes" ? terms.reason : null,
    delayDays: terms.delayDays,
    revisedDate: terms.kind === "silence" || terms.kind === "yes" ? terms.revisedDate : null,
    deadline: terms.kind === "yes" ? terms.deadline : null,
  };
}

const superseded = () => ({ status: "superseded", resolvedAt: new Date(), resolvedBy: "system" });

/** After the notice went out: what it asked, so the deadline sweep and the review list know. */
export async function recordConsentAsked(
  db: PrismaClient,
  shop: string,
  input: AskInput,
): Promise<void> {
  if (!asking(input)) return;
  await db.$transaction(async (tx) => {
    // A newer notice asks afresh: the older unanswered ask is replaced by it.
    await tx.consentRequest.updateMany({
      where: { shop, orderId: input.orderId, status: "open", noticeId: { not: input.noticeId } },
      data: superseded(),
    });
    await tx.consentRequest.upsert({
      where: { shop_noticeId: { shop, noticeId: input.noticeId } },
      create: { shop, noticeId: input.noticeId, ...askData(input) },
      update: {},
    });
  });
}

/**
 * The asks of a batch of notices just sent, one per order, each notice new (the notice job's
 * batch): the older open asks of those orders superseded in one write and the new asks inserted
 * in one, in one transaction. Should an ask exist already (a performer that took a send claim
 * over recorded it), nothing of the batch is written and each is recorded alone instead.
 */
export async function recordConsentAskedAll(
  db: PrismaClient,
  shop: string,
  inputs: readonly AskInput[],
): Promise<void> {
  const asks = inputs.filter(asking);
  if (asks.length === 0) return;
  try {
    await db.$transaction([
      db.consentRequest.updateMany({
        where: {
          shop,
          status: "open",
          orderId: { in: asks.map((ask) => ask.orderId) },
          noticeId: { notIn: asks.map((ask) => ask.noticeId) },
        },
        data: superseded(),
      }),
      db.consentRequest.createMany({
        data: asks.map((ask) => ({ shop, noticeId: ask.noticeId, ...askData(ask) })),
      }),
    ]);
  } catch (error) {
    const unique = typeof error === "object" && error !== null && "code" in error;
    if (!unique || error.code !== "P2002") throw error;
    for (const ask of asks) await recordConsentAsked(db, shop, ask);
  }
}

/** The open "yes" ask this link answers: the link's own notice, or an older one (never newer). */
async function asksAnswerable(
  db: PrismaClient,
  shop: string,
  orderId: string,
  noticeId: string | null,
) {
  const asks = await db.consentRequest.findMany({
    where: { shop, orderId, terms: "yes", status: { in: ["open", "review"] } },
  });
  if (asks.length === 0 || noticeId === null) return asks;
  const notices = await db.notice.findMany({
    where: { shop, orderId, id: { in: [noticeId, ...asks.map((a) => a.noticeId)] } },
    select: { id: true, revision: true },
  });
  const revisionOf = new Map(notices.map((n) => [n.id, n.revision]));
  const clicked = revisionOf.get(noticeId);
  if (clicked === undefined) return [];
  // A yes given on an older email is not a yes to a date the customer has not been told yet.
  return asks.filter((a) => (revisionOf.get(a.noticeId) ?? Infinity) <= clicked);
}

/** Whether this order has a "yes" ask the customer's link can still answer. */
export async function awaitsConsent(
  db: PrismaClient,
  shop: string,
  orderId: string,
  noticeId: string | null,
): Promise<boolean> {
  return (await asksAnswerable(db, shop, orderId, noticeId)).length > 0;
}

/**
 * The customer said "I'll wait": their yes to the delay. Returns how many asks it answered and
 * whether one was already on the review list (its hold must come off; the caller releases it).
 */
export async function answerConsent(
  db: PrismaClient,
  shop: string,
  orderId: string,
  noticeId: string | null,
  now: Date,
): Promise<{ answered: number; wasInReview: boolean }> {
  const asks = await asksAnswerable(db, shop, orderId, noticeId);
  let answered = 0;
  let wasInReview = false;
  for (const ask of asks) {
    // Only from the status read: a merchant's cancel in between keeps the order cancelling.
    const changed = await db.consentRequest.updateMany({
      where: { shop, noticeId: ask.noticeId, status: ask.status },
      data: { status: "consented", answeredAt: now, resolvedAt: now, resolvedBy: "customer" },
    });
    answered += changed.count;
    if (changed.count > 0 && ask.status === "review") wasInReview = true;
  }
  if (answered > 0)
    await db.orderEvent.create({
      data: {
        shop,
        orderId,
        kind: "consent",
        actorId: "customer",
        actorName: "Customer",
        // `summary` is the order timeline's title (app/timeline/order-timeline.ts).
        detail: JSON.stringify({
          answer: "yes",
          noticeId,
          late: wasInReview,
          summary: wasInReview
            ? "Customer agreed to the delay after the deadline: off the review list, hold released"
            : "Customer agreed to the delay",
        }),
      },
    });
  return { answered, wasInReview };
}

/** The customer chose a refund instead: their asks are settled, they need no review. */
export async function settleAsksByCancel(
  db: PrismaClient,
  shop: string,
  orderId: string,
  now: Date,
): Promise<void> {
  await db.consentRequest.updateMany({
    where: { shop, orderId, status: { in: ["open", "review"] } },
    data: { status: "customer_cancelled", resolvedAt: now, resolvedBy: "customer" },
  });
}

/**
 * Every "yes" ask of this shop whose deadline has passed unanswered goes on the review list and
 * its order on hold in Shopify. Orders shipped or cancelled meanwhile are closed instead.
 */
export async function sweepConsentDeadlines(
  db: PrismaClient,
  shop: string,
  now: Date,
): Promise<{ toReview: string[] }> {
  const settings = await loadShopSettings(db, shop);
  const today = localDateOf(now, settings.rules.timeZone);
  const asks = await db.consentRequest.findMany({
    where: { shop, terms: "yes", status: "open" },
  });
  const due = asks.filter((a) => {
    const deadline = localOrNull(a.deadline);
    return deadline !== null && deadlinePassed(deadline, today);
  });
  if (due.length === 0) return { toReview: [] };
  const orders = new Map(
    (
      await db.trackedOrder.findMany({
        where: { shop, id: { in: due.map((a) => a.orderId) } },
        select: { id: true, cancelledAt: true, unitsRemaining: true },
      })
    ).map((o) => [o.id, o]),
  );
  const toReview: string[] = [];
  for (const ask of due) {
    const order = orders.get(ask.orderId);
    const open = order && !order.cancelledAt && order.unitsRemaining > 0;
    const changed = await db.consentRequest.updateMany({
      where: { shop, noticeId: ask.noticeId, status: "open" },
      data: open
        ? { status: "review", reviewSince: now }
        : { status: "closed", resolvedAt: now, resolvedBy: "system" },
    });
    if (changed.count === 0 || !open) continue;
    toReview.push(ask.orderId);
    await db.orderEvent.create({
      data: {
        shop,
        orderId: ask.orderId,
        kind: "consent",
        actorId: "system",
        actorName: "Delay Desk",
        detail: JSON.stringify({
          answer: "none",
          deadline: ask.deadline,
          status: "review",
          summary: `No yes to the delay by ${ask.deadline ?? "the deadline"}: on hold for review`,
        }),
      },
    });
    await holdWhileCancellationPending(db, shop, ask.orderId, "consent_review", "system");
  }
  return { toReview };
}

/** Shops with an unanswered "yes" ask: the background sweep visits only these. */
export async function shopsAwaitingConsent(db: PrismaClient): Promise<string[]> {
  const rows = await db.consentRequest.findMany({
    where: { terms: "yes", status: "open" },
    distinct: ["shop"],
    select: { shop: true },
  });
  return rows.map((r) => r.shop);
}

export interface ReviewRow {
  orderId: string;
  noticeId: string;
  name: string;
  amount: string;
  currencyCode: string;
  delayDays: number | null;
  revisedDate: string | null;
  deadline: string | null;
  reason: string | null;
  reviewSince: string;
  status: "review" | "cancelling";
}

/** The merchant's list: orders whose customer did not say yes by the deadline. */
export async function consentReviewList(db: PrismaClient, shop: string): Promise<ReviewRow[]> {
  const asks = await db.consentRequest.findMany({
    where: { shop, status: { in: ["review", "cancelling"] } },
    orderBy: { reviewSince: "asc" },
    take: 500,
  });
  const orders = new Map(
    (
      await db.trackedOrder.findMany({
        where: { shop, id: { in: asks.map((a) => a.orderId) } },
        select: { id: true, name: true, totalAmount: true, currencyCode: true },
      })
    ).map((o) => [o.id, o]),
  );
  return asks.flatMap((a) => {
    const order = orders.get(a.orderId);
    if (!order) return [];
    return [
      {
        orderId: a.orderId,
        noticeId: a.noticeId,
        name: order.name,
        amount: order.totalAmount,
        currencyCode: order.currencyCode,
        delayDays: a.delayDays,
        revisedDate: a.revisedDate,
        deadline: a.deadline,
        reason: a.reason,
        reviewSince: (a.reviewSince ?? a.createdAt).toISOString(),
        status: a.status === "cancelling" ? "cancelling" : "review",
      },
    ];
  });
}

const staffNote = (ruleSet: string) =>
  ruleSet === "uk_eu"
    ? "Delay Desk: the customer did not agree to the delay; cancelled and refunded in full, shipping included"
    : "Delay Desk: no consent to the delay by the deadline (FTC Mail Order Rule); cancelled and refunded in full, shipping included";

/** The staff member acting on the review list, by id and name (their online token's, issue 16). */
export interface StaffActor {
  id: string | null;
  name: string | null;
}

/**
 * The merchant cancels and refunds in full the orders on the review list they selected, as one
 * cancel-and-refund job. Only orders still awaiting review are taken; the job is null if none is.
 */
export async function cancelReviewedOrders(
  db: PrismaClient,
  shop: string,
  orderIds: readonly string[],
  by: StaffActor,
  now: Date,
): Promise<{ jobId: string; orders: number } | null> {
  const createdBy = by.id;
  const asks = await db.consentRequest.findMany({
    where: { shop, status: "review", orderId: { in: [...orderIds] } },
  });
  if (asks.length === 0) return null;
  const kind = REMEDY_KINDS.find((k) => k.kind === "cancel_refund");
  if (!kind) throw new Error("The cancel-and-refund remedy is not registered.");
  const ids = [...new Set(asks.map((a) => a.orderId))];
  const job = await createJob(db, {
    shop,
    kind,
    params: {
      notifyCustomer: true,
      reason: "INVENTORY",
      staffNote: staffNote(asks[0]?.ruleSet ?? "ftc"),
    },
    orderIds: ids,
    createdBy,
    createdByName: by.name,
  });
  await db.consentRequest.updateMany({
    where: { shop, status: "review", noticeId: { in: asks.map((a) => a.noticeId) } },
    data: { status: "cancelling", cancelJobId: job.id, resolvedAt: now, resolvedBy: createdBy },
  });
  return { jobId: job.id, orders: job.items };
}

/** The merchant takes an order off the list (they reached the customer, say): the hold comes off. */
export async function dropFromReview(
  db: PrismaClient,
  shop: string,
  orderId: string,
  by: StaffActor,
  now: Date,
): Promise<boolean> {
  const createdBy = by.id;
  const changed = await db.consentRequest.updateMany({
    where: { shop, orderId, status: "review" },
    data: { status: "dismissed", resolvedAt: now, resolvedBy: createdBy },
  });
  if (changed.count === 0) return false;
  await db.orderEvent.create({
    data: {
      shop,
      orderId,
      kind: "consent",
      actorId: createdBy,
      actorName: by.name,
      detail: JSON.stringify({
        status: "dismissed",
        summary: "Kept by staff: off the consent review list, hold released",
      }),
    },
  });
  await dropPendingCancellation(db, shop, orderId, "merchant_dismissed", createdBy, by.name);
  return true;
}

// ---- Refunds the law requires, tracked against the rule set's time limit ------------------------

export interface OwedRefund {
  orderId: string;
  name: string;
  cause: "customer_choice" | "no_consent";
  owedSince: string;
  dueBy: string;
  rule: string;
  refundedOn: string | null;
  standing: RefundStanding;
}

const REFUND_JOB_KINDS = ["cancel_refund", "refund"];

/**
 * Every refund the law requires of this shop (a customer who chose a refund; an order whose
 * deadline passed without a yes), with when it is due under the shop's rule set and whether it
 * was made in time. Made = its cancel-and-refund (or refund) job item done.
 */
export async function refundsOwed(
  db: PrismaClient,
  shop: string,
  now: Date,
): Promise<OwedRefund[]> {
  const settings = await loadShopSettings(db, shop);
  const zone = settings.rules.timeZone;
  const [choices, asks] = await Promise.all([
    db.customerChoice.findMany({ where: { shop, choice: "cancel" }, take: 1000 }),
    db.consentRequest.findMany({
      where: { shop, status: { in: ["review", "cancelling"] }, reviewSince: { not: null } },
      take: 1000,
    }),
  ]);
  const owed = new Map<string, { cause: OwedRefund["cause"]; since: Date }>();
  for (const ask of asks)
    if (ask.reviewSince) owed.set(ask.orderId, { cause: "no_consent", since: ask.reviewSince });
  for (const choice of choices)
    owed.set(choice.orderId, { cause: "customer_choice", since: choice.chosenAt });
  const ids = [...owed.keys()];
  if (ids.length === 0) return [];
  const [orders, jobs] = await Promise.all([
    db.trackedOrder.findMany({
      where: { shop, id: { in: ids } },
      select: { id: true, name: true },
    }),
    db.job.findMany({ where: { shop, kind: { in: REFUND_JOB_KINDS } }, select: { id: true } }),
  ]);
  const done = await db.jobItem.findMany({
    where: { shop, orderId: { in: ids }, status: "done", jobId: { in: jobs.map((j) => j.id) } },
    select: { orderId: true, updatedAt: true },
  });
  const refundedAt = new Map<string, Date>();
  for (const item of done) {
    const known = refundedAt.get(item.orderId);
    if (!known || item.updatedAt < known) refundedAt.set(item.orderId, item.updatedAt);
  }
  const nameOf = new Map(orders.map((o) => [o.id, o.name]));
  const today = localDateOf(now, zone);
  return [...owed.entries()]
    .map(([orderId, entry]) => {
      const owedSince = localDateOf(entry.since, zone);
      // Without the payment method on our copy of the order, the FTC's stricter limit is used:
      // 7 business days (one billing cycle applies only to card payments).
      const limit = refundDueBy(parseRuleSet(settings.consentRuleSet), owedSince, "other");
      const at = refundedAt.get(orderId);
      const refundedOn = at ? localDateOf(at, zone) : null;
      return {
        orderId,
        name: nameOf.get(orderId) ?? orderId,
        cause: entry.cause,
        owedSince,
        dueBy: limit.dueBy,
        rule: limit.rule,
        refundedOn,
        standing: refundStanding(limit, refundedOn, today),
      };
    })
    .sort((a, b) => (a.dueBy < b.dueBy ? -1 : a.dueBy > b.dueBy ? 1 : 0));
}
