// Staff and money in a browser, an owner and two staff members side by side (the simulated
// admin's user switch logs each in, so App Bridge's session tokens and the online tokens the app
// exchanges them for are theirs): Dawn starts a refund over the shop's limit, the job waits for
// approval with its frozen list shown; Priya (no refund permission) sees it but cannot approve;
// Marcus, the account owner, approves it; the undo window counts down and Dawn cancels it with one
// click. Nothing was refunded: the simulator's refund records stay empty for those orders.
import type { FrameLocator } from "playwright-core";
import { describe, expect, it } from "vitest";
import { DEMO_SHOP } from "../../scripts/demo";
import { refundsOf } from "@delay-desk/simulator/store/refunds";
import { newMerchantPage } from "../support/browser";
import { demoInBrowser } from "../support/demo-in-browser";

const session = demoInBrowser({ orders: 200, seed: 4 });

async function selectRows(app: FrameLocator, names: readonly string[]) {
  for (const name of names)
    await app.locator("tbody tr", { hasText: name }).locator("td").first().click();
}

describe("staff and money, in a browser", () => {
  it("holds an over-limit refund for the owner's approval, counts down, and cancels with one click", async () => {
    const { demo, browser, db } = session;
    const dawn = await newMerchantPage(browser);
    await dawn.goto(demo.url);
    await session.firstImportFinished();
    await db.staffRules.create({ data: { shop: DEMO_SHOP, jobOrderLimit: 2 } });
    await dawn.reload();
    await expect.poll(() => dawn.getByTestId("staff-name").innerText()).toBe("Dawn Rivera");
    const app = dawn.frameLocator("iframe");
    await app.getByRole("link", { name: "Orders", exact: true }).first().click();
    await app.getByRole("tab", { name: /Show Overdue orders/ }).click();
    await expect
      .poll(() => app.locator("tbody tr").count(), { timeout: 15_000 })
      .toBeGreaterThan(3);
    const names = (await app.locator("tbody tr td:nth-child(2)").allInnerTexts())
      .map((t) => t.trim())
      .slice(0, 3);
    await selectRows(app, names);
    await app.getByRole("button", { name: "Refund", exact: true }).click();
    await app.getByRole("button", { name: /^Start:/ }).click();
    await expect
      .poll(() => app.getByTestId("approval-reason").innerText(), { timeout: 15_000 })
      .toMatch(/per-job limit of 2 orders \(this job: 3\)/);
    const frozen = await app.getByTestId("frozen-list").innerText();
    for (const name of names) expect(frozen).toContain(name);
    const job = await db.job.findFirstOrThrow({ where: { shop: DEMO_SHOP, kind: "refund" } });
    expect(job).toMatchObject({ status: "awaiting_approval", createdByName: "Dawn Rivera" });

    // Side by side: Priya (customer support) sees the job but no Approve button.
    const jobPath = `${demo.url}/app/jobs/${job.id}`;
    const priya = await newMerchantPage(browser);
    await priya.goto(`${jobPath}?user=3`);
    await expect.poll(() => priya.getByTestId("staff-name").innerText()).toBe("Priya Shah");
    const priyaApp = priya.frameLocator("iframe");
    await expect
      .poll(() => priyaApp.getByText("Only the account owner can approve.").count(), {
        timeout: 15_000,
      })
      .toBe(1);
    expect(await priyaApp.getByRole("button", { name: "Approve" }).count()).toBe(0);

    // Marcus logs in through the user switch and approves.
    const marcus = await newMerchantPage(browser);
    await marcus.goto(jobPath);
    await marcus.getByTestId("user-switch").getByRole("link", { name: "Marcus Hale" }).click();
    await expect.poll(() => marcus.getByTestId("staff-name").innerText()).toBe("Marcus Hale");
    const marcusApp = marcus.frameLocator("iframe");
    await marcusApp.getByRole("button", { name: "Approve" }).click();
    await expect
      .poll(() => marcusApp.getByTestId("approval-decision").innerText(), { timeout: 15_000 })
      .toMatch(/^Approved by Marcus Hale/);
    await expect
      .poll(() => marcusApp.getByTestId("countdown").innerText(), { timeout: 15_000 })
      .toMatch(/^[45]:\d\d$/);

    // Dawn's page follows; she thinks better of it and cancels in the window.
    await expect.poll(() => app.getByTestId("countdown").count(), { timeout: 15_000 }).toBe(1);
    await app.getByRole("button", { name: "Cancel this job" }).click();
    await expect
      .poll(() => app.getByTestId("undo-cancelled").innerText(), { timeout: 15_000 })
      .toBe("Cancelled in the undo window by Dawn Rivera: nothing ran.");
    expect(await db.job.findUniqueOrThrow({ where: { id: job.id } })).toMatchObject({
      status: "cancelled",
    });
    const store = demo.simulator.stores.get(DEMO_SHOP);
    if (!store) throw new Error("no store");
    for (const name of names) {
      const order = store.orders.find((o) => o.name === name);
      expect(refundsOf(store).refundsOf(order?.id ?? 0)).toHaveLength(0);
    }
    await Promise.all([dawn.close(), priya.close(), marcus.close()]);
  }, 240_000);
});
