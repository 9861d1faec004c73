// A merchant pauses sales in Delay Desk (inside the simulated admin) and a shopper meets the pause
// on the demo storefront: banner, dimmed buy button, and add-to-cart refused by the checkout
// Function (theme form and /cart/add.js). Resuming restores all of it.
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEMO_SHOP, startDemo, type RunningDemo } from "../../scripts/demo";
import { launchBrowser, newMerchantPage } from "../support/browser";
import { freshDatabaseUrl } from "../support/database";

let demo: RunningDemo;
let browser: Browser;
let productUrl: string;
let variantId: number;

beforeAll(async () => {
  demo = await startDemo({
    host: "127.0.0.1",
    appPort: 0,
    simulatorPort: 0,
    orders: 60,
    seed: 4,
    databaseUrl: freshDatabaseUrl(),
    build: false,
  });
  browser = await launchBrowser();
  const product = demo.simulator.stores
    .get(DEMO_SHOP)
    ?.products.find((p) => p.status === "ACTIVE" && p.makeDays > 0);
  if (!product || product.variantIds[0] === undefined)
    throw new Error("demo shop has no made-to-order product");
  productUrl = `${demo.simulator.origin}/${DEMO_SHOP}/storefront/products/${product.handle}`;
  variantId = product.variantIds[0];
});

afterAll(async () => {
  await browser?.close();
  await demo?.stop();
});

async function addJs(shopper: Page): Promise<{ status: number; body: unknown }> {
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

describe("the pause, from the app to the storefront", () => {
  it("pauses in the app, holds on the storefront, and resumes", async () => {
    const merchant = await newMerchantPage(browser);
    const pageErrors: string[] = [];
    merchant.on("pageerror", (error) => pageErrors.push(error.message));
    await merchant.goto(`${demo.url}/app/storefront`);
    const app = merchant.frameLocator("iframe");
    await expect.poll(() => app.getByText("Selling normally").count(), { timeout: 30_000 }).toBe(1);

    await app.getByLabel("Message (optional)").nth(1).fill("Thank you for your patience.");
    await app.getByRole("button", { name: "Pause sales" }).click();
    await expect
      .poll(() => app.getByText("New orders paused").count(), { timeout: 15_000 })
      .toBe(1);
    await expect.poll(() => app.getByText("Dawn Rivera").count()).toBeGreaterThan(0);

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
    expect(await shopper.locator("[role=alert]").innerText()).toMatch(/paused new orders/i);
    await shopper.goto(productUrl);
    const refused = await addJs(shopper);
    expect(refused.status).toBe(422);
    expect(refused.body).toMatchObject({
      status: 422,
      message: "Cart Error",
      description: expect.stringMatching(/paused new orders/i),
    });

    await app.getByRole("button", { name: "Resume sales" }).click();
    await expect.poll(() => app.getByText("Selling normally").count(), { timeout: 15_000 }).toBe(1);

    await shopper.goto(productUrl);
    expect(await shopper.locator(".dd-banner").count()).toBe(0);
    expect(await buyButtonPointerEvents(shopper)).toBe("auto");
    await shopper.locator("#product-form-main button[type=submit]").click();
    await shopper.waitForURL(/\/storefront\/cart$/);
    expect(await shopper.locator(`[data-variant-id="${variantId}"]`).count()).toBe(1);
    expect((await addJs(shopper)).status).toBe(200);

    expect(pageErrors).toEqual([]);
    await shopper.close();
    await merchant.close();
  });
});
