// A merchant pauses sales in Delay Desk (inside the simulated admin) and a shopper meets the pause
// on the demo storefront: banner, dimmed buy button, and add-to-cart refused by the checkout
// Function (theme form and /cart/add.js). Resuming restores all of it.
import type { Page } from "@playwright/test";
import { DEMO_SHOP, type RunningDemo } from "../../scripts/demo";
import { expect, test } from "../support/demo-in-browser";

test.use({ demoShop: { orders: 60, seed: 4 } });

function madeToOrderProduct(demo: RunningDemo): { productUrl: string; variantId: number } {
  const product = demo.simulator.stores
    .get(DEMO_SHOP)
    ?.products.find((p) => p.status === "ACTIVE" && p.makeDays > 0);
  if (!product || product.variantIds[0] === undefined)
    throw new Error("demo shop has no made-to-order product");
  return {
    productUrl: `${demo.simulator.origin}/${DEMO_SHOP}/storefront/products/${product.handle}`,
    variantId: product.variantIds[0],
  };
}

async function addJs(shopper: Page, variantId: number): Promise<{ status: number; body: unknown }> {
  return shopper.evaluate(
    async ({ url, id }) => {
      const response = await fetch(url, {
        method: "POST",
        headers: { "Content-Type": "application/json" },
        body: JSON.stringify({ id, quantity: 1 }),
      });
      return { status: response.status, body: await response.json() };
    },
    { url: `/${DEMO_SHOP}/storefront/cart/add.js`, id: variantId },
  );
}

async function buyButtonPointerEvents(shopper: Page): Promise<string> {
  return shopper
    .locator("#product-form-main button[type=submit]")
    .evaluate((button) => getComputedStyle(button).pointerEvents);
}

test.describe("the pause, from the app to the storefront", () => {
  test("pauses in the app, holds on the storefront, and resumes", async ({
    demo,
    browser,
    page: merchant,
    pageErrors,
  }) => {
    const { productUrl, variantId } = madeToOrderProduct(demo);
    await merchant.goto(`${demo.url}/app/storefront`);
    const app = merchant.frameLocator("iframe");
    await expect(app.getByText("Selling normally")).toHaveCount(1, { timeout: 30_000 });

    await app.getByLabel("Message (optional)").nth(1).fill("Thank you for your patience.");
    await app.getByRole("button", { name: "Pause sales" }).click();
    await expect(app.getByText("New orders paused")).toHaveCount(1);
    await expect(app.getByText("Dawn Rivera")).not.toHaveCount(0);

    // A shopper is not signed in to the admin: a context of their own, as before (browser.newPage).
    const shopper = await browser.newPage();
    await shopper.goto(productUrl);
    const banner = shopper.locator(".dd-banner [role=status]");
    expect(await banner.innerText()).toMatch(/paused new orders/i);
    expect(await banner.innerText()).toContain("Thank you for your patience.");
    expect(await buyButtonPointerEvents(shopper)).toBe("none");

    // The dimmed button is only a courtesy: submitting the form anyway is refused server-side.
    await shopper
      .locator("#product-form-main")
      .evaluate((form) => (form instanceof HTMLFormElement ? form.submit() : undefined));
    await shopper.waitForLoadState();
    await expect(shopper.locator("[role=alert]")).toHaveText(/paused new orders/i, {
      useInnerText: true,
    });
    await shopper.goto(productUrl);
    const refused = await addJs(shopper, variantId);
    expect(refused.status).toBe(422);
    expect(refused.body).toMatchObject({
      status: 422,
      message: "Cart Error",
      description: expect.stringMatching(/paused new orders/i),
    });

    await app.getByRole("button", { name: "Resume sales" }).click();
    await expect(app.getByText("Selling normally")).toHaveCount(1);

    await shopper.goto(productUrl);
    expect(await shopper.locator(".dd-banner").count()).toBe(0);
    expect(await buyButtonPointerEvents(shopper)).toBe("auto");
    await shopper.locator("#product-form-main button[type=submit]").click();
    await expect(shopper).toHaveURL(/\/storefront\/cart$/);
    expect(await shopper.locator(`[data-variant-id="${variantId}"]`).count()).toBe(1);
    expect((await addJs(shopper, variantId)).status).toBe(200);

    expect(pageErrors).toEqual([]);
    await shopper.close();
  });
});
