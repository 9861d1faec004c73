// A merchant opens Delay Desk inside (simulated) Shopify admin and sees the shop's figures.
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEMO_SHOP, startDemo, type RunningDemo } from "../../scripts/demo";
import { launchBrowser, newMerchantPage } from "../support/browser";
import { freshDatabaseUrl } from "../support/database";
import { countOrdersByShipping } from "../support/order-counts";

let demo: RunningDemo;
let browser: Browser;

beforeAll(async () => {
  demo = await startDemo({
    host: "127.0.0.1",
    appPort: 0,
    simulatorPort: 0,
    orders: 300,
    seed: 3,
    databaseUrl: freshDatabaseUrl(),
    build: false,
  });
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  await demo?.stop();
});

describe("the demo, in a browser", () => {
  it("shows the home page inside the admin frame with the seeded shop's figures", async () => {
    const store = demo.simulator.stores.get(DEMO_SHOP);
    if (!store) throw new Error("demo shop missing");
    const expected = countOrdersByShipping(store);

    const page = await newMerchantPage(browser);
    const pageErrors: string[] = [];
    page.on("pageerror", (error) => pageErrors.push(error.message));
    await page.goto(demo.url);
    const app = page.frameLocator("iframe");
    await expect
      .poll(() => app.getByText("Orders waiting to ship").count(), { timeout: 30_000 })
      .toBe(1);
    const text = await app.locator("body").innerText();
    expect(text).toContain(store.shop.name);
    expect(text).toContain(expected.unshipped.toLocaleString("en-US"));
    expect(text).toContain(expected.partial.toLocaleString("en-US"));
    expect(pageErrors).toEqual([]);
    await page.close();
  });
});
