// The outcomes page on the demo, as a merchant reads it: after the demo's first import and
// forecast, late orders are counted; a customer's "I'll wait" (through the real wait-or-refund
// route's use case) shows in the choices chart; each chart switches to a table of the same
// figures and downloads them as CSV (through App Bridge's fetch, with the session token).
import { readFile } from "node:fs/promises";
import { DEMO_SHOP } from "../../scripts/demo";
import { expect, test } from "../support/demo-in-browser";

test.use({ demoShop: { orders: 60, seed: 9 } });

test.describe("the outcomes page, in a browser", () => {
  test("shows the charts, a table view of the same figures, and downloads a chart's CSV", async ({
    demo,
    db,
    page,
    pageErrors,
    firstVisit,
  }) => {
    await firstVisit();
    const late = await db.orderOutcome.count({
      where: { shop: DEMO_SHOP, lateAt: { not: null } },
    });
    await page.goto(`${demo.url}/app/outcomes`);
    const app = page.frameLocator("iframe");
    await expect(app.getByRole("heading", { name: "Outcomes" })).toHaveCount(1, {
      timeout: 30_000,
    });
    const lateCard = app.getByRole("region", { name: "Late orders and time to the first notice" });
    await expect(lateCard.getByRole("img", { name: /Late orders and time/ })).toHaveCount(1);
    await expect(lateCard).toContainText(
      late === 0 ? "No order became late in these weeks." : `${late} orders became late;`,
    );

    await lateCard.getByRole("button", { name: "Table" }).click();
    await expect(lateCard.getByRole("columnheader", { name: "Became late" })).toHaveCount(1);
    await expect(lateCard.getByRole("img")).toHaveCount(0);

    const [download] = await Promise.all([
      page.waitForEvent("download", { timeout: 30_000 }),
      lateCard.getByRole("button", { name: "Download CSV" }).click(),
    ]);
    expect(download.suggestedFilename()).toBe("delay-desk-outcomes-late.csv");
    const csv = (await readFile(await download.path(), "utf8")).trim().split("\r\n");
    expect(csv[0]).toBe("Week of,Became late,Told,Hours to first notice (mean)");
    expect(csv).toHaveLength(13); // twelve weeks
    const counted = csv.slice(1).reduce((sum, line) => {
      const cells = line.match(/^"[^"]*",(\d+),/);
      return sum + Number(cells?.[1] ?? 0);
    }, 0);
    expect(counted).toBe(late);
    expect(pageErrors).toEqual([]);
  });
});
