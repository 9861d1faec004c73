// A merchant makes it right in bulk: on the Overdue tab she selects half the orders and refunds
// them, then sends a free add-on to the other half, watching each job's progress reach done. The
// shop's records (the simulator's store) then show one refund per refunded order and one free line
// per add-on order.
import type { FrameLocator } from "@playwright/test";
import { DEMO_SHOP } from "../../scripts/demo";
import { refundsOf } from "@delay-desk/simulator/store/refunds";
import { expect, test } from "../support/demo-in-browser";
import { overdueOrderNames, selectRows } from "../support/orders-table";

async function runRemedy(app: FrameLocator, names: readonly string[], bulkAction: string) {
  await app.getByRole("tab", { name: /Show Overdue orders/ }).click();
  await expect(app.locator("tbody tr", { hasText: names[0] ?? "" })).toHaveCount(1);
  await selectRows(app, names);
  await app.getByRole("button", { name: bulkAction, exact: true }).click();
  await expect(app.getByText(`${names.length} orders`, { exact: false })).not.toHaveCount(0);
  await app.getByRole("button", { name: /^Start:/ }).click();
  // The job page polls its own progress until nothing remains.
  await expect(app.getByTestId("job-progress")).toHaveText(
    new RegExp(`^${names.length} done · 0 failed · 0 skipped · 0 remaining`),
    { useInnerText: true, timeout: 60_000 },
  );
  await app.getByRole("link", { name: "Orders", exact: true }).first().click();
}

test.use({ demoShop: { orders: 300, seed: 3 } });

test.describe("make it right in bulk, in a browser", () => {
  test("refunds half the overdue orders and sends a free add-on to the rest", async ({
    demo,
    db,
    page,
    firstVisit,
  }) => {
    test.setTimeout(240_000);
    await firstVisit();
    const app = page.frameLocator("iframe");
    // Refunds start at once here (no undo window, app/staff/); tests/e2e/staff-and-money.spec.ts
    // walks the window and approval.
    await db.staffRules.create({ data: { shop: DEMO_SHOP, undoMinutes: 0 } });
    await page.reload();
    const overdue = await overdueOrderNames(app, { moreThan: 3, take: 6 });
    const half = Math.floor(overdue.length / 2);
    const refunded = overdue.slice(0, half);
    const thanked = overdue.slice(half);

    await runRemedy(app, refunded, "Refund");
    await runRemedy(app, thanked, "Free add-on");

    const store = demo.simulator.stores.get(DEMO_SHOP);
    if (!store) throw new Error("no store");
    const byName = (name: string) => store.orders.find((o) => o.name === name);
    for (const name of refunded)
      expect(refundsOf(store).refundsOf(byName(name)?.id ?? 0)).toHaveLength(1);
    for (const name of thanked) {
      const order = byName(name);
      expect(
        order?.lineItems.some(
          (l) => (l.unitDiscountCents ?? 0) > 0 && l.unitDiscountCents === l.unitPriceCents,
        ),
      ).toBe(true);
    }
    expect(await db.orderEvent.count({ where: { shop: DEMO_SHOP, kind: "remedy" } })).toBe(
      overdue.length,
    );
  });

  test("takes selected orders from the table to the notice composer", async ({ demo, page }) => {
    await page.goto(demo.url);
    const app = page.frameLocator("iframe");
    const names = await overdueOrderNames(app, { moreThan: 2, take: 2 });
    await selectRows(app, names);
    await app.getByRole("button", { name: "Tell their customers", exact: true }).click();
    await expect(app.getByText(`The 2 selected (${names.join(", ")})`)).toHaveCount(1);
  });
});
