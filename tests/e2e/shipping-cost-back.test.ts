// The shipping cost back is money, in a browser: Dawn selects two overdue orders and chooses the
// shipping remedy; the confirmation shows the shipping Shopify would refund for them (its
// suggestedRefund(refundShipping: true), https://shopify.dev/docs/api/admin-graphql/latest/objects/Order#field-Order.fields.suggestedRefund),
// and the job page's frozen list shows each order at that amount during the undo window. Nothing
// is refunded while it counts down: the simulator's refund records stay empty.
import type { FrameLocator } from "playwright-core";
import { describe, expect, it } from "vitest";
import { DEMO_SHOP } from "../../scripts/demo";
import { toShopCents } from "@delay-desk/simulator/store/currency";
import { refundsOf } from "@delay-desk/simulator/store/refunds";
import { newMerchantPage } from "../support/browser";
import { demoInBrowser } from "../support/demo-in-browser";

const session = demoInBrowser({ orders: 200, seed: 6 });

async function selectRows(app: FrameLocator, names: readonly string[]) {
  for (const name of names)
    await app.locator("tbody tr", { hasText: name }).locator("td").first().click();
}

const dollars = (cents: number) =>
  new Intl.NumberFormat("en", { style: "currency", currency: "USD" }).format(cents / 100);

describe("the shipping cost back, in a browser", () => {
  it("confirms and freezes each order at Shopify's refundable shipping, and refunds nothing in the window", async () => {
    const { demo, browser } = session;
    const store = demo.simulator.stores.get(DEMO_SHOP);
    if (!store) throw new Error("no store");
    const page = await newMerchantPage(browser);
    await page.goto(demo.url);
    await session.firstImportFinished();
    await page.reload();
    const app = page.frameLocator("iframe");
    await app.getByRole("link", { name: "Orders", exact: true }).first().click();
    await app.getByRole("tab", { name: /Show Overdue orders/ }).click();
    await expect
      .poll(() => app.locator("tbody tr").count(), { timeout: 15_000 })
      .toBeGreaterThan(3);
    const names = (await app.locator("tbody tr td:nth-child(2)").allInnerTexts())
      .map((t) => t.trim())
      .filter((name) => (store.orders.find((o) => o.name === name)?.shippingCents ?? 0) > 0)
      .slice(0, 2);
    const orders = names.map((name) => store.orders.find((o) => o.name === name));
    const cents = orders.map((o) => (o ? toShopCents(o.shippingCents, o.currencies) : 0));
    await selectRows(app, names);
    // Polaris puts the less common bulk actions under "More actions".
    await app.getByRole("button", { name: /More actions/ }).click();
    await app.getByText("Faster shipping or its cost back", { exact: true }).click();
    await expect
      .poll(() => app.getByRole("heading", { level: 2 }).first().innerText(), { timeout: 15_000 })
      .toBe(`2 orders — ${dollars(cents[0]! + cents[1]!)}`);
    await app.getByRole("button", { name: /^Start:/ }).click();
    await expect.poll(() => app.getByTestId("countdown").count(), { timeout: 15_000 }).toBe(1);
    const frozen = await app.getByTestId("frozen-list").innerText();
    for (const [i, name] of names.entries()) {
      const row = frozen.split("\n").find((line) => line.includes(name));
      expect(row).toContain(dollars(cents[i]!));
    }
    for (const order of orders) expect(refundsOf(store).refundsOf(order?.id ?? 0)).toHaveLength(0);
    await page.close();
  }, 180_000);
});
