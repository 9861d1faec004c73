// Lead times per product and variant (issue 14 point 1), end to end through the app's real settings
// route, the simulator's checkout (POST /<shop>/simulator/orders, then Shopify's orders/create
// webhook and the single-order read) and the database, on both databases: rules saved on the page
// promise each new order by its slowest line (variant rule > product rule > the shop's), the page
// names the rules by their titles in Shopify, and an order already promised keeps its promise.
import type { OrderSync } from "../orders/sync.server";
import type { PrismaClient } from "@prisma/client";
import { describe, expect, it } from "vitest";
import { z } from "zod";
import { callRoute, type AppUnderTest } from "../../tests/support/app-under-test";
import { openAppForEachTestOfFile, settleOrderSync } from "../../tests/support/webhook-delivery";
import type { ShopStore } from "@delay-desk/simulator/store/shop-store";
import { settingsFormEntries } from "../../tests/support/settings-form";
import type { SettingsFormValues } from "./settings-form";
import { loadShopSettings } from "./shop-settings.server";

let app: AppUnderTest;
let db: PrismaClient;
let sync: OrderSync;
let store: ShopStore;

const settle = () => settleOrderSync(app.simulator, sync);

openAppForEachTestOfFile({ orders: 40, seed: 21 }, (opened) => ({ app, db, sync, store } = opened));

async function save(values: SettingsFormValues) {
  const { action } = await import("../routes/app.settings/route");
  const form = new URLSearchParams(settingsFormEntries(values));
  const response = await callRoute(
    action,
    app.bearerRequest("/app/settings", { method: "POST", body: form }),
  );
  return { status: response.status, body: await response.json() };
}

/** A checkout in the simulated shop; its orders/create webhook brings it into the app. */
async function checkout(variantIds: number[]): Promise<string> {
  const response = await fetch(`${app.simulator.origin}/${app.shop}/simulator/orders`, {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify({ lines: variantIds.map((variantId) => ({ variantId, quantity: 1 })) }),
  });
  expect(response.status).toBe(201);
  const created = z
    .object({ order: z.object({ admin_graphql_api_id: z.string() }) })
    .parse(await response.json());
  return created.order.admin_graphql_api_id;
}

async function promiseOf(orderId: string) {
  const row = await db.trackedOrder.findUnique({
    where: { shop_id: { shop: app.shop, id: orderId } },
  });
  if (!row?.frozenPromiseDate) throw new Error(`order ${orderId} was not promised`);
  return { date: row.frozenPromiseDate, source: row.frozenPromiseSource, lineItems: row.lineItems };
}

describe("lead-time rules by product and variant", () => {
  it("promises a new order by its slowest line (variant rule over product rule over the shop's), names the rules by title, and leaves promises already made alone", async () => {
    const shop = store;
    const [wallet, other] = shop.products.filter((p) => p.variantIds.length >= 2);
    if (!wallet || !other) throw new Error("the seeded shop has too few products with variants");
    const [slowVariant, quickVariant] = wallet.variantIds;
    const plainVariant = other.variantIds[0];
    if (slowVariant === undefined || quickVariant === undefined || plainVariant === undefined)
      throw new Error("no variants");
    const walletGid = `gid://shopify/Product/${wallet.id}`;
    const quickGid = `gid://shopify/ProductVariant/${quickVariant}`;

    const { loader } = await import("../routes/app.settings/route");
    const values = (await callRoute(loader, app.bearerRequest("/app/settings"))).values;
    const shopRule = await save({ ...values, defaultLeadTime: "5", closures: [] });
    expect(shopRule.body.ok).toBe(true);
    // Promised under the shop's rule before any product rule exists.
    const before = await checkout([slowVariant]);
    await settle();
    const promisedBefore = await promiseOf(before);

    const saved = await save({
      ...values,
      defaultLeadTime: "5",
      closures: [],
      productOverrides: [{ key: walletGid, leadTime: "25" }],
      variantOverrides: [{ key: quickGid, leadTime: "1" }],
    });
    expect(saved.body.ok).toBe(true);
    const rules = (await loadShopSettings(db, app.shop)).rules;
    expect(rules.productOverrides).toEqual([{ productId: walletGid, leadTimeBusinessDays: 25 }]);
    expect(rules.variantOverrides).toEqual([{ variantId: quickGid, leadTimeBusinessDays: 1 }]);

    const page = await callRoute(loader, app.bearerRequest("/app/settings"));
    const quick = shop.variant(quickVariant);
    expect(page.ruleTitles).toEqual({
      [walletGid]: wallet.title,
      [quickGid]: `${wallet.title} - ${quick?.title ?? ""}`,
    });

    const slow = await checkout([slowVariant]);
    const plain = await checkout([plainVariant]);
    const quickOnly = await checkout([quickVariant]);
    const mixed = await checkout([quickVariant, plainVariant, slowVariant]);
    await settle();
    const slowPromise = await promiseOf(slow);
    const plainPromise = await promiseOf(plain);
    const quickPromise = await promiseOf(quickOnly);
    const mixedPromise = await promiseOf(mixed);
    // The import kept each line's product and variant, which the rules match on.
    expect(JSON.parse(slowPromise.lineItems)).toEqual([
      expect.objectContaining({
        productId: walletGid,
        variantId: `gid://shopify/ProductVariant/${slowVariant}`,
      }),
    ]);
    // Placed within moments of each other, so only the lead time tells them apart.
    expect(slowPromise.date > plainPromise.date).toBe(true);
    expect(quickPromise.date < plainPromise.date).toBe(true);
    expect(mixedPromise.date).toBe(slowPromise.date);
    expect(
      new Set([slowPromise, plainPromise, quickPromise, mixedPromise].map((p) => p.source)),
    ).toEqual(new Set(["rules"]));
    // The order promised before the rule keeps the shop's 5 days: the rule is for new orders.
    expect(await promiseOf(before)).toEqual(promisedBefore);
    expect(promisedBefore.date).toBe(plainPromise.date);
  });

  it("refuses a product rule whose id is not a product picked in Shopify, keeps what was typed, and saves nothing", async () => {
    const { loader } = await import("../routes/app.settings/route");
    const values = (await callRoute(loader, app.bearerRequest("/app/settings"))).values;
    const typed = { ...values, productOverrides: [{ key: "wallets", leadTime: "9" }] };
    const refused = await save(typed);
    expect(refused.status).toBe(400);
    expect(refused.body.errors).toMatchObject({
      "productOverrides.0.key": "Expected a product picked in Shopify",
    });
    expect(refused.body.values.productOverrides).toEqual(typed.productOverrides);
    expect((await loadShopSettings(db, app.shop)).rules.productOverrides).toEqual([]);
  });
});
