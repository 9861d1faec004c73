// A merchant opens the dashboard inside (simulated) Shopify admin, sees the overdue and at-risk
// counts, opens the orders table filtered to the overdue ones, then raises capacity on the
// settings page and sees the re-forecast. The orders arrive the way they do in the demo: the first
// admin visit starts the bulk import, which re-forecasts when it ends.
import type { PrismaClient } from "@prisma/client";
import type { FrameLocator } from "@playwright/test";
import { DEMO_SHOP } from "../../scripts/demo";
import { expect, test } from "../support/demo-in-browser";

async function figure(app: FrameLocator, name: string): Promise<number> {
  const text = await app.locator(`[data-figure="${name}"]`).innerText();
  return Number(text.replaceAll(",", ""));
}

async function storedCounts(db: PrismaClient) {
  const count = (delayClass: string) =>
    db.trackedOrder.count({ where: { shop: DEMO_SHOP, delayClass } });
  return {
    overdue: await count("overdue"),
    at_risk: await count("at_risk"),
    on_track: await count("on_track"),
  };
}

test.use({ demoShop: { orders: 300, seed: 3 } });

test.describe("the dashboard, in a browser", () => {
  test("shows the counts, filters the orders table to overdue, and re-forecasts after a settings change", async ({
    db,
    page,
    pageErrors,
    firstVisit,
  }) => {
    // The first visit starts the import; once it has finished (and re-forecast), the figures show.
    await firstVisit();
    const app = page.frameLocator("iframe");
    await page.reload();
    await expect(app.locator('[data-figure="overdue"]')).toHaveCount(1, { timeout: 30_000 });
    const before = await storedCounts(db);
    expect(before.overdue).toBeGreaterThan(0);
    expect(before.at_risk).toBeGreaterThan(0);
    expect(await figure(app, "overdue")).toBe(before.overdue);
    expect(await figure(app, "at_risk")).toBe(before.at_risk);
    expect(await figure(app, "on_track")).toBe(before.on_track);
    await expect(app.locator("body")).toContainText("New orders placed today would ship between", {
      useInnerText: true,
    });
    await expect(app.getByRole("img", { name: "Backlog burn-down forecast" })).toHaveCount(1);

    // The orders table, then its Overdue tab.
    await app.getByRole("link", { name: "Orders", exact: true }).first().click();
    await expect(app.getByRole("tab", { name: /Show Overdue orders/ })).toHaveCount(1);
    await app.getByRole("tab", { name: /Show Overdue orders/ }).click();
    const label = `${before.overdue.toLocaleString("en-US")} ${before.overdue === 1 ? "order" : "orders"}`;
    await expect(app.getByText(label, { exact: true })).toHaveCount(1);
    const statuses = await app.locator("tbody tr td:last-child").allInnerTexts();
    expect(statuses.length).toBe(Math.min(50, before.overdue));
    // Polaris badges also carry their tone ("Critical") as hidden text for screen readers.
    expect(new Set(statuses.map((text) => text.split("\n").at(-1)))).toEqual(new Set(["Overdue"]));

    // Settings: a workshop that suddenly makes 500 a day clears the at-risk list.
    await app.getByRole("link", { name: "Dashboard" }).first().click();
    await app.getByRole("link", { name: "Settings" }).first().click();
    await expect(app.locator('input[name="capacity.mon"]')).toHaveCount(1);
    for (const day of ["mon", "tue", "wed", "thu", "fri"])
      await app.locator(`input[name="capacity.${day}"]`).fill("500");
    await app.getByRole("button", { name: "Save and re-forecast" }).click();
    await expect(app.getByText("Saved and re-forecast")).toHaveCount(1, { timeout: 30_000 });

    const after = await storedCounts(db);
    expect(after.at_risk).toBeLessThan(before.at_risk);
    expect(after.overdue).toBe(before.overdue);
    await app.getByRole("link", { name: "Dashboard" }).first().click();
    await expect.poll(() => figure(app, "at_risk")).toBe(after.at_risk);
    expect(await figure(app, "on_track")).toBe(after.on_track);
    expect(pageErrors).toEqual([]);
  });
});
