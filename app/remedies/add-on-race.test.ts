// Two performers of one add-on item at the same moment, as happens when a live but starved app
// process loses its job lease mid-perform and another process takes the item over (the runner
// settles only the lease holder's outcome, but both perform: app/jobs/runner.server.ts). Order
// edits take no idempotency key (orderEditBegin / orderEditAddVariant / orderEditCommit have no
// `@idempotent` argument in the 2026-10 schema), and Shopify documents no check between two open
// edits of one order, so the simulator applies both commits
// (simulator/resolvers/mutations/order-edits.test.ts). What keeps the line single is the app's edit
// claim on the order, written with metafieldsSet's compare-and-set ("will only set that metafield
// if the persisted metafield value matches the digest used on compareDigest", null for one that
// does not exist yet: https://shopify.dev/docs/api/admin-graphql/latest/mutations/metafieldsSet;
// simulator/metafield-compare-digest.test.ts), taken before begin and renewed before commit
// (app/remedies/order-edit-claim.ts). Outcomes are read in the simulated shop: the order's lines.
//
// A starved process is made here by holding one runner's next Admin API request on our side of
// the wire (the process is slow, Shopify is not), and its lease is made to slip by moving the
// item's lease into the past, as a missed heartbeat leaves it.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { z } from "zod";
import { appDataOf } from "@delay-desk/simulator/resolvers/app-installation";
import type { OrderRecord } from "@delay-desk/simulator/store/records";
import { startJobHarness, type JobHarness } from "../../tests/support/job-harness";
import type { AdminGraphql } from "../admin-api/graphql.server";
import { createJob } from "../jobs/jobs.server";
import type { JobRunner } from "../jobs/runner.server";
import { ORDER_EDIT_CLAIM_METAFIELD } from "./order-edit-claim";
import { remedyRegistry } from "./remedy-kinds.server";

// Short, so the second case's takeover of a claim that ran out happens within the test.
const CLAIM_MS = 1_500;

let h: JobHarness;
let backgroundAdmin: (shop: string) => AdminGraphql;

beforeAll(async () => {
  h = await startJobHarness({ orders: 40, seed: 12 });
  ({ backgroundAdmin } = await import("../shopify.server"));
}, 120_000);

afterAll(async () => {
  await h?.close();
});

/**
 * Holds the answer to the `nth` request of `operation` until released: the process got Shopify's
 * answer and stalled before acting on it.
 */
function stallAfter(operation: string, nth = 1) {
  let seen = 0;
  let reached = () => {};
  let release = () => {};
  const atStall = new Promise<void>((resolve) => (reached = resolve));
  const released = new Promise<void>((resolve) => (release = resolve));
  const adminFor = async (shop: string): Promise<AdminGraphql> => {
    const admin = backgroundAdmin(shop);
    return {
      graphql: async (query, options) => {
        const answer = await admin.graphql(query, options);
        if (new RegExp(`(query|mutation) ${operation}\\b`).test(query)) {
          seen += 1;
          if (seen === nth) {
            reached();
            await released;
          }
        }
        return answer;
      },
    };
  };
  return { adminFor, atStall, release };
}

const used = new Set<number>();
function openOrder(): OrderRecord {
  const order = h.store.orders.find(
    (o) =>
      !used.has(o.id) &&
      o.cancelledAt === null &&
      o.fulfillmentStatus === "UNFULFILLED" &&
      o.receivedCents > 0,
  );
  if (!order) throw new Error("the seeded shop has no open paid order left");
  used.add(order.id);
  return order;
}

async function addOnJob(order: OrderRecord) {
  const variant = h.store.variants.find((v) => order.lineItems.every((l) => l.variantId !== v.id));
  if (!variant) throw new Error("no spare variant");
  const kind = h.registry.get("add_on");
  if (!kind) throw new Error("no add_on kind");
  const job = await createJob(h.db, {
    shop: h.app.shop,
    kind,
    params: { variantId: `gid://shopify/ProductVariant/${variant.id}`, notifyCustomer: false },
    orderIds: [`gid://shopify/Order/${order.id}`],
    createdBy: "1",
  });
  const freeLines = () =>
    (h.store.order(order.id)?.lineItems ?? []).filter((l) => l.variantId === variant.id).length;
  return { job, freeLines };
}

function runner(adminFor?: (shop: string) => Promise<AdminGraphql>): JobRunner {
  return h.runner({
    registry: remedyRegistry({ editClaimMs: CLAIM_MS }),
    // A held request must not time out into a retry: the stall is the point.
    timeoutMs: 60_000,
    leaseMs: 60_000,
    ...(adminFor ? { adminFor } : {}),
  });
}

/** The item's lease slips, as it does when its holder misses heartbeats: anyone may take it. */
async function leaseSlips(jobId: string): Promise<void> {
  const slipped = await h.db.jobItem.updateMany({
    where: { jobId, status: "running" },
    data: { leaseUntil: new Date(Date.now() - 1_000) },
  });
  expect(slipped.count).toBe(1);
}

async function untilJobEnds(jobId: string): Promise<void> {
  const deadline = Date.now() + 60_000;
  for (;;) {
    const job = await h.db.job.findUniqueOrThrow({ where: { id: jobId } });
    if (job.status === "completed" || job.status === "failed") return;
    if (Date.now() > deadline) throw new Error(`job ${jobId} still ${job.status}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

async function untilTrue(what: string, check: () => boolean): Promise<void> {
  const deadline = Date.now() + 30_000;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

describe("two performers of one add-on item", () => {
  it("that both looked at the order before either took the edit claim add the free line exactly once, and the item is done", async () => {
    const order = openOrder();
    const { job, freeLines } = await addOnJob(order);
    // Both stall right after looking at the order (no free line on it yet); then both go at once.
    const first = stallAfter("RemedyAddOnState");
    const a = runner(first.adminFor);
    a.start();
    await first.atStall;
    await leaseSlips(job.id);
    const second = stallAfter("RemedyAddOnState");
    const b = runner(second.adminFor);
    b.start();
    await second.atStall;
    first.release();
    second.release();
    await untilJobEnds(job.id);
    await Promise.all([a.stop(), b.stop()]);

    expect(freeLines()).toBe(1);
    const items = await h.db.jobItem.findMany({ where: { jobId: job.id } });
    expect(items.map((i) => i.status)).toEqual(["done"]);
  }, 90_000);

  it("where the first was stalled between its staged line and its commit until its claim ran out add the line once: the second takes the claim over and commits, the first finds its claim gone and drops its edit", async () => {
    const order = openOrder();
    const { job, freeLines } = await addOnJob(order);
    // The first stalls once its line is staged on its calculated order, before it commits.
    const first = stallAfter("RemedyOrderEditAddVariant");
    const a = runner(first.adminFor);
    a.start();
    await first.atStall;
    // The line is staged on the first's calculated order, not on the order.
    expect(freeLines()).toBe(0);
    await leaseSlips(job.id);
    const b = runner();
    b.start();
    // The second waits out the first's claim (CLAIM_MS), then edits and commits.
    await untilTrue("the second performer's commit", () => freeLines() === 1);
    first.release();
    await untilJobEnds(job.id);
    await Promise.all([a.stop(), b.stop()]);

    expect(freeLines()).toBe(1);
    const items = await h.db.jobItem.findMany({ where: { jobId: job.id } });
    expect(items.map((i) => i.status)).toEqual(["done"]);
    // The claim left on the order is released (run out): the next edit of it need not wait.
    const claim = appDataOf(h.store).metafield(
      `gid://shopify/Order/${order.id}`,
      ORDER_EDIT_CLAIM_METAFIELD.namespace,
      ORDER_EDIT_CLAIM_METAFIELD.key,
    );
    expect(
      claim &&
        new Date(z.object({ until: z.string() }).parse(JSON.parse(claim.value)).until).getTime(),
    ).toBeLessThanOrEqual(Date.now());
  }, 90_000);
});
