// Staff and money, end to end through the real routes, the real runner and the Admin API
// simulator: who may start a money job (the staff member's own scopes, from the online access
// token token exchange gives for their session token), the shop's limits and approval, the undo
// window, and the frozen list, asserted against the simulator's refund records.
//
// Shopify behaviour relied on (and simulated in simulator/token-exchange.ts, simulator/access-tokens.ts):
// - Token exchange with requested_token_type urn:shopify:params:oauth:token-type:online-access-token
//   answers associated_user (id, first_name, last_name, email, account_owner, collaborator, …) and
//   associated_user_scope: https://shopify.dev/docs/apps/build/authentication-authorization/access-tokens/token-exchange
//   (request body as @shopify/shopify-api sends it: node_modules/@shopify/shopify-api/lib/auth/oauth/token-exchange.ts).
// - "Tokens with online access mode have the same permissions as the user that's logged in";
//   "requesting this access mode always returns an access token restricted to the scopes
//   available to the user": https://shopify.dev/docs/apps/build/authentication-authorization/access-tokens/online-access-tokens
// - refundCreate and orderCancel need write_orders (the schema's requiredAccess, graphql/admin-2026-10.schema.json).
// The simulated shop's staff: 1 Dawn Rivera (full permissions, not the owner), 2 Marcus Hale
// (account owner), 3 Priya Shah (customer support: no refund permission, so no write_orders).
import { DateTime } from "luxon";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { toShopCents } from "@delay-desk/simulator/store/currency";
import { refundsOf } from "@delay-desk/simulator/store/refunds";
import { callRoute } from "../../tests/support/app-under-test";
import { startJobHarness, type JobHarness } from "../../tests/support/job-harness";
import { runJobsToEnd } from "../../tests/support/run-jobs";
import { toMinorUnits } from "../jobs/money";
import { releaseDueJobs } from "./job-gate.server";
import { shopDayOf } from "./shop-day";

const DAWN = 1;
const MARCUS = 2;
const PRIYA = 3;

let h: JobHarness;
beforeAll(async () => {
  h = await startJobHarness({ orders: 60, seed: 21, plan: "PLUS" });
});
afterAll(async () => {
  await h.close();
});
beforeEach(async () => {
  await h.db.staffRules.deleteMany({});
});

let used = 0;
/** Orders no earlier test touched: open, paid, unrefunded. */
function freshOrders(count: number) {
  const orders = h.store.orders
    .filter((o) => o.cancelledAt === null && o.receivedCents > 0)
    .filter((o) => refundsOf(h.store).refundsOf(o.id).length === 0)
    .slice(used, used + count);
  used += count;
  if (orders.length < count) throw new Error("the seed has too few open paid orders");
  return orders;
}

function remedyUrl(remedy: string, orders: ReadonlyArray<{ id: number }>): string {
  const ids = orders.map((o) => `gid://shopify/Order/${o.id}`).join(",");
  return `/app/remedies?remedy=${remedy}&ids=${encodeURIComponent(ids)}`;
}

async function start(remedy: string, orders: ReadonlyArray<{ id: number }>, user: number) {
  const { action } = await import("../routes/app.remedies");
  return callRoute(
    action,
    h.app.bearerRequest(
      remedyUrl(remedy, orders),
      {
        method: "POST",
        body: new URLSearchParams({ notify: "", note: "Sorry for the wait" }),
        headers: { "Content-Type": "application/x-www-form-urlencoded" },
      },
      user,
    ),
  );
}

async function startedJobId(remedy: string, orders: ReadonlyArray<{ id: number }>, user: number) {
  const started = await start(remedy, orders, user);
  if (!(started instanceof Response) || started.status !== 302)
    throw new Error(`expected a redirect, got ${JSON.stringify(started)}`);
  return (started.headers.get("Location") ?? "").split("/").at(-1) ?? "";
}

async function jobAction(jobId: string, intent: string, user: number) {
  const route = await import("../routes/app.jobs.$id");
  return callRoute(
    route.action,
    h.app.bearerRequest(
      `/app/jobs/${jobId}`,
      {
        method: "POST",
        body: new URLSearchParams({ intent }),
        headers: { "Content-Type": "application/x-www-form-urlencoded" },
      },
      user,
    ),
    { id: jobId },
  );
}

async function jobPage(jobId: string, user: number) {
  const route = await import("../routes/app.jobs.$id");
  return callRoute(route.loader, h.app.bearerRequest(`/app/jobs/${jobId}`, {}, user), {
    id: jobId,
  });
}

const refundCount = (orders: ReadonlyArray<{ id: number }>) =>
  orders.reduce((sum, o) => sum + refundsOf(h.store).refundsOf(o.id).length, 0);

const inMinutes = (minutes: number) => new Date(Date.now() + minutes * 60_000);

describe("who may move money", () => {
  it("refuses a refund job to a staff member without write_orders: 403, a clear message, no job, no refund", async () => {
    const orders = freshOrders(2);
    const refused = await start("refund", orders, PRIYA);
    if (!(refused instanceof Response)) throw new Error("expected a Response");
    expect(refused.status).toBe(403);
    const body: unknown = await refused.json();
    expect(body).toMatchObject({
      error: expect.stringMatching(/Priya Shah.*permissions do not include refunding/),
    });
    expect(await h.db.job.count()).toBe(0);
    expect(refundCount(orders)).toBe(0);
  });

  it("refuses cancel-and-refund and the shipping cost back to the same limited member, but lets her start the shipping upgrade and a non-money remedy", async () => {
    const orders = freshOrders(1);
    const refused = await start("cancel_refund", orders, PRIYA);
    expect(refused instanceof Response ? refused.status : 0).toBe(403);
    // The shipping cost back is money too; the shipping upgrade (an order edit) is not.
    const { action: remedyAction } = await import("../routes/app.remedies");
    const shipping = (mode: string) =>
      callRoute(
        remedyAction,
        h.app.bearerRequest(
          remedyUrl("shipping", orders),
          {
            method: "POST",
            body: new URLSearchParams({ shippingMode: mode, notify: "" }),
            headers: { "Content-Type": "application/x-www-form-urlencoded" },
          },
          PRIYA,
        ),
      );
    const shippingRefund = await shipping("refund");
    expect(shippingRefund instanceof Response ? shippingRefund.status : 0).toBe(403);
    expect(await h.db.job.count()).toBe(0);
    const upgrade = await shipping("upgrade");
    expect(upgrade instanceof Response ? upgrade.status : 0).toBe(302);
    const upgradeJob = await h.db.job.findFirstOrThrow({ where: { kind: "shipping" } });
    await h.db.jobItem.deleteMany({ where: { jobId: upgradeJob.id } });
    await h.db.job.delete({ where: { id: upgradeJob.id } });
    const { action } = await import("../routes/app.remedies");
    const code = await callRoute(
      action,
      h.app.bearerRequest(
        remedyUrl("discount_code", orders),
        {
          method: "POST",
          body: new URLSearchParams({ percent: "10" }),
          headers: { "Content-Type": "application/x-www-form-urlencoded" },
        },
        PRIYA,
      ),
    );
    expect(code instanceof Response ? code.status : 0).toBe(302);
    const job = await h.db.job.findFirstOrThrow({ where: { kind: "discount_code" } });
    expect(job).toMatchObject({ createdBy: "3", createdByName: "Priya Shah", status: "pending" });
    await h.db.jobItem.deleteMany({ where: { jobId: job.id } });
    await h.db.job.delete({ where: { id: job.id } });
  });
});

describe("the undo window and the frozen list", () => {
  it("holds a refund job in a countdown, runs nothing in it, then runs exactly the frozen list", async () => {
    const orders = freshOrders(3);
    const jobId = await startedJobId("refund", orders, DAWN);
    const job = await h.db.job.findUniqueOrThrow({ where: { id: jobId } });
    expect(job).toMatchObject({
      status: "countdown",
      createdBy: "1",
      createdByName: "Dawn Rivera",
    });
    const gate = await h.db.jobGate.findUniqueOrThrow({ where: { jobId } });
    expect(gate.needsApproval).toBe(false);
    expect(gate.startsAt?.getTime()).toBeGreaterThan(Date.now() + 4 * 60_000);

    // The page shows the countdown and the frozen list; no staff email reaches it.
    const page = await jobPage(jobId, DAWN);
    expect(page.progress).toMatchObject({ createdBy: "Dawn Rivera", createdById: "1" });
    expect(page.gate?.frozen.map((item) => item.orderId).sort()).toEqual(
      orders.map((o) => `gid://shopify/Order/${o.id}`).sort(),
    );
    expect(JSON.stringify(page)).not.toMatch(/@oak-and-hide|dawn@/);

    // In the window the runner has nothing to claim; a sweep before its end releases nothing.
    await runJobsToEnd(h.runner(), h.db);
    expect(await releaseDueJobs(h.db, inMinutes(4))).toBe(0);
    expect(refundCount(orders)).toBe(0);

    expect(await releaseDueJobs(h.db, inMinutes(6))).toBe(1);
    await runJobsToEnd(h.runner(), h.db);
    const frozen = await h.db.jobItem.findMany({ where: { jobId } });
    // What ran is the frozen list: one refund per frozen order, of the frozen shop amount.
    for (const item of frozen) {
      const orderId = Number(item.orderId.split("/").at(-1));
      const refunds = refundsOf(h.store).refundsOf(orderId);
      expect(refunds).toHaveLength(1);
      const order = h.store.order(orderId);
      if (!order) throw new Error("order gone");
      expect(toShopCents(refunds[0]!.totalCents, order.currencies)).toBe(
        Math.round(toMinorUnits(item.amount ?? "0") / 10),
      );
      expect(item.status).toBe("done");
    }
    // The order timeline names the staff member.
    const events = await h.db.orderEvent.findMany({ where: { kind: "remedy" } });
    expect(events.filter((e) => e.actorName === "Dawn Rivera")).toHaveLength(3);
  });

  it("cancels a job with one click in the window (anyone with access): nothing runs, even after the window", async () => {
    const orders = freshOrders(2);
    const jobId = await startedJobId("refund", orders, DAWN);
    // Priya may not refund, but she may stop a refund.
    expect(await jobAction(jobId, "undo", PRIYA)).toMatchObject({ ok: true });
    expect(await h.db.job.findUniqueOrThrow({ where: { id: jobId } })).toMatchObject({
      status: "cancelled",
    });
    expect(await h.db.jobGate.findUniqueOrThrow({ where: { jobId } })).toMatchObject({
      cancelledById: "3",
      cancelledByName: "Priya Shah",
    });
    expect(await releaseDueJobs(h.db, inMinutes(10))).toBe(0);
    await runJobsToEnd(h.runner(), h.db);
    expect(refundCount(orders)).toBe(0);
    const items = await h.db.jobItem.findMany({ where: { jobId } });
    expect(items.map((i) => [i.status, i.error])).toEqual(
      items.map(() => ["skipped", "Cancelled in the undo window by Priya Shah"]),
    );
    // Too late once it ran: the undo is refused with 409.
    const ranId = await startedJobId("refund", freshOrders(1), DAWN);
    await releaseDueJobs(h.db, inMinutes(6));
    await runJobsToEnd(h.runner(), h.db);
    const late = await jobAction(ranId, "undo", DAWN);
    expect(late instanceof Response ? late.status : 0).toBe(409);
  });

  it("skips an order whose refundable amount changed after the list was frozen, with that reason", async () => {
    const orders = freshOrders(2).map((o) => ({ ...o }));
    const changed = h.store.orders.find((o) => o.id === orders[0]!.id);
    if (!changed || changed.shippingCents <= 0) throw new Error("the order needs shipping");
    const jobId = await startedJobId("refund", orders, DAWN);
    // Meanwhile another staff member refunds that order's shipping (an unfrozen, ungated job).
    await h.db.staffRules.upsert({
      where: { shop: h.app.shop },
      create: { shop: h.app.shop, undoMinutes: 0 },
      update: { undoMinutes: 0 },
    });
    const { action } = await import("../routes/app.remedies");
    const shipping = await callRoute(
      action,
      h.app.bearerRequest(
        remedyUrl("shipping", [changed]),
        {
          method: "POST",
          body: new URLSearchParams({ shippingMode: "refund", notify: "" }),
          headers: { "Content-Type": "application/x-www-form-urlencoded" },
        },
        MARCUS,
      ),
    );
    expect(shipping instanceof Response ? shipping.status : 0).toBe(302);
    await runJobsToEnd(h.runner(), h.db);
    expect(refundsOf(h.store).refundsOf(changed.id)).toHaveLength(1);

    expect(await releaseDueJobs(h.db, inMinutes(6))).toBe(1);
    await runJobsToEnd(h.runner(), h.db);
    const items = await h.db.jobItem.findMany({ where: { jobId } });
    const skipped = items.find((i) => i.orderId === `gid://shopify/Order/${changed.id}`);
    expect(skipped).toMatchObject({
      status: "skipped",
      error: expect.stringMatching(/refundable amount changed .* after the list was frozen/),
    });
    // Only the shipping refund on that order; the other order was refunded in full.
    expect(refundsOf(h.store).refundsOf(changed.id)).toHaveLength(1);
    expect(refundsOf(h.store).refundsOf(orders[1]!.id)).toHaveLength(1);

    // The per-job report lists every order with its outcome and reason.
    const report = await import("../routes/app.jobs.$id.report");
    const csv = await callRoute(
      report.loader,
      h.app.bearerRequest(`/app/jobs/${jobId}/report`, {}, DAWN),
      { id: jobId },
    );
    const text = await csv.text();
    const lines = text.trim().split("\r\n");
    expect(lines[0]).toBe(
      "Order,Order ID,Amount,Currency,Customer amount,Customer currency,Outcome,Reason",
    );
    expect(lines).toHaveLength(3);
    expect(text).toMatch(/,Skipped,.*refundable amount changed/);
    expect(text).toMatch(/,Done,/);
  });
});

describe("limits and approval", () => {
  it("holds an over-limit job for the account owner's approval; the limited member and the starter cannot approve", async () => {
    await h.db.staffRules.create({ data: { shop: h.app.shop, jobOrderLimit: 2 } });
    const orders = freshOrders(3);
    const jobId = await startedJobId("refund", orders, DAWN);
    expect(await h.db.job.findUniqueOrThrow({ where: { id: jobId } })).toMatchObject({
      status: "awaiting_approval",
    });
    const gate = await h.db.jobGate.findUniqueOrThrow({ where: { jobId } });
    expect(gate.approvalReason).toMatch(/per-job limit of 2 orders \(this job: 3\)/);
    // Waiting for approval is not counting down: no sweep releases it, the runner claims nothing.
    expect(await releaseDueJobs(h.db, inMinutes(60))).toBe(0);
    await runJobsToEnd(h.runner(), h.db);
    expect(refundCount(orders)).toBe(0);

    const byPriya = await jobAction(jobId, "approve", PRIYA);
    expect(byPriya instanceof Response ? byPriya.status : 0).toBe(403);
    const byStarter = await jobAction(jobId, "approve", DAWN);
    expect(byStarter instanceof Response ? byStarter.status : 0).toBe(403);
    expect((await jobPage(jobId, MARCUS)).gate?.canApprove).toBe(true);
    expect((await jobPage(jobId, PRIYA)).gate?.canApprove).toBe(false);

    expect(await jobAction(jobId, "approve", MARCUS)).toMatchObject({ ok: true });
    const approved = await h.db.jobGate.findUniqueOrThrow({ where: { jobId } });
    expect(approved).toMatchObject({
      decision: "approved",
      decidedById: "2",
      decidedByName: "Marcus Hale",
    });
    // Approval, then the countdown, then the run.
    expect(await h.db.job.findUniqueOrThrow({ where: { id: jobId } })).toMatchObject({
      status: "countdown",
    });
    expect(await releaseDueJobs(h.db, inMinutes(6))).toBe(1);
    await runJobsToEnd(h.runner(), h.db);
    expect(refundCount(orders)).toBe(3);
  });

  it("records a refusal and who made it; a refused job never runs", async () => {
    await h.db.staffRules.create({ data: { shop: h.app.shop, jobAmountLimit: "1" } });
    const orders = freshOrders(2);
    // Marcus is the account owner: his own jobs need no approval (he is the approver).
    const ownerJob = await startedJobId("refund", orders.slice(0, 1), MARCUS);
    expect(await h.db.job.findUniqueOrThrow({ where: { id: ownerJob } })).toMatchObject({
      status: "countdown",
    });
    await jobAction(ownerJob, "undo", MARCUS);
    // A job started by someone else waits; the owner refuses it.
    await h.db.staffRules.update({ where: { shop: h.app.shop }, data: { approverId: null } });
    const jobId = await startedJobId("refund", orders.slice(1), DAWN);
    expect((await h.db.jobGate.findUniqueOrThrow({ where: { jobId } })).approvalReason).toMatch(
      /per-job limit of 1\.00/,
    );
    expect(await jobAction(jobId, "refuse", MARCUS)).toMatchObject({ ok: true });
    expect(await h.db.jobGate.findUniqueOrThrow({ where: { jobId } })).toMatchObject({
      decision: "refused",
      decidedByName: "Marcus Hale",
    });
    await releaseDueJobs(h.db, inMinutes(60));
    await runJobsToEnd(h.runner(), h.db);
    expect(refundCount(orders)).toBe(0);
    const items = await h.db.jobItem.findMany({ where: { jobId } });
    expect(items.every((i) => i.status === "skipped" && i.error === "Refused by Marcus Hale")).toBe(
      true,
    );
  });

  it("counts the day's staff money jobs against the daily limit", async () => {
    await h.db.staffRules.create({ data: { shop: h.app.shop } });
    const { dayTotals } = await import("./money-today.server");
    const today = await h.db.$transaction((tx) =>
      dayTotals(tx, h.app.shop, { now: new Date(), timeZone: h.store.shop.ianaTimezone }, "none"),
    );
    // Cancelled and refused jobs do not count; the ones that ran today do.
    const counted = await h.db.jobItem.count({
      where: {
        jobId: {
          in: (
            await h.db.job.findMany({
              where: { status: { not: "cancelled" }, kind: { in: ["refund", "cancel_refund"] } },
              select: { id: true },
            })
          ).map((j) => j.id),
        },
      },
    });
    expect(today.orders).toBe(counted);
    await h.db.staffRules.update({
      where: { shop: h.app.shop },
      data: { dayOrderLimit: today.orders + 1 },
    });
    const jobId = await startedJobId("refund", freshOrders(2), DAWN);
    expect((await h.db.jobGate.findUniqueOrThrow({ where: { jobId } })).approvalReason).toMatch(
      /daily limit of \d+ orders/,
    );
    await jobAction(jobId, "undo", DAWN);
  });
});

describe("refunds the customer chose", () => {
  it("are not subject to staff rules: no gate, no window, they run at once, and the audit lists them under Customer", async () => {
    await h.db.staffRules.create({
      data: { shop: h.app.shop, jobOrderLimit: 1, jobAmountLimit: "1" },
    });
    const [order] = freshOrders(1);
    if (!order) throw new Error("no order");
    const { queueCancelRefund } = await import("../proxy/record-choice.server");
    const queued = await queueCancelRefund(h.db, h.app.shop, `gid://shopify/Order/${order.id}`);
    if (!("jobId" in queued)) throw new Error(queued.staffRequest);
    expect(await h.db.job.findUniqueOrThrow({ where: { id: queued.jobId } })).toMatchObject({
      status: "pending",
      createdBy: "customer",
    });
    expect(await h.db.jobGate.count({ where: { jobId: queued.jobId } })).toBe(0);
    await runJobsToEnd(h.runner(), h.db);
    expect(h.store.order(order.id)?.cancelledAt).not.toBeNull();
    const { moneyAudit } = await import("./money-audit.server");
    const rows = await moneyAudit(h.db, h.app.shop, h.store.shop.ianaTimezone);
    expect(rows.find((row) => row.staff === "Customer")).toMatchObject({
      staffId: null,
      jobs: 1,
      orders: 1,
    });
  });
});

describe("after the fact", () => {
  it("audits money moved per day and staff member, with staff ids and no staff email", async () => {
    // Each test has a fresh database: Dawn moves money here, then the audit is read.
    const orders = freshOrders(2);
    await startedJobId("refund", orders, DAWN);
    expect(await releaseDueJobs(h.db, inMinutes(6))).toBe(1);
    await runJobsToEnd(h.runner(), h.db);
    const route = await import("../routes/app.staff.audit");
    const response = await callRoute(
      route.loader,
      h.app.bearerRequest("/app/staff/audit", {}, PRIYA),
    );
    const text = await response.text();
    const lines = text.trim().split("\r\n");
    expect(lines[0]).toBe("Day,Time zone,Started by,Staff ID,Jobs,Orders,Amount,Currency");
    // The shop's day, in the zone Shopify reports for it (the shop has no saved settings).
    const zone = h.store.shop.ianaTimezone;
    const today = shopDayOf(new Date(), zone);
    const dawn = lines.find((line) => line.startsWith(`${today},${zone},Dawn Rivera,1,`));
    expect(dawn).toBeDefined();
    // Dawn's done refunds, summed by hand from the simulator's records.
    const dawnJobs = await h.db.job.findMany({ where: { createdBy: "1", kind: "refund" } });
    const done = await h.db.jobItem.findMany({
      where: { jobId: { in: dawnJobs.map((j) => j.id) }, status: "done" },
    });
    const cents = done.reduce((sum, item) => {
      const id = Number(item.orderId.split("/").at(-1));
      const order = h.store.order(id);
      if (!order) throw new Error("order gone");
      return (
        sum +
        refundsOf(h.store)
          .refundsOf(id)
          .reduce((s, r) => s + toShopCents(r.totalCents, order.currencies), 0)
      );
    }, 0);
    expect(dawn?.split(",")[5]).toBe(String(done.length));
    expect(Math.round(Number(dawn?.split(",")[6]) * 100)).toBe(cents);
    expect(text).not.toMatch(/@/);
  });
});

// The shipping cost back moves money too. Its amount is Shopify's own refund suggestion for the
// shipping, Order.suggestedRefund(refundShipping: true).amountSet ("Whether to refund the full
// shipping amount"; "The total monetary value to be refunded in shop and presentment currencies":
// https://shopify.dev/docs/api/admin-graphql/latest/objects/Order#field-Order.fields.suggestedRefund,
// https://shopify.dev/docs/api/admin-graphql/latest/objects/SuggestedRefund), which the simulator
// computes as the order's shipping minus the shipping already refunded
// (simulator/resolvers/suggested-refund.ts).
describe("the shipping cost back is money", () => {
  const taken = new Set<number>();
  function ordersWithShipping(count: number) {
    const orders = h.store.orders
      .filter((o) => o.cancelledAt === null && o.receivedCents > 0 && o.shippingCents > 0)
      .filter((o) => !taken.has(o.id) && refundsOf(h.store).refundsOf(o.id).length === 0)
      .slice(-count);
    if (orders.length < count) throw new Error("the seed has too few orders with shipping");
    for (const o of orders) taken.add(o.id);
    return orders;
  }
  const shippingShopCents = (o: (typeof h.store.orders)[number]) =>
    toShopCents(o.shippingCents, o.currencies);

  async function startShippingRefund(orders: ReadonlyArray<{ id: number }>, user: number) {
    const { action } = await import("../routes/app.remedies");
    const started = await callRoute(
      action,
      h.app.bearerRequest(
        remedyUrl("shipping", orders),
        {
          method: "POST",
          body: new URLSearchParams({ shippingMode: "refund", notify: "" }),
          headers: { "Content-Type": "application/x-www-form-urlencoded" },
        },
        user,
      ),
    );
    if (!(started instanceof Response) || started.status !== 302)
      throw new Error(`expected a redirect, got ${JSON.stringify(started)}`);
    return (started.headers.get("Location") ?? "").split("/").at(-1) ?? "";
  }

  it("plans each order at its refundable shipping: the confirmation, the frozen list, the per-job money limit, the run, the CSV and the audit all carry that amount", async () => {
    const orders = ordersWithShipping(2);
    const total = orders.reduce((sum, o) => sum + shippingShopCents(o), 0);
    // The confirmation page shows the same money the job will freeze.
    const { loader } = await import("../routes/app.remedies");
    const preview = await callRoute(loader, h.app.bearerRequest(remedyUrl("shipping", orders)));
    expect(preview.preview).toMatchObject({ count: 2, amount: (total / 100).toFixed(2) });

    // One cent under the job's shipping: the limit sees it and the job waits for approval.
    await h.db.staffRules.create({
      data: { shop: h.app.shop, jobAmountLimit: ((total - 1) / 100).toFixed(2) },
    });
    const jobId = await startShippingRefund(orders, DAWN);
    expect(await h.db.job.findUniqueOrThrow({ where: { id: jobId } })).toMatchObject({
      status: "awaiting_approval",
    });
    expect((await h.db.jobGate.findUniqueOrThrow({ where: { jobId } })).approvalReason).toMatch(
      `Over the per-job limit of ${((total - 1) / 100).toFixed(2)} (this job: ${(total / 100).toFixed(2)})`,
    );
    const items = await h.db.jobItem.findMany({ where: { jobId } });
    expect(
      items
        .map((i) => [i.orderId, i.amount, i.presentmentAmount, i.presentmentCurrencyCode])
        .sort(),
    ).toEqual(
      orders
        .map((o) => [
          `gid://shopify/Order/${o.id}`,
          (shippingShopCents(o) / 100).toFixed(2),
          (o.shippingCents / 100).toFixed(2),
          o.currencies.presentment,
        ])
        .sort(),
    );
    const page = await jobPage(jobId, MARCUS);
    expect(page.gate?.frozen.map((f) => f.amount).sort()).toEqual(
      orders.map((o) => (shippingShopCents(o) / 100).toFixed(2)).sort(),
    );

    expect(await jobAction(jobId, "approve", MARCUS)).toMatchObject({ ok: true });
    expect(await releaseDueJobs(h.db, inMinutes(6))).toBe(1);
    await runJobsToEnd(h.runner(), h.db);
    // What ran is the frozen list: each order's shipping, once, no line items.
    for (const o of orders) {
      const refunds = refundsOf(h.store).refundsOf(o.id);
      expect(refunds.map((r) => [r.totalCents, r.shippingCents, r.lines.length])).toEqual([
        [o.shippingCents, o.shippingCents, 0],
      ]);
    }

    const report = await import("../routes/app.jobs.$id.report");
    const csv = await callRoute(
      report.loader,
      h.app.bearerRequest(`/app/jobs/${jobId}/report`, {}, DAWN),
      { id: jobId },
    );
    const rows = (await csv.text()).trim().split("\r\n").slice(1);
    expect(rows.map((row) => row.split(",").slice(2, 7).join(",")).sort()).toEqual(
      orders
        .map(
          (o) =>
            `${(shippingShopCents(o) / 100).toFixed(2)},${o.currencies.shop},${(o.shippingCents / 100).toFixed(2)},${o.currencies.presentment},Done`,
        )
        .sort(),
    );

    const { moneyAudit } = await import("./money-audit.server");
    const audit = await moneyAudit(h.db, h.app.shop, h.store.shop.ianaTimezone);
    expect(audit.find((row) => row.staffId === "1")).toMatchObject({
      staff: "Dawn Rivera",
      jobs: 1,
      orders: 2,
      amount: (total / 100).toFixed(2),
    });
  });

  it("counts the shipping cost back against the day's money", async () => {
    const [first, second] = ordersWithShipping(2);
    if (!first || !second) throw new Error("no orders");
    await h.db.staffRules.create({
      data: {
        shop: h.app.shop,
        dayAmountLimit: ((shippingShopCents(first) + shippingShopCents(second) - 1) / 100).toFixed(
          2,
        ),
      },
    });
    const one = await startShippingRefund([first], DAWN);
    expect((await h.db.job.findUniqueOrThrow({ where: { id: one } })).status).toBe("countdown");
    const two = await startShippingRefund([second], DAWN);
    expect((await h.db.job.findUniqueOrThrow({ where: { id: two } })).status).toBe(
      "awaiting_approval",
    );
    expect(
      (await h.db.jobGate.findUniqueOrThrow({ where: { jobId: two } })).approvalReason,
    ).toMatch(/Over the daily limit of/);
    await jobAction(one, "undo", DAWN);
    await jobAction(two, "undo", DAWN);
  });

  it("skips an order whose refundable shipping changed during the window, with that reason, and refunds the others", async () => {
    const orders = ordersWithShipping(2);
    const [changed, kept] = orders;
    if (!changed || !kept) throw new Error("no orders");
    const jobId = await startShippingRefund(orders, DAWN);
    expect((await h.db.job.findUniqueOrThrow({ where: { id: jobId } })).status).toBe("countdown");
    // Meanwhile the owner refunds that order's shipping in a job of his own, with no window.
    await h.db.staffRules.create({ data: { shop: h.app.shop, undoMinutes: 0 } });
    await startShippingRefund([changed], MARCUS);
    await runJobsToEnd(h.runner(), h.db);
    expect(refundsOf(h.store).refundsOf(changed.id)).toHaveLength(1);

    expect(await releaseDueJobs(h.db, inMinutes(6))).toBe(1);
    await runJobsToEnd(h.runner(), h.db);
    const items = await h.db.jobItem.findMany({ where: { jobId } });
    expect(items.find((i) => i.orderId === `gid://shopify/Order/${changed.id}`)).toMatchObject({
      status: "skipped",
      error: expect.stringMatching(
        /refundable shipping changed from .*[\d.,]+ to .*0\.00 after the list was frozen/,
      ),
    });
    expect(items.find((i) => i.orderId === `gid://shopify/Order/${kept.id}`)?.status).toBe("done");
    // Still one shipping refund on the changed order: the frozen job did not refund it again.
    expect(refundsOf(h.store).refundsOf(changed.id)).toHaveLength(1);
    expect(refundsOf(h.store).refundsOf(kept.id)).toHaveLength(1);
  });
});

// The daily limits count the shop's day, midnight to midnight on its own clock (the zone Shopify
// reports as Shop.ianaTimezone, https://shopify.dev/docs/api/admin-graphql/latest/objects/Shop#field-Shop.fields.ianaTimezone,
// the one the settings and the forecast use until the merchant saves another), not UTC's.
describe("the day of the daily limits", () => {
  it("counts a job at 23:30 and one at 00:30 the next morning in the shop's zone as two days, and two after midnight as one", async () => {
    const zone = h.store.shop.ianaTimezone;
    h.store.shop.ianaTimezone = "America/Los_Angeles";
    try {
      await h.db.staffRules.create({ data: { shop: h.app.shop, dayOrderLimit: 3 } });
      const { startRemedy } = await import("../remedies/start-remedy.server");
      const { backgroundAdmin } = await import("../shopify.server");
      const { staffIdentity } = await import("./staff-identity.server");
      const dawn = await staffIdentity(
        h.app.bearerRequest("/app", {}, DAWN),
        h.app.shop,
        String(DAWN),
      );
      const startAt = async (now: string) => {
        const orders = freshOrders(2);
        const started = await startRemedy(
          { db: h.db, jobKinds: h.registry },
          {
            shop: h.app.shop,
            selection: {
              remedy: "refund",
              ids: orders.map((o) => `gid://shopify/Order/${o.id}`),
            },
            form: { notify: false },
            staffId: String(DAWN),
            staff: dawn,
            admin: backgroundAdmin(h.app.shop),
            now: new Date(now),
          },
        );
        if (!started.ok) throw new Error(started.error);
        return (await h.db.job.findUniqueOrThrow({ where: { id: started.jobId } })).status;
      };
      // 23:30 and 00:30 Pacific (PST, UTC-8) are 07:30 and 08:30 UTC on one UTC day.
      expect(await startAt("2026-12-01T07:30:00Z")).toBe("countdown");
      expect(await startAt("2026-12-01T08:30:00Z")).toBe("countdown");
      // 00:45 Pacific is the same shop day as 00:30: 4 orders against a limit of 3.
      expect(await startAt("2026-12-01T08:45:00Z")).toBe("awaiting_approval");
      const last = await h.db.jobGate.findFirstOrThrow({ orderBy: { createdAt: "desc" } });
      expect(last.approvalReason).toMatch(/daily limit of 3 orders \(today with this job: 4\)/);
    } finally {
      h.store.shop.ianaTimezone = zone;
    }
  });
});

describe("the staff activity export", () => {
  it("names who started a job, who cancelled it in the window and who paused the storefront, by name and staff id, in the shop's time zone", async () => {
    const jobId = await startedJobId("refund", freshOrders(1), DAWN);
    expect(await jobAction(jobId, "undo", PRIYA)).toMatchObject({ ok: true });
    const storefront = await import("../routes/app.storefront");
    const paused = await callRoute(
      storefront.action,
      h.app.bearerRequest(
        "/app/storefront",
        {
          method: "POST",
          body: new URLSearchParams({ intent: "paused", message: "Back soon." }),
          headers: { "Content-Type": "application/x-www-form-urlencoded" },
        },
        MARCUS,
      ),
    );
    expect(paused.status).toBe(200);
    // The override row as the notice job writes it (app/notices/notice-job.server.ts), from its job.
    const order = `gid://shopify/Order/${freshOrders(1)[0]?.id ?? 0}`;
    await h.db.orderEvent.create({
      data: {
        shop: h.app.shop,
        orderId: order,
        kind: "override",
        actorId: "1",
        actorName: "Dawn Rivera",
        detail: JSON.stringify({ reason: "The kiln broke" }),
      },
    });

    const route = await import("../routes/app.staff.activity");
    const response = await callRoute(
      route.loader,
      h.app.bearerRequest("/app/staff/activity", {}, PRIYA),
    );
    const lines = (await response.text()).trim().split("\r\n");
    expect(lines[0]).toBe("When,Time zone,Staff,Staff ID,Action,Detail");
    const zone = h.store.shop.ianaTimezone;
    const rows = lines.slice(1).map((line) => line.split(","));
    const find = (action: string) => rows.find((row) => row[4] === action);
    expect(find("Started a job")?.slice(1, 4)).toEqual([zone, "Dawn Rivera", "1"]);
    expect(find("Started a job")?.[5]).toBe(
      `Full refund (order still ships): 1 order (job ${jobId})`,
    );
    expect(find("Cancelled a money job in its undo window")?.slice(2, 4)).toEqual([
      "Priya Shah",
      "3",
    ]);
    expect(find("Changed the storefront")?.slice(2, 4)).toEqual(["Marcus Hale", "2"]);
    expect(find("Sent a second later date anyway (override)")?.slice(2, 4)).toEqual([
      "Dawn Rivera",
      "1",
    ]);
    // Times on the shop's clock: the job's row reads as its createdAt does in the shop's zone.
    const job = await h.db.job.findUniqueOrThrow({ where: { id: jobId } });
    expect(find("Started a job")?.[0]).toBe(
      DateTime.fromJSDate(job.createdAt, { zone }).toFormat("yyyy-MM-dd HH:mm:ss"),
    );
    expect(lines.join("\n")).not.toMatch(/@/);
  });
});
