// Several app processes on one database, as behind a load balancer (issue 12 point 5): each is the
// app's composition root started as `npm start` starts it (app-process.child.ts). Outcomes are
// read where they happen: mails at the SMTP sink, refunds and order edits in the simulated shop.
// A process killed with SIGKILL mid-job leaves its items leased; the others take them over when
// the lease runs out (docs/decisions/012-leases-for-many-processes.md).
import { spawn, type ChildProcess } from "node:child_process";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startMailServer, type RunningMailServer } from "@delay-desk/simulator/mail/mail-server";
import { refundsOf } from "@delay-desk/simulator/store/refunds";
import type { OrderRecord } from "@delay-desk/simulator/store/records";
import { insertTrackedOrders, trackedOrder } from "../../tests/support/factories";
import { workerDatabase } from "../../tests/support/test-databases";
import { DEFAULT_TEMPLATE } from "../notices/render-notice";
import type { NoticeJobParams } from "../notices/notice-job.server";
import { appServices } from "../services.server";
import { startJobHarness, type JobHarness } from "../../tests/support/job-harness";
import { createJob } from "./jobs.server";

const PROCESSES = 3;
const LEASE_MS = 2_000;

let h: JobHarness;
let mail: RunningMailServer;
let children: ChildProcess[] = [];
/** Each process's leaseOwner, as it announced it. */
const owners = new Map<string, ChildProcess>();
const output: string[] = [];

function startAppProcess(): Promise<ChildProcess> {
  const child = spawn(
    process.execPath,
    ["--import", "tsx", path.join(import.meta.dirname, "app-process.child.ts")],
    {
      env: { ...process.env, SMTP_URL: mail.url, TEST_LEASE_MS: String(LEASE_MS) },
      stdio: ["ignore", "pipe", "pipe"],
    },
  );
  child.stderr?.on("data", (chunk: Buffer) => output.push(chunk.toString()));
  return new Promise((resolve, reject) => {
    child.stdout?.on("data", (chunk: Buffer) => {
      const [word, owner] = chunk.toString().trim().split(" ");
      if (word !== "ready" || !owner) return;
      owners.set(owner, child);
      resolve(child);
    });
    child.once("exit", (code) =>
      reject(new Error(`app process exited ${code}: ${output.join("")}`)),
    );
  });
}

async function stopAll(): Promise<void> {
  await Promise.all(
    children.map(
      (child) =>
        new Promise<void>((resolve) => {
          if (child.exitCode !== null || child.signalCode !== null) return resolve();
          child.once("exit", () => resolve());
          child.kill("SIGTERM");
        }),
    ),
  );
  children = [];
}

async function untilJobDone(jobId: string, timeoutMs = 120_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const job = await h.db.job.findUniqueOrThrow({ where: { id: jobId } });
    if (job.status === "completed") return;
    if (Date.now() > deadline)
      throw new Error(`job ${jobId} still ${job.status}: ${output.join("")}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

const used = new Set<number>();
function freshOrders(count: number): OrderRecord[] {
  const picked = h.store.orders
    .filter(
      (o) =>
        !used.has(o.id) &&
        o.cancelledAt === null &&
        o.fulfillmentStatus === "UNFULFILLED" &&
        o.receivedCents > 0,
    )
    .slice(0, count);
  if (picked.length < count) throw new Error("the seeded shop has too few open paid orders");
  for (const o of picked) used.add(o.id);
  return picked;
}

const gid = (order: OrderRecord) => `gid://shopify/Order/${order.id}`;

async function startJob(kind: string, params: unknown, orderIds: string[]) {
  // The app's own job kinds (remedies and notices), from its composition root.
  const jobKind = appServices().jobKinds.get(kind);
  if (!jobKind) throw new Error(`no kind ${kind}`);
  return createJob(h.db, { shop: h.app.shop, kind: jobKind, params, orderIds, createdBy: "1" });
}

beforeAll(async () => {
  h = await startJobHarness({ orders: 400, seed: 21 });
  // A relay that takes a while to say 250: each notice stays in flight long enough for a process
  // starting mid-job to meet items another process holds.
  mail = await startMailServer({ replyDelayMs: 150 });
  children = await Promise.all(Array.from({ length: PROCESSES }, () => startAppProcess()));
}, 120_000);

afterAll(async () => {
  await stopAll();
  await mail.close();
  await h.close();
});

describe(`${PROCESSES} app processes on one database`, () => {
  // PostgreSQL only. SQLite lets one process write at a time: with four processes the notice
  // job's writes waited past the 5 s busy timeout on a loaded machine, and the runner does not yet
  // treat a busy database as transient, so items failed (51 of 60 mails). Several instances are
  // supported on PostgreSQL (README, "Running in production"); SQLite is one process.
  it.skipIf(workerDatabase() === "sqlite")(
    "send a notice job of 60 orders as exactly 60 mails, one per customer, while a fourth process starts mid-job",
    async () => {
      const day = (offset: number) =>
        new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);
      const orders = Array.from({ length: 60 }, () =>
        trackedOrder(h.app.shop, {
          delayClass: "at_risk",
          promisedShipDate: day(1),
          likelyShipDate: day(7),
          conservativeShipDate: day(18),
        }),
      );
      await insertTrackedOrders(h.db, orders);
      const before = mail.received().length;
      const params: NoticeJobParams = {
        template: DEFAULT_TEMPLATE,
        replyTo: "dawn@oakandhide.com",
        sender: {
          name: "Dawn Rivera",
          role: "Operations manager",
          shopName: "Oak & Hide Workshop",
        },
        overrideReason: null,
        confirmBetter: false,
        // No kind-specific wording: each kind's default (app/notices/notice-kinds.ts).
        wordings: {},
        makeGood: null,
      };
      const job = await startJob(
        "notice",
        params,
        orders.map((o) => o.id),
      );
      // A fourth process starts mid-job, as a deploy or a scale-up does: it must not take over items
      // the others hold (startup recovery once did, and a customer got a second mail).
      await mail.waitFor(before + 15, 60_000);
      children.push(await startAppProcess());
      await untilJobDone(job.id);
      const received = mail.received().slice(before);
      expect(received).toHaveLength(60);
      expect(received.map((m) => m.to[0]).sort()).toEqual(orders.map((o) => o.email).sort());
    },
  );

  it("refund each order of a refund job exactly once, and an add-on job adds the variant to each order exactly once", async () => {
    const refunded = freshOrders(40);
    const refundJob = await startJob("refund", { notify: false }, refunded.map(gid));
    const edited = freshOrders(30);
    const variant = h.store.variants.find((v) =>
      edited.every((o) => o.lineItems.every((l) => l.variantId !== v.id)),
    );
    if (!variant) throw new Error("no spare variant");
    const addOnJob = await startJob(
      "add_on",
      { variantId: `gid://shopify/ProductVariant/${variant.id}`, notifyCustomer: false },
      edited.map(gid),
    );
    await untilJobDone(refundJob.id);
    await untilJobDone(addOnJob.id);
    expect(refunded.map((o) => refundsOf(h.store).refundsOf(o.id).length)).toEqual(
      refunded.map(() => 1),
    );
    expect(
      edited.map(
        (o) =>
          h.store.orders
            .find((x) => x.id === o.id)
            ?.lineItems.filter((l) => l.variantId === variant.id).length,
      ),
    ).toEqual(edited.map(() => 1));
  });

  it("finish a refund job after one process is killed mid-job: its items are taken over when their lease runs out, each order refunded once", async () => {
    const orders = freshOrders(60);
    const refundCount = () =>
      orders.reduce((sum, o) => sum + refundsOf(h.store).refundsOf(o.id).length, 0);
    const tenthRefund = new Promise<void>((resolve) => {
      const stop = h.store.onChange(() => {
        if (refundCount() < 10) return;
        stop();
        resolve();
      });
    });
    const job = await startJob("refund", { notify: false }, orders.map(gid));
    await tenthRefund;
    // SIGKILL a process that holds items of the job right now, and note what it left leased.
    let orphaned: string[] = [];
    while (orphaned.length === 0) {
      const held = await h.db.jobItem.findFirst({
        where: { jobId: job.id, status: "running", leaseOwner: { not: null } },
      });
      const victim = held?.leaseOwner ? owners.get(held.leaseOwner) : undefined;
      if (!held?.leaseOwner || !victim) throw new Error("no process holds an item of the job");
      victim.kill("SIGKILL");
      await new Promise((resolve) => victim.once("exit", resolve));
      orphaned = (
        await h.db.jobItem.findMany({
          where: { jobId: job.id, status: "running", leaseOwner: held.leaseOwner },
        })
      ).map((i) => i.id);
    }
    await untilJobDone(job.id);
    expect(orders.map((o) => refundsOf(h.store).refundsOf(o.id).length)).toEqual(
      orders.map(() => 1),
    );
    const items = await h.db.jobItem.findMany({ where: { jobId: job.id } });
    expect(items.every((i) => i.status === "done")).toBe(true);
    // What the dead process held was run again by another one (a second attempt, same key).
    const takenOver = items.filter((i) => orphaned.includes(i.id));
    expect(takenOver.map((i) => i.attempts >= 2)).toEqual(orphaned.map(() => true));
  });
});
