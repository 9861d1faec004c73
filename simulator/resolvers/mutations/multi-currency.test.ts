// A CAD shop whose US buyers pay in USD: what Shopify reports in each currency, and which currency
// it demands when money moves. Each rule is the schema's or shopify.dev's (cited beside it); the
// simulator refuses the wrong currency so that an app sending it fails a test.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { z } from "zod";
import { CANADIAN_SHOP } from "../../cli";
import { toGid } from "../../gid";
import { startSimulator, type RunningSimulator } from "../../index";
import { toShopCents } from "../../store/currency";
import type { OrderRecord } from "../../store/records";
import { refundsOf } from "../../store/refunds";
import type { ShopStore } from "../../store/shop-store";

const shop = "oak-and-hide-2.myshopify.com";
const app = {
  apiKey: "key",
  apiSecret: "secret",
  appUrl: "https://delay-desk.test",
  scopes: "read_all_orders,write_orders,write_order_edits,read_products,read_locations",
};
let sim: RunningSimulator;
let store: ShopStore;
let token: string;

beforeAll(async () => {
  sim = await startSimulator({
    port: 0,
    app,
    shops: [
      {
        domain: shop,
        orders: 120,
        seed: 5,
        now: new Date("2026-12-10T15:00:00Z"),
        ...CANADIAN_SHOP,
      },
    ],
  });
  token = sim.issueAccessToken(shop);
  const seeded = sim.stores.get(shop);
  if (!seeded) throw new Error("no store");
  store = seeded;
});
afterAll(async () => {
  await sim?.close();
});

const response = z.object({
  data: z.any().optional(),
  errors: z.array(z.object({ message: z.string() })).optional(),
});
async function gql(query: string, variables: Record<string, unknown> = {}) {
  const reply = await fetch(`${sim.origin}/${shop}/admin/api/2026-10/graphql.json`, {
    method: "POST",
    headers: { "Content-Type": "application/json", "X-Shopify-Access-Token": token },
    body: JSON.stringify({ query, variables }),
  });
  expect(reply.status).toBe(200);
  const body = response.parse(await reply.json());
  expect(body.errors).toBeUndefined();
  return body.data;
}

const used = new Set<number>();
function usdOrder(where: (order: OrderRecord) => boolean = () => true): OrderRecord {
  const order = store.orders.find(
    (o) =>
      !used.has(o.id) &&
      o.currencies.presentment === "USD" &&
      o.financialStatus === "PAID" &&
      o.cancelledAt === null &&
      o.shippingCents > 0 &&
      where(o),
  );
  if (!order) throw new Error("the seed has too few paid USD orders");
  used.add(order.id);
  return order;
}
const warehouse = () => store.locations.find((location) => !location.primary);

const REFUND = `mutation Refund($input: RefundInput!, $key: String!) { refundCreate(input: $input) @idempotent(key: $key) {
  refund { id totalRefundedSet { shopMoney { amount currencyCode } presentmentMoney { amount currencyCode } } refundLineItems(first: 10) { nodes { restockType location { id name } } } }
  userErrors { field message } } }`;
const SUGGEST = `query Suggest($id: ID!) { order(id: $id) { currencyCode presentmentCurrencyCode
  totalPriceSet { shopMoney { amount currencyCode } presentmentMoney { amount currencyCode } }
  lineItems(first: 5) { nodes { originalUnitPriceSet { shopMoney { amount } presentmentMoney { amount } } variant { price } } }
  suggestedRefund(suggestFullRefund: true) { amountSet { shopMoney { amount currencyCode } presentmentMoney { amount currencyCode } }
    refundLineItems { lineItem { id } quantity restockType location { id name } }
    suggestedTransactions { amountSet { shopMoney { amount } presentmentMoney { amount } } gateway parentTransaction { id } } } } }`;

const suggestion = z.object({
  currencyCode: z.string(),
  presentmentCurrencyCode: z.string(),
  totalPriceSet: z.object({
    shopMoney: z.object({ amount: z.string(), currencyCode: z.string() }),
    presentmentMoney: z.object({ amount: z.string(), currencyCode: z.string() }),
  }),
  lineItems: z.object({
    nodes: z.array(
      z.object({
        originalUnitPriceSet: z.object({
          shopMoney: z.object({ amount: z.string() }),
          presentmentMoney: z.object({ amount: z.string() }),
        }),
        variant: z.object({ price: z.string() }),
      }),
    ),
  }),
  suggestedRefund: z.object({
    amountSet: z.object({
      shopMoney: z.object({ amount: z.string(), currencyCode: z.string() }),
      presentmentMoney: z.object({ amount: z.string(), currencyCode: z.string() }),
    }),
    refundLineItems: z.array(
      z.object({
        lineItem: z.object({ id: z.string() }),
        quantity: z.number(),
        restockType: z.string(),
        location: z.object({ id: z.string(), name: z.string() }).nullable(),
      }),
    ),
    suggestedTransactions: z.array(
      z.object({
        amountSet: z.object({
          shopMoney: z.object({ amount: z.string() }),
          presentmentMoney: z.object({ amount: z.string() }),
        }),
        gateway: z.string(),
        parentTransaction: z.object({ id: z.string() }),
      }),
    ),
  }),
});
async function suggest(order: OrderRecord) {
  return suggestion.parse((await gql(SUGGEST, { id: toGid("Order", order.id) })).order);
}

describe("a CAD shop with a buyer paying in USD", () => {
  it("reports each amount in both currencies: presentment as paid, shop money at the order's rate, catalogue prices in CAD", async () => {
    // Order.currencyCode: "The shop currency when the order was placed"; presentmentCurrencyCode:
    // "The currency used by the customer when placing the order"; MoneyBag.shopMoney / presentmentMoney
    // (https://shopify.dev/docs/api/admin-graphql/latest/objects/Order, …/objects/MoneyBag).
    const order = usdOrder();
    const read = await suggest(order);
    expect([read.currencyCode, read.presentmentCurrencyCode]).toEqual(["CAD", "USD"]);
    expect(read.totalPriceSet.presentmentMoney).toEqual({
      amount: (order.totalCents / 100).toFixed(2),
      currencyCode: "USD",
    });
    expect(read.totalPriceSet.shopMoney).toEqual({
      amount: (Math.round(order.totalCents / 0.715) / 100).toFixed(2),
      currencyCode: "CAD",
    });
    const line = read.lineItems.nodes[0];
    if (!line) throw new Error("no line");
    // The buyer saw the CAD price converted and rounded up to a whole dollar (Shopify's price rounding,
    // https://help.shopify.com/en/manual/international/pricing/rounding); ProductVariant.price stays CAD.
    expect(Number(line.originalUnitPriceSet.presentmentMoney.amount)).toBe(
      Math.ceil(Number(line.variant.price) * 0.715),
    );
  });

  it("refuses a refund without the presentment currency, or in the shop's currency; refunds the presentment amounts in USD", async () => {
    const order = usdOrder();
    const read = await suggest(order);
    const [t] = read.suggestedRefund.suggestedTransactions;
    if (!t) throw new Error("no suggested transaction");
    const base = { orderId: toGid("Order", order.id), notify: false };
    const transaction = (amount: string) => ({
      orderId: toGid("Order", order.id),
      parentId: t.parentTransaction.id,
      amount,
      gateway: t.gateway,
      kind: "REFUND",
    });
    // RefundInput.currency: "This must be the presentment currency, which is the currency used by
    // the customer. This is a required field for orders where the currency and presentment
    // currency differ." (https://shopify.dev/docs/api/admin-graphql/latest/input-objects/RefundInput)
    const missing = await gql(REFUND, {
      key: "mc-1",
      input: { ...base, transactions: [transaction(t.amountSet.presentmentMoney.amount)] },
    });
    expect(missing.refundCreate.userErrors).toEqual([
      { field: ["currency"], message: expect.stringMatching(/required/) },
    ]);
    const inShopCurrency = await gql(REFUND, {
      key: "mc-2",
      input: {
        ...base,
        currency: "CAD",
        transactions: [transaction(t.amountSet.shopMoney.amount)],
      },
    });
    expect(inShopCurrency.refundCreate.userErrors).toContainEqual({
      field: ["currency"],
      message: expect.stringMatching(/presentment currency, USD/),
    });
    // Shop amounts labelled USD are more than the buyer paid (a CAD amount is the bigger number).
    const shopAmountAsUsd = await gql(REFUND, {
      key: "mc-3",
      input: {
        ...base,
        currency: "USD",
        transactions: [transaction(t.amountSet.shopMoney.amount)],
      },
    });
    expect(shopAmountAsUsd.refundCreate.userErrors[0]?.message).toMatch(
      /greater than net payment received/,
    );
    expect(refundsOf(store).refundsOf(order.id)).toHaveLength(0);

    const done = await gql(REFUND, {
      key: "mc-4",
      input: {
        ...base,
        currency: "USD",
        transactions: [transaction(t.amountSet.presentmentMoney.amount)],
      },
    });
    expect(done.refundCreate.userErrors).toEqual([]);
    expect(done.refundCreate.refund.totalRefundedSet.presentmentMoney).toEqual({
      amount: t.amountSet.presentmentMoney.amount,
      currencyCode: "USD",
    });
    expect(done.refundCreate.refund.totalRefundedSet.shopMoney.currencyCode).toBe("CAD");
    expect(refundsOf(store).refundsOf(order.id)[0]?.totalCents).toBe(order.totalCents);
  });

  it("suggests restocking where the line was to ship from, and restocks at the location named (the primary one when none is)", async () => {
    // SuggestedRefund.refundLineItems: RefundLineItem.location, "The inventory restock location";
    // RefundLineItemInput.locationId, "The intended location for restocking".
    const site = warehouse();
    if (!site) throw new Error("the seeded shop has one location");
    const order = usdOrder(
      (o) =>
        o.fulfillmentOrders[0]?.assignedLocationId === site.id &&
        (o.lineItems.length >= 2 || (o.lineItems[0]?.quantity ?? 0) >= 2),
    );
    const read = await suggest(order);
    expect(read.suggestedRefund.refundLineItems.map((line) => line.location?.id)).toEqual(
      order.lineItems.map(() => toGid("Location", site.id)),
    );
    const [t] = read.suggestedRefund.suggestedTransactions;
    if (!t) throw new Error("no suggested transaction");
    const lines = (withLocation: boolean) =>
      read.suggestedRefund.refundLineItems.map((line) => ({
        lineItemId: line.lineItem.id,
        quantity: 1,
        restockType: line.restockType,
        ...(withLocation && line.location ? { locationId: line.location.id } : {}),
      }));
    const unnamed = await gql(REFUND, {
      key: "loc-1",
      input: {
        orderId: toGid("Order", order.id),
        currency: "USD",
        refundLineItems: lines(false).slice(0, 1),
      },
    });
    expect(unnamed.refundCreate.refund.refundLineItems.nodes[0].location.name).toBe(
      store.primaryLocation().name,
    );
    const named = await gql(REFUND, {
      key: "loc-2",
      input: {
        orderId: toGid("Order", order.id),
        currency: "USD",
        refundLineItems: lines(true).slice(-1),
      },
    });
    expect(named.refundCreate.refund.refundLineItems.nodes[0].location).toEqual({
      id: toGid("Location", site.id),
      name: site.name,
    });
    expect(
      refundsOf(store)
        .refundsOf(order.id)
        .map((refund) => refund.lines[0]?.locationId),
    ).toEqual([store.primaryLocation().id, site.id]);
  });

  it("takes order-edit prices only in the order's presentment currency", async () => {
    // Shopify edits an order paid in another currency in that currency (help.shopify.com/en/manual/
    // fulfillment/managing-orders/editing-orders/considerations, "Currency"); the error's wording is ours.
    const order = usdOrder((o) => o.fulfillmentStatus === "UNFULFILLED");
    const begin = await gql(
      `mutation B($id: ID!) { orderEditBegin(id: $id) { calculatedOrder { id } userErrors { field message } } }`,
      { id: toGid("Order", order.id) },
    );
    const id = begin.orderEditBegin.calculatedOrder.id;
    const ADD = `mutation A($id: ID!, $line: OrderEditAddShippingLineInput!) { orderEditAddShippingLine(id: $id, shippingLine: $line) { calculatedShippingLine { price { shopMoney { amount currencyCode } presentmentMoney { amount currencyCode } } } userErrors { field message } } }`;
    const cad = await gql(ADD, {
      id,
      line: { title: "Express", price: { amount: "10.00", currencyCode: "CAD" } },
    });
    expect(cad.orderEditAddShippingLine.userErrors).toEqual([
      {
        field: ["shippingLine", "price", "currencyCode"],
        message: "The currency CAD does not match the order's currency USD.",
      },
    ]);
    const usd = await gql(ADD, {
      id,
      line: { title: "Express", price: { amount: "7.15", currencyCode: "USD" } },
    });
    expect(usd.orderEditAddShippingLine.userErrors).toEqual([]);
    expect(usd.orderEditAddShippingLine.calculatedShippingLine.price).toEqual({
      presentmentMoney: { amount: "7.15", currencyCode: "USD" },
      shopMoney: { amount: "10.00", currencyCode: "CAD" },
    });
    expect(toShopCents(715, order.currencies)).toBe(1000);
  });
});
