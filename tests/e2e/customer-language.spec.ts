// A German customer, end to end: the merchant previews the notice in German and sends it; the
// customer reads it in German in the outbox, clicks "Stornieren und Geld zurück", and the
// wait-or-refund page on the shop's (simulated) domain speaks German, buttons and confirmation
// included. The order's language is Order.customerLocale ("The customer's language and region
// preference at the time of purchase":
// https://shopify.dev/docs/api/admin-graphql/latest/objects/Order#field-customerLocale).
import { DEMO_CUSTOMER_LANGUAGES, DEMO_SHOP } from "../../scripts/demo";
import { newMerchantPage } from "../support/browser";
import { expect, test } from "../support/demo-in-browser";
import { oldestNoticeableOrder, saveSampleNotice, saveSampleSender } from "../support/notice-setup";

test.use({ demoShop: { orders: 200, seed: 5, customerLanguages: DEMO_CUSTOMER_LANGUAGES } });

test.describe("a customer's language, in a browser", () => {
  test("a German order: German preview, German mail with money formatted for German (58,00 $), and the wait-or-refund page in German", async ({
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
    await saveSampleSender(db, DEMO_SHOP, { timeZone });
    // The shop's own notice (English) is saved: the reply-to lives there.
    await saveSampleNotice(db, DEMO_SHOP, {
      body: "Hi {{first_name}},\n\nWe now expect to ship it {{estimate}}.",
      reason: "We want to spend the holidays with our families too.",
    });
    const order = await oldestNoticeableOrder(db, DEMO_SHOP, {
      customerLocale: "de",
      delayClass: { in: ["overdue", "at_risk"] },
    });
    const numeric = order.numericId;

    // From the order's page to the composer, this order selected, then the German wording.
    await page.goto(`${demo.url}/app/orders/${numeric}`);
    const app = page.frameLocator("iframe");
    await expect(app.getByRole("link", { name: "Write to this customer" })).toHaveCount(1);
    await app.getByRole("link", { name: "Write to this customer" }).click();
    await expect(app.getByRole("link", { name: "German (Deutsch)" })).toHaveCount(1);
    await app.getByRole("link", { name: "German (Deutsch)" }).click();
    await expect(app.getByText("First notice in German (Deutsch)")).toHaveCount(1);
    await expect(app.getByTestId("preview-subject")).toHaveText(
      `Neuigkeiten zu Ihrer Bestellung ${order.name}`,
      { useInnerText: true },
    );
    await app.getByRole("button", { name: "Send notices" }).click();
    await expect(app.getByTestId("review-count")).toHaveCount(1);
    await app.getByRole("button", { name: "Confirm: send 1 notice" }).click();
    await expect
      .poll(() => demo.mail.received().filter((m) => m.to.includes(order.email)).length, {
        timeout: 30_000,
      })
      .toBe(1);

    const customer = await newMerchantPage(browser);
    customer.on("pageerror", (error) => pageErrors.push(error.message));
    await customer.goto(`${demo.simulator.origin}/outbox`);
    await customer
      .getByRole("link", { name: `Neuigkeiten zu Ihrer Bestellung ${order.name}` })
      .click();
    const mail = customer.frameLocator('iframe[title="Message"]');
    await expect(mail.getByRole("link", { name: "Stornieren und Geld zurück" })).toHaveCount(1);
    const body = await mail.locator("body").innerText();
    expect(body).toMatch(/Wir rechnen jetzt damit, sie .+ zu versenden|Sie soll heute/);
    // German money: thousands with ".", decimals with ",", the symbol after (Intl, de).
    expect(body).toMatch(/Bei einer Stornierung erstatten wir Ihnen die vollen \d[\d.]*,\d\d\s\$/);
    await mail.getByRole("link", { name: "Stornieren und Geld zurück" }).click();
    await expect(customer).toHaveURL(new RegExp(`/${DEMO_SHOP}/storefront/apps/delay-desk/choice`));
    await expect(
      customer.getByRole("heading", { name: `Bestellung ${order.name} stornieren?` }),
    ).toHaveCount(1);
    await expect(customer.locator("html")).toHaveAttribute("lang", "de");
    await customer.getByRole("button", { name: "Ja, stornieren und Geld zurück" }).click();
    await expect(
      customer.getByRole("heading", { name: "Ihre Bestellung wird storniert" }),
    ).toHaveCount(1);
    expect(
      (
        await db.customerChoice.findUnique({
          where: { shop_orderId: { shop: DEMO_SHOP, orderId: order.id } },
        })
      )?.choice,
    ).toBe("cancel");
    const notice = await db.notice.findFirst({ where: { shop: DEMO_SHOP, orderId: order.id } });
    expect(notice?.language).toBe("de");
    expect(pageErrors).toEqual([]);
  });
});
