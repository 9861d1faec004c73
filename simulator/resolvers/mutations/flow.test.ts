// flowTriggerReceive against the app's trigger extensions (extensions/flow-*/shopify.extension.toml).
// What Shopify documents and the simulator enforces: the handle must be one of the app's triggers;
// an order_reference field is sent as `order_id`, the order's numeric id ("such as
// legacyResourceId", https://shopify.dev/docs/apps/flow/triggers); custom fields by their key
// with a value of their type (https://shopify.dev/docs/apps/build/flow/triggers/reference); the
// payload under 1 MB (https://shopify.dev/docs/apps/flow/triggers, "Considerations"). The
// userErrors' wording is the simulator's (simulator/README.md).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { RunningSimulator } from "../../index";
import { receivedFlowTriggers } from "../../flow/flow-records";
import { loadFlowExtensions } from "../../flow/flow-extensions";
import { startRemedySimulator, SHOP } from "../../../tests/support/remedy-simulator";
import { flowTriggerReceive } from "./flow";

let simulator: RunningSimulator;
let gql: Awaited<ReturnType<typeof startRemedySimulator>>["gql"];

beforeAll(async () => {
  ({ sim: simulator, gql } = await startRemedySimulator());
});
afterAll(() => simulator.close());

function context() {
  const store = simulator.stores.get(SHOP);
  if (!store) throw new Error("no store");
  return { store, searchReports: [] };
}

function anOrderId(): number {
  const order = context().store.orders[0];
  if (!order) throw new Error("no order");
  return order.id;
}

const valid = () => ({
  order_id: anOrderId(),
  "promised ship date": "2026-12-01",
  "expected ship date": "2026-12-09",
});

describe("flowTriggerReceive", () => {
  it("reads the app's four triggers from the extension TOMLs", () => {
    expect(
      loadFlowExtensions()
        .filter((e) => e.kind === "flow_trigger")
        .map((e) => e.handle)
        .sort(),
    ).toEqual([
      "customer-chose-a-refund",
      "customer-chose-to-wait",
      "order-became-at-risk",
      "order-became-overdue",
    ]);
  });

  it("takes a valid payload over the Admin API and records it", async () => {
    const before = receivedFlowTriggers(context().store).length;
    const answer = await gql(
      `mutation Fire($handle: String!, $payload: JSON!) {
        flowTriggerReceive(handle: $handle, payload: $payload) { userErrors { field message } }
      }`,
      { handle: "order-became-at-risk", payload: valid() },
    );
    expect(answer.errors).toBeUndefined();
    expect(answer.data).toEqual({ flowTriggerReceive: { userErrors: [] } });
    expect(receivedFlowTriggers(context().store).slice(before)).toEqual([
      expect.objectContaining({ handle: "order-became-at-risk", payload: valid() }),
    ]);
  });

  const cases: Array<[string, () => Record<string, unknown>, string[]]> = [
    ["an unknown handle", () => ({ handle: "order-became-late", payload: {} }), ["handle"]],
    [
      "a missing field",
      () => ({
        handle: "order-became-at-risk",
        payload: { order_id: anOrderId(), "promised ship date": "x" },
      }),
      ["payload", "expected ship date"],
    ],
    [
      "a GID where the numeric order id belongs",
      () => ({
        handle: "order-became-overdue",
        payload: { ...valid(), order_id: "gid://shopify/Order/1" },
      }),
      ["payload", "order_id"],
    ],
    [
      "a number in a text field",
      () => ({
        handle: "order-became-overdue",
        payload: { ...valid(), "promised ship date": 20261201 },
      }),
      ["payload", "promised ship date"],
    ],
    [
      "a field the trigger does not declare",
      () => ({
        handle: "customer-chose-a-refund",
        payload: { order_id: anOrderId(), reason: "late" },
      }),
      ["payload", "reason"],
    ],
    [
      "a payload of 1 MB",
      () => ({
        handle: "order-became-at-risk",
        payload: { ...valid(), "expected ship date": "x".repeat(1_000_000) },
      }),
      ["payload"],
    ],
  ];
  it.each(cases)("refuses %s with a userError and records nothing", (_what, args, field) => {
    const before = receivedFlowTriggers(context().store).length;
    const answer = flowTriggerReceive(args(), context());
    expect(answer.userErrors.map((e) => e.field)).toContainEqual(field);
    expect(receivedFlowTriggers(context().store).length).toBe(before);
  });
});
