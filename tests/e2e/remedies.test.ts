// A merchant makes it right in bulk: on the Overdue tab she selects half the orders and refunds
// them, then sends a free add-on to the other half, watching each job's progress reach done. The
// shop's records (the simulator's store) then show one refund per refunded order and one free line
// per add-on order.
import type { FrameLocator } from "playwright-core";
import { describe, expect, it } from "vitest";
import { DEMO_SHOP } from "../../scripts/demo";
import { refundsOf } from "@delay-desk/simulator/store/refunds";
import { newMerchantPage } from "../support/browser";
import { demoInBrowser } from "../support/demo-in-browser";

async function selectRows(app: FrameLocator, names: readonly string[]) {
  for (const name of names)
    await app.locator("tbody tr", { hasText: name }).locator("td").first().click();
}

async function runRemedy(app: FrameLocator, names: readonly string[], bulkAction: string) {
  await app.getByRole("tab", { name: /Show Overdue orders/ }).click();
  await expect
    .poll(() => app.locator("tbody tr", { hasText: names[0] ?? "" }).count(), { timeout: 15_000 })
    .toBe(1);
  await selectRows(app, names);
  await app.getByRole("button", { name: bulkAction, exact: true }).click();
  await expect
    .poll(() => app.getByText(`${names.length} orders`, { exact: false }).count(), {
      timeout: 15_000,
    })
    .toBeGreaterThan(0);
  await app.getByRole("button", { name: /^Start:/ }).click();
  // The job page polls its own progress until nothing remains.
  await expect
    .poll(() => app.getByTestId("job-progress").innerText(), { timeout: 60_000 })
    .toMatch(new RegExp(`^${names.length} done · 0 failed · 0 skipped · 0 remaining`));
  await app.getByRole("link", { name: "Orders", exact: true }).first().click();
}

const session = demoInBrowser({ orders: 300, seed: 3 });

describe("make it right in bulk, in a browser", () => {
  it("refunds half the overdue orders and sends a free add-on to the rest", async () => {
    const { demo, browser, db } = session;
    const page = await newMerchantPage(browser);
    await page.goto(demo.url);
    const app = page.frameLocator("iframe");
    await session.firstImportFinished();
    // Refunds start at once here (no undo window, app/staff/); tests/e2e/staff-and-money.test.ts
    // walks the window and approval.
    await db.staffRules.create({ data: { shop: DEMO_SHOP, undoMinutes: 0 } });
    await page.reload();
    await app.getByRole("link", { name: "Orders", exact: true }).first().click();
    await app.getByRole("tab", { name: /Show Overdue orders/ }).click();
    await expect
      .poll(() => app.locator("tbody tr").count(), { timeout: 15_000 })
      .toBeGreaterThan(3);
    const overdue = (await app.locator("tbody tr td:nth-child(2)").allInnerTexts())
      .map((t) => t.trim())
      .slice(0, 6);
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
  }, 240_000);
  it("takes selected orders from the table to the notice composer", async () => {
    const { demo, browser } = session;
    const page = await newMerchantPage(browser);
    await page.goto(demo.url);
    const app = page.frameLocator("iframe");
    await app.getByRole("link", { name: "Orders", exact: true }).first().click();
    await app.getByRole("tab", { name: /Show Overdue orders/ }).click();
    await expect
      .poll(() => app.locator("tbody tr").count(), { timeout: 15_000 })
      .toBeGreaterThan(2);
    const names = (await app.locator("tbody tr td:nth-child(2)").allInnerTexts())
      .map((t) => t.trim())
      .slice(0, 2);
    await selectRows(app, names);
    await app.getByRole("button", { name: "Tell their customers", exact: true }).click();
    await expect
      .poll(() => app.getByText(`The 2 selected (${names.join(", ")})`).count(), {
        timeout: 15_000,
      })
      .toBe(1);
    await page.close();
  });
});
