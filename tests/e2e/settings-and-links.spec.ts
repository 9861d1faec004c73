// Settings and order links as a merchant walks them in the simulated admin:
// - a changed field brings up admin's save bar (the form's data-save-bar,
//   https://shopify.dev/docs/api/app-home/app-bridge-web-components/save-bar), the admin's links do
//   not leave the page while it shows, Discard (after its confirmation) puts the saved value back;
// - "Add collections" opens App Bridge's resource picker
//   (https://shopify.dev/docs/api/app-home/apis/user-interface-and-interactions/resource-picker-api),
//   the picked collection becomes a row named by its title, and Save (from the save bar) stores
//   its GID in the shop's rules;
// - an order's name in the orders table opens its page, whose "View in Shopify admin" opens the
//   admin's own order page (shopify://admin/orders/<id>,
//   https://shopify.dev/docs/api/app-home/apis/navigation).
import { DEMO_SHOP } from "../../scripts/demo";
import { expect, test } from "../support/demo-in-browser";
import {
  addLeadTimeRule,
  saveBarOf,
  saveFromSaveBar,
  storedRules,
} from "../support/settings-in-browser";

test.use({ demoShop: { orders: 120, seed: 7 } });

test.describe("settings and order links, in a browser", () => {
  test("the save bar keeps unsaved settings on the page, the resource picker adds a collection, and an order links to Shopify admin's order page", async ({
    demo,
    db,
    page,
    pageErrors,
    firstVisit,
  }) => {
    test.setTimeout(240_000);
    await firstVisit();
    const store = demo.simulator.stores.get(DEMO_SHOP);
    const collection = store?.collections[0];
    if (!store || !collection) throw new Error("the seeded shop has no collection");

    await page.getByTestId("app-nav").getByText("Settings").click();
    const app = page.frameLocator("iframe");
    const saveBar = saveBarOf(page);
    const cutOff = app.getByLabel("Daily cut-off (shop time)");
    await expect(cutOff).toBeVisible();
    const saved = await cutOff.inputValue();
    await expect(saveBar).toBeHidden();

    // A change brings up the save bar; the admin's nav does not leave the page.
    await cutOff.selectOption(saved === "09:30" ? "10:00" : "09:30");
    await expect(saveBar).toBeVisible();
    await page.getByTestId("app-nav").getByText("Orders").click();
    await expect(saveBar).toContainText("Save or discard your changes before leaving this page");
    await expect(app.getByLabel("Daily cut-off (shop time)")).toBeVisible();

    // Discard asks first, then puts the saved value back.
    await saveBar.getByRole("button", { name: "Discard" }).click();
    await page.getByRole("button", { name: "Discard changes" }).click();
    await expect(saveBar).toBeHidden();
    await expect(cutOff).toHaveValue(saved);

    // The resource picker adds a collection by title; Save stores its GID.
    await addLeadTimeRule(page, app, {
      resource: "collections",
      title: collection.title,
      days: 12,
    });
    await expect(saveBar).toBeVisible();
    await saveFromSaveBar(page, app);
    await expect(saveBar).toBeHidden();
    await expect
      .poll(() => storedRules(db, DEMO_SHOP, "collectionOverrides"))
      .toEqual([
        { collectionId: `gid://shopify/Collection/${collection.id}`, leadTimeBusinessDays: 12 },
      ]);

    // Nothing unsaved now: the admin's nav leaves for the orders table; a name opens its order.
    await page.getByTestId("app-nav").getByText("Orders").click();
    const firstOrder = app.locator("tbody tr a[href^='/app/orders/']").first();
    await expect(firstOrder).toBeVisible();
    const name = (await firstOrder.innerText()).trim();
    await firstOrder.click();
    await expect(app.getByRole("heading", { name: `Order ${name}` })).toBeVisible();
    await app.getByRole("link", { name: "View in Shopify admin" }).click();
    await expect(page).toHaveURL(new RegExp(`/${DEMO_SHOP}/admin/orders/\\d+$`));
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(`Order ${name}`);
    expect(pageErrors).toEqual([]);
  });
});
