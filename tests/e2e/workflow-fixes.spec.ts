// Workflow fixes of issue 14 point 7 as a merchant walks them (the others: order links and the
// save bar in settings-and-links.spec.ts, refund vs cancel-and-refund in remedies.spec.ts, the
// consent page's dates in consent.spec.ts):
// - the thank-you code: on Orders she selects two late orders, picks "Thank-you discount code",
//   confirms; the job creates each code in Shopify and mails it to the customer from her named
//   sender; the customer reads it in the outbox, and the order's timeline says it was mailed;
// - the Orders table on the shop's clock (placed with its zone named, days as human dates) and
//   the variability field's limit said in the unit it is typed in (%).
import { DEMO_SHOP } from "../../scripts/demo";
import { newMerchantPage } from "../support/browser";
import { expect, test } from "../support/demo-in-browser";
import { overdueOrderNames, selectRows } from "../support/orders-table";
import { saveSampleNotice, saveSampleSender } from "../support/notice-setup";
import { saveBarOf } from "../support/settings-in-browser";

test.use({ demoShop: { orders: 200, seed: 5 } });

test.describe("workflow fixes, in a browser", () => {
  test("creates the code in Shopify, mails it to the customer, and the timeline says so", async ({
    demo,
    db,
    browser,
    page,
    pageErrors,
    firstVisit,
  }) => {
    test.setTimeout(240_000);
    await firstVisit();
    const timeZone = demo.simulator.stores.get(DEMO_SHOP)?.shop.ianaTimezone ?? "America/New_York";
    // The mail comes from the named sender with the notices' reply-to; no undo window here.
    await saveSampleSender(db, DEMO_SHOP, { timeZone });
    await saveSampleNotice(db, DEMO_SHOP, { body: "Hi {{first_name}}", reason: "Behind." });
    await db.staffRules.create({ data: { shop: DEMO_SHOP, undoMinutes: 0 } });
    await page.reload();
    const app = page.frameLocator("iframe");
    const names = await overdueOrderNames(app, { moreThan: 2, take: 2 });
    await selectRows(app, names);
    await app.getByRole("button", { name: "More actions" }).click();
    await app.getByRole("button", { name: "Thank-you discount code" }).click();
    await app.getByRole("button", { name: /^Start:/ }).click();
    await expect(app.getByTestId("job-progress")).toHaveText(
      /^2 done · 0 failed · 0 skipped · 0 remaining/,
      { useInnerText: true, timeout: 60_000 },
    );

    const store = demo.simulator.stores.get(DEMO_SHOP);

    // The customer's side: one mail with the code, from the named sender.
    const customer = await newMerchantPage(browser);
    customer.on("pageerror", (error) => pageErrors.push(error.message));
    await customer.goto(`${demo.simulator.origin}/outbox`);
    const mails = customer.getByRole("link", { name: /^A thank-you for waiting: \d+ % off/ });
    await expect(mails).toHaveCount(2);
    // One of them: its code, for one of the two orders.
    await mails.first().click();
    await expect(customer.locator('[data-field="from"]')).toContainText("Dawn Rivera");
    const body = customer.frameLocator('iframe[title="Message"]').locator("body");
    await expect(body).toContainText(/Your code: \S+/);
    const text = await body.innerText();
    const code = /Your code: (\S+)/.exec(text)?.[1] ?? "";
    const orderName = /order (#\d+)/.exec(text)?.[1] ?? "";
    const mailed = store?.orders.find((o) => o.name === orderName);
    if (!mailed) throw new Error(`no order ${orderName} in the shop`);
    expect(names).toContain(orderName);

    // The merchant's side: the order's timeline says the code was mailed.
    await page.goto(`${demo.url}/app/orders/${mailed.id}`);
    await expect(app.getByText(`Discount code ${code}`, { exact: false })).not.toHaveCount(0, {
      timeout: 30_000,
    });
    await expect(app.getByText(/mailed to the customer/)).not.toHaveCount(0);
    expect(pageErrors).toEqual([]);
  });

  test("the orders table shows shop time and human dates; the variability limit is said in %", async ({
    demo,
    page,
    pageErrors,
  }) => {
    await page.goto(demo.url);
    const app = page.frameLocator("iframe");
    await app.getByRole("link", { name: "Orders", exact: true }).first().click();
    const cells = app.locator("tbody tr").first().locator("td");
    // Placed "Sun, Nov 1, 2026, 11:54 AM EST"; promised "Mon, Nov 16, 2026" (the 4th and 5th cells
    // after the selection box).
    await expect(cells.nth(3)).toHaveText(
      /^\w{3}, \w{3} \d{1,2}, \d{4}, \d{1,2}:\d{2} [AP]M [A-Z]{3,4}$/,
      { useInnerText: true },
    );
    await expect(cells.nth(4)).toHaveText(/^\w{3}, \w{3} \d{1,2}, \d{4}/, { useInnerText: true });
    await expect(app.locator("tbody")).not.toContainText(/\d{4}-\d{2}-\d{2}/);
    // The order's page and timeline too ("Promised to ship by Mon, Nov 16, 2026 (…)").
    const name = (await cells.nth(1).innerText()).trim();
    await cells.nth(1).getByRole("link").click();
    await expect(app.getByRole("heading", { name: `Order ${name}` })).toBeVisible();
    await expect(app.getByText(/^Promised to ship by \w{3}, \w{3} \d{1,2}, \d{4} \(/)).toHaveCount(
      1,
    );
    await expect(app.locator("body")).not.toContainText(/\d{4}-\d{2}-\d{2}/);

    await page.getByTestId("app-nav").getByText("Settings").click();
    await app.getByLabel("Day-to-day variability (%)").fill("500");
    await saveBarOf(page).getByRole("button", { name: "Save" }).click();
    await expect(app.getByText("Enter a percentage from 0 to 300")).toHaveCount(1);
    expect(pageErrors).toEqual([]);
  });
});
