// Consent in a browser, as a merchant walks it: a customer's deadline for a yes to a long delay
// passes (the demo's "as if 30 days had passed"), the order appears on "Consent and refunds", on
// hold in Shopify; the merchant cancels and refunds it in full. Outcomes are read from the
// simulator's records: the fulfillment order held, then the order cancelled with one refund of
// everything paid, shipping included (FTC: "refund the entire amount the customer tendered,
// including any shipping", https://www.ftc.gov/business-guidance/resources/business-guide-ftcs-mail-internet-or-telephone-order-merchandise-rule).
import { DEMO_SHOP } from "../../scripts/demo";
import { refundsOf } from "@delay-desk/simulator/store/refunds";
import { expect, test } from "../support/demo-in-browser";

test.use({ demoShop: { orders: 40, seed: 5 } });

test.describe("consent review, in a browser", () => {
  test("a passed deadline puts the order on hold and on the list; the merchant cancels and refunds it in full", async ({
    demo,
    db,
    page,
    pageErrors,
    firstVisit,
  }) => {
    await firstVisit();
    const store = demo.simulator.stores.get(DEMO_SHOP);
    if (!store) throw new Error("no demo store");
    const record = store.orders.find(
      (o) =>
        o.cancelledAt === null &&
        o.financialStatus === "PAID" &&
        o.fulfillmentStatus === "UNFULFILLED" &&
        o.shippingCents > 0 &&
        o.fulfillmentOrders.length > 0,
    );
    if (!record) throw new Error("the seeded shop has no open paid order");
    const orderId = `gid://shopify/Order/${record.id}`;
    const deadline = new Date(Date.now() + 8 * 86_400_000).toISOString().slice(0, 10);
    // What the notice job records when it asks for a yes to a 40-day delay (app/consent).
    await db.consentRequest.create({
      data: {
        shop: DEMO_SHOP,
        noticeId: "e2e-notice",
        orderId,
        ruleSet: "ftc",
        terms: "yes",
        reason: "long",
        delayDays: 40,
        deadline,
      },
    });

    await page.goto(`${demo.url}/app/consent`);
    const app = page.frameLocator("iframe");
    await app
      .getByRole("button", { name: "Demo: check deadlines as if 30 days had passed" })
      .click({ timeout: 30_000 });
    await expect(app.getByText(record.name, { exact: true })).not.toHaveCount(0, {
      timeout: 30_000,
    });
    // One time convention (issue 14 point 7): the demo clock on the shop's clock with its zone
    // named, the deadline a human date; no ISO date anywhere on the page.
    await expect(
      app.getByText(
        /^As of \w{3}, \w{3} \d{1,2}, \d{4}, \d{1,2}:\d{2} [AP]M [A-Z]{3,4} \(demo clock\)/,
      ),
    ).toHaveCount(1);
    const humanDeadline = new Intl.DateTimeFormat("en-US", {
      timeZone: "UTC",
      weekday: "short",
      year: "numeric",
      month: "short",
      day: "numeric",
    }).format(new Date(`${deadline}T12:00:00Z`));
    await expect(app.getByTestId("consent-review")).toContainText(humanDeadline);
    await expect(app.locator("body")).not.toContainText(/\d{4}-\d{2}-\d{2}/);
    await expect
      .poll(() => record.fulfillmentOrders.every((fo) => fo.status === "ON_HOLD"), {
        timeout: 30_000,
      })
      .toBe(true);

    const paid = record.receivedCents;
    await app.getByRole("button", { name: "Cancel and refund 1 in full" }).click();
    await expect.poll(() => record.cancelledAt !== null, { timeout: 30_000 }).toBe(true);
    const refunds = refundsOf(store).refundsOf(record.id);
    expect(refunds.map((r) => [r.totalCents, r.shippingCents])).toEqual([
      [paid, record.shippingCents],
    ]);
    expect(pageErrors).toEqual([]);
  });
});
