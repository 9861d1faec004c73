// The runner's promises, against the simulator: a worker killed at the worst moments (after
// Shopify made a refund, before the database heard of it) and restarted finishes the job with one
// refund per order and none missing; a timeout after a refund took effect does not refund again;
// a Standard-plan shop's THROTTLED answers never surface as failures; pause, cancel and retry.
import { gidId } from "../admin-api/gid";
import { spawn } from "node:child_process";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { refundsOf } from "@delay-desk/simulator/store/refunds";
import type { OrderRecord } from "@delay-desk/simulator/store/records";
import { startJobHarness, type JobHarness } from "../../tests/support/job-harness";
import { controlJob, createJob, jobProgress } from "./jobs.server";
import { runJobsToEnd } from "../../tests/support/run-jobs";

let h: JobHarness;
beforeAll(async () => {
  h = await startJobHarness({ orders: 200, seed: 5, plan: "STANDARD" });
});
afterAll(async () => {
  await h.close();
});

const used = new Set<number>();
function freshOrders(count: number): OrderRecord[] {
  const picked = h.store.orders
    .filter(
      (o) =>
        !used.has(o.id) &&
        o.cancelledAt === null &&
        o.receivedCents > 0 &&
        refundsOf(h.store).refundsOf(o.id).length === 0,
    )
    .slice(0, count);
  if (picked.length < count) throw new Error("too few refundable orders");
  for (const o of picked) used.add(o.id);
  return picked;
}

async function refundJob(orders: OrderRecord[]) {
  const kind = h.registry.get("refund");
  if (!kind) throw new Error("no refund kind");
  return createJob(h.db, {
    shop: h.app.shop,
    kind,
    params: { notify: false },
    orderIds: orders.map((o) => `gid://shopify/Order/${o.id}`),
    createdBy: "1",
  });
}

/** Runs the runner in a child process and SIGKILLs it the moment Shopify has made the `killAt`-th new refund. */
function runChildUntilRefund(
  orders: readonly OrderRecord[],
  killAt: number,
): Promise<"killed" | "finished"> {
  const refundCount = () =>
    orders.reduce((sum, o) => sum + refundsOf(h.store).refundsOf(o.id).length, 0);
  const before = refundCount();
  return new Promise((resolve, reject) => {
    const child = spawn(
      process.execPath,
      ["--import", "tsx", path.join(import.meta.dirname, "runner-child.test-support.ts")],
      { env: process.env, stdio: ["ignore", "pipe", "pipe"] },
    );
    let killed = false;
    let stderr = "";
    const stop = h.store.onChange((event) => {
      // The simulator announces a refund as orders/updated, synchronously, before it answers the request.
      if (event.topic !== "orders/updated") return;
      if (refundCount() - before >= killAt && !killed) {
        killed = true;
        child.kill("SIGKILL");
      }
    });
    child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
    child.stdout.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
    child.on("exit", (code, signal) => {
      stop();
      if (signal === "SIGKILL") resolve("killed");
      else if (code === 0) resolve("finished");
      else reject(new Error(`runner child exited ${code}: ${stderr}`));
    });
  });
}

describe("job runner", () => {
  it("killed mid-job (right after Shopify refunded, before the database knew) and restarted: one refund per order, none missing", async () => {
    const orders = await Promise.resolve(freshOrders(24));
    const job = await refundJob(orders);
    for (const killAt of [3, 5, 4]) {
      const how = await runChildUntilRefund(orders, killAt);
      const errors = (
        await h.db.jobItem.findMany({ where: { jobId: job.id, error: { not: null } }, take: 2 })
      ).map((i) => i.error);
      expect(how, errors.join("; ")).toBe("killed");
    }
    const midway = await jobProgress(h.db, h.app.shop, job.id);
    expect(midway?.remaining).toBeGreaterThan(0);
    // The worst case really happened: an item left "running" whose refund Shopify had made.
    const inDoubt = await h.db.jobItem.findMany({ where: { jobId: job.id, status: "running" } });
    expect(
      inDoubt.some(
        (item) => refundsOf(h.store).refundsOf(Number(gidId(item.orderId))).length === 1,
      ),
    ).toBe(true);
    await runJobsToEnd(h.runner(), h.db);
    const progress = await jobProgress(h.db, h.app.shop, job.id);
    expect(progress?.status).toBe("completed");
    expect(progress?.counts).toMatchObject({
      done: 24,
      failed: 0,
      skipped: 0,
      pending: 0,
      running: 0,
    });
    for (const order of orders) expect(refundsOf(h.store).refundsOf(order.id)).toHaveLength(1);
    expect(
      await h.db.orderEvent.count({
        where: {
          kind: "remedy",
          orderId: { in: orders.map((o) => `gid://shopify/Order/${o.id}`) },
        },
      }),
    ).toBe(24);
  }, 120_000);

  it("a timeout or dropped connection after the refund took effect does not refund again", async () => {
    const orders = freshOrders(4);
    h.app.simulator.faults.set(h.app.shop, [
      { field: "refundCreate", kind: "timeout-after", when: { calls: [1] }, ms: 3_000 },
      { field: "refundCreate", kind: "drop", when: { calls: [3] } },
      { field: "refundCreate", kind: "http", when: { calls: [5] }, status: 503 },
    ]);
    try {
      const job = await refundJob(orders);
      await runJobsToEnd(h.runner({ timeoutMs: 500, maxConcurrency: 1 }), h.db);
      const injected = h.app.simulator.faults.plan(h.app.shop).injected;
      expect(injected.filter((f) => f.executed)).toHaveLength(2);
      const progress = await jobProgress(h.db, h.app.shop, job.id);
      expect(progress?.counts).toMatchObject({ done: 4, failed: 0 });
      for (const order of orders) expect(refundsOf(h.store).refundsOf(order.id)).toHaveLength(1);
      const retried = await h.db.jobItem.findMany({
        where: { jobId: job.id, attempts: { gt: 1 } },
      });
      expect(retried.length).toBeGreaterThanOrEqual(2);
    } finally {
      h.app.simulator.faults.clear(h.app.shop);
    }
  }, 60_000);

  it("never fails an item on THROTTLED: a drained Standard bucket only slows the job", async () => {
    const orders = freshOrders(40);
    // A noisy neighbour (another process of this app, the merchant's other tools) spends the same
    // bucket for the first seconds, so the runner's estimate is wrong and Shopify answers THROTTLED.
    const { unauthenticated } = await import("../shopify.server");
    const { admin } = await unauthenticated.admin(h.app.shop);
    for (const size of [250, 50]) {
      let drained = false;
      for (let i = 0; i < 40 && !drained; i++)
        drained = await admin
          .graphql(`query Drain($n: Int!) { orders(first: $n) { nodes { id } } }`, {
            variables: { n: size },
          })
          .then(
            () => false,
            () => true,
          );
    }
    const job = await refundJob(orders);
    // Two app processes share the shop's bucket, each pacing itself by its own view of it.
    const runner = h.runner({ maxConcurrency: 8 });
    const other = h.runner({ maxConcurrency: 8 });
    const running = Promise.all([runJobsToEnd(runner, h.db), runJobsToEnd(other, h.db)]);
    const until = Date.now() + 3_000;
    while (Date.now() < until) {
      await admin
        .graphql(`query Neighbour { orders(first: 50) { nodes { id } } }`)
        .catch(() => undefined);
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    await running;
    const progress = await jobProgress(h.db, h.app.shop, job.id);
    expect(progress?.counts).toMatchObject({ done: 40, failed: 0 });
    const calls = (runner.stats(h.app.shop)?.calls ?? 0) + (other.stats(h.app.shop)?.calls ?? 0);
    expect(calls).toBeGreaterThanOrEqual(80);
    expect(
      (runner.stats(h.app.shop)?.throttled ?? 0) + (other.stats(h.app.shop)?.throttled ?? 0),
    ).toBeGreaterThan(0);
    for (const order of orders) expect(refundsOf(h.store).refundsOf(order.id)).toHaveLength(1);
  }, 120_000);

  it("pauses, resumes, cancels, and retries failures with the same keys", async () => {
    const orders = freshOrders(6);
    const job = await refundJob(orders);
    expect(await controlJob(h.db, h.app.shop, job.id, "pause")).toBe(true);
    const runner = h.runner();
    await runJobsToEnd(runner, h.db);
    expect((await jobProgress(h.db, h.app.shop, job.id))?.counts.pending).toBe(6);
    expect(await controlJob(h.db, "other-shop.myshopify.com", job.id, "resume")).toBe(false);
    expect(await controlJob(h.db, h.app.shop, job.id, "resume")).toBe(true);

    // Make two items fail for good: Shopify refuses their refund (already refunded by hand).
    const [a, b] = orders;
    if (!a || !b) throw new Error("orders");
    h.app.simulator.faults.set(h.app.shop, [
      { field: "refundCreate", kind: "http", when: { every: 1 }, status: 500 },
    ]);
    await runJobsToEnd(h.runner({ maxAttempts: 2 }), h.db);
    h.app.simulator.faults.clear(h.app.shop);
    let progress = await jobProgress(h.db, h.app.shop, job.id);
    expect(progress?.counts.failed).toBe(6);
    expect(progress?.failures[0]?.error).toMatch(/did not answer after 2 tries/);
    const keysBefore = (
      await h.db.jobItem.findMany({ where: { jobId: job.id }, orderBy: { id: "asc" } })
    ).map((i) => i.idempotencyKey);
    expect(await controlJob(h.db, h.app.shop, job.id, "retry_failed")).toBe(true);
    await runJobsToEnd(h.runner(), h.db);
    progress = await jobProgress(h.db, h.app.shop, job.id);
    expect(progress?.counts).toMatchObject({ done: 6, failed: 0 });
    const keysAfter = (
      await h.db.jobItem.findMany({ where: { jobId: job.id }, orderBy: { id: "asc" } })
    ).map((i) => i.idempotencyKey);
    expect(keysAfter).toEqual(keysBefore);
    for (const order of orders) expect(refundsOf(h.store).refundsOf(order.id)).toHaveLength(1);

    const cancelled = await refundJob(freshOrders(3));
    expect(await controlJob(h.db, h.app.shop, cancelled.id, "cancel")).toBe(true);
    await runJobsToEnd(h.runner(), h.db);
    expect((await jobProgress(h.db, h.app.shop, cancelled.id))?.counts.skipped).toBe(3);
  }, 60_000);
});
