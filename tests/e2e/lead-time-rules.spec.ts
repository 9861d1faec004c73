// Lead times per product (issue 14 point 1) as a merchant sets one in the simulated admin:
// "Add products" opens App Bridge's resource picker for products
// (https://shopify.dev/docs/api/app-home/apis/user-interface-and-interactions/resource-picker-api:
// type 'product', the picked records carry their id and title), the picked product becomes a row
// named by its title, Save stores its GID in the shop's rules, and the next checkout of that
// product (the simulator's orders/create webhook into the demo) is promised later than a checkout
// of a product no rule names. Then the storefront: that product's page shows its own estimate,
// and the merchant pauses it alone (issue 14 point 1).
import { z } from "zod";
import { DEMO_SHOP, type RunningDemo } from "../../scripts/demo";
import { expect, test } from "../support/demo-in-browser";
import { addLeadTimeRule, saveFromSaveBar, storedRules } from "../support/settings-in-browser";

/** The seeded shop's first two products: the one given a rule (and later paused), and another. */
function twoProducts(demo: RunningDemo) {
  const [slow, plain] = demo.simulator.stores.get(DEMO_SHOP)?.products ?? [];
  const slowVariant = slow?.variantIds[0];
  const plainVariant = plain?.variantIds[0];
  if (!slow || !plain || slowVariant === undefined || plainVariant === undefined)
    throw new Error("the seeded shop has too few products");
  return { slow, plain, slowVariant, plainVariant };
}

test.use({ demoShop: { orders: 120, seed: 7 } });

test.describe("lead time rules, in a browser", () => {
  test("a product picked in the settings gets its own lead time, and a new order of it gets the later promise", async ({
    demo,
    db,
    page,
    pageErrors,
    firstVisit,
  }) => {
    test.setTimeout(240_000);
    await firstVisit();
    const { slow, slowVariant, plainVariant } = twoProducts(demo);

    await page.getByTestId("app-nav").getByText("Settings").click();
    const app = page.frameLocator("iframe");
    await expect(app.getByText("Lead time rules", { exact: true })).toBeVisible();
    await addLeadTimeRule(page, app, { resource: "products", title: slow.title, days: 40 });
    await expect(app.getByText(/gid:\/\//)).toHaveCount(0);
    await saveFromSaveBar(page, app);
    await expect
      .poll(() => storedRules(db, DEMO_SHOP, "productOverrides"))
      .toEqual([{ productId: `gid://shopify/Product/${slow.id}`, leadTimeBusinessDays: 40 }]);

    // Two checkouts a moment apart: one of the picked product, one of another.
    const checkout = async (variantId: number) => {
      const response = await fetch(`${demo.simulator.origin}/${DEMO_SHOP}/simulator/orders`, {
        method: "POST",
        headers: { "Content-Type": "application/json" },
        body: JSON.stringify({ lines: [{ variantId, quantity: 1 }] }),
      });
      expect(response.status).toBe(201);
      return z
        .object({ order: z.object({ admin_graphql_api_id: z.string() }) })
        .parse(await response.json()).order.admin_graphql_api_id;
    };
    const slowOrder = await checkout(slowVariant);
    const plainOrder = await checkout(plainVariant);
    const promised = async (id: string) =>
      (await db.trackedOrder.findUnique({ where: { shop_id: { shop: DEMO_SHOP, id } } }))
        ?.frozenPromiseDate ?? null;
    await expect.poll(() => promised(slowOrder), { timeout: 60_000 }).not.toBeNull();
    await expect.poll(() => promised(plainOrder), { timeout: 60_000 }).not.toBeNull();
    const slowDate = (await promised(slowOrder)) ?? "";
    const plainDate = (await promised(plainOrder)) ?? "";
    expect(slowDate > plainDate).toBe(true);
    expect(pageErrors).toEqual([]);
  });

  // The storefront block shows the product's own estimate (its rule's lead time, not the shop's),
  // read from the app's notice metafield in Liquid (https://shopify.dev/docs/api/liquid/objects/app).
  test("the picked product's page shows its own estimate; another product's does not", async ({
    demo,
    db,
    browser,
  }) => {
    const { slow, plain } = twoProducts(demo);
    const row = await db.shopSettings.findUnique({ where: { shop: DEMO_SHOP } });
    // 40 business days on a Monday-to-Friday week are 56 calendar days: 8 weeks.
    expect(row ? JSON.parse(row.rules).openWeekdays : null).toEqual([1, 2, 3, 4, 5]);
    const shopper = await browser.newPage();
    const productPage = (handle: string) =>
      `${demo.simulator.origin}/${DEMO_SHOP}/storefront/products/${handle}`;
    await shopper.goto(productPage(slow.handle));
    await expect(shopper.locator(".dd-estimate")).toHaveText("Ships in 8 weeks");
    await shopper.goto(`${productPage(slow.handle)}?locale=de`);
    await expect(shopper.locator(".dd-estimate")).toHaveText(/8 Wochen/);
    await shopper.goto(productPage(plain.handle));
    await expect(shopper.getByText("Ships in 8 weeks")).toHaveCount(0);
    await shopper.close();
  });

  // Pausing one product without pausing the shop: the storefront page's "Pause products" opens
  // the resource picker; the checkout Function then refuses that product by name
  // (/cart/add.js answers 422 as Shopify's Ajax API does) and sells the other.
  test("the merchant pauses one product; the shopper can buy another but not that one, until it is resumed", async ({
    demo,
    browser,
    page,
    pageErrors,
  }) => {
    const { slow, plain, slowVariant, plainVariant } = twoProducts(demo);
    await page.goto(`${demo.url}/app/storefront`);
    const app = page.frameLocator("iframe");
    await expect(app.getByText("Nothing is paused on its own.")).toBeVisible({ timeout: 30_000 });
    await app.getByRole("button", { name: "Pause products" }).click();
    const picker = page.getByRole("dialog", { name: /Select products/ });
    await picker.getByRole("searchbox", { name: "Search" }).fill(slow.title);
    await picker.getByLabel(slow.title, { exact: true }).check();
    await picker.getByRole("button", { name: "Select" }).click();
    await expect(app.getByText("Product paused")).toBeVisible();
    await expect(app.getByText("Selling normally")).toBeVisible();

    const shopper = await browser.newPage();
    const root = `${demo.simulator.origin}/${DEMO_SHOP}/storefront`;
    await shopper.goto(`${root}/products/${slow.handle}`);
    await expect(shopper.locator(".dd-estimate")).toHaveText(
      "New orders for this product are paused for now.",
    );
    const addJs = (id: number) =>
      shopper.evaluate(
        async ({ url, variant }) => {
          const response = await fetch(url, {
            method: "POST",
            headers: { "Content-Type": "application/json" },
            body: JSON.stringify({ id: variant, quantity: 1 }),
          });
          return { status: response.status, body: await response.json() };
        },
        { url: `/${DEMO_SHOP}/storefront/cart/add.js`, variant: id },
      );
    const refused = await addJs(slowVariant);
    expect(refused.status).toBe(422);
    expect(JSON.stringify(refused.body)).toContain(slow.title);
    expect((await addJs(plainVariant)).status).toBe(200);
    // The theme's own form, on the other product's page: no banner, the buy button works.
    await shopper.goto(`${root}/products/${plain.handle}`);
    await expect(shopper.locator(".dd-banner")).toHaveCount(0);
    await shopper.locator("#product-form-main button[type=submit]").click();
    await expect(shopper).toHaveURL(/\/cart$/);

    await app.getByRole("button", { name: `Resume ${slow.title}` }).click();
    await expect(app.getByText("Nothing is paused on its own.")).toBeVisible();
    expect((await addJs(slowVariant)).status).toBe(200);
    await shopper.close();
    expect(pageErrors).toEqual([]);
  });
});
