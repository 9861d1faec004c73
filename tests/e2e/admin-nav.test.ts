// The app's <ui-nav-menu> appears in (simulated) Shopify admin's sidebar, and a click there
// navigates inside the app through App Bridge, without reloading the frame.
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startDemo, type RunningDemo } from "../../scripts/demo";
import { launchBrowser, newMerchantPage } from "../support/browser";
import { freshDatabaseUrl } from "../support/database";

let demo: RunningDemo;
let browser: Browser;

beforeAll(async () => {
  demo = await startDemo({ host: "127.0.0.1", appPort: 0, simulatorPort: 0, orders: 50, seed: 5, databaseUrl: freshDatabaseUrl(), build: false });
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  await demo?.stop();
});

describe("admin navigation", () => {
  it("shows the app's pages in the admin sidebar and navigates the app frame", async () => {
    const page = await newMerchantPage(browser);
    let documentLoads = 0;
    page.on("request", (request) => {
      if (request.resourceType() === "document" && request.url().startsWith(demo.appOrigin)) documentLoads += 1;
    });
    await page.goto(demo.url);
    const nav = page.getByTestId("app-nav");
    await nav.getByText("Settings").waitFor({ timeout: 30_000 });
    expect((await nav.innerText()).split("\n").map((s) => s.trim())).toEqual(["Orders", "Tell customers", "Jobs", "Storefront", "Settings"]);

    await nav.getByText("Orders").click();
    const appFrame = () => page.frames().find((frame) => frame.url().startsWith(demo.appOrigin));
    await expect.poll(() => new URL(appFrame()?.url() ?? "http://x/").pathname, { timeout: 15_000 }).toBe("/app/orders");
    expect(documentLoads).toBe(1);
    await page.close();
  });
});
