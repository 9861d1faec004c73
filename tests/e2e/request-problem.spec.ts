// A page asked for wrongly (here the remedy page without a remedy or orders, as a stale bookmark
// or a reload of an old link would) answers 400 and shows its reason inside the app's frame. The
// page must hydrate: Shopify's `boundary.error` recognises thrown responses by constructor name,
// which the production client bundle minifies, so without the app's own check React failed to
// hydrate it (minified React errors #418/#423,
// https://react.dev/errors/418) and the frame went blank.
import { expect, test } from "../support/demo-in-browser";

test.use({ demoShop: { orders: 40, seed: 3 } });

test.describe("a wrongly asked page, in a browser", () => {
  test("the remedy page without a selection shows its 400 reason in the frame and hydrates without a page error", async ({
    demo,
    page,
    pageErrors,
    firstVisit,
  }) => {
    test.setTimeout(180_000);
    const consoleErrors: string[] = [];
    page.on("console", (message) => {
      if (message.type() === "error")
        consoleErrors.push(`${message.text()} ${message.location().url}`);
    });
    await firstVisit();

    const answered = page.waitForResponse(
      (response) =>
        response.url().startsWith(demo.appOrigin) &&
        new URL(response.url()).pathname === "/app/remedies",
    );
    await page.goto(`${demo.url}/app/remedies`);
    expect((await answered).status()).toBe(400);
    const app = page.frameLocator("iframe");
    await expect(app.getByRole("heading", { name: "This page can't be shown" })).toBeVisible();
    await expect(app.getByText("Choose a remedy and some orders first.")).toBeVisible();
    // Hydrated: the Polaris link back works as a client-side link inside the frame.
    await app.getByRole("link", { name: "Go to Orders" }).click();
    await expect(app.getByRole("heading", { name: "Orders" }).first()).toBeVisible();

    expect(pageErrors).toEqual([]);
    // Network statuses are asserted above; what is left would be React's or the app's own errors.
    expect(consoleErrors.filter((text) => !text.startsWith("Failed to load resource"))).toEqual([]);
  });
});
