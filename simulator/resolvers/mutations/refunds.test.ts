// refundCreate and suggestedRefund end to end over real HTTP against startSimulator.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { z } from "zod";
import { startSimulator, type RunningSimulator } from "../../index";
import { toGid } from "../../gid";
import { adminSchema } from "../../schema";
import { isEnumType } from "graphql";

const shop = "oak-and-hide.myshopify.com";
const app = {
  apiKey: "key",
  apiSecret: "secret",
  appUrl: "https://delay-desk.test",
  scopes:
    "read_all_orders,write_orders,write_order_edits,write_discounts,read_products,read_customers,read_merchant_managed_fulfillment_orders",
};
let sim: RunningSimulator;
let token: string;

beforeAll(async () => {
  sim = await startSimulator({
    port: 0,
    app,
    shops: [{ domain: shop, orders: 60, seed: 3, now: new Date("2026-12-10T15:00:00Z") }],
  });
  token = sim.issueAccessToken(shop);
});
afterAll(async () => {
  await sim?.close();
});

const response = z.object({
  data: z.any().optional(),
  errors: z
    .array(
      z.object({
        message: z.string(),
        extensions: z.record(z.unknown()).optional(),
        path: z.array(z.unknown()).optional(),
      }),
    )
    .optional(),
  extensions: z.object({
    cost: z.object({ requestedQueryCost: z.number(), actualQueryCost: z.number().nullable() }),
  }),
});

async function gql(query: string, variables: Record<string, unknown> = {}) {
  const reply = await fetch(`${sim.origin}/${shop}/admin/api/2026-10/graphql.json`, {
    method: "POST",
    headers: { "Content-Type": "application/json", "X-Shopify-Access-Token": token },
    body: JSON.stringify({ query, variables }),
  });
  expect(reply.status).toBe(200);
  return response.parse(await reply.json());
}

function paidUnfulfilledOrder(skip = 0) {
  const orders =
    sim.stores
      .get(shop)
      ?.orders.filter(
        (order) =>
          order.financialStatus === "PAID" &&
          order.fulfillmentStatus === "UNFULFILLED" &&
          order.cancelledAt === null &&
          order.shippingCents > 0,
      ) ?? [];
  const order = orders[skip];
  if (!order) throw new Error("seed has too few paid unfulfilled orders with shipping");
  return order;
}

const SUGGEST = `query Suggest($id: ID!) { order(id: $id) { suggestedRefund(suggestFullRefund: true) {
  amountSet { shopMoney { amount } } maximumRefundableSet { shopMoney { amount } }
  refundLineItems { lineItem { id } quantity restockType priceSet { shopMoney { amount } } }
  shipping { amountSet { shopMoney { amount } } maximumRefundableSet { shopMoney { amount } } }
  suggestedTransactions { amountSet { shopMoney { amount } } gateway kind parentTransaction { id } } } } }`;

const REFUND = `mutation Refund($input: RefundInput!, $key: String!) { refundCreate(input: $input) @idempotent(key: $key) {
  refund { id createdAt totalRefundedSet { shopMoney { amount } } refundLineItems(first: 10) { nodes { lineItem { id } quantity restockType restocked } }
    transactions(first: 5) { nodes { id kind status gateway amountSet { shopMoney { amount } } } } }
  order { id displayFinancialStatus totalRefundedSet { shopMoney { amount } } refunds { id } }
  userErrors { field message } } }`;

const suggestionSchema = z.object({
  amountSet: z.object({ shopMoney: z.object({ amount: z.string() }) }),
  refundLineItems: z.array(
    z.object({
      lineItem: z.object({ id: z.string() }),
      quantity: z.number(),
      restockType: z.string(),
    }),
  ),
  suggestedTransactions: z.array(
    z.object({
      amountSet: z.object({ shopMoney: z.object({ amount: z.string() }) }),
      gateway: z.string(),
      kind: z.string(),
      parentTransaction: z.object({ id: z.string() }),
    }),
  ),
});

async function fullRefundInput(orderId: number) {
  const suggested = await gql(SUGGEST, { id: toGid("Order", orderId) });
  const suggestion = suggestionSchema.parse(suggested.data.order.suggestedRefund);
  return {
    orderId: toGid("Order", orderId),
    notify: true,
    refundLineItems: suggestion.refundLineItems.map((line) => ({
      lineItemId: line.lineItem.id,
      quantity: line.quantity,
      restockType: line.restockType,
    })),
    shipping: { fullRefund: true },
    transactions: suggestion.suggestedTransactions.map((t) => ({
      orderId: toGid("Order", orderId),
      amount: t.amountSet.shopMoney.amount,
      gateway: t.gateway,
      kind: "REFUND",
      parentId: t.parentTransaction.id,
    })),
  };
}

describe("Order.suggestedRefund", () => {
  it("suggests everything paid, shipping included, on the capturing transaction", async () => {
    const order = paidUnfulfilledOrder(0);
    const result = await gql(SUGGEST, { id: toGid("Order", order.id) });
    expect(result.errors).toBeUndefined();
    const suggestion = result.data.order.suggestedRefund;
    const total = (order.totalCents / 100).toFixed(2);
    expect(suggestion.amountSet.shopMoney.amount).toBe(total);
    expect(suggestion.maximumRefundableSet.shopMoney.amount).toBe(total);
    expect(suggestion.shipping.amountSet.shopMoney.amount).toBe(
      (order.shippingCents / 100).toFixed(2),
    );
    expect(suggestion.refundLineItems).toHaveLength(order.lineItems.length);
    expect(suggestion.refundLineItems[0].restockType).toBe("CANCEL");
    const sale = order.transactions.find((t) => t.kind === "SALE");
    expect(suggestion.suggestedTransactions).toEqual([
      {
        amountSet: { shopMoney: { amount: total } },
        gateway: sale?.gateway,
        kind: "SUGGESTED_REFUND",
        parentTransaction: { id: toGid("OrderTransaction", sale?.id ?? 0) },
      },
    ]);
  });
});

describe("refundCreate", () => {
  // refundCreate's description in the 2026-10 schema: "As of 2026-04, the idempotency key is
  // required and must be provided using the `@idempotent` directive." The message and BAD_REQUEST
  // are not in Shopify's docs; they are developers' captured live answers found in public code
  // (community, several independent ones agree).
  it("refuses a request without @idempotent, as 2026-04 and later do, and changes nothing", async () => {
    const order = paidUnfulfilledOrder(1);
    const result = await gql(
      `mutation R($input: RefundInput!) { refundCreate(input: $input) { refund { id } userErrors { field message } } }`,
      { input: await fullRefundInput(order.id) },
    );
    expect(result.data.refundCreate).toBeNull();
    expect(result.errors?.[0]).toMatchObject({
      message: "The @idempotent directive is required for this mutation but was not provided.",
      extensions: { code: "BAD_REQUEST" },
      path: ["refundCreate"],
    });
    expect(order.financialStatus).toBe("PAID");
  });

  it("refunds in full once; the same key replays the same refund; another input with that key is refused", async () => {
    const order = paidUnfulfilledOrder(2);
    const input = await fullRefundInput(order.id);
    const variant = sim.stores.get(shop)?.variant(order.lineItems[0]?.variantId ?? 0);
    const stockBefore = variant?.inventoryQuantity ?? 0;
    const first = await gql(REFUND, { input, key: "refund-order-2" });
    expect(first.errors).toBeUndefined();
    expect(first.extensions.cost.requestedQueryCost).toBe(10);
    const payload = first.data.refundCreate;
    expect(payload.userErrors).toEqual([]);
    const total = (order.totalCents / 100).toFixed(2);
    expect(payload.refund.totalRefundedSet.shopMoney.amount).toBe(total);
    expect(payload.refund.transactions.nodes).toEqual([
      expect.objectContaining({
        kind: "REFUND",
        status: "SUCCESS",
        amountSet: { shopMoney: { amount: total } },
      }),
    ]);
    expect(payload.refund.refundLineItems.nodes[0]).toMatchObject({
      restockType: "CANCEL",
      restocked: true,
    });
    expect(payload.order).toMatchObject({
      displayFinancialStatus: "REFUNDED",
      totalRefundedSet: { shopMoney: { amount: total } },
      refunds: [{ id: payload.refund.id }],
    });
    expect(variant?.inventoryQuantity).toBe(stockBefore + (order.lineItems[0]?.quantity ?? 0));

    const replay = await gql(REFUND, { input, key: "refund-order-2" });
    expect(replay.data.refundCreate.refund.id).toBe(payload.refund.id);
    expect(replay.data.refundCreate.order.refunds).toHaveLength(1);
    expect(variant?.inventoryQuantity).toBe(stockBefore + (order.lineItems[0]?.quantity ?? 0));

    const other = await gql(REFUND, {
      input: { ...input, note: "different" },
      key: "refund-order-2",
    });
    expect(other.data.refundCreate).toMatchObject({
      refund: null,
      userErrors: [
        {
          field: null,
          message: "The same idempotency key cannot be used with different operation parameters.",
        },
      ],
    });
    // Shopify's words: the 2026-10 schema describes IDEMPOTENCY_KEY_PARAMETER_MISMATCH (e.g. on
    // InventoryAdjustQuantitiesUserErrorCode) in exactly these words; RefundCreatePayload's
    // UserError has no code to carry it.
    const mismatch = Object.values(adminSchema().getTypeMap())
      .filter(isEnumType)
      .flatMap((type) => type.getValues())
      .find((value) => value.name === "IDEMPOTENCY_KEY_PARAMETER_MISMATCH");
    expect(other.data.refundCreate.userErrors[0].message).toBe(mismatch?.description);

    const read = await gql(
      `query N($id: ID!) { node(id: $id) { ... on Refund { id order { id } totalRefundedSet { shopMoney { amount } } } } }`,
      { id: payload.refund.id },
    );
    expect(read.data.node).toEqual({
      id: payload.refund.id,
      order: { id: toGid("Order", order.id) },
      totalRefundedSet: { shopMoney: { amount: total } },
    });
  });

  it("answers an over-refund with a userError and changes nothing", async () => {
    const order = paidUnfulfilledOrder(3);
    const input = await fullRefundInput(order.id);
    const tooMuch = ((order.totalCents + 100) / 100).toFixed(2);
    const transactions = input.transactions.map((t) => ({ ...t, amount: tooMuch }));
    const result = await gql(REFUND, { input: { ...input, transactions }, key: "over-1" });
    expect(result.data.refundCreate).toMatchObject({
      refund: null,
      userErrors: [
        {
          field: null,
          message: `Refund amount $${tooMuch} is greater than net payment received $${(order.totalCents / 100).toFixed(2)}`,
        },
      ],
    });
    expect(order.financialStatus).toBe("PAID");
    expect(order.transactions.some((t) => t.kind === "REFUND")).toBe(false);
    const quantity = await gql(REFUND, {
      input: {
        ...input,
        refundLineItems: [
          {
            lineItemId: toGid("LineItem", order.lineItems[0]?.id ?? 0),
            quantity: 99,
            restockType: "CANCEL",
          },
        ],
      },
      key: "over-2",
    });
    expect(quantity.data.refundCreate.userErrors).toEqual([
      {
        field: ["refundLineItems", "0", "quantity"],
        message: "Quantity cannot refund more items than were purchased",
      },
    ]);
  });

  it("refunds shipping only, leaving the order partially refunded", async () => {
    const order = paidUnfulfilledOrder(4);
    const sale = order.transactions.find((t) => t.kind === "SALE");
    const amount = (order.shippingCents / 100).toFixed(2);
    const input = {
      orderId: toGid("Order", order.id),
      shipping: { amount },
      transactions: [
        {
          orderId: toGid("Order", order.id),
          amount,
          gateway: sale?.gateway ?? "",
          kind: "REFUND",
          parentId: toGid("OrderTransaction", sale?.id ?? 0),
        },
      ],
    };
    const result = await gql(REFUND, { input, key: "shipping-4" });
    expect(result.data.refundCreate.order.displayFinancialStatus).toBe("PARTIALLY_REFUNDED");
    const after = await gql(SUGGEST, { id: toGid("Order", order.id) });
    expect(after.data.order.suggestedRefund.shipping.maximumRefundableSet.shopMoney.amount).toBe(
      "0.00",
    );
    expect(after.data.order.suggestedRefund.amountSet.shopMoney.amount).toBe(
      ((order.totalCents - order.shippingCents) / 100).toFixed(2),
    );
  });
});
