// App-owned metafields on orders, through real GraphQL execution: the Admin API write the app makes
// after a notice, who may write the namespace, the toml's declared definition, and what the
// Customer Account API (the order status extension's side) serves from it.
import { beforeEach, describe, expect, it } from "vitest";
import { z } from "zod";
import { customerAccountFetch, CUSTOMER_ACCOUNT_URL } from "./customer-account-api";
import { parseDeclaredDefinitions } from "./declared-definitions";
import { prepareRequest, runRequest } from "./execute";
import { appDataOf } from "./resolvers/app-installation";
import { seedShop } from "./seed";
import type { ShopStore } from "./store/shop-store";

let store: ShopStore;
let orderId: number;

beforeEach(() => {
  store = seedShop({
    domain: "oak-and-hide.myshopify.com",
    orders: 3,
    now: new Date("2026-12-10T15:00:00Z"),
  });
  const first = store.orders[0];
  if (!first) throw new Error("no seeded order");
  orderId = first.id;
});

const resultSchema = z.object({
  data: z
    .object({
      metafieldsSet: z.object({
        metafields: z.array(z.object({ namespace: z.string(), ownerType: z.string() })),
        userErrors: z.array(z.object({ field: z.array(z.string()), code: z.string() })),
      }),
    })
    .optional(),
});

const errorsSchema = z.object({ errors: z.array(z.object({ message: z.string() })) });

const SET = `mutation Set($metafields: [MetafieldsSetInput!]!) {
  metafieldsSet(metafields: $metafields) { metafields { namespace ownerType } userErrors { field code } }
}`;

async function set(namespace: string, ownerId = `gid://shopify/Order/${orderId}`) {
  const prepared = prepareRequest(SET);
  if ("errors" in prepared) throw new Error(JSON.stringify(prepared.errors));
  const result = await runRequest(store, prepared, {
    metafields: [{ ownerId, namespace, key: "order_status", type: "json", value: '{"a":1}' }],
  });
  const parsed = resultSchema.parse(JSON.parse(JSON.stringify(result)));
  if (!parsed.data) throw new Error("no data");
  return parsed.data.metafieldsSet;
}

async function customerRead(
  namespace: string,
  key: string,
  customerOrderIds = [orderId],
): Promise<unknown> {
  const fetcher = customerAccountFetch(store, { customerOrderIds });
  const response = await fetcher(CUSTOMER_ACCOUNT_URL, {
    method: "POST",
    body: JSON.stringify({
      query: `query Q($id: ID!, $ns: String!, $key: String!) { order(id: $id) { fulfillmentStatus metafield(namespace: $ns, key: $key) { value } } }`,
      variables: { id: `gid://shopify/Order/${orderId}`, ns: namespace, key },
    }),
  });
  return response.json();
}

describe("app-owned order metafields", () => {
  it("are written on an order in the app's reserved namespace", async () => {
    const result = await set("$app");
    expect(result.userErrors).toEqual([]);
    expect(result.metafields).toEqual([{ namespace: "app--1", ownerType: "ORDER" }]);
    expect(
      appDataOf(store).metafield(`gid://shopify/Order/${orderId}`, "$app", "order_status")?.value,
    ).toBe('{"a":1}');
  });

  it("take at most 25 in one call, as Shopify documents; 26 are refused whole and nothing is written", async () => {
    // "Allows a maximum of 25 metafields to be set at a time … This operation is atomic" (the
    // metafieldsSet description in graphql/admin-2026-10.schema.json;
    // https://shopify.dev/docs/api/admin-graphql/latest/mutations/metafieldsSet).
    const many = (count: number) =>
      store.orders.slice(0, 1).flatMap((order) =>
        Array.from({ length: count }, (_, i) => ({
          ownerId: `gid://shopify/Order/${order.id}`,
          namespace: "$app",
          key: `status_${i}`,
          type: "json",
          value: '{"a":1}',
        })),
      );
    const call = async (count: number) => {
      const prepared = prepareRequest(SET);
      if ("errors" in prepared) throw new Error(JSON.stringify(prepared.errors));
      const result = await runRequest(store, prepared, { metafields: many(count) });
      const parsed = resultSchema.parse(JSON.parse(JSON.stringify(result)));
      if (!parsed.data) throw new Error("no data");
      return parsed.data.metafieldsSet;
    };
    expect((await call(26)).userErrors.map((e) => e.code)).toEqual(["LESS_THAN_OR_EQUAL_TO"]);
    expect(appDataOf(store).metafieldsOf(`gid://shopify/Order/${orderId}`)).toEqual([]);
    const taken = await call(25);
    expect(taken.userErrors).toEqual([]);
    expect(appDataOf(store).metafieldsOf(`gid://shopify/Order/${orderId}`)).toHaveLength(25);
  });

  it("refuse another app's reserved namespace, and an order the shop does not have; nothing is written", async () => {
    // "App-owned: … Write by owning app" (https://shopify.dev/docs/apps/build/custom-data/permissions).
    expect((await set("app--42")).userErrors).toEqual([
      { field: ["metafields", "0", "namespace"], code: "APP_NOT_AUTHORIZED" },
    ]);
    expect((await set("app--42--delay-desk")).userErrors.map((e) => e.code)).toEqual([
      "APP_NOT_AUTHORIZED",
    ]);
    expect((await set("$app", "gid://shopify/Order/999999")).userErrors).toEqual([
      { field: ["metafields", "0", "ownerId"], code: "INVALID" },
    ]);
    expect(appDataOf(store).metafieldsOf(`gid://shopify/Order/${orderId}`)).toEqual([]);
  });

  it("reach the customer's order page only through a definition with customer account access", async () => {
    await set("$app");
    // The project's toml declares order.metafields.app.order_status with customer_account = "read".
    expect(await customerRead("$app", "order_status")).toEqual({
      data: {
        order: {
          fulfillmentStatus: store.orders[0]?.fulfillmentStatus,
          metafield: { value: '{"a":1}' },
        },
      },
    });
    // Same order, a key with no declared definition: no value (Shopify's changelog,
    // https://shopify.dev/changelog/metafields-now-require-a-definition-to-be-accessed-through-the-customer-account-api).
    const prepared = prepareRequest(SET);
    if ("errors" in prepared) throw new Error("bad document");
    await runRequest(store, prepared, {
      metafields: [
        {
          ownerId: `gid://shopify/Order/${orderId}`,
          namespace: "$app",
          key: "private_note",
          type: "json",
          value: "{}",
        },
      ],
    });
    expect(await customerRead("$app", "private_note")).toEqual({
      data: { order: { fulfillmentStatus: store.orders[0]?.fulfillmentStatus, metafield: null } },
    });
    // Another customer's order is not theirs to read.
    expect(await customerRead("$app", "order_status", [orderId + 1])).toEqual({
      data: { order: null },
    });
  });

  it("the Customer Account stand-in validates against Shopify's schema and serves nothing it does not model", async () => {
    const fetcher = customerAccountFetch(store, { customerOrderIds: [orderId] });
    const invalid = await fetcher(CUSTOMER_ACCOUNT_URL, {
      method: "POST",
      body: JSON.stringify({ query: 'query { order(id: "x") { displayFulfillmentStatus } }' }),
    });
    expect(errorsSchema.parse(await invalid.json()).errors[0]?.message).toMatch(
      /Cannot query field "displayFulfillmentStatus"/,
    );
    const unserved = await fetcher(CUSTOMER_ACCOUNT_URL, {
      method: "POST",
      body: JSON.stringify({
        query: `query { order(id: "gid://shopify/Order/${orderId}") { note } }`,
      }),
    });
    expect(errorsSchema.parse(await unserved.json()).errors[0]?.message).toMatch(
      /does not serve Order.note/,
    );
    await expect(
      fetcher("shopify://customer-account/api/2025-10/graphql.json", {
        method: "POST",
        body: "{}",
      }),
    ).rejects.toThrow(/serves only/);
  });
});

describe("declared definitions (shopify.app.toml)", () => {
  it("read `app` as the app's own namespace and any other name as `$app:<name>`, with customer account access", () => {
    const toml = `
[order.metafields.app.order_status]
type = "json"
access.customer_account = "read"

[order.metafields.extras.note]
type = "single_line_text_field"
`;
    expect(parseDeclaredDefinitions(toml, 7)).toEqual([
      {
        ownerType: "ORDER",
        namespace: "app--7",
        key: "order_status",
        name: "order_status",
        description: null,
        type: "json",
        customerAccountAccess: "read",
      },
      {
        ownerType: "ORDER",
        namespace: "app--7--extras",
        key: "note",
        name: "note",
        description: null,
        type: "single_line_text_field",
        customerAccountAccess: null,
      },
    ]);
  });

  it("refuse an access value Shopify does not have (the CLI does not check it before deploy)", () => {
    expect(() =>
      parseDeclaredDefinitions(
        `[order.metafields.app.x]\ntype = "json"\naccess.customer_account = "public"\n`,
        1,
      ),
    ).toThrow();
  });
});
