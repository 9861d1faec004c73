// The simulated admin's order page, over HTTP, where the app's shopify://admin/orders/<id> links
// land (https://shopify.dev/docs/api/app-home/apis/navigation): it shows the order as the store
// holds it now, so a hold the app placed is visible where the merchant would look.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startSimulator, type RunningSimulator } from "./index";
import { holdFulfillmentOrder } from "./store/fulfillment-holds";

const shop = "oak-and-hide.myshopify.com";
let sim: RunningSimulator;

beforeAll(async () => {
  sim = await startSimulator({
    port: 0,
    app: {
      apiKey: "key-123",
      apiSecret: "secret-456",
      appUrl: "https://delay-desk.test",
      scopes: "read_all_orders,write_orders",
    },
    shops: [{ domain: shop, orders: 20, seed: 5 }],
  });
});
afterAll(async () => {
  await sim?.close();
});

function storeOf() {
  const store = sim.stores.get(shop);
  if (!store) throw new Error("no store");
  return store;
}

describe("the simulated admin's order page", () => {
  it("shows the order's name, customer, items and statuses, and a hold once one is placed", async () => {
    const store = storeOf();
    const order = store.orders.find(
      (o) => o.cancelledAt === null && o.fulfillmentOrders.some((fo) => fo.status === "OPEN"),
    );
    if (!order) throw new Error("no open order in the seed");
    const url = `${sim.origin}/${shop}/admin/orders/${order.id}`;
    const before = await fetch(url);
    expect(before.status).toBe(200);
    const page = await before.text();
    expect(page).toContain(`<h1>Order ${order.name}</h1>`);
    expect(page).toContain(order.lineItems[0]?.title ?? "no line");
    expect(page).not.toContain('data-testid="on-hold"');

    const fo = order.fulfillmentOrders.find((f) => f.status === "OPEN");
    if (!fo) throw new Error("no open fulfillment order");
    const held = holdFulfillmentOrder(store, fo.id, {
      reason: "OTHER",
      reasonNotes: "Waiting for the customer's answer",
      handle: "consent_review",
    });
    expect("hold" in held).toBe(true);
    const after = await (await fetch(url)).text();
    expect(after).toContain('data-testid="on-hold"');
    expect(after).toContain("Other: Waiting for the customer&#39;s answer");
  });

  it("answers 404 for an order the shop does not have", async () => {
    const response = await fetch(`${sim.origin}/${shop}/admin/orders/1`);
    expect(response.status).toBe(404);
  });
});
