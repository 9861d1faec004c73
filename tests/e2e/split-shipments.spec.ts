// Split shipments in a browser (issue 14 point 2): on a late order's page the merchant ticks the
// line that is ready, reviews, ships it now with a tracking number; Shopify (the simulator) shows
// the order PARTIALLY_FULFILLED with the other line still to ship; the timeline records it; the
// customer's next notice, read in the outbox, says what is on its way and what is still coming.
// Shopify's behaviour relied on (enforced by simulator/resolvers/mutations/fulfillments.test.ts):
// fulfillmentCreate fulfils the named fulfillment-order line quantities
// (https://shopify.dev/docs/api/admin-graphql/latest/mutations/fulfillmentCreate) and the order then
// reads PARTIALLY_FULFILLED, "Some of the items in the order have been fulfilled"
// (OrderDisplayFulfillmentStatus, Admin 2026-10 schema).
import { z } from "zod";
import { DEMO_SHOP } from "../../scripts/demo";
import { newMerchantPage } from "../support/browser";
import { expect, test } from "../support/demo-in-browser";
import { lastNoticeDate, saveSampleNotice, saveSampleSender } from "../support/notice-setup";

test.use({ demoShop: { orders: 200, seed: 5 } });

const storedLines = z.array(z.object({ title: z.string(), quantity: z.number() }));

test.describe("split shipments, in a browser", () => {
  test("ships the ready line of a late order: the simulator shows it PARTIALLY_FULFILLED, the timeline records it, the notice says what shipped and what is still coming", async ({
    demo,
    db,
    browser,
    page,
    pageErrors,
    firstVisit,
  }) => {
    test.setTimeout(240_000);
    await firstVisit();
    const store = demo.simulator.stores.get(DEMO_SHOP);
    if (!store) throw new Error("no demo shop");
    await saveSampleSender(db, DEMO_SHOP, { timeZone: store.shop.ianaTimezone });
    await saveSampleNotice(db, DEMO_SHOP, {
      body: "Hi {{first_name}},\n\nWe now expect to ship {{items}} {{estimate}}.",
      reason: "Our workshop is behind.",
    });
    // A late English order with two lines, nothing shipped yet.
    const candidates = await db.trackedOrder.findMany({
      where: {
        shop: DEMO_SHOP,
        delayClass: { in: ["overdue", "at_risk"] },
        email: { not: null },
        customerLocale: { startsWith: "en" },
        displayFulfillmentStatus: "UNFULFILLED",
        cancelledAt: null,
      },
      orderBy: { createdAt: "asc" },
    });
    const order = candidates.find((row) => {
      const shopOrder = store.order(Number(row.id.split("/").at(-1)));
      return (
        storedLines.parse(JSON.parse(row.lineItems)).length === 2 &&
        shopOrder?.fulfillmentOrders.length === 1 &&
        shopOrder.fulfillmentOrders[0]?.status === "OPEN"
      );
    });
    if (!order?.email) throw new Error("the demo shop has no late two-line order with an email");
    const numeric = order.id.split("/").at(-1) ?? "";
    const shopOrder = store.order(Number(numeric));
    const [ready, waiting] = storedLines.parse(JSON.parse(order.lineItems));
    const [readyItem, waitingItem] = shopOrder?.lineItems ?? [];
    if (!shopOrder || !ready || !waiting || !readyItem || !waitingItem) throw new Error("fixture");
    const nameOf = (item: { title: string; variantTitle: string }) =>
      item.variantTitle === "Default Title" ? item.title : `${item.title} - ${item.variantTitle}`;

    await page.goto(`${demo.url}/app/orders/${numeric}`);
    const app = page.frameLocator("iframe");
    await expect(app.getByRole("heading", { name: "Ready to ship" })).toHaveCount(1, {
      timeout: 30_000,
    });
    await expect(app.getByText(/"ready" is your call/)).toHaveCount(1);
    await app.getByLabel(`Ready: ${nameOf(readyItem)}`).check();
    await app.getByLabel("Tracking number (optional)").fill("1Z999AA10123456784");
    await app.getByLabel("Carrier (optional)").fill("UPS");
    await app.getByRole("button", { name: "Review shipment" }).click();
    await expect(app.getByRole("heading", { name: "Ship these now?" })).toHaveCount(1);
    await expect(app.getByText(`${readyItem.quantity} × ${nameOf(readyItem)}`)).toHaveCount(1);
    await expect(app.getByText(`${waitingItem.quantity} × ${nameOf(waitingItem)}`)).toHaveCount(1);
    // The review shipped nothing.
    expect(shopOrder.fulfillmentStatus).toBe("UNFULFILLED");
    await app.getByRole("button", { name: "Ship ready items now" }).click();
    await expect(app.getByTestId("shipped-now")).toContainText(nameOf(readyItem), {
      timeout: 30_000,
    });
    await expect(app.getByTestId("still-coming")).toContainText(nameOf(waitingItem));

    // Shopify's side, in the simulator's records.
    expect(shopOrder.fulfillmentStatus).toBe("PARTIALLY_FULFILLED");
    expect(readyItem.fulfilledQuantity).toBe(readyItem.quantity);
    expect(waitingItem.fulfilledQuantity).toBe(0);
    expect(shopOrder.fulfillments?.[0]?.trackingInfo[0]).toMatchObject({
      number: "1Z999AA10123456784",
      company: "UPS",
    });
    await expect(app.getByTestId("fulfillment-status")).toHaveText(
      "In Shopify: partially fulfilled",
      { useInnerText: true },
    );
    const timeline = app.getByRole("list", { name: "Timeline" });
    await expect(timeline).toContainText(`Still coming: `);
    await expect(timeline).toContainText("Dawn Rivera");

    // The notice: from the page to the composer, this order selected, sent, read in the outbox.
    await app.getByRole("link", { name: "Tell the customer now" }).click();
    await expect(app.getByTestId("preview-text")).toContainText("already on its way", {
      timeout: 30_000,
    });
    await app.getByRole("button", { name: "Send notices" }).click();
    await app.getByRole("button", { name: "Confirm: send 1 notice" }).click();
    await expect
      .poll(() => demo.mail.received().filter((m) => m.to.includes(order.email ?? "")).length, {
        timeout: 30_000,
      })
      .toBe(1);
    const customer = await newMerchantPage(browser);
    customer.on("pageerror", (error) => pageErrors.push(error.message));
    await customer.goto(`${demo.simulator.origin}/outbox`);
    await customer.getByRole("link", { name: `An update on your order ${order.name}` }).click();
    const body = await customer.frameLocator('iframe[title="Message"]').locator("body").innerText();
    const units = (line: { title: string; quantity: number }) =>
      line.quantity === 1 ? line.title : `${line.quantity} × ${line.title}`;
    expect(body).toContain(
      `Part of your order is already on its way: ${units(ready)}. Still to come: ${units(waiting)}`,
    );
    // The date sentence names what is still coming, unless the estimate's late end is the shop's
    // today when the notice is written: then the mail says it is due to leave today
    // (estimate-range.ts). Which one is the app's to decide from its forecast and the clock, so
    // read what it decided (the notice row's estimate, the shop's date when it was written) and
    // expect exactly that sentence, at whatever hour the test runs.
    const told = await lastNoticeDate(db, DEMO_SHOP, order.id, store.shop.ianaTimezone);
    expect(told.past).toBe(false);
    if (told.today) {
      expect(body).toContain(
        `It is due to leave our workshop today, ${told.day}, and I will write again if it does not.`,
      );
    } else {
      expect(body).toContain(`We now expect to ship ${units(waiting)} `);
      expect(body).toContain(told.day);
    }
    expect(pageErrors).toEqual([]);
    await customer.context().close();
  });
});
