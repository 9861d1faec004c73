// A refund job of 10,000 orders (the size) runs across expiring offline tokens with no
// failure and no duplicate. The simulator issues tokens as Shopify does (60 minutes, refresh token
// 90 days, a new pair on each refresh; https://shopify.dev/changelog/offline-access-tokens-now-support-expiry-and-refresh),
// and the test ends the shop's access token twice mid-run with its control: Shopify then answers
// 401 (https://shopify.dev/docs/api/usage/response-codes), which the library does not handle for
// background work (it refreshes only while building an admin context:
// @shopify/shopify-app-remix src/server/helpers/ensure-valid-offline-session.ts).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { refundsOf } from "@delay-desk/simulator/store/refunds";
import { createJob, jobProgress } from "./jobs.server";
import { startJobHarness, type JobHarness } from "../../tests/support/job-harness";
import { jobsLeft } from "../../tests/support/run-jobs";

const COUNT = Number(process.env.EXPIRY_REFUND_ORDERS ?? 10_000);

// The bucket, not the app, sets the pace: on PLUS (20,000 points, 1,000/s restore) a refund costs
// about 21 points (suggestedRefund + refundCreate), so 10,000 take 200 s in real time. The
// simulator's bucket and the runner's gate share one clock running SPEED times faster, so the
// bucket refills SPEED times faster and every other rule stays as it is.
const SPEED = Number(process.env.EXPIRY_REFUND_SPEED ?? 20);
const epoch = Date.now();
const fastClock = () => epoch + (Date.now() - epoch) * SPEED;
const fastSleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms / SPEED));

let h: JobHarness;

beforeAll(async () => {
  h = await startJobHarness(
    { orders: Math.ceil(COUNT * 1.2), seed: 3, plan: "PLUS" },
    { clock: fastClock },
  );
}, 120_000);
afterAll(async () => {
  await h.close();
});

describe("a refund job across token expiry", () => {
  it(`refunds each of ${COUNT.toLocaleString("en")} orders exactly once while the access token is ended twice mid-run`, async () => {
    const orders = h.store.orders
      .filter((o) => o.cancelledAt === null && o.receivedCents > 0)
      .slice(0, COUNT);
    expect(orders).toHaveLength(COUNT);
    const kind = h.registry.get("refund");
    if (!kind) throw new Error("no refund kind");
    const job = await createJob(h.db, {
      shop: h.app.shop,
      kind,
      params: { notify: false },
      orderIds: orders.map((o) => `gid://shopify/Order/${o.id}`),
      createdBy: "test",
    });
    const expiredAt: number[] = [];
    const runner = h.runner({ maxConcurrency: 16, now: fastClock, sleep: fastSleep });
    const started = performance.now();
    // The token is ended twice mid-run, when the job's rows show a third and two thirds settled.
    const thresholds = [Math.floor(COUNT / 3), Math.floor((2 * COUNT) / 3)];
    runner.start();
    try {
      while ((await jobsLeft(h.db)) > 0) {
        const settled = await h.db.jobItem.count({
          where: { jobId: job.id, status: { notIn: ["pending", "running"] } },
        });
        if (thresholds.length > 0 && settled >= (thresholds[0] ?? 0)) {
          thresholds.shift();
          expiredAt.push(h.app.simulator.expireAccessToken(h.app.shop));
        }
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
    } finally {
      await runner.stop();
    }
    const seconds = (performance.now() - started) / 1000;
    process.stdout.write(`refund job across expiry: ${COUNT} items in ${seconds.toFixed(1)} s\n`);

    // Both times there was a live token to end, so both halves ran on a replaced one. The first
    // time there may be two: the one the harness's token exchange left, and the one each test's
    // fresh database is given (tests/support/job-harness.ts); both are ended.
    expect(expiredAt.map((ended) => ended >= 1)).toEqual([true, true]);
    const progress = await jobProgress(h.db, h.app.shop, job.id);
    expect(progress?.status).toBe("completed");
    expect(progress?.counts.done).toBe(COUNT);
    expect(progress?.counts.failed ?? 0).toBe(0);
    // The simulator's own records: one refund per order, and no more refunds than orders.
    const perOrder = orders.map((o) => refundsOf(h.store).refundsOf(o.id).length);
    expect(perOrder.filter((n) => n !== 1)).toEqual([]);
    expect(orders.every((o) => o.financialStatus === "REFUNDED")).toBe(true);
    // Each ended token was replaced by one refresh (no storm of refreshes from concurrent items).
    const refreshes = h.app.simulator
      .tokenGrants(h.app.shop)
      .filter((g) => g.grant === "refresh_token");
    expect(refreshes.map((g) => g.outcome)).toEqual(["issued", "issued"]);
  }, 600_000);
});
