// The simulator's access rules, each checked against what Shopify documents or has been seen to
// answer, over real HTTP with tokens carrying the scopes an app asked for:
// - ACCESS_DENIED's shape: "Access denied for checkoutServerExtensionCreate field. Required access:
//   …", data null, extensions { code: "ACCESS_DENIED", documentation:
//   "https://shopify.dev/api/usage/access-scopes", requiredAccess } (Shopify/function-examples#164,
//   https://github.com/Shopify/function-examples/issues/164); "Access denied for product field.
//   Required access: `read_products` access scope." (Shopify/example-app--qr-code--remix#23).
// - "Any scope that writes a resource also grants read access to it"
//   (https://shopify.dev/docs/api/usage/access-scopes).
// - Protected customer data: unapproved fields are null with an error "This app is not approved to
//   access the Customer object. See … for more details." at the field's path; "GraphQL requests to
//   unapproved types will return an HTTP 200 Ok response with an error message in the errors hash"
//   (https://shopify.dev/docs/apps/launch/protected-customer-data, "Using protected customer data").
// - "Only the last 60 days' worth of orders from a store are accessible from the Order object by
//   default" (the schema's Order description; read_all_orders lifts it).
import { afterEach, describe, expect, it } from "vitest";
import { z } from "zod";
import { startSimulator, type RunningSimulator } from "./index";
import type { CustomerDataApprovalInput } from "./access-grant";

const SHOP = "access-check.myshopify.com";
const DAY = 24 * 3_600_000;
const NOW = new Date("2026-11-20T12:00:00Z");
let sim: RunningSimulator | undefined;

afterEach(async () => {
  await sim?.close();
  sim = undefined;
});

const errorSchema = z.object({
  message: z.string(),
  locations: z.array(z.object({ line: z.number(), column: z.number() })).optional(),
  path: z.array(z.union([z.string(), z.number()])).optional(),
  extensions: z.record(z.unknown()).optional(),
});
const answerSchema = z.object({
  data: z.record(z.unknown()).nullish(),
  errors: z.array(errorSchema).optional(),
});

async function start(scopes: string, customerData?: CustomerDataApprovalInput) {
  sim = await startSimulator({
    port: 0,
    app: {
      apiKey: "access-key",
      apiSecret: "access-secret",
      appUrl: "https://delay-desk.test",
      scopes,
    },
    shops: [{ domain: SHOP, orders: 150, seed: 5, now: NOW }],
    ...(customerData ? { customerData: { [SHOP]: customerData } } : {}),
  });
  const running = sim;
  const token = running.issueAccessToken(SHOP);
  return async (query: string, variables: Record<string, unknown> = {}) => {
    const response = await fetch(`${running.origin}/${SHOP}/admin/api/2026-10/graphql.json`, {
      method: "POST",
      headers: { "Content-Type": "application/json", "X-Shopify-Access-Token": token },
      body: JSON.stringify({ query, variables }),
    });
    expect(response.status).toBe(200);
    return answerSchema.parse(await response.json());
  };
}

function store() {
  const found = sim?.stores.get(SHOP);
  if (!found) throw new Error("no store");
  return found;
}

function gid(type: string, id: number) {
  return `gid://shopify/${type}/${id}`;
}

describe("access scopes", () => {
  it("refuses a field whose type needs a scope the token lacks, with Shopify's ACCESS_DENIED error and a null field", async () => {
    const graphql = await start("read_orders");
    const product = store().products[0];
    if (!product) throw new Error("no product");
    const answer = await graphql("query P($id: ID!) { shop { name } product(id: $id) { title } }", {
      id: gid("Product", product.id),
    });
    expect(answer.data).toEqual({ shop: { name: store().shop.name }, product: null });
    expect(answer.errors).toEqual([
      {
        message: "Access denied for product field. Required access: `read_products` access scope.",
        locations: [{ line: 1, column: 35 }],
        path: ["product"],
        extensions: {
          code: "ACCESS_DENIED",
          documentation: "https://shopify.dev/api/usage/access-scopes",
          requiredAccess: "`read_products` access scope.",
        },
      },
    ]);
  });

  it("lets a write scope read what its read scope reads", async () => {
    const graphql = await start("write_orders,read_all_orders");
    const answer = await graphql(
      "query { orders(first: 3) { nodes { id } } ordersCount(limit: null) { count } }",
    );
    expect(answer.errors).toBeUndefined();
    expect(z.object({ count: z.number() }).parse(answer.data?.["ordersCount"]).count).toBe(
      store().orders.length,
    );
  });

  it("refuses a mutation marked with a scope (orderEditBegin needs write_order_edits)", async () => {
    const graphql = await start("write_orders");
    const order = store().orders.at(-1);
    if (!order) throw new Error("no order");
    const answer = await graphql(
      "mutation B($id: ID!) { orderEditBegin(id: $id) { calculatedOrder { id } userErrors { message } } }",
      { id: gid("Order", order.id) },
    );
    expect(answer.data).toEqual({ orderEditBegin: null });
    expect(answer.errors?.[0]?.message).toBe(
      "Access denied for orderEditBegin field. Required access: Requires `write_order_edits` access scope.",
    );
  });

  it("refuses refundCreate and tagsAdd on an order without write_orders (scopes stated only in the schema's text)", async () => {
    const graphql = await start("read_orders,read_all_orders");
    const order = store().orders.at(-1);
    if (!order) throw new Error("no order");
    const refund = await graphql(
      'mutation R($input: RefundInput!) { refundCreate(input: $input) @idempotent(key: "k-1") { refund { id } userErrors { message } } }',
      { input: { orderId: gid("Order", order.id), notify: false } },
    );
    expect(refund.data).toEqual({ refundCreate: null });
    expect(refund.errors?.[0]?.extensions?.["code"]).toBe("ACCESS_DENIED");
    expect(refund.errors?.[0]?.message).toMatch(
      /^Access denied for refundCreate field\. Required access: `write_orders` access scope/,
    );
    const tags = await graphql(
      'mutation T($id: ID!) { tagsAdd(id: $id, tags: ["late"]) { userErrors { message } } }',
      { id: gid("Order", order.id) },
    );
    expect(tags.data).toEqual({ tagsAdd: null });
    expect(tags.errors?.[0]?.message).toMatch(
      /^Access denied for tagsAdd field\. Required access: `write_orders` access scope/,
    );
    expect(order.tags).not.toContain("late");
  });

  it("lets an app write its own installation's metafields with no scope at all", async () => {
    const graphql = await start("");
    const installation = await graphql("query { currentAppInstallation { id } }");
    const id = z
      .object({ currentAppInstallation: z.object({ id: z.string() }) })
      .parse(installation.data).currentAppInstallation.id;
    const set = await graphql(
      "mutation S($m: [MetafieldsSetInput!]!) { metafieldsSet(metafields: $m) { userErrors { message } } }",
      {
        m: [
          {
            ownerId: id,
            namespace: "$app",
            key: "notice",
            type: "single_line_text_field",
            value: "v",
          },
        ],
      },
    );
    expect(set.errors).toBeUndefined();
    expect(set.data).toEqual({ metafieldsSet: { userErrors: [] } });
  });
});

describe("the 60-day order window", () => {
  const ORDERS =
    "query O($after: String) { orders(first: 250, after: $after) { nodes { id createdAt } pageInfo { hasNextPage endCursor } } ordersCount(limit: null) { count } }";
  const pageSchema = z.object({
    orders: z.object({
      nodes: z.array(z.object({ id: z.string(), createdAt: z.string() })),
      pageInfo: z.object({ hasNextPage: z.boolean(), endCursor: z.string().nullable() }),
    }),
    ordersCount: z.object({ count: z.number() }),
  });

  it("hides orders older than 60 days from lists, counts and lookups without read_all_orders", async () => {
    const graphql = await start("read_orders");
    const cutoff = NOW.getTime() - 60 * DAY;
    const old = store().orders.find((order) => order.createdAt < cutoff - DAY);
    const recent = store().orders.filter((order) => order.createdAt >= cutoff);
    if (!old) throw new Error("the seed has no order older than 60 days");
    const page = pageSchema.parse((await graphql(ORDERS)).data);
    expect(page.ordersCount.count).toBe(recent.length);
    expect(page.orders.nodes).toHaveLength(recent.length);
    expect(page.orders.nodes.every((node) => Date.parse(node.createdAt) >= cutoff)).toBe(true);
    const lookup = await graphql(
      "query L($id: ID!) { order(id: $id) { id } node(id: $id) { id } }",
      { id: gid("Order", old.id) },
    );
    expect(lookup.errors).toBeUndefined();
    expect(lookup.data).toEqual({ order: null, node: null });
  });

  it("shows every order with read_all_orders", async () => {
    const graphql = await start("read_orders,read_all_orders");
    const page = pageSchema.parse((await graphql(ORDERS)).data);
    expect(page.ordersCount.count).toBe(store().orders.length);
  });
});

describe("protected customer data", () => {
  const ORDER =
    "query O($id: ID!) { order(id: $id) { name email customer { firstName lastName } } }";
  const orderWithCustomer = () => {
    const order = store().orders.find(
      (candidate) =>
        candidate.email &&
        candidate.customerId !== null &&
        candidate.createdAt > NOW.getTime() - 30 * DAY,
    );
    if (!order) throw new Error("no order with a customer");
    return order;
  };
  const scopes = "read_orders,read_customers";

  it("answers every field when the app is approved for all of them (the default, as on a development store)", async () => {
    const graphql = await start(scopes);
    const order = orderWithCustomer();
    const answer = await graphql(ORDER, { id: gid("Order", order.id) });
    expect(answer.errors).toBeUndefined();
    expect(answer.data).toEqual({ order: expect.objectContaining({ email: order.email }) });
  });

  it("redacts email and names at level 1: null values and one 'not approved' error per field's path", async () => {
    const graphql = await start(scopes, { level: 1 });
    const order = orderWithCustomer();
    const answer = await graphql(ORDER, { id: gid("Order", order.id) });
    expect(answer.data).toEqual({
      order: { name: order.name, email: null, customer: { firstName: null, lastName: null } },
    });
    expect(answer.errors?.map((error) => error.path)).toEqual([
      ["order", "email"],
      ["order", "customer", "firstName"],
      ["order", "customer", "lastName"],
    ]);
    expect(answer.errors?.[0]?.message).toBe(
      "This app is not approved to access the Customer object. See https://partners.shopify.com/current/apps/access-key/customer_data for more details.",
    );
  });

  it("at level 2 gives only the approved fields (email yes, name no)", async () => {
    const graphql = await start(scopes, { level: 2, fields: ["email"] });
    const order = orderWithCustomer();
    const answer = await graphql(ORDER, { id: gid("Order", order.id) });
    expect(answer.data).toEqual({
      order: {
        name: order.name,
        email: order.email,
        customer: { firstName: null, lastName: null },
      },
    });
    expect(answer.errors?.map((error) => error.path)).toEqual([
      ["order", "customer", "firstName"],
      ["order", "customer", "lastName"],
    ]);
  });

  it("refuses the Order object itself at level 0 (not approved for protected customer data)", async () => {
    const graphql = await start(scopes, { level: 0 });
    const order = orderWithCustomer();
    const answer = await graphql("query O($id: ID!) { shop { name } order(id: $id) { name } }", {
      id: gid("Order", order.id),
    });
    expect(answer.data).toEqual({ shop: { name: store().shop.name }, order: null });
    expect(answer.errors?.[0]?.message).toMatch(
      /^This app is not approved to access the Order object\./,
    );
    expect(answer.errors?.[0]?.extensions?.["code"]).toBe("ACCESS_DENIED");
  });

  it("changes with the control route, per shop", async () => {
    const graphql = await start(scopes);
    const running = sim;
    if (!running) throw new Error("no simulator");
    const set = await fetch(`${running.origin}/${SHOP}/simulator/customer-data`, {
      method: "POST",
      body: JSON.stringify({ level: 2, fields: ["name"] }),
    });
    expect(await set.json()).toEqual({ level: 2, fields: ["name"] });
    const order = orderWithCustomer();
    const answer = await graphql(ORDER, { id: gid("Order", order.id) });
    expect(answer.errors?.map((error) => error.path)).toEqual([["order", "email"]]);
    const bad = await fetch(`${running.origin}/${SHOP}/simulator/customer-data`, {
      method: "POST",
      body: JSON.stringify({ level: 3 }),
    });
    expect(bad.status).toBe(422);
  });
});

describe("bulk queries run with the starting token's access", () => {
  const RUN =
    "mutation B($q: String!) { bulkOperationRunQuery(query: $q) { bulkOperation { id } userErrors { message } } }";
  const STATUS = "query { currentBulkOperation { status errorCode url } }";
  const statusSchema = z.object({
    currentBulkOperation: z.object({
      status: z.string(),
      errorCode: z.string().nullable(),
      url: z.string().nullable(),
    }),
  });

  async function runBulk(graphql: Awaited<ReturnType<typeof start>>, query: string) {
    const started = await graphql(RUN, { q: query });
    expect(started.errors).toBeUndefined();
    await sim?.bulkOperationsIdle();
    return statusSchema.parse((await graphql(STATUS)).data).currentBulkOperation;
  }

  it("fails with errorCode ACCESS_DENIED when the query reaches a type outside the scopes", async () => {
    const graphql = await start("read_orders,read_all_orders");
    const status = await runBulk(graphql, "{ orders { edges { node { id customer { id } } } } }");
    expect(status).toMatchObject({ status: "FAILED", errorCode: "ACCESS_DENIED" });
  });

  it("completes with redacted protected fields as null, and only the orders of the last 60 days", async () => {
    const graphql = await start("read_orders", { level: 1 });
    const status = await runBulk(graphql, "{ orders { edges { node { id email createdAt } } } }");
    expect(status.status).toBe("COMPLETED");
    const text = await (await fetch(status.url ?? "")).text();
    const lines = text
      .trim()
      .split("\n")
      .map((line) =>
        z
          .object({ id: z.string(), email: z.string().nullable(), createdAt: z.string() })
          .parse(JSON.parse(line)),
      );
    const cutoff = NOW.getTime() - 60 * DAY;
    expect(lines).toHaveLength(store().orders.filter((order) => order.createdAt >= cutoff).length);
    expect(lines.every((line) => line.email === null)).toBe(true);
  });
});

// An online access token "has the same permissions as the user that's logged in"
// (https://shopify.dev/docs/apps/build/authentication-authorization/access-tokens/online-access-tokens):
// the Admin API checks the staff member's narrowed scopes (associated_user_scope) on it.
describe("online access tokens", () => {
  async function onlineToken(userId: number) {
    await start("read_orders,write_orders");
    const running = sim;
    if (!running) throw new Error("no simulator");
    const response = await fetch(`${running.origin}/${SHOP}/admin/oauth/access_token`, {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify({
        client_id: "access-key",
        client_secret: "access-secret",
        grant_type: "urn:ietf:params:oauth:grant-type:token-exchange",
        subject_token: running.mintSessionToken(SHOP, userId),
        subject_token_type: "urn:ietf:params:oauth:token-type:id_token",
        requested_token_type: "urn:shopify:params:oauth:token-type:online-access-token",
        expiring: "0",
      }),
    });
    const body = z
      .object({ access_token: z.string(), associated_user_scope: z.string() })
      .parse(await response.json());
    return async (query: string, variables: Record<string, unknown> = {}) => {
      const answer = await fetch(`${running.origin}/${SHOP}/admin/api/2026-10/graphql.json`, {
        method: "POST",
        headers: {
          "Content-Type": "application/json",
          "X-Shopify-Access-Token": body.access_token,
        },
        body: JSON.stringify({ query, variables }),
      });
      return { scope: body.associated_user_scope, answer: answerSchema.parse(await answer.json()) };
    };
  }

  const REFUND = `mutation R($input: RefundInput!) { refundCreate(input: $input) @idempotent(key: "k-1") { refund { id } userErrors { message } } }`;

  it("lets a staff member without write_orders read orders on her online token, but not refund", async () => {
    const graphql = await onlineToken(3);
    const order = store().orders.at(-1);
    if (!order) throw new Error("no order");
    const read = await graphql("query { orders(first: 1) { nodes { id } } }");
    expect(read.scope).toBe("read_orders");
    expect(read.answer.errors).toBeUndefined();
    const refund = await graphql(REFUND, {
      input: { orderId: gid("Order", order.id), transactions: [] },
    });
    expect(refund.answer.data).toEqual({ refundCreate: null });
    expect(refund.answer.errors?.[0]?.extensions).toMatchObject({ code: "ACCESS_DENIED" });
  });

  it("lets the account owner refund on his online token", async () => {
    const graphql = await onlineToken(2);
    const order = store().orders.at(-1);
    if (!order) throw new Error("no order");
    const refund = await graphql(REFUND, {
      input: { orderId: gid("Order", order.id), transactions: [] },
    });
    expect(refund.answer.errors).toBeUndefined();
  });
});
