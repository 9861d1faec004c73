// Lead times per product (issue 14 point 1) as a merchant sets one in the simulated admin:
// "Add products" opens App Bridge's resource picker for products
// (https://shopify.dev/docs/api/app-home/apis/user-interface-and-interactions/resource-picker-api:
// type 'product', the picked records carry their id and title), the picked product becomes a row
// named by its title, Save stores its GID in the shop's rules, and the next checkout of that
// product (the simulator's orders/create webhook into the demo) is promised later than a checkout
// of a product no rule names.
import { z } from "zod";
import { DEMO_SHOP } from "../../scripts/demo";
import { expect, test } from "../support/demo-in-browser";
import { addLeadTimeRule, saveFromSaveBar, storedRules } from "../support/settings-in-browser";

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
    const store = demo.simulator.stores.get(DEMO_SHOP);
    const [slow, plain] = store?.products ?? [];
    const slowVariant = slow?.variantIds[0];
    const plainVariant = plain?.variantIds[0];
    if (!slow || !plain || slowVariant === undefined || plainVariant === undefined)
      throw new Error("the seeded shop has too few products");

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
});
