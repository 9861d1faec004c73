// The demo storefront over HTTP: every buyer path is refused while the app's validation says
// paused, and goes through once it is lifted. The config is written with the same mutations the
// app sends, so this tests the simulator's half of the contract.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startSimulator, type RunningSimulator } from "../index";
import { appDataOf } from "../resolvers/app-installation";

const SHOP = "oak-and-hide.myshopify.com";
const MESSAGE = "We have paused new orders for now so we can catch up on the ones we have.";
let sim: RunningSimulator;
let token: string;
let handle: string;
let variantId: number;

beforeAll(async () => {
  sim = await startSimulator({
    port: 0,
    app: { apiKey: "k", apiSecret: "s", appUrl: "http://127.0.0.1:1", scopes: "write_validations" },
    shops: [{ domain: SHOP, orders: 5, seed: 2 }],
  });
  token = sim.issueAccessToken(SHOP);
  const store = sim.stores.get(SHOP);
  const product = store?.products.find((p) => p.status === "ACTIVE" && p.makeDays > 0);
  if (!store || !product || product.variantIds[0] === undefined)
    throw new Error("seed has no made-to-order product");
  handle = product.handle;
  variantId = product.variantIds[0];
});

afterAll(() => sim.close());

async function graphql(query: string, variables: Record<string, unknown> = {}) {
  const response = await fetch(`${sim.origin}/${SHOP}/admin/api/2026-10/graphql.json`, {
    method: "POST",
    headers: { "Content-Type": "application/json", "X-Shopify-Access-Token": token },
    body: JSON.stringify({ query, variables }),
  });
  return (await response.json()) as { data?: Record<string, { userErrors?: unknown[] } | null> };
}

function config(paused: boolean, pausedUntilLocal = "9999-12-31T23:59:59") {
  return JSON.stringify({
    version: 1,
    paused,
    pausedUntilLocal,
    message: MESSAGE,
    exemptProductIds: [],
  });
}

async function setMode(mode: "paused" | "normal", pausedUntilLocal?: string) {
  const installation = (await graphql("query { currentAppInstallation { id } }")).data
    ?.currentAppInstallation as unknown as { id: string };
  const notice =
    mode === "paused"
      ? { version: 1, mode, pausedUntil: null, updatedAt: "2026-11-23T10:00:00Z" }
      : { version: 1, mode, updatedAt: "2026-11-23T10:00:00Z" };
  const set = await graphql(
    "mutation S($m: [MetafieldsSetInput!]!) { metafieldsSet(metafields: $m) { userErrors { message } } }",
    {
      m: [
        {
          ownerId: installation.id,
          namespace: "delay_desk",
          key: "storefront_notice",
          type: "json",
          value: JSON.stringify(notice),
        },
      ],
    },
  );
  expect(set.data?.metafieldsSet?.userErrors).toEqual([]);
  const metafields = [
    {
      namespace: "$app:delay-desk",
      key: "checkout-pause",
      type: "json",
      value: config(mode === "paused", pausedUntilLocal),
    },
  ];
  const existing = appDataOf(sim.stores.get(SHOP) ?? fail())?.validations[0];
  if (!existing) {
    // A `$app` metafield on a validation needs its definition first (simulator/resolvers/mutations/validations.ts).
    const defined = await graphql(
      "mutation D($d: MetafieldDefinitionInput!) { metafieldDefinitionCreate(definition: $d) { userErrors { message } } }",
      {
        d: {
          name: "Checkout pause",
          namespace: "$app:delay-desk",
          key: "checkout-pause",
          type: "json",
          ownerType: "VALIDATION",
        },
      },
    );
    expect(defined.data?.metafieldDefinitionCreate?.userErrors).toEqual([]);
  }
  const result = existing
    ? await graphql(
        "mutation U($id: ID!, $v: ValidationUpdateInput!) { validationUpdate(id: $id, validation: $v) { userErrors { message } } }",
        {
          id: `gid://shopify/Validation/${existing.id}`,
          v: { enable: mode === "paused", metafields },
        },
      )
    : await graphql(
        "mutation C($v: ValidationCreateInput!) { validationCreate(validation: $v) { userErrors { message } } }",
        { v: { functionHandle: "checkout-pause", enable: mode === "paused", metafields } },
      );
  expect(Object.values(result.data ?? {})[0]?.userErrors).toEqual([]);
}

function fail(): never {
  throw new Error("no store");
}

const url = (path: string) => `${sim.origin}/${SHOP}/storefront${path}`;
const form = (fields: Record<string, string>) => ({
  method: "POST",
  body: new URLSearchParams(fields),
  redirect: "manual" as const,
});

describe("demo storefront while paused", () => {
  beforeAll(() => setMode("paused"));

  it("shows the banner and the held buy button from the metafield the app wrote, with the extension's CSS", async () => {
    const response = await fetch(url(`/products/${handle}`));
    expect(response.status).toBe(200);
    const page = await response.text();
    expect(page).toContain("dd-banner--paused");
    expect(page).toContain("dd-hold");
    expect(page).toContain(`action="/${SHOP}/storefront/cart/add"`);
    const css = await fetch(`${sim.origin}/storefront/assets/delay-desk.css`);
    expect(css.headers.get("content-type")).toMatch(/^text\/css/);
    expect(await css.text()).toContain(".dd-banner");
  });

  it("refuses the theme form, /cart/add.js, a cart permalink and express checkout with the Function's message", async () => {
    const add = await fetch(url("/cart/add"), form({ id: String(variantId), quantity: "1" }));
    expect(add.status).toBe(422);
    expect(await add.text()).toContain(MESSAGE);

    const ajax = await fetch(url("/cart/add.js"), {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify({ id: variantId, quantity: 1 }),
    });
    expect(ajax.status).toBe(422);
    expect(await ajax.json()).toEqual({ status: 422, message: "Cart Error", description: MESSAGE });

    const permalink = await fetch(url(`/cart/${variantId}:2`));
    expect(permalink.status).toBe(422);
    expect(await permalink.text()).toContain(MESSAGE);

    const express = await fetch(url("/checkout"), {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify({ lines: [{ variantId, quantity: 1 }] }),
    });
    expect(express.status).toBe(422);
    expect(await express.json()).toEqual({ errors: [{ message: MESSAGE, target: "$.cart" }] });
  });

  it("lets buyers through once the shop's local time is past the pause's end, before the app lifts it", async () => {
    await setMode("paused", "2020-01-01T00:00:00");
    expect((await fetch(url(`/cart/${variantId}:1`))).status).toBe(200);
    await setMode("paused");
    expect((await fetch(url(`/cart/${variantId}:1`))).status).toBe(422);
  });
});

describe("demo storefront's home and collection pages while paused", () => {
  beforeAll(() => setMode("paused"));

  // The two pages Shopify weighs beside product pages (home 17 %, collection 43 %:
  // https://shopify.dev/apps/build/performance/storefront). The embed is on every page; the
  // product block only on product pages.
  it("shows the banner embed on the home page, /collections/all and a shop collection, and 404s an unknown collection", async () => {
    const store = sim.stores.get(SHOP) ?? fail();
    const collection = store.collections[0] ?? fail();
    const inCollection = store.products.filter(
      (p) => p.status === "ACTIVE" && p.collectionIds.includes(collection.id),
    );
    for (const path of ["/", "/collections/all", `/collections/${collection.handle}`]) {
      const response = await fetch(url(path));
      expect(response.status).toBe(200);
      const page = await response.text();
      expect(page).toContain("dd-banner--paused");
      expect(page).not.toContain("dd-estimate");
      expect(page).toContain(`href="/${SHOP}/storefront/products/`);
    }
    const shown = await (await fetch(url(`/collections/${collection.handle}`))).text();
    const links = [...shown.matchAll(/storefront\/products\/([^"]+)"/g)].map((m) => m[1]);
    expect(links).toEqual(inCollection.slice(0, 50).map((p) => encodeURIComponent(p.handle)));
    expect((await fetch(url("/collections/no-such-collection"))).status).toBe(404);
  });
});

describe("demo storefront after resume", () => {
  beforeAll(() => setMode("normal"));

  it("has no banner and accepts every path", async () => {
    const page = await (await fetch(url(`/products/${handle}`))).text();
    expect(page).not.toContain("dd-banner");
    expect(page).not.toContain("dd-hold");

    const add = await fetch(url("/cart/add"), form({ id: String(variantId), quantity: "2" }));
    expect(add.status).toBe(303);
    expect(add.headers.get("location")).toBe(`/${SHOP}/storefront/cart`);
    const cookie = (add.headers.get("set-cookie") ?? "").split(";")[0] ?? "";
    const cart = await (await fetch(url("/cart"), { headers: { cookie } })).text();
    expect(cart).toContain(`data-variant-id="${variantId}"`);
    expect(cart).toContain("× 2");

    const ajax = await fetch(url("/cart/add.js"), {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify({ id: variantId, quantity: 1 }),
    });
    expect(ajax.status).toBe(200);
    expect(await ajax.json()).toMatchObject({ variant_id: variantId, quantity: 1 });
    expect((await fetch(url(`/cart/${variantId}:1`))).status).toBe(200);
    const express = await fetch(url("/checkout"), {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify({ lines: [{ variantId, quantity: 1 }] }),
    });
    expect(await express.json()).toEqual({ ok: true, lines: [{ variantId, quantity: 1 }] });
  });

  it("answers Shopify's errors for unknown variants and bad input, and 404 for other paths", async () => {
    const unknown = await fetch(url("/cart/add.js"), {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify({ id: 1, quantity: 1 }),
    });
    expect(unknown.status).toBe(404);
    expect(await unknown.json()).toEqual({
      status: 404,
      message: "Cart Error",
      description: "Cannot find variant",
    });
    expect(
      (
        await fetch(url("/cart/add.js"), {
          method: "POST",
          headers: { "Content-Type": "application/json" },
          body: "{}",
        })
      ).status,
    ).toBe(422);
    expect((await fetch(url("/products/no-such-thing"))).status).toBe(404);
    expect((await fetch(url("/elsewhere"))).status).toBe(404);
    expect((await fetch(`${sim.origin}/storefront/assets/..%2Fsecret.css`)).status).toBe(404);
  });

  it("is linked from the simulator's index and the admin frame", async () => {
    expect(await (await fetch(`${sim.origin}/`)).text()).toContain(`href="/${SHOP}/storefront"`);
    expect(await (await fetch(sim.adminUrl(SHOP))).text()).toContain(`href="/${SHOP}/storefront"`);
  });
});
