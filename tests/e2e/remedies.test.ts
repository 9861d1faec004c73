// A merchant makes it right in bulk: on the Overdue tab she selects half the orders and refunds
// them, then sends a free add-on to the other half, watching each job's progress reach done. The
// shop's records (the simulator's store) then show one refund per refunded order and one free line
// per add-on order.
import type { PrismaClient } from "@prisma/client";
import type { Browser, FrameLocator } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEMO_SHOP, startDemo, type RunningDemo } from "../../scripts/demo";
import { refundsOf } from "../../simulator/store/refunds";
import { launchBrowser, newMerchantPage } from "../support/browser";
import { freshDatabaseUrl } from "../support/database";
import { openDatabase } from "../support/factories";

let demo: RunningDemo;
let browser: Browser;
let db: PrismaClient;

beforeAll(async () => {
  const databaseUrl = freshDatabaseUrl();
  demo = await startDemo({ host: "127.0.0.1", appPort: 0, simulatorPort: 0, orders: 300, seed: 3, databaseUrl, build: false });
  browser = await launchBrowser();
  db = await openDatabase(databaseUrl);
});

afterAll(async () => {
  await db?.$disconnect();
  await browser?.close();
  await demo?.stop();
});

async function selectRows(app: FrameLocator, names: readonly string[]) {
  for (const name of names) await app.locator("tbody tr", { hasText: name }).locator("td").first().click();
}

async function runRemedy(app: FrameLocator, names: readonly string[], bulkAction: string) {
  await app.getByRole("tab", { name: /Show Overdue orders/ }).click();
  await expect.poll(() => app.locator("tbody tr", { hasText: names[0] ?? "" }).count(), { timeout: 15_000 }).toBe(1);
  await selectRows(app, names);
  await app.getByRole("button", { name: bulkAction, exact: true }).click();
  await expect.poll(() => app.getByText(`${names.length} orders`, { exact: false }).count(), { timeout: 15_000 }).toBeGreaterThan(0);
  await app.getByRole("button", { name: /^Start:/ }).click();
  // The job page polls its own progress until nothing remains.
  await expect.poll(() => app.getByTestId("job-progress").innerText(), { timeout: 60_000 }).toMatch(new RegExp(`^${names.length} done · 0 failed · 0 skipped · 0 remaining`));
  await app.getByRole("link", { name: "Orders", exact: true }).first().click();
}

describe("make it right in bulk, in a browser", () => {
  it("refunds half the overdue orders and sends a free add-on to the rest", async () => {
    const page = await newMerchantPage(browser);
    await page.goto(demo.url);
    const app = page.frameLocator("iframe");
    await expect
      .poll(async () => (await db.orderSync.findFirst({ where: { shop: DEMO_SHOP }, orderBy: { startedAt: "desc" } }))?.status, { timeout: 60_000 })
      .toBe("completed");
    await page.reload();
    await app.getByRole("link", { name: "Orders", exact: true }).first().click();
    await app.getByRole("tab", { name: /Show Overdue orders/ }).click();
    await expect.poll(() => app.locator("tbody tr").count(), { timeout: 15_000 }).toBeGreaterThan(3);
    const overdue = (await app.locator("tbody tr td:nth-child(2)").allInnerTexts()).map((t) => t.trim()).slice(0, 6);
    const half = Math.floor(overdue.length / 2);
    const refunded = overdue.slice(0, half);
    const thanked = overdue.slice(half);

    await runRemedy(app, refunded, "Refund");
    await runRemedy(app, thanked, "Free add-on");

    const store = demo.simulator.stores.get(DEMO_SHOP);
    if (!store) throw new Error("no store");
    const byName = (name: string) => store.orders.find((o) => o.name === name);
    for (const name of refunded) expect(refundsOf(store).refundsOf(byName(name)?.id ?? 0)).toHaveLength(1);
    for (const name of thanked) {
      const order = byName(name);
      expect(order?.lineItems.some((l) => (l.unitDiscountCents ?? 0) > 0 && l.unitDiscountCents === l.unitPriceCents)).toBe(true);
    }
    expect(await db.orderEvent.count({ where: { shop: DEMO_SHOP, kind: "remedy" } })).toBe(overdue.length);
  }, 240_000);
});
