// Fault injection over real HTTP: each kind, deterministic selection, the control route, and the
// property the app relies on: a refund whose response was lost took effect exactly once, and
// replaying its idempotency key returns it.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { OperationDefinitionNode } from "graphql";
import { parse } from "graphql";
import { FaultInjector } from "./faults";
import { toGid } from "./gid";
import type { RunningSimulator } from "./index";
import {
  SHOP,
  startRemedySimulator,
  unfulfilledPaidOrders,
} from "../tests/support/remedy-simulator";

let sim: RunningSimulator;
let harness: Awaited<ReturnType<typeof startRemedySimulator>>;
beforeAll(async () => {
  harness = await startRemedySimulator();
  sim = harness.sim;
});
afterAll(async () => {
  await sim?.close();
});

const REFUND = `mutation Refund($input: RefundInput!, $key: String!) { refundCreate(input: $input) @idempotent(key: $key) { refund { id } order { refunds { id } } userErrors { field message } } }`;

function refundInput(index: number) {
  const order = unfulfilledPaidOrders(sim)[index];
  const sale = order?.transactions.find((t) => t.kind === "SALE");
  if (!order || !sale) throw new Error("no order");
  const amount = (order.shippingCents / 100).toFixed(2);
  return {
    order,
    input: {
      orderId: toGid("Order", order.id),
      shipping: { amount },
      transactions: [
        {
          orderId: toGid("Order", order.id),
          amount,
          gateway: sale.gateway,
          kind: "REFUND",
          parentId: toGid("OrderTransaction", sale.id),
        },
      ],
    },
  };
}

const operation = (source: string): OperationDefinitionNode => {
  const definition = parse(source).definitions[0];
  if (definition?.kind !== "OperationDefinition") throw new Error("no operation");
  return definition;
};

describe("FaultInjector", () => {
  it("picks listed calls, every Nth, and seeded chances deterministically", () => {
    const refund = operation('mutation { refundCreate(input: {orderId: "x"}) { refund { id } } }');
    const pick = (rules: ConstructorParameters<typeof FaultInjector>[0]) => {
      const injector = new FaultInjector(rules);
      return Array.from({ length: 12 }, (_, index) =>
        injector.next(SHOP, refund) ? index + 1 : 0,
      ).filter(Boolean);
    };
    expect(
      pick({ [SHOP]: [{ field: "refundCreate", kind: "drop", when: { calls: [3, 7] } }] }),
    ).toEqual([3, 7]);
    expect(pick({ [SHOP]: [{ field: "refundCreate", kind: "http", when: { every: 4 } }] })).toEqual(
      [4, 8, 12],
    );
    const seeded = pick({
      [SHOP]: [{ field: "refundCreate", kind: "http", when: { probability: 0.5, seed: 9 } }],
    });
    expect(seeded).toEqual(
      pick({
        [SHOP]: [{ field: "refundCreate", kind: "http", when: { probability: 0.5, seed: 9 } }],
      }),
    );
    expect(seeded.length).toBeGreaterThan(0);
    expect(seeded.length).toBeLessThan(12);
    expect(pick({ [SHOP]: [{ field: "orderCancel", kind: "drop", when: { every: 1 } }] })).toEqual(
      [],
    );
  });
});

describe("injected faults over HTTP", () => {
  it("answers 5xx before running, so nothing changes", async () => {
    sim.faults.set(SHOP, [
      { field: "refundCreate", kind: "http", status: 502, when: { calls: [1] } },
    ]);
    const { order, input } = refundInput(0);
    const reply = await harness.post(REFUND, { input, key: "http-1" });
    expect(reply.status).toBe(502);
    expect(order.transactions.some((t) => t.kind === "REFUND")).toBe(false);
    const retry = await harness.gql(REFUND, { input, key: "http-1" });
    expect(retry.data.refundCreate.order.refunds).toHaveLength(1);
  });

  it("times out before running: the socket is destroyed and nothing changed", async () => {
    sim.faults.set(SHOP, [
      { field: "refundCreate", kind: "timeout-before", ms: 150, when: { calls: [1] } },
    ]);
    const { order, input } = refundInput(1);
    const started = Date.now();
    await expect(harness.post(REFUND, { input, key: "before-1" })).rejects.toThrow();
    expect(Date.now() - started).toBeGreaterThanOrEqual(140);
    expect(order.transactions.some((t) => t.kind === "REFUND")).toBe(false);
  });

  it("times out after running, and drops after running: each refund took effect exactly once and its key replays it", async () => {
    for (const [index, kind] of [
      [2, "timeout-after"],
      [3, "drop"],
    ] as const) {
      sim.faults.set(SHOP, [{ field: "refundCreate", kind, ms: 100, when: { calls: [1] } }]);
      const { order, input } = refundInput(index);
      await expect(harness.post(REFUND, { input, key: `lost-${kind}` })).rejects.toThrow();
      expect(order.transactions.filter((t) => t.kind === "REFUND")).toHaveLength(1);
      const replay = await harness.gql(REFUND, { input, key: `lost-${kind}` });
      expect(replay.data.refundCreate.userErrors).toEqual([]);
      expect(replay.data.refundCreate.order.refunds).toEqual([
        { id: replay.data.refundCreate.refund.id },
      ]);
      expect(order.transactions.filter((t) => t.kind === "REFUND")).toHaveLength(1);
    }
    expect(sim.faults.plan(SHOP).injected).toEqual([
      { field: "refundCreate", call: 1, kind: "drop", executed: true },
    ]);
  });

  it("answers slowly: the same answer as without the fault, only after `ms`", async () => {
    const COUNT = `query { ordersCount(query: "status:open", limit: null) { count precision } }`;
    sim.faults.clear(SHOP);
    const quick = await harness.gql(COUNT);
    expect(quick.data).toMatchObject({ ordersCount: { precision: "EXACT" } });
    sim.faults.set(SHOP, [{ field: "ordersCount", kind: "slow", ms: 300, when: { calls: [1] } }]);
    const started = Date.now();
    const slow = await harness.gql(COUNT);
    expect(Date.now() - started).toBeGreaterThanOrEqual(290);
    expect(slow.data).toEqual(quick.data);
    expect(sim.faults.plan(SHOP).injected).toEqual([
      { field: "ordersCount", call: 1, kind: "slow", executed: true },
    ]);
    // Only the listed call: the next one is answered at once.
    const next = Date.now();
    await harness.gql(COUNT);
    expect(Date.now() - next).toBeLessThan(290);
  });

  it("is set, read and cleared through /<shop>/simulator/faults", async () => {
    const url = `${sim.origin}/${SHOP}/simulator/faults`;
    const put = await fetch(url, {
      method: "PUT",
      body: JSON.stringify({ rules: [{ field: "orderCancel", kind: "http", when: { every: 2 } }] }),
    });
    expect(put.status).toBe(200);
    expect(await put.json()).toMatchObject({
      rules: [
        {
          field: "orderCancel",
          kind: "http",
          status: 503,
          ms: 1000,
          when: { every: 2, offset: 0 },
        },
      ],
    });
    const bad = await fetch(url, {
      method: "PUT",
      body: JSON.stringify({
        rules: [{ field: "orderCancel", kind: "explode", when: { every: 2 } }],
      }),
    });
    expect(bad.status).toBe(422);
    expect((await fetch(url, { method: "DELETE" })).status).toBe(200);
    expect(await (await fetch(url)).json()).toMatchObject({ rules: [] });
  });
});
