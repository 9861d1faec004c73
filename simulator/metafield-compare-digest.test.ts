// metafieldsSet's compare-and-set on an order metafield, through real GraphQL execution: what the
// app's order edit claim (app/remedies/order-edit-claim.ts) stands on. Shopify: "If
// `compareDigest` is set for any metafield, the mutation will only set that metafield if the
// persisted metafield value matches the digest used on `compareDigest`. If the metafield doesn't
// exist yet, but you want to guarantee that the operation will run in a safe manner, set
// `compareDigest` to `null`. … If the `compareDigest` value does not match the digest for the
// persisted value, the mutation will return an error. You can opt out of write guarantees by not
// sending `compareDigest` in the request."
// (https://shopify.dev/docs/api/admin-graphql/latest/mutations/metafieldsSet; the schema's
// MetafieldsSetInput.compareDigest and Metafield.compareDigest). The error's code (STALE_OBJECT) is
// our reading of MetafieldsSetUserErrorCode; the app treats INVALID_COMPARE_DIGEST the same.
import { beforeEach, describe, expect, it } from "vitest";
import { z } from "zod";
import { prepareRequest, runRequest } from "./execute";
import { seedShop } from "./seed";
import type { ShopStore } from "./store/shop-store";

let store: ShopStore;
let orderGid: string;

beforeEach(() => {
  store = seedShop({ domain: "oak-and-hide.myshopify.com", orders: 2 });
  const first = store.orders[0];
  if (!first) throw new Error("no seeded order");
  orderGid = `gid://shopify/Order/${first.id}`;
});

const SET = `mutation Set($metafields: [MetafieldsSetInput!]!) {
  metafieldsSet(metafields: $metafields) { metafields { value compareDigest } userErrors { field code } }
}`;
const READ = `query Read($id: ID!) { order(id: $id) { claim: metafield(namespace: "$app", key: "order_edit_claim") { value compareDigest } } }`;

const setSchema = z.object({
  data: z.object({
    metafieldsSet: z.object({
      metafields: z.array(z.object({ value: z.string(), compareDigest: z.string() })),
      userErrors: z.array(z.object({ field: z.array(z.string()), code: z.string() })),
    }),
  }),
});
const readSchema = z.object({
  data: z.object({
    order: z.object({
      claim: z.object({ value: z.string(), compareDigest: z.string() }).nullable(),
    }),
  }),
});

async function run(query: string, variables: Record<string, unknown>): Promise<unknown> {
  const prepared = prepareRequest(query);
  if ("errors" in prepared) throw new Error(JSON.stringify(prepared.errors));
  return JSON.parse(JSON.stringify(await runRequest(store, prepared, variables)));
}

async function set(value: string, digest?: string | null) {
  const input = {
    ownerId: orderGid,
    namespace: "$app",
    key: "order_edit_claim",
    type: "json",
    value,
    ...(digest === undefined ? {} : { compareDigest: digest }),
  };
  return setSchema.parse(await run(SET, { metafields: [input] })).data.metafieldsSet;
}

async function read() {
  return readSchema.parse(await run(READ, { id: orderGid })).data.order.claim;
}

describe("metafieldsSet with compareDigest", () => {
  it("writes with a null digest only while the metafield does not exist, and refuses the second such write with STALE_OBJECT, leaving the first value", async () => {
    const first = await set('{"who":"a"}', null);
    expect(first.userErrors).toEqual([]);
    const second = await set('{"who":"b"}', null);
    expect(second).toEqual({
      metafields: [],
      userErrors: [{ field: ["metafields", "0", "compareDigest"], code: "STALE_OBJECT" }],
    });
    expect((await read())?.value).toBe('{"who":"a"}');
  });

  it("writes when the digest is the persisted value's, and refuses a digest read before another write", async () => {
    await set('{"who":"a"}');
    const seen = await read();
    if (!seen) throw new Error("not written");
    // Two writers read the same digest; the first write wins, the second is refused.
    const winner = await set('{"who":"b"}', seen.compareDigest);
    expect(winner.userErrors).toEqual([]);
    expect(winner.metafields[0]?.compareDigest).not.toBe(seen.compareDigest);
    const loser = await set('{"who":"c"}', seen.compareDigest);
    expect(loser.userErrors).toEqual([
      { field: ["metafields", "0", "compareDigest"], code: "STALE_OBJECT" },
    ]);
    const now = await read();
    expect(now?.value).toBe('{"who":"b"}');
    // The digest a write answers is the one a later read gives, and it takes the next write.
    expect(now?.compareDigest).toBe(winner.metafields[0]?.compareDigest);
    expect((await set('{"who":"d"}', now?.compareDigest)).userErrors).toEqual([]);
  });

  it("refuses a digest for a metafield that does not exist, and writes unconditionally without one", async () => {
    const refused = await set('{"who":"a"}', "0".repeat(64));
    expect(refused.userErrors.map((e) => e.code)).toEqual(["STALE_OBJECT"]);
    expect(await read()).toBeNull();
    expect((await set('{"who":"a"}')).userErrors).toEqual([]);
    expect((await set('{"who":"b"}')).userErrors).toEqual([]);
    expect((await read())?.value).toBe('{"who":"b"}');
  });
});
