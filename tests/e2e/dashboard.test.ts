// A merchant opens the dashboard inside (simulated) Shopify admin, sees the overdue and at-risk
// counts, opens the orders table filtered to the overdue ones, then raises capacity on the
// settings page and sees the re-forecast. The orders arrive the way they do in the demo: the first
// admin visit starts the bulk import, which re-forecasts when it ends.
import type { FrameLocator } from "playwright-core";
import { describe, expect, it } from "vitest";
import { DEMO_SHOP } from "../../scripts/demo";
import { newMerchantPage } from "../support/browser";
import { demoInBrowser } from "../support/demo-in-browser";

async function figure(app: FrameLocator, name: string): Promise<number> {
  const text = await app.locator(`[data-figure="${name}"]`).innerText();
  return Number(text.replaceAll(",", ""));
}

async function storedCounts() {
  const count = (delayClass: string) =>
    session.db.trackedOrder.count({ where: { shop: DEMO_SHOP, delayClass } });
  return {
    overdue: await count("overdue"),
    at_risk: await count("at_risk"),
    on_track: await count("on_track"),
  };
}

const session = demoInBrowser({ orders: 300, seed: 3 });

describe("the dashboard, in a browser", () => {
  it("shows the counts, filters the orders table to overdue, and re-forecasts after a settings change", async () => {
    const { demo, browser } = session;
    const page = await newMerchantPage(browser);
    const pageErrors: string[] = [];
    page.on("pageerror", (error) => pageErrors.push(error.message));
    await page.goto(demo.url);
    const app = page.frameLocator("iframe");
    // The first visit started the import; once it has finished (and re-forecast), the figures show.
    await session.firstImportFinished();
    await page.reload();
    await expect
      .poll(() => app.locator('[data-figure="overdue"]').count(), { timeout: 30_000 })
      .toBe(1);
    const before = await storedCounts();
    expect(before.overdue).toBeGreaterThan(0);
    expect(before.at_risk).toBeGreaterThan(0);
    expect(await figure(app, "overdue")).toBe(before.overdue);
    expect(await figure(app, "at_risk")).toBe(before.at_risk);
    expect(await figure(app, "on_track")).toBe(before.on_track);
    const dashboardText = await app.locator("body").innerText();
    expect(dashboardText).toContain("New orders placed today would ship between");
    expect(await app.getByRole("img", { name: "Backlog burn-down forecast" }).count()).toBe(1);

    // The orders table, then its Overdue tab.
    await app.getByRole("link", { name: "Orders", exact: true }).first().click();
    await expect
      .poll(() => app.getByRole("tab", { name: /Show Overdue orders/ }).count(), {
        timeout: 15_000,
      })
      .toBe(1);
    await app.getByRole("tab", { name: /Show Overdue orders/ }).click();
    const label = `${before.overdue.toLocaleString("en-US")} ${before.overdue === 1 ? "order" : "orders"}`;
    await expect
      .poll(() => app.getByText(label, { exact: true }).count(), { timeout: 15_000 })
      .toBe(1);
    const statuses = await app.locator("tbody tr td:last-child").allInnerTexts();
    expect(statuses.length).toBe(Math.min(50, before.overdue));
    // Polaris badges also carry their tone ("Critical") as hidden text for screen readers.
    expect(new Set(statuses.map((text) => text.split("\n").at(-1)))).toEqual(new Set(["Overdue"]));

    // Settings: a workshop that suddenly makes 500 a day clears the at-risk list.
    await app.getByRole("link", { name: "Dashboard" }).first().click();
    await app.getByRole("link", { name: "Settings" }).first().click();
    await expect
      .poll(() => app.locator('input[name="capacity.mon"]').count(), { timeout: 15_000 })
      .toBe(1);
    for (const day of ["mon", "tue", "wed", "thu", "fri"])
      await app.locator(`input[name="capacity.${day}"]`).fill("500");
    await app.getByRole("button", { name: "Save and re-forecast" }).click();
    await expect
      .poll(() => app.getByText("Saved and re-forecast").count(), { timeout: 30_000 })
      .toBe(1);

    const after = await storedCounts();
    expect(after.at_risk).toBeLessThan(before.at_risk);
    expect(after.overdue).toBe(before.overdue);
    await app.getByRole("link", { name: "Dashboard" }).first().click();
    await expect.poll(() => figure(app, "at_risk"), { timeout: 15_000 }).toBe(after.at_risk);
    expect(await figure(app, "on_track")).toBe(after.on_track);
    expect(pageErrors).toEqual([]);
    await page.close();
  });
});
