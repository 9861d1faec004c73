// Consent as the law asks, end to end: the real notice job emails the customer through a real SMTP
// server, the real runner reaches the simulator through the app's backgroundAdmin, and outcomes
// are read from the simulator's records (holds, cancellation, refunds) and the app's database.
//
// The law (../shared/guide/domain.md, "Law"): "FTC — a first delay notice may treat silence as
// consent only for a definite delay of 30 days or less; for a longer or indefinite delay, and for
// any *renewed* delay, silence is not consent: without the buyer's yes the order must be cancelled
// and refunded in full, including shipping. UK … and EU …: after a missed date the buyer may … end
// the contract, and must be repaid without undue delay. Never offer store credit instead of a
// refund the law requires." The refund must include shipping: "If you cannot ship any of the
// merchandise ordered by the customer, you must refund the entire amount the customer tendered,
// including any shipping, handling, insurance, or other costs" (FTC business guide,
// https://www.ftc.gov/business-guidance/resources/business-guide-ftcs-mail-internet-or-telephone-order-merchandise-rule).
//
// Shopify behaviour relied on (enforced by the simulator, simulator/resolvers/mutations/orders.test.ts
// and fulfillment-orders.test.ts): orderCancel "provides flexible refund options including
// refunding to original payment methods or issuing store credit"; with
// refundMethod.originalPaymentMethodsRefund it refunds what was paid to the original payment
// (https://shopify.dev/docs/api/admin-graphql/latest/mutations/orderCancel,
// https://shopify.dev/docs/api/admin-graphql/latest/input-objects/OrderCancelRefundMethodInput);
// a store-credit refund is refused by the simulator (NOT_SIMULATED), so using it fails here.
// fulfillmentOrderHold puts the fulfillment order ON_HOLD; orderCancel cancels a held order.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startMailServer, type RunningMailServer } from "@delay-desk/simulator/mail/mail-server";
import { refundsOf } from "@delay-desk/simulator/store/refunds";
import type { OrderRecord } from "@delay-desk/simulator/store/records";
import { fulfillmentJobKinds } from "../fulfillment/fulfillment-jobs.server";
import { HOLD_NOTES } from "../fulfillment/fulfillment-truth";
import { createJob } from "../jobs/jobs.server";
import { noticeParams } from "../../tests/support/sample-shop";
import { startJobHarness, type JobHarness } from "../../tests/support/job-harness";
import { runJobsToEnd } from "../../tests/support/run-jobs";
import { smtpTransport } from "../notices/mail-transport.server";
import { noticeJobKind, type NoticeJobParams } from "../notices/notice-job.server";
import { addDays, parseLocalDate } from "../promise/local-date";
import { localDateOf } from "../promise/shop-clock";
import { recordChoice } from "../proxy/record-choice.server";
import { DEFAULT_SHOP_RULES } from "../promise/shop-rules";
import {
  cancelReviewedOrders,
  consentReviewList,
  dropFromReview,
  refundsOwed,
  sweepConsentDeadlines,
} from "./consent.server";

const SECRET = "test-secret";
/** A staff member as the consent page passes them (their online token's id and name). */
const DAWN = { id: "1", name: "Dawn Rivera" };
const DAY = 86_400_000;
const params = noticeParams();

let h: JobHarness;
let mail: RunningMailServer;
let transport: ReturnType<typeof smtpTransport>;
let shop: string;
const zone = DEFAULT_SHOP_RULES.timeZone;

beforeAll(async () => {
  mail = await startMailServer();
  transport = smtpTransport(mail.url);
  h = await startJobHarness({ orders: 60, seed: 23, plan: "PLUS" });
  shop = h.app.shop;
  const kinds = fulfillmentJobKinds(h.db);
  h.registry.register(kinds.deadline).register(kinds.hold).register(kinds.release);
  h.registry.register(noticeJobKind({ db: h.db, transport: () => transport, secret: SECRET }));
});
afterAll(async () => {
  transport.close();
  await mail.close();
  await h.close();
});

async function useRuleSet(ruleSet: "ftc" | "uk_eu") {
  await h.db.shopSettings.upsert({
    where: { shop },
    create: { shop, rules: JSON.stringify(DEFAULT_SHOP_RULES), consentRuleSet: ruleSet },
    update: { consentRuleSet: ruleSet },
  });
}

const gid = (order: OrderRecord) => `gid://shopify/Order/${order.id}`;
const used = new Set<number>();
function freshOrder(): OrderRecord {
  const order = h.store.orders.find(
    (o) =>
      !used.has(o.id) &&
      o.cancelledAt === null &&
      o.financialStatus === "PAID" &&
      o.fulfillmentStatus === "UNFULFILLED" &&
      o.shippingCents > 0 &&
      o.fulfillmentOrders.length > 0 &&
      o.fulfillmentOrders.every((fo) => fo.status === "OPEN"),
  );
  if (!order) throw new Error("the seeded shop has too few open paid orders");
  used.add(order.id);
  return order;
}

const today = () => localDateOf(new Date(), zone);

/** An order promised `promiseIn` days from today, now forecast `conservativeIn` days out. */
async function lateOrder(promiseIn: number, conservativeIn: number): Promise<OrderRecord> {
  const order = freshOrder();
  const promise = addDays(today(), promiseIn);
  await h.db.trackedOrder.update({
    where: { shop_id: { shop, id: gid(order) } },
    data: {
      frozenPromiseDate: promise,
      promisedShipDate: promise,
      likelyShipDate: addDays(today(), conservativeIn - 5),
      conservativeShipDate: addDays(today(), conservativeIn),
      delayClass: "at_risk",
      unitsRemaining: 1,
      cancelledAt: null,
    },
  });
  return order;
}

async function forecastMoves(order: OrderRecord, conservativeIn: number) {
  await h.db.trackedOrder.update({
    where: { shop_id: { shop, id: gid(order) } },
    data: {
      likelyShipDate: addDays(today(), conservativeIn - 5),
      conservativeShipDate: addDays(today(), conservativeIn),
    },
  });
}

async function sendNotice(order: OrderRecord, overrides: Partial<NoticeJobParams> = {}) {
  const kind = h.registry.get("notice");
  if (!kind) throw new Error("notice kind not registered");
  const before = mail.received().length;
  await createJob(h.db, {
    shop,
    kind,
    params: { ...params, ...overrides },
    orderIds: [gid(order)],
    createdBy: "1",
  });
  await runJobsToEnd(h.runner(), h.db);
  const sent = mail.received().slice(before);
  expect(sent).toHaveLength(1);
  const notice = await h.db.notice.findFirstOrThrow({
    where: { shop, orderId: gid(order) },
    orderBy: { revision: "desc" },
  });
  return { email: sent[0], notice };
}

async function askOf(noticeId: string) {
  return h.db.consentRequest.findUnique({ where: { shop_noticeId: { shop, noticeId } } });
}

/** "Friday 11 December", as a customer reads a date. */
function longDate(date: string): string {
  const at = new Date(`${date}T12:00:00Z`);
  const part = (options: Intl.DateTimeFormatOptions) =>
    at.toLocaleDateString("en-US", { ...options, timeZone: "UTC" });
  return `${part({ weekday: "long" })} ${part({ day: "numeric" })} ${part({ month: "long" })}`;
}
const afterDays = (days: number) => new Date(Date.now() + days * DAY);

describe("FTC: silence is consent only for a first delay of 30 days or less", () => {
  it("a first notice for a 20-day delay says silence is a yes, and its order never reaches the review list", async () => {
    await useRuleSet("ftc");
    const order = await lateOrder(2, 22);
    const { email, notice } = await sendNotice(order);
    expect(email?.text).toContain("you do not need to do anything");
    expect(email?.text).not.toContain("we need your yes");
    expect(await askOf(notice.id)).toMatchObject({ terms: "silence", delayDays: 20 });
    const swept = await sweepConsentDeadlines(h.db, shop, afterDays(90));
    expect(swept.toReview).not.toContain(gid(order));
    expect((await consentReviewList(h.db, shop)).map((r) => r.orderId)).not.toContain(gid(order));
  });
});

describe("FTC: a yes is needed by a stated deadline, or the order is cancelled and refunded in full", () => {
  it("a 40-day first delay states the deadline and what happens without a yes; past it the order is held for review, then cancelled and refunded in full, shipping included", async () => {
    await useRuleSet("ftc");
    const order = await lateOrder(10, 50);
    const { email, notice } = await sendNotice(order);
    const ask = await askOf(notice.id);
    const deadline = addDays(today(), 10);
    expect(ask).toMatchObject({ terms: "yes", reason: "long", delayDays: 40, deadline });
    expect(email?.text).toContain(`please click "I'll wait" by ${longDate(deadline)}`);
    expect(email?.text).toContain(
      "If we do not hear from you by then, we will cancel your order and refund you in full, shipping included.",
    );
    expect(email?.html).toContain(longDate(deadline));

    // On the deadline's own day nothing happens; the day after, it is on the list and held.
    expect((await sweepConsentDeadlines(h.db, shop, afterDays(10))).toReview).toEqual([]);
    expect((await sweepConsentDeadlines(h.db, shop, afterDays(11.5))).toReview).toEqual([
      gid(order),
    ]);
    await runJobsToEnd(h.runner(), h.db);
    for (const fo of order.fulfillmentOrders) {
      expect(fo.status).toBe("ON_HOLD");
      expect(fo.holds?.map((hold) => hold.reasonNotes)).toEqual([HOLD_NOTES.consent_review]);
    }
    const list = await consentReviewList(h.db, shop);
    expect(list.find((r) => r.orderId === gid(order))).toMatchObject({
      status: "review",
      deadline,
      delayDays: 40,
    });

    // The merchant cancels and refunds from the list: one cancel-and-refund job.
    const paid = order.receivedCents;
    const job = await cancelReviewedOrders(h.db, shop, [gid(order)], DAWN, new Date());
    expect(job).toMatchObject({ orders: 1 });
    // The job names who started it, by id and name (issue 16 point 1).
    expect(await h.db.job.findUniqueOrThrow({ where: { id: job?.jobId ?? "" } })).toMatchObject({
      createdBy: "1",
      createdByName: "Dawn Rivera",
    });
    await runJobsToEnd(h.runner(), h.db);
    expect(order.cancelledAt).not.toBeNull();
    expect(order.financialStatus).toBe("REFUNDED");
    const refunds = refundsOf(h.store).refundsOf(order.id);
    expect(refunds).toHaveLength(1);
    expect(refunds[0]?.totalCents).toBe(paid);
    expect(refunds[0]?.shippingCents).toBe(order.shippingCents);
    expect(order.shippingCents).toBeGreaterThan(0);
    expect((await askOf(notice.id))?.status).toBe("cancelling");

    // The refund is tracked against the FTC limit and was made in time.
    const owed = (await refundsOwed(h.db, shop, new Date())).find((r) => r.orderId === gid(order));
    expect(owed).toMatchObject({ cause: "no_consent", standing: "refunded" });
  });

  it("a renewed delay needs a yes even from a customer who said they would wait before", async () => {
    await useRuleSet("ftc");
    const order = await lateOrder(5, 15);
    const first = await sendNotice(order);
    expect((await askOf(first.notice.id))?.terms).toBe("silence");
    await recordChoice(h.db, {
      shop,
      orderId: gid(order),
      noticeId: first.notice.id,
      choice: "wait",
    });
    // The date slips again: the merchant overrides the one-excuse guard with a reason.
    await forecastMoves(order, 25);
    const renewed = await sendNotice(order, { overrideReason: "Our leather supplier is late." });
    expect(renewed.notice.kind).toBe("later");
    const ask = await askOf(renewed.notice.id);
    // The deadline is the date last told (15 days out), at least a week away.
    expect(ask).toMatchObject({ terms: "yes", reason: "renewed", deadline: addDays(today(), 15) });
    expect(renewed.email?.text).toContain("this is a further delay after the date we gave you");
    // The earlier "I'll wait" does not answer it: past the deadline the order is on the list.
    expect((await sweepConsentDeadlines(h.db, shop, afterDays(16.5))).toReview).toContain(
      gid(order),
    );
    await runJobsToEnd(h.runner(), h.db);
    expect(order.fulfillmentOrders.every((fo) => fo.status === "ON_HOLD")).toBe(true);

    // A yes on the old email is not a yes to the new date; on the new one it is, late: hold released.
    await recordChoice(h.db, {
      shop,
      orderId: gid(order),
      noticeId: first.notice.id,
      choice: "wait",
    });
    expect((await askOf(renewed.notice.id))?.status).toBe("review");
    const late = await recordChoice(h.db, {
      shop,
      orderId: gid(order),
      noticeId: renewed.notice.id,
      choice: "wait",
    });
    expect(late).toMatchObject({ status: "recorded", choice: "wait" });
    expect((await askOf(renewed.notice.id))?.status).toBe("consented");
    await runJobsToEnd(h.runner(), h.db);
    expect(order.fulfillmentOrders.every((fo) => fo.status === "OPEN")).toBe(true);
    expect(order.cancelledAt).toBeNull();
    expect((await consentReviewList(h.db, shop)).map((r) => r.orderId)).not.toContain(gid(order));
  });

  it("a yes before the deadline keeps the order off the list and unheld", async () => {
    await useRuleSet("ftc");
    const order = await lateOrder(10, 45);
    const { notice } = await sendNotice(order);
    await recordChoice(h.db, { shop, orderId: gid(order), noticeId: notice.id, choice: "wait" });
    expect((await askOf(notice.id))?.status).toBe("consented");
    expect((await sweepConsentDeadlines(h.db, shop, afterDays(30))).toReview).not.toContain(
      gid(order),
    );
    await runJobsToEnd(h.runner(), h.db);
    expect(order.fulfillmentOrders.every((fo) => fo.status === "OPEN")).toBe(true);
  });

  it("the merchant dropping an order from the list releases its hold, and the order can ship", async () => {
    await useRuleSet("ftc");
    const order = await lateOrder(3, 40);
    const { notice } = await sendNotice(order);
    expect((await sweepConsentDeadlines(h.db, shop, afterDays(20))).toReview).toContain(gid(order));
    await runJobsToEnd(h.runner(), h.db);
    expect(order.fulfillmentOrders.every((fo) => fo.status === "ON_HOLD")).toBe(true);
    expect(await dropFromReview(h.db, shop, gid(order), DAWN, new Date())).toBe(true);
    await runJobsToEnd(h.runner(), h.db);
    expect(order.fulfillmentOrders.every((fo) => fo.status === "OPEN")).toBe(true);
    expect((await askOf(notice.id))?.status).toBe("dismissed");
    expect(order.cancelledAt).toBeNull();
    // The timeline event and the release job name the staff member by id and name.
    expect(
      await h.db.orderEvent.findFirstOrThrow({
        where: { orderId: gid(order), kind: "consent", actorId: "1" },
      }),
    ).toMatchObject({ actorName: "Dawn Rivera" });
    const release = await h.db.job.findFirstOrThrow({
      where: { kind: { not: "notice" }, createdBy: "1" },
      orderBy: { createdAt: "desc" },
    });
    expect(release.createdByName).toBe("Dawn Rivera");
  });
});

describe("UK/EU: the notice offers to end the contract with a full refund", () => {
  it("past the agreed date the notice offers to end the contract, and no deadline puts the order on a list", async () => {
    await useRuleSet("uk_eu");
    const order = await lateOrder(4, 12);
    const { email, notice } = await sendNotice(order);
    const agreed = addDays(today(), 4);
    expect(email?.text).toContain(
      `We will miss the delivery date we agreed (${longDate(agreed)}), so you are entitled to end your contract with us`,
    );
    expect(email?.text).toContain("refunds you in full, shipping included");
    expect(await askOf(notice.id)).toMatchObject({ terms: "end_contract", deadline: null });
    expect((await sweepConsentDeadlines(h.db, shop, afterDays(60))).toReview).not.toContain(
      gid(order),
    );
    await useRuleSet("ftc");
  });
});

describe("refunds tracked against the rule set's time limit", () => {
  it("a customer's refund not made 7 business days after they chose it is flagged overdue (FTC); under UK/EU after 14 days", async () => {
    await useRuleSet("ftc");
    const order = freshOrder();
    // Chosen twelve days ago; the cancel-and-refund job never ran (say, the shop's token was revoked).
    const chosenAt = new Date(Date.now() - 12 * DAY);
    await h.db.customerChoice.create({
      data: { shop, orderId: gid(order), choice: "cancel", chosenAt },
    });
    const ftc = (await refundsOwed(h.db, shop, new Date())).find((r) => r.orderId === gid(order));
    expect(ftc).toMatchObject({
      cause: "customer_choice",
      rule: "within 7 business days",
      standing: "overdue",
      refundedOn: null,
    });
    await useRuleSet("uk_eu");
    const ukEu = (await refundsOwed(h.db, shop, new Date())).find((r) => r.orderId === gid(order));
    expect(ukEu).toMatchObject({
      standing: "due",
      dueBy: addDays(parseLocalDate(localDateOf(chosenAt, zone)), 14),
    });
    await useRuleSet("ftc");
  });
});

describe("the shopper's order status page (simulated customer account)", () => {
  it("shows Delay Desk's block from the order's app metafield: the estimate and both choices, linked to the wait-or-refund page", async () => {
    await useRuleSet("ftc");
    const order = await lateOrder(2, 40);
    await sendNotice(order);
    const origin = h.app.simulator.origin;
    const response = await fetch(
      `${origin}/${shop}/account/order-status?name=${encodeURIComponent(order.name)}`,
    );
    expect(response.status).toBe(200);
    const page = await response.text();
    expect(page).toContain('data-testid="order-status-block"');
    expect(page).toContain("Shipping update");
    expect(page).toContain("We now expect to ship your order");
    const links = [...page.matchAll(/href="([^"]+)"/g)].map((m) => m[1]?.replaceAll("&amp;", "&"));
    expect(links.map((l) => new URL(l ?? "").pathname)).toEqual([
      `/${shop}/storefront/apps/delay-desk/choice`,
      `/${shop}/storefront/apps/delay-desk/choice`,
    ]);
    // Once cancelled in Shopify, the block says nothing (Shopify's own page says it).
    await sweepConsentDeadlines(h.db, shop, afterDays(30));
    await cancelReviewedOrders(h.db, shop, [gid(order)], DAWN, new Date());
    await runJobsToEnd(h.runner(), h.db);
    const after = await (
      await fetch(`${origin}/${shop}/account/order-status?name=${encodeURIComponent(order.name)}`)
    ).text();
    expect(after).toContain('data-testid="order-status-empty"');
  });
});
