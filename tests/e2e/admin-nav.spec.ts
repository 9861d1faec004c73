// The app's <ui-nav-menu> appears in (simulated) Shopify admin's sidebar, and a click there
// navigates inside the app through App Bridge, without reloading the frame.
import { expect, test } from "../support/demo-in-browser";

test.use({ demoShop: { orders: 50, seed: 5 } });

test.describe("admin navigation", () => {
  test("shows the app's pages in the admin sidebar and navigates the app frame", async ({
    demo,
    page,
  }) => {
    let documentLoads = 0;
    page.on("request", (request) => {
      if (request.resourceType() === "document" && request.url().startsWith(demo.appOrigin))
        documentLoads += 1;
    });
    await page.goto(demo.url);
    const nav = page.getByTestId("app-nav");
    await expect(nav.getByText("Settings")).toBeVisible({ timeout: 30_000 });
    expect((await nav.innerText()).split("\n").map((s) => s.trim())).toEqual([
      "Orders",
      "Tell customers",
      "Jobs",
      "Outcomes",
      "Consent and refunds",
      "Storefront",
      "Staff and money",
      "Settings",
    ]);

    await nav.getByText("Orders").click();
    const appFrame = () => page.frames().find((frame) => frame.url().startsWith(demo.appOrigin));
    await expect.poll(() => new URL(appFrame()?.url() ?? "http://x/").pathname).toBe("/app/orders");
    expect(documentLoads).toBe(1);
  });
});
