// The shop's primary locale through the simulator, which enforces read_locales as Shopify does
// (ACCESS_DENIED, https://shopify.dev/docs/api/usage/access-scopes): a shop that has not granted
// the scope yet (installed before the app asked for it) gets null, so notices fall back to the
// customer's language or English instead of failing.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { startAppUnderTest, type AppUnderTest } from "../../tests/support/app-under-test";
import { shopPrimaryLocale } from "./shop-locale.server";

let app: AppUnderTest;
beforeAll(async () => {
  app = await startAppUnderTest(
    { orders: 3, seed: 1 },
    { scopes: "read_all_orders,write_orders,read_customers,read_products" },
  );
});
beforeEach(async () => {
  await app.storeOfflineSession();
});
afterAll(async () => {
  await app.close();
});

describe("shopPrimaryLocale", () => {
  it("is null, not an error, for a shop whose token lacks read_locales", async () => {
    const { backgroundAdmin } = await import("../shopify.server");
    await expect(shopPrimaryLocale(backgroundAdmin(app.shop))).resolves.toBeNull();
  });
});
