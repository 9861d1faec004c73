// The outcomes summary against its oracle: every figure the page reads from OutcomeWeek equals the
// same figure aggregated from the rows themselves (naive-outcomes.server.ts), after the real
// events — forecast passes, a notice job on a real SMTP server, customers' answers through
// recordChoice, a refund and a cancel-and-refund run against the simulator — and the money is what
// the simulator recorded as refunded, never a planned amount. Runs on both databases
// (TEST_DATABASES=sqlite,postgresql).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startMailServer, type RunningMailServer } from "@delay-desk/simulator/mail/mail-server";
import { refundsOf } from "@delay-desk/simulator/store/refunds";
import type { OrderRecord } from "@delay-desk/simulator/store/records";
import { startJobHarness, type JobHarness } from "../../tests/support/job-harness";
import { noticeParams } from "../../tests/support/sample-shop";
import { runJobsToEnd } from "../../tests/support/run-jobs";
import { createJob } from "../jobs/jobs.server";
import { fromMinorUnits, sumMoney } from "../jobs/money";
import { smtpTransport } from "../notices/mail-transport.server";
import { noticeJobKind } from "../notices/notice-job.server";
import { reforecastShop } from "../orders/reforecast.server";
import { recordChoice } from "../proxy/record-choice.server";
import { naiveOutcomeRows } from "./naive-outcomes.server";
import { outcomesView, weekOf } from "./outcome-metrics";
import { loadOutcomes, OUTCOME_WEEKS } from "./outcomes.server";
import { lastWeeks } from "./outcome-metrics";

let h: JobHarness;
let mail: RunningMailServer;
let transport: ReturnType<typeof smtpTransport>;

beforeAll(async () => {
  h = await startJobHarness({ orders: 40, seed: 7, plan: "PLUS" });
  mail = await startMailServer();
  transport = smtpTransport(mail.url);
  h.registry.register(
    noticeJobKind({ db: h.db, transport: () => transport, secret: "test-secret" }),
  );
});
afterAll(async () => {
  transport.close();
  await mail.close();
  await h.close();
});

const gid = (order: OrderRecord) => `gid://shopify/Order/${order.id}`;
const ZONE = "America/New_York"; // the default rules' zone: this shop saved no settings

function openPaidOrders(): OrderRecord[] {
  return h.store.orders.filter(
    (o) =>
      o.cancelledAt === null &&
      o.fulfillmentStatus === "UNFULFILLED" &&
      o.receivedCents > 0 &&
      o.customerId !== null &&
      o.email !== null,
  );
}

async function summaryAndOracle(now: Date) {
  const shop = h.app.shop;
  const summary = await loadOutcomes(h.db, shop, now);
  const oracle = outcomesView(
    await naiveOutcomeRows(h.db, shop, now),
    lastWeeks(now, ZONE, OUTCOME_WEEKS),
  );
  return { summary, oracle };
}

describe("the outcomes summary", () => {
  it("counts late orders, notices, choices, refunds Shopify recorded, shipped and kept orders once each, equal to the aggregate over the rows", async () => {
    const shop = h.app.shop;
    const open = openPaidOrders().slice(0, 6);
    expect(open).toHaveLength(6);
    // Promised long ago: every open order is overdue at the next forecast pass.
    await h.db.trackedOrder.updateMany({
      where: { shop, id: { in: open.map(gid) } },
      data: { frozenPromiseDate: "2026-10-01", frozenPromiseSource: "rules" },
    });
    const now = new Date();
    await reforecastShop(h.db, shop, now);
    const lateRows = await h.db.trackedOrder.count({
      where: { shop, delayClass: { in: ["at_risk", "overdue"] } },
    });
    expect(lateRows).toBeGreaterThanOrEqual(6);
    // A second pass finds the same orders late: they were counted already.
    await reforecastShop(h.db, shop, new Date());
    let { summary, oracle } = await summaryAndOracle(new Date());
    expect(summary.totals.late).toBe(lateRows);
    expect(summary.weeks.find((w) => w.week === weekOf(now, ZONE))?.late).toBe(lateRows);

    // A first delay notice to three of them, through the runner and a real SMTP server.
    const [waits, cancels, refunded, ...rest] = open;
    if (!waits || !cancels || !refunded) throw new Error("unreachable");
    const notice = h.registry.get("notice");
    if (!notice) throw new Error("no notice kind");
    await createJob(h.db, {
      shop,
      kind: notice,
      params: noticeParams(),
      orderIds: [waits, cancels, refunded].map(gid),
      createdBy: "1",
    });
    await runJobsToEnd(h.runner(), h.db);
    const sent = await h.db.notice.count({ where: { shop, status: "sent" } });
    expect(sent).toBe(3);
    expect(mail.inbox().length).toBeGreaterThanOrEqual(3);

    // The customers answer; one changes their mind from wait to cancel (counted once, as cancel).
    await recordChoice(h.db, { shop, orderId: gid(waits), noticeId: null, choice: "wait" });
    await recordChoice(h.db, { shop, orderId: gid(cancels), noticeId: null, choice: "wait" });
    await recordChoice(h.db, { shop, orderId: gid(cancels), noticeId: null, choice: "cancel" });
    await runJobsToEnd(h.runner(), h.db); // the customer's cancel-and-refund
    await h.runJob("refund", { notify: false }, [refunded]);
    // Shipped: the order whose customer waited (fulfilled as the sync would store it).
    await h.db.trackedOrder.update({
      where: { shop_id: { shop, id: gid(waits) } },
      data: { displayFulfillmentStatus: "FULFILLED", unitsRemaining: 0, updatedAt: new Date() },
    });
    await reforecastShop(h.db, shop, new Date());
    await reforecastShop(h.db, shop, new Date()); // nothing new to count

    ({ summary, oracle } = await summaryAndOracle(new Date()));
    expect(summary.weeks).toEqual(oracle.weeks);
    expect(summary.totals).toEqual(oracle.totals);
    expect(summary.totals.notices).toBe(3);
    expect(summary.totals.wait).toBe(1);
    expect(summary.totals.cancel).toBe(1);
    expect(summary.totals.shipped).toBe(1);
    expect(summary.totals.shippedOnTime).toBe(0); // promised for October
    expect(summary.totals.hoursToNotice).not.toBeNull();

    // Refunds: what the simulator recorded for the refund job, plus the cancelled order's
    // confirmed total (orderCancel refunds it in full and reports no sum; the money audit's rule).
    const refundedCents = refundsOf(h.store)
      .refundsOf(refunded.id)
      .reduce((sum, r) => sum + r.totalCents, 0);
    expect(refundedCents).toBeGreaterThan(0);
    const cancelled = await h.db.trackedOrder.findUniqueOrThrow({
      where: { shop_id: { shop, id: gid(cancels) } },
    });
    const [refundCell] = summary.totals.refunds;
    expect(summary.totals.refunds).toHaveLength(1);
    expect(refundCell?.orders).toBe(2);
    expect(refundCell?.amount).toBe(
      sumMoney([fromMinorUnits(refundedCents * 10), cancelled.totalAmount]),
    );
    const kept = await h.db.trackedOrder.findUniqueOrThrow({
      where: { shop_id: { shop, id: gid(waits) } },
    });
    expect(summary.totals.kept).toEqual([
      { currency: kept.currencyCode, amount: sumMoney([kept.totalAmount]), orders: 1 },
    ]);
    expect(rest.length).toBeGreaterThan(0);
  });

  it("reads only the shop's own rows", async () => {
    const now = new Date();
    await h.db.outcomeWeek.create({
      data: { shop: "other.myshopify.com", week: weekOf(now, ZONE), metric: "late", count: 99 },
    });
    const summary = await loadOutcomes(h.db, h.app.shop, now);
    expect(summary.totals.late).toBe(0);
    const other = await loadOutcomes(h.db, "other.myshopify.com", now);
    expect(other.totals.late).toBe(99);
  });
});
