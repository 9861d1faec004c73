import { beforeAll, describe, expect, it } from "vitest";
import { prepareRequest, runRequest } from "./execute";
import { seedShop } from "./seed";
import type { ShopStore } from "./store/shop-store";
import { z } from "zod";

const now = new Date("2026-12-10T15:00:00Z");
let store: ShopStore;

beforeAll(() => {
  store = seedShop({ domain: "oak-and-hide.myshopify.com", now });
});

/** Runs a query and returns the JSON a client would receive. */
async function run(
  query: string,
  variables?: Record<string, unknown>,
): Promise<{ data?: unknown; errors?: unknown[]; extensions?: unknown }> {
  const prepared = prepareRequest(query);
  if ("errors" in prepared) return JSON.parse(JSON.stringify({ errors: prepared.errors }));
  return JSON.parse(JSON.stringify(await runRequest(store, prepared, variables)));
}

const pageSchema = z.object({
  edges: z.array(z.object({ cursor: z.string(), node: z.object({ id: z.string() }) })),
  pageInfo: z.object({
    hasNextPage: z.boolean(),
    hasPreviousPage: z.boolean(),
    startCursor: z.string().nullable(),
    endCursor: z.string().nullable(),
  }),
});
const ordersPage = z.object({ data: z.object({ orders: pageSchema }) });
const legacy = (gid: string) => Number(gid.split("/").pop());

describe("validation errors read like Shopify's", () => {
  it("unknown field", async () => {
    const result = await run(`query Recent { orders(first: 1) { nodes { id foo } } }`);
    expect(result).toEqual({
      errors: [
        {
          message: "Field 'foo' doesn't exist on type 'Order'",
          locations: [{ line: 1, column: 46 }],
          path: ["query Recent", "orders", "nodes", "foo"],
          extensions: { code: "undefinedField", typeName: "Order", fieldName: "foo" },
        },
      ],
    });
  });

  it("unknown argument", async () => {
    const result = await run(`{ orders(first: 1, foo: 2) { nodes { id } } }`);
    expect(result.errors).toEqual([
      {
        message: "Field 'orders' doesn't accept argument 'foo'",
        locations: [{ line: 1, column: 20 }],
        path: ["query", "orders", "foo"],
        extensions: {
          code: "argumentNotAccepted",
          name: "orders",
          typeName: "Field",
          argumentName: "foo",
        },
      },
    ]);
  });

  it("missing and invalid variables", async () => {
    const query = `query One($id: ID!) { order(id: $id) { id } }`;
    expect(await run(query, {})).toEqual({
      errors: [
        {
          message: "Variable $id of type ID! was provided invalid value",
          locations: [{ line: 1, column: 11 }],
          extensions: {
            value: null,
            problems: [{ path: [], explanation: "Expected value to not be null" }],
          },
        },
      ],
    });
    const wrong = await run(`query Many($first: Int!) { orders(first: $first) { nodes { id } } }`, {
      first: "ten",
    });
    expect(wrong.errors).toHaveLength(1);
    expect(wrong.errors?.[0]).toMatchObject({
      message: "Variable $first of type Int! was provided invalid value",
      extensions: { value: "ten" },
    });
  });

  it("syntax errors come back as errors, never as a throw", async () => {
    const result = await run(`{ orders(first: 1) { nodes { id }`);
    expect(result.errors?.[0]).toMatchObject({ message: expect.stringContaining("Syntax Error") });
  });
});

describe("fields the simulator does not implement", () => {
  it("answer NOT_SIMULATED with the field's name", async () => {
    const result = await run(`{ orders(first: 1) { nodes { id riskLevel } } }`);
    expect(result.errors).toEqual([
      {
        message: "Order.riskLevel is not simulated by the Admin API simulator",
        locations: [{ line: 1, column: 33 }],
        path: ["orders", "nodes", 0, "riskLevel"],
        extensions: { code: "NOT_SIMULATED", typeName: "Order", fieldName: "riskLevel" },
      },
    ]);
  });

  it("on value objects and root fields and mutations too", async () => {
    const value = await run(
      `{ products(first: 1) { nodes { variants(first: 1) { nodes { selectedOptions { optionValue { id } } } } } } }`,
    );
    expect(value.errors?.[0]).toMatchObject({
      message: "SelectedOption.optionValue is not simulated by the Admin API simulator",
    });
    const root = await run(`{ locations(first: 1) { nodes { id } } }`);
    expect(root.errors?.[0]).toMatchObject({
      message: "QueryRoot.locations is not simulated by the Admin API simulator",
      extensions: { code: "NOT_SIMULATED" },
    });
    const mutation = await run(
      `mutation { webhookSubscriptionDelete(id: "gid://shopify/WebhookSubscription/1") { userErrors { message } } }`,
    );
    expect(mutation.errors?.[0]).toMatchObject({
      message: "Mutation.webhookSubscriptionDelete is not simulated by the Admin API simulator",
    });
  });
});

describe("shop and lookups", () => {
  it("answers the home page's shop query", async () => {
    const result = await run(
      `{ shop { id name email myshopifyDomain ianaTimezone timezoneAbbreviation currencyCode createdAt primaryDomain { host url } plan { displayName partnerDevelopment shopifyPlus } billingAddress { city countryCodeV2 } } }`,
    );
    expect(result).toEqual({
      data: {
        shop: {
          id: `gid://shopify/Shop/${store.shop.id}`,
          name: "Oak & Hide Workshop",
          email: store.shop.email,
          myshopifyDomain: "oak-and-hide.myshopify.com",
          ianaTimezone: "America/New_York",
          timezoneAbbreviation: "EST",
          currencyCode: "USD",
          createdAt: new Date(store.shop.createdAt).toISOString().replace(".000Z", "Z"),
          primaryDomain: {
            host: store.shop.primaryDomainHost,
            url: `https://${store.shop.primaryDomainHost}`,
          },
          plan: { displayName: "Shopify", partnerDevelopment: false, shopifyPlus: false },
          billingAddress: { city: "Asheville", countryCodeV2: "US" },
        },
      },
    });
  });

  it("finds records by GID through order(id:), node and nodes", async () => {
    const order = store.orders.find(
      (candidate) => candidate.fulfillmentStatus === "PARTIALLY_FULFILLED",
    );
    expect(order).toBeDefined();
    if (!order) return;
    const gid = `gid://shopify/Order/${order.id}`;
    const result = await run(
      `query($id: ID!) {
        order(id: $id) {
          legacyResourceId name displayFulfillmentStatus currentSubtotalLineItemsQuantity
          totalPriceSet { shopMoney { amount currencyCode } presentmentMoney { amount } }
          lineItems(first: 10) { nodes { quantity unfulfilledQuantity } }
          fulfillmentOrders(first: 5) { nodes { status requestStatus lineItems(first: 10) { nodes { totalQuantity remainingQuantity lineItem { id } } } } }
        }
        node(id: $id) { __typename ... on Order { name } }
        nodes(ids: [$id, "gid://shopify/Order/1", "nonsense"]) { id }
      }`,
      { id: gid },
    );
    const amount = `${Math.floor(order.totalCents / 100)}.${String(order.totalCents % 100).padStart(2, "0")}`;
    expect(result).toMatchObject({
      data: {
        order: {
          legacyResourceId: String(order.id),
          name: order.name,
          displayFulfillmentStatus: "PARTIALLY_FULFILLED",
          currentSubtotalLineItemsQuantity: order.lineItems.reduce(
            (sum, item) => sum + item.quantity,
            0,
          ),
          totalPriceSet: {
            shopMoney: { amount, currencyCode: "USD" },
            presentmentMoney: { amount },
          },
          lineItems: {
            nodes: order.lineItems.map((item) => ({
              quantity: item.quantity,
              unfulfilledQuantity: item.quantity - item.fulfilledQuantity,
            })),
          },
          fulfillmentOrders: { nodes: [{ status: "IN_PROGRESS", requestStatus: "UNSUBMITTED" }] },
        },
        node: { __typename: "Order", name: order.name },
        nodes: [{ id: gid }, null, null],
      },
    });
  });
});

describe("what the order import reads", () => {
  it("returns fulfillBy, shipping lines and transactions as stored", async () => {
    const order = store.orders.find(
      (candidate) =>
        candidate.fulfillmentOrders[0]?.fulfillBy !== null && candidate.cancelledAt === null,
    );
    const fulfillmentOrder = order?.fulfillmentOrders[0];
    if (!order || !fulfillmentOrder || fulfillmentOrder.fulfillBy === null)
      throw new Error("seed has no order with fulfillBy");
    const result = await run(
      `query($id: ID!) { order(id: $id) {
        createdAt
        shippingLines(first: 5) { nodes { title originalPriceSet { shopMoney { amount } } } }
        fulfillmentOrders(first: 5) { nodes { id fulfillBy fulfillAt createdAt status } }
        transactions { kind status gateway processedAt amountSet { shopMoney { amount currencyCode } } }
        refunds { id }
      } }`,
      { id: `gid://shopify/Order/${order.id}` },
    );
    const isoOf = (ms: number) =>
      new Date(Math.floor(ms / 1000) * 1000).toISOString().replace(".000Z", "Z");
    const money = (cents: number) => (cents / 100).toFixed(2);
    expect(result).toEqual({
      data: {
        order: {
          createdAt: isoOf(order.createdAt),
          shippingLines: {
            nodes: order.shippingLines.map((line) => ({
              title: line.title,
              originalPriceSet: { shopMoney: { amount: money(line.priceCents) } },
            })),
          },
          fulfillmentOrders: {
            nodes: [
              {
                id: `gid://shopify/FulfillmentOrder/${fulfillmentOrder.id}`,
                fulfillBy: isoOf(fulfillmentOrder.fulfillBy),
                fulfillAt: isoOf(fulfillmentOrder.fulfillAt ?? 0),
                createdAt: isoOf(order.createdAt),
                status: fulfillmentOrder.status,
              },
            ],
          },
          transactions: order.transactions.map((transaction) => ({
            kind: transaction.kind,
            status: transaction.status,
            gateway: transaction.gateway,
            processedAt: isoOf(transaction.processedAt),
            amountSet: {
              shopMoney: { amount: money(transaction.amountCents), currencyCode: "USD" },
            },
          })),
          refunds: [],
        },
      },
    });
  });
});

describe("orders connection", () => {
  it("pages forward through every order without gaps or duplicates, then back", async () => {
    const seen: number[] = [];
    let after: string | null = null;
    const cursors: string[] = [];
    for (;;) {
      const page = ordersPage.parse(
        await run(
          `query($after: String) { orders(first: 250, after: $after, sortKey: ID) { edges { cursor node { id } } pageInfo { hasNextPage hasPreviousPage startCursor endCursor } } }`,
          { after },
        ),
      );
      const { edges, pageInfo } = page.data.orders;
      seen.push(...edges.map((edge) => legacy(edge.node.id)));
      expect(pageInfo.hasPreviousPage).toBe(after !== null);
      if (pageInfo.startCursor) cursors.push(pageInfo.startCursor);
      if (!pageInfo.hasNextPage) break;
      after = pageInfo.endCursor;
    }
    expect(seen).toEqual(store.orders.map((order) => order.id));

    // Backwards from the start of the last page gives the 10 orders before it.
    const lastStart = cursors[cursors.length - 1] ?? null;
    const back = ordersPage.parse(
      await run(
        `query($before: String) { orders(last: 10, before: $before, sortKey: ID) { edges { cursor node { id } } pageInfo { hasNextPage hasPreviousPage startCursor endCursor } } }`,
        { before: lastStart },
      ),
    );
    expect(back.data.orders.edges.map((edge) => legacy(edge.node.id))).toEqual(
      store.orders.slice(990, 1000).map((order) => order.id),
    );
    expect(back.data.orders.pageInfo).toMatchObject({ hasNextPage: true, hasPreviousPage: true });
  });

  it("sorts by UPDATED_AT, reversed, with stable paging", async () => {
    const expected = [...store.orders]
      .sort((a, b) => b.updatedAt - a.updatedAt || b.id - a.id)
      .map((order) => order.id);
    const first = ordersPage.parse(
      await run(
        `{ orders(first: 30, sortKey: UPDATED_AT, reverse: true) { edges { cursor node { id } } pageInfo { hasNextPage hasPreviousPage startCursor endCursor } } }`,
      ),
    );
    const second = ordersPage.parse(
      await run(
        `query($after: String) { orders(first: 30, after: $after, sortKey: UPDATED_AT, reverse: true) { edges { cursor node { id } } pageInfo { hasNextPage hasPreviousPage startCursor endCursor } } }`,
        { after: first.data.orders.pageInfo.endCursor },
      ),
    );
    const ids = [...first.data.orders.edges, ...second.data.orders.edges].map((edge) =>
      legacy(edge.node.id),
    );
    expect(ids).toEqual(expected.slice(0, 60));
  });

  it("sorts by PROCESSED_AT by default and accepts reverse", async () => {
    const result = ordersPage.parse(
      await run(
        `{ orders(first: 3, reverse: true) { edges { cursor node { id } } pageInfo { hasNextPage hasPreviousPage startCursor endCursor } } }`,
      ),
    );
    expect(result.data.orders.edges.map((edge) => legacy(edge.node.id))).toEqual(
      store.orders
        .slice(-3)
        .reverse()
        .map((order) => order.id),
    );
  });

  it("rejects a missing page size and more than 250", async () => {
    expect((await run(`{ orders { nodes { id } } }`)).errors?.[0]).toMatchObject({
      message: "you must provide one of first or last",
      path: ["orders"],
    });
    expect((await run(`{ orders(first: 251) { nodes { id } } }`)).errors?.[0]).toMatchObject({
      message: expect.stringContaining("250"),
    });
  });

  it("filters with the search syntax and warns about unknown fields", async () => {
    const result = await run(
      `{ orders(first: 250, query: "fulfillment_status:unshipped -status:cancelled test:false colour:red") { nodes { id displayFulfillmentStatus cancelledAt test } } }`,
    );
    const nodes = z
      .object({
        data: z.object({
          orders: z.object({
            nodes: z.array(
              z.object({
                id: z.string(),
                displayFulfillmentStatus: z.string(),
                cancelledAt: z.string().nullable(),
                test: z.boolean(),
              }),
            ),
          }),
        }),
      })
      .parse(result).data.orders.nodes;
    const expected = store.orders
      .filter(
        (order) =>
          order.fulfillmentStatus === "UNFULFILLED" && order.cancelledAt === null && !order.test,
      )
      .map((order) => order.id);
    expect(nodes.map((node) => legacy(node.id))).toEqual(expected.slice(0, 250));
    expect(result.extensions).toMatchObject({
      search: [
        {
          path: ["orders"],
          warnings: [
            {
              field: "colour",
              message: "Invalid search field for this query.",
              code: "invalid_field",
            },
          ],
        },
      ],
    });
  });
});

describe("ordersCount", () => {
  const zone = "America/New_York";
  it("matches counting the store by hand", async () => {
    const since = Date.parse("2026-11-20T05:00:00Z"); // midnight in New York
    const result = await run(`{
      all: ordersCount { count precision }
      unfulfilled: ordersCount(query: "fulfillment_status:unfulfilled") { count precision }
      open: ordersCount(query: "status:open") { count }
      cancelled: ordersCount(query: "status:cancelled") { count }
      recent: ordersCount(query: "created_at:>=2026-11-20 financial_status:paid") { count }
      tagged: ordersCount(query: "tag:gift OR tag:engraving") { count }
    }`);
    const count = (predicate: (order: ShopStore["orders"][number]) => boolean) =>
      store.orders.filter(predicate).length;
    expect(result).toEqual({
      data: {
        all: { count: 1200, precision: "EXACT" },
        unfulfilled: {
          count: count((order) => order.fulfillmentStatus !== "FULFILLED"),
          precision: "EXACT",
        },
        open: { count: count((order) => order.closedAt === null && order.cancelledAt === null) },
        cancelled: { count: count((order) => order.cancelledAt !== null) },
        recent: {
          count: count((order) => order.createdAt >= since && order.financialStatus === "PAID"),
        },
        tagged: {
          count: count((order) => order.tags.includes("gift") || order.tags.includes("engraving")),
        },
      },
    });
    expect(zone).toBe(store.options.timezone);
  });

  it("stops at the limit with AT_LEAST, and counts everything with limit: null", async () => {
    const result = await run(
      `{ capped: ordersCount(limit: 100) { count precision } uncapped: ordersCount(limit: null) { count precision } products: productsCount { count precision } }`,
    );
    expect(result).toEqual({
      data: {
        capped: { count: 100, precision: "AT_LEAST" },
        uncapped: { count: 1200, precision: "EXACT" },
        products: { count: store.products.length, precision: "EXACT" },
      },
    });
  });
});

describe("other connections", () => {
  it("sorts products by TITLE and filters by tag", async () => {
    const result = await run(
      `{ products(first: 50, sortKey: TITLE, query: "tag:made-to-order") { nodes { title tags } } }`,
    );
    const titles = store.products
      .filter((product) => product.tags.includes("made-to-order"))
      .map((product) => product.title)
      .sort((a, b) => a.toLowerCase().localeCompare(b.toLowerCase()));
    expect(result).toEqual({
      data: {
        products: {
          nodes: titles.map((title) => ({
            title,
            tags: expect.arrayContaining(["made-to-order"]),
          })),
        },
      },
    });
  });

  it("lists a customer's orders", async () => {
    const customer = store.customers.find((candidate) => candidate.orderIds.length > 1);
    expect(customer).toBeDefined();
    if (!customer) return;
    const result = await run(
      `query($id: ID!) { customer(id: $id) { displayName numberOfOrders orders(first: 10) { nodes { id } } } }`,
      { id: `gid://shopify/Customer/${customer.id}` },
    );
    expect(result).toEqual({
      data: {
        customer: {
          displayName: `${customer.firstName} ${customer.lastName}`,
          numberOfOrders: String(customer.orderIds.length),
          orders: { nodes: customer.orderIds.map((id) => ({ id: `gid://shopify/Order/${id}` })) },
        },
      },
    });
  });
});
