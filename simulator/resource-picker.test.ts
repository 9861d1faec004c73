// What the simulated admin's resource picker lists, over HTTP: the shop's collections, searched by
// title or handle, each shaped as @shopify/app-bridge-types' `Collection` (what App Bridge's
// resourcePicker resolves to: https://shopify.dev/docs/api/app-home/apis/user-interface-and-interactions/resource-picker-api).
import type { Collection } from "@shopify/app-bridge-types";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startSimulator, type RunningSimulator } from "./index";
import type { PickedCollection } from "./resource-picker";

const shop = "oak-and-hide.myshopify.com";
let sim: RunningSimulator;

beforeAll(async () => {
  sim = await startSimulator({
    port: 0,
    app: {
      apiKey: "k",
      apiSecret: "s",
      appUrl: "https://delay-desk.test",
      scopes: "read_products",
    },
    shops: [{ domain: shop, orders: 5, seed: 5 }],
  });
});
afterAll(async () => {
  await sim?.close();
});

// A compile-time check: every field App Bridge's Collection has, the simulator's record has too
// (its sortOrder enum as the string JSON carries).
type CollectionAsJson = Omit<Collection, "sortOrder"> & { sortOrder: `${Collection["sortOrder"]}` };
const asAppBridgeSees = (picked: PickedCollection): CollectionAsJson => picked;

async function pickable(query: string) {
  const response = await fetch(
    `${sim.origin}/${shop}/admin/resource-picker?${new URLSearchParams({ type: "collection", query })}`,
  );
  expect(response.status).toBe(200);
  const body: { resources: PickedCollection[] } = await response.json();
  return body.resources.map(asAppBridgeSees);
}

describe("the simulated resource picker", () => {
  it("lists the shop's collections by title with their GIDs and product counts, and narrows them by a search on title or handle", async () => {
    const store = sim.stores.get(shop);
    if (!store) throw new Error("no store");
    const all = await pickable("");
    expect(all.map((c) => c.title)).toEqual(store.collections.map((c) => c.title).sort());
    const first = store.collections[0];
    if (!first) throw new Error("no collection");
    const found = all.find((c) => c.id === `gid://shopify/Collection/${first.id}`);
    expect(found?.productsCount).toBe(
      store.products.filter((p) => p.collectionIds.includes(first.id)).length,
    );
    const narrowed = await pickable(first.title.slice(0, 3).toUpperCase());
    expect(narrowed.map((c) => c.title)).toContain(first.title);
    expect(
      narrowed.every(
        (c) =>
          c.title.toLowerCase().includes(first.title.slice(0, 3).toLowerCase()) ||
          c.handle.includes(first.title.slice(0, 3).toLowerCase()),
      ),
    ).toBe(true);
  });

  it("answers 400 for a resource type it does not offer", async () => {
    const response = await fetch(`${sim.origin}/${shop}/admin/resource-picker?type=product`);
    expect(response.status).toBe(400);
  });
});
