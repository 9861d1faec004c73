// Shopify's counts on the dashboard when Shopify is slow to count (ordersCount over every open
// order takes seconds in a large shop). The merchant must be able to move on at once: a click on
// "Orders" while the counts are still on their way opens the orders page without a page error.
// (When the counts were streamed into the dashboard's document, that click was a React update
// while the stream's Suspense boundary was still waiting to hydrate: React's recoverable error
// #421, https://react.dev/errors/421, which failed a browser test's page-error check in CI.) And
// the counts appear by themselves once they arrive, in space kept for them (no layout shift).
import { DEMO_SHOP } from "../../scripts/demo";
import { expect, hydratedAppFrame, test } from "../support/demo-in-browser";
import { countOrdersByShipping } from "../support/order-counts";
import { measureVitalsIn, readVitals } from "../support/web-vitals-in-frame";

test.use({ demoShop: { orders: 60, seed: 4 } });

// Under the app's 5 s stream timeout (app/entry.server.tsx), so a streamed count would still
// have arrived in its document; long enough for a click to land before it.
const SLOW_COUNT_MS = 4_000;

test.describe("Shopify's counts on the dashboard, in a browser", () => {
  test("a click on Orders while Shopify is still counting opens the orders page without a page error, and the counts appear once they arrive", async ({
    demo,
    page,
    pageErrors,
    firstVisit,
  }) => {
    const store = demo.simulator.stores.get(DEMO_SHOP);
    if (!store) throw new Error("demo shop missing");
    const expected = countOrdersByShipping(store);
    expect(expected.unshipped).toBeGreaterThan(0);

    // During the first visit Shopify cannot count (503): a failed count is not kept
    // (app/shop-data/per-shop-cache.server.ts), so the next dashboard asks Shopify again.
    demo.simulator.faults.set(DEMO_SHOP, [
      { field: "ordersCount", kind: "http", when: { every: 1 } },
    ]);
    await firstVisit();
    const app = page.frameLocator("iframe");
    await expect(app.getByText("Orders waiting to ship — · Partly shipped —")).toBeVisible({
      timeout: 30_000,
    });

    // Now Shopify counts, slowly. The merchant reloads the dashboard and, as soon as it is live
    // (hydrated), clicks Orders: a client-side navigation while the counts are on their way.
    demo.simulator.faults.set(DEMO_SHOP, [
      { field: "ordersCount", kind: "slow", ms: SLOW_COUNT_MS, when: { every: 1 } },
    ]);
    // Not waiting for the admin page's load event: it waits for the app's frame to load, and a
    // document still streaming has not.
    await page.reload({ waitUntil: "domcontentloaded" });
    await hydratedAppFrame(page, demo.appOrigin);
    // The counts are not there yet, or this test would prove nothing.
    await expect(app.getByText(/Orders waiting to ship \d/)).toHaveCount(0);
    await app.getByRole("link", { name: "Orders", exact: true }).first().click();
    await expect(app.getByRole("tab", { name: /Show Overdue orders/ })).toHaveCount(1);
    expect(pageErrors).toEqual([]);

    // Back on a fresh dashboard, the counts' answer is held until the test lets it go: until then
    // the line shows a placeholder of the same height, then the figures Shopify counted.
    let letCountsThrough = () => {};
    const held = new Promise<void>((resolve) => {
      letCountsThrough = resolve;
    });
    await page.route(
      (url) => url.origin === demo.appOrigin && url.pathname === "/app/shop-counts",
      async (route) => {
        await held;
        await route.continue();
      },
    );
    await measureVitalsIn(page.context(), demo.appOrigin);
    await page.reload({ waitUntil: "domcontentloaded" });
    const frame = await hydratedAppFrame(page, demo.appOrigin);
    const line = app.locator("[data-shopify-counts]");
    await expect(line).toHaveAttribute("aria-busy", "true");
    await expect(app.getByText(/Orders waiting to ship/)).toHaveCount(0);
    const pendingBox = await line.boundingBox();
    letCountsThrough();
    await expect(line).toHaveText(
      `In Shopify: Orders waiting to ship ${expected.unshipped.toLocaleString("en-US")} · Partly shipped ${expected.partial.toLocaleString("en-US")}`,
      { timeout: 15_000 },
    );
    await expect(line).toHaveAttribute("aria-busy", "false");
    expect(await line.boundingBox()).toEqual(pendingBox);
    const { CLS } = await readVitals(frame);
    expect(CLS ?? 0).toBeLessThanOrEqual(0.01);
    expect(pageErrors).toEqual([]);
  });
});
