// A merchant opens Delay Desk inside (simulated) Shopify admin and sees the shop's figures.
import { DEMO_SHOP } from "../../scripts/demo";
import { expect, test } from "../support/demo-in-browser";
import { countOrdersByShipping } from "../support/order-counts";

test.use({ demoShop: { orders: 300, seed: 3 } });

test.describe("the demo, in a browser", () => {
  test("shows the home page inside the admin frame with the seeded shop's figures", async ({
    demo,
    page,
    pageErrors,
  }) => {
    const store = demo.simulator.stores.get(DEMO_SHOP);
    if (!store) throw new Error("demo shop missing");
    const expected = countOrdersByShipping(store);

    await page.goto(demo.url);
    const app = page.frameLocator("iframe");
    await expect(app.getByText("Orders waiting to ship")).toHaveCount(1, { timeout: 30_000 });
    const text = await app.locator("body").innerText();
    expect(text).toContain(store.shop.name);
    expect(text).toContain(expected.unshipped.toLocaleString("en-US"));
    expect(text).toContain(expected.partial.toLocaleString("en-US"));
    expect(pageErrors).toEqual([]);
  });
});
