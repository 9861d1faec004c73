// The shipping cost back is money, in a browser: Dawn selects two overdue orders and chooses the
// shipping remedy; the confirmation shows the shipping Shopify would refund for them (its
// suggestedRefund(refundShipping: true), https://shopify.dev/docs/api/admin-graphql/latest/objects/Order#field-Order.fields.suggestedRefund),
// and the job page's frozen list shows each order at that amount during the undo window. Nothing
// is refunded while it counts down: the simulator's refund records stay empty.
import { DEMO_SHOP } from "../../scripts/demo";
import { toShopCents } from "@delay-desk/simulator/store/currency";
import { refundsOf } from "@delay-desk/simulator/store/refunds";
import { expect, test } from "../support/demo-in-browser";
import { selectRows } from "../support/orders-table";

test.use({ demoShop: { orders: 200, seed: 6 } });

const dollars = (cents: number) =>
  new Intl.NumberFormat("en", { style: "currency", currency: "USD" }).format(cents / 100);

test.describe("the shipping cost back, in a browser", () => {
  test("confirms and freezes each order at Shopify's refundable shipping, and refunds nothing in the window", async ({
    demo,
    page,
    firstVisit,
  }) => {
    test.setTimeout(180_000);
    const store = demo.simulator.stores.get(DEMO_SHOP);
    if (!store) throw new Error("no store");
    await firstVisit();
    await page.reload();
    const app = page.frameLocator("iframe");
    await app.getByRole("link", { name: "Orders", exact: true }).first().click();
    await app.getByRole("tab", { name: /Show Overdue orders/ }).click();
    await expect.poll(() => app.locator("tbody tr").count()).toBeGreaterThan(3);
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
    await expect(app.getByRole("heading", { level: 2 }).first()).toHaveText(
      `2 orders — ${dollars(cents[0]! + cents[1]!)}`,
      { useInnerText: true },
    );
    await app.getByRole("button", { name: /^Start:/ }).click();
    await expect(app.getByTestId("countdown")).toHaveCount(1);
    const frozen = await app.getByTestId("frozen-list").innerText();
    for (const [i, name] of names.entries()) {
      const row = frozen.split("\n").find((line) => line.includes(name));
      expect(row).toContain(dollars(cents[i]!));
    }
    for (const order of orders) expect(refundsOf(store).refundsOf(order?.id ?? 0)).toHaveLength(0);
  });
});
