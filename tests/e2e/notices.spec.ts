// A merchant writes the delay notice, previews it for one overdue order, sends it, and the
// customer reads it in the demo's outbox, clicks "Cancel and refund me" on the shop's (simulated)
// domain, confirms, and the merchant sees the whole story on the order's timeline.
import { DEMO_SHOP } from "../../scripts/demo";
import { newMerchantPage } from "../support/browser";
import { expect, test } from "../support/demo-in-browser";
import { lastNoticeDate, oldestNoticeableOrder, saveSampleSender } from "../support/notice-setup";

test.use({ demoShop: { orders: 200, seed: 5 } });

test.describe("telling customers, in a browser", () => {
  test("compose, preview, send, read the mail in the outbox, cancel and refund, see it on the timeline", async ({
    demo,
    db,
    browser,
    page,
    pageErrors,
    firstVisit,
  }) => {
    test.setTimeout(240_000);
    await firstVisit();
    // The notice is signed by a person; the settings page is where the merchant says who.
    const timeZone = demo.simulator.stores.get(DEMO_SHOP)?.shop.ianaTimezone ?? "America/New_York";
    await saveSampleSender(db, DEMO_SHOP, { timeZone });
    const order = await oldestNoticeableOrder(db, DEMO_SHOP, { delayClass: "overdue" });
    const numeric = order.numericId;

    // From the order's page to the composer, with this order selected.
    await page.goto(`${demo.url}/app/orders/${numeric}`);
    const app = page.frameLocator("iframe");
    await expect(app.getByText("Not told anything yet")).toHaveCount(1, { timeout: 30_000 });
    await app.getByRole("link", { name: "Write to this customer" }).click();

    // Compose: a noreply address is refused, a person's is kept.
    const replyTo = app.getByLabel("Reply-to (a person reads it)");
    await expect(replyTo).toHaveCount(1, { timeout: 30_000 });
    await replyTo.fill("noreply@oakandhide.com");
    await app.getByRole("button", { name: "Save and preview" }).click();
    await expect(app.getByText(/looks like an address nobody reads/)).toHaveCount(1);
    await replyTo.fill("dawn@oakandhide.com");
    await app
      .getByLabel("The reason, in your words")
      .fill("We want to spend Thanksgiving with our families too.");
    await app.getByRole("button", { name: "Save and preview" }).click();
    await expect(app.getByText("Notice saved")).toHaveCount(1);

    // Preview for this order, then send.
    await expect(app.getByTestId("preview-subject")).toHaveText(
      `An update on your order ${order.name}`,
      { useInnerText: true },
    );
    const previewText = await app.getByTestId("preview-text").textContent();
    expect(previewText).toContain("We want to spend Thanksgiving with our families too.");
    expect(previewText).toContain("Dawn Rivera");
    await expect(app.getByLabel(/The 1 selected/)).toBeChecked();
    await app.getByRole("button", { name: "Send notices" }).click();
    // Sending asks first: how many, a sample, then confirm.
    await expect(app.getByTestId("review-count")).toHaveText("1 notice", { useInnerText: true });
    await expect(app.getByTestId("review-sample")).toContainText(order.name, {
      useInnerText: true,
    });
    await app.getByRole("button", { name: "Confirm: send 1 notice" }).click();
    await expect
      .poll(() => demo.mail.received().filter((m) => m.to.includes(order.email)).length, {
        timeout: 30_000,
      })
      .toBe(1);

    // The customer's side: the outbox, the email, the link, the confirmation.
    const customer = await newMerchantPage(browser);
    customer.on("pageerror", (error) => pageErrors.push(error.message));
    await customer.goto(`${demo.simulator.origin}/outbox`);
    await customer.getByRole("link", { name: `An update on your order ${order.name}` }).click();
    await expect(customer.locator('[data-field="from"]')).toHaveText(
      "Dawn Rivera <dawn@oakandhide.com>",
      { useInnerText: true },
    );
    await expect(customer.locator('[data-field="reply-to"]')).toHaveText("dawn@oakandhide.com", {
      useInnerText: true,
    });
    const mail = customer.frameLocator('iframe[title="Message"]');
    // The date sentence is the app's to choose from its forecast and the clock: due to leave
    // today when the estimate's late end is the shop's today, else the estimate worded by horizon
    // (estimate-range.ts: days within a week, whole weeks beyond), ending on that late day.
    const told = await lastNoticeDate(db, DEMO_SHOP, order.id, timeZone);
    expect(told.past).toBe(false);
    await expect(mail.locator("body")).toContainText(
      told.today
        ? `It is due to leave our workshop today, ${told.day}, and I will write again if it does not.`
        : new RegExp(
            `We now expect to ship it (between \\w+day \\d+ \\w+ and|by|within \\d+ weeks \\(by|in \\d+–\\d+ weeks \\(by) ${told.day}`,
          ),
      { useInnerText: true },
    );
    await mail.getByRole("link", { name: "Cancel and refund me" }).click();
    // The link opens the wait-or-refund page through the storefront's app proxy; wait for that
    // navigation itself, not for a fixed time.
    await expect(customer).toHaveURL(new RegExp(`/${DEMO_SHOP}/storefront/apps/delay-desk/choice`));
    await expect(
      customer.getByRole("heading", { name: `Cancel order ${order.name}?` }),
    ).toHaveCount(1);
    await customer.getByRole("button", { name: "Yes, cancel and refund me" }).click();
    await expect(
      customer.getByRole("heading", { name: "Your order is being cancelled" }),
    ).toHaveCount(1);
    expect(
      (
        await db.customerChoice.findUnique({
          where: { shop_orderId: { shop: DEMO_SHOP, orderId: order.id } },
        })
      )?.choice,
    ).toBe("cancel");

    // The merchant's side: the order's timeline.
    await page.goto(`${demo.url}/app/orders/${numeric}`);
    const timeline = app.getByRole("list", { name: "Timeline" });
    await expect(timeline).toHaveCount(1, { timeout: 30_000 });
    const story = await timeline.innerText();
    expect(story).toContain("Order placed");
    expect(story).toContain(`Delay notice 1 sent to ${order.email}`);
    expect(story).toContain("Customer asked to cancel for a full refund");
    expect(story).toContain("Cancel and full refund queued");
    expect(story).toContain("Dawn Rivera");
    expect(pageErrors).toEqual([]);
    await customer.context().close();
  });
});
