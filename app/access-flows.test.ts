// Each scope in shopify.app.toml is there for a flow: with the toml's scopes the app's own
// document goes through the simulator, and with that one scope taken away it is refused with
// Shopify's ACCESS_DENIED ("Access denied for <field> field. Required access: …",
// extensions.code ACCESS_DENIED; https://github.com/Shopify/function-examples/issues/164).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { z } from "zod";
import { tomlScopes } from "../scripts/app-config";
import { startSimulator, type RunningSimulator } from "@delay-desk/simulator/index";
import { SYNC_ORDER_QUERY } from "./orders/sync-order.server";
import {
  HOLD_FULFILLMENT_ORDER,
  SET_FULFILLMENT_DEADLINE,
} from "./fulfillment/fulfillment-jobs.server";
import { ORDER_TAGS_ADD } from "./orders/tags.server";
import { ORDER_EDIT_BEGIN } from "./remedies/order-edit.server";
import { FULL_REFUND_SUGGESTION, REFUND_CREATE } from "./remedies/refund.server";
import { DISCOUNT_CODE_CREATE } from "./remedies/thank-you-code.server";
import { CREATE_CHECKOUT_PAUSE_MUTATION } from "./storefront/storefront-admin.server";

const SHOP = "scoped.myshopify.com";
const NOW = new Date("2026-11-20T12:00:00Z");
const DAY = 24 * 3_600_000;
let sim: RunningSimulator;
let tokens: Map<string, string>;

const errorSchema = z.object({
  message: z.string(),
  extensions: z.object({ code: z.string().optional() }).passthrough().optional(),
});
const answerSchema = z.object({
  data: z.record(z.unknown()).nullish(),
  errors: z.array(errorSchema).optional(),
});

function without(scope: string, replacement?: string): string {
  return tomlScopes()
    .split(",")
    .flatMap((s) => (s === scope ? (replacement ? [replacement] : []) : [s]))
    .join(",");
}

const CASES = [
  { scope: "read_customers", document: SYNC_ORDER_QUERY, field: "customer" },
  { scope: "read_products", document: SYNC_ORDER_QUERY, field: "product" },
  {
    scope: "write_merchant_managed_fulfillment_orders",
    document: SYNC_ORDER_QUERY,
    field: "fulfillmentOrders",
  },
  {
    scope: "write_merchant_managed_fulfillment_orders",
    replacement: "read_merchant_managed_fulfillment_orders",
    document: HOLD_FULFILLMENT_ORDER,
    field: "fulfillmentOrderHold",
  },
  {
    scope: "write_merchant_managed_fulfillment_orders",
    replacement: "read_merchant_managed_fulfillment_orders",
    document: SET_FULFILLMENT_DEADLINE,
    field: "fulfillmentOrdersSetFulfillmentDeadline",
  },
  {
    scope: "write_orders",
    replacement: "read_orders",
    document: REFUND_CREATE,
    field: "refundCreate",
  },
  // The restock location of the refund Shopify suggests (decision 008).
  { scope: "read_locations", document: FULL_REFUND_SUGGESTION, field: "location" },
  { scope: "write_orders", replacement: "read_orders", document: ORDER_TAGS_ADD, field: "tagsAdd" },
  { scope: "write_order_edits", document: ORDER_EDIT_BEGIN, field: "orderEditBegin" },
  { scope: "write_discounts", document: DISCOUNT_CODE_CREATE, field: "discountCodeBasicCreate" },
  {
    scope: "write_validations",
    document: CREATE_CHECKOUT_PAUSE_MUTATION,
    field: "validationCreate",
  },
] as const;

function store() {
  const found = sim.stores.get(SHOP);
  if (!found) throw new Error("no store");
  return found;
}

function recentOrderId(): string {
  const order = [...store().orders]
    .reverse()
    .find((candidate) => candidate.cancelledAt === null && candidate.customerId !== null);
  if (!order) throw new Error("no open order");
  return `gid://shopify/Order/${order.id}`;
}

function openFulfillmentOrderId(): string {
  const fo = store()
    .orders.flatMap((order) => order.fulfillmentOrders)
    .find((candidate) => candidate.status === "OPEN");
  if (!fo) throw new Error("no open fulfillment order");
  return `gid://shopify/FulfillmentOrder/${fo.id}`;
}

function variablesFor(document: string): Record<string, unknown> {
  if (document === HOLD_FULFILLMENT_ORDER)
    return { id: openFulfillmentOrderId(), hold: { reason: "OTHER", handle: "access-flows" } };
  if (document === SET_FULFILLMENT_DEADLINE)
    return { deadline: "2027-01-15T23:59:59Z", ids: [openFulfillmentOrderId()] };
  const id = recentOrderId();
  if (document === REFUND_CREATE)
    return { input: { orderId: id, notify: false }, key: "access-flows-1" };
  if (document === ORDER_TAGS_ADD) return { id, tags: ["delay-desk:at-risk"] };
  if (document === DISCOUNT_CODE_CREATE)
    return {
      discount: {
        title: "Thank you",
        code: "THANKS-ACCESS",
        startsAt: NOW.toISOString(),
        customerGets: { value: { percentage: 0.1 }, items: { all: true } },
        context: { all: "ALL" },
      },
    };
  if (document === CREATE_CHECKOUT_PAUSE_MUTATION)
    return { validation: { functionHandle: "checkout-pause", enable: false } };
  return { id };
}

async function run(scopes: string, document: string, variables: Record<string, unknown>) {
  let token = tokens.get(scopes);
  if (!token) {
    // A token for exactly these scopes, as token exchange grants what the app asked for.
    token = sim.issueAccessToken(SHOP, scopes);
    tokens.set(scopes, token);
  }
  const response = await fetch(`${sim.origin}/${SHOP}/admin/api/2026-10/graphql.json`, {
    method: "POST",
    headers: { "Content-Type": "application/json", "X-Shopify-Access-Token": token },
    body: JSON.stringify({ query: document, variables }),
  });
  return answerSchema.parse(await response.json());
}

beforeAll(async () => {
  sim = await startSimulator({
    port: 0,
    app: {
      apiKey: "flows",
      apiSecret: "flows-secret",
      appUrl: "https://delay-desk.test",
      scopes: tomlScopes(),
    },
    shops: [{ domain: SHOP, orders: 120, seed: 3, now: NOW }],
  });
  tokens = new Map();
});

afterAll(async () => {
  await sim.close();
});

describe("each scope in the toml, taken away, refuses the app flow that needs it", () => {
  it.each(CASES.map((c) => [`${c.scope} (${c.field})`, c] as const))("%s", async (_name, c) => {
    const denied = await run(
      without(c.scope, "replacement" in c ? c.replacement : undefined),
      c.document,
      variablesFor(c.document),
    );
    const error = denied.errors?.find((e) => e.extensions?.code === "ACCESS_DENIED");
    expect(error?.message).toMatch(
      new RegExp(`^Access denied for ${c.field} field\\. Required access: `),
    );
    const allowed = await run(tomlScopes(), c.document, variablesFor(c.document));
    expect(allowed.errors?.filter((e) => e.extensions?.code === "ACCESS_DENIED") ?? []).toEqual([]);
  });

  it("read_all_orders: without it an order older than 60 days reads as absent (the webhook refresh would drop it)", async () => {
    const old = store().orders.find((order) => order.createdAt < NOW.getTime() - 61 * DAY);
    if (!old) throw new Error("no old order");
    const id = `gid://shopify/Order/${old.id}`;
    expect(
      (await run(without("read_all_orders"), SYNC_ORDER_QUERY, { id })).data?.["order"],
    ).toBeNull();
    expect((await run(tomlScopes(), SYNC_ORDER_QUERY, { id })).data?.["order"]).toMatchObject({
      id,
    });
  });
});
