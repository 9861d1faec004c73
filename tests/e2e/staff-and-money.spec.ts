// Staff and money in a browser, an owner and two staff members side by side (the simulated
// admin's user switch logs each in, so App Bridge's session tokens and the online tokens the app
// exchanges them for are theirs): Dawn starts a refund over the shop's limit, the job waits for
// approval with its frozen list shown; Priya (no refund permission) sees it but cannot approve;
// Marcus, the account owner, approves it; the undo window counts down and Dawn cancels it with one
// click. Nothing was refunded: the simulator's refund records stay empty for those orders.
import { DEMO_SHOP } from "../../scripts/demo";
import { refundsOf } from "@delay-desk/simulator/store/refunds";
import { newMerchantPage } from "../support/browser";
import { expect, test } from "../support/demo-in-browser";
import { overdueOrderNames, selectRows } from "../support/orders-table";

test.use({ demoShop: { orders: 200, seed: 4 } });

test.describe("staff and money, in a browser", () => {
  test("holds an over-limit refund for the owner's approval, counts down, and cancels with one click", async ({
    demo,
    db,
    browser,
    page: dawn,
    firstVisit,
  }) => {
    test.setTimeout(240_000);
    await firstVisit();
    await db.staffRules.create({ data: { shop: DEMO_SHOP, jobOrderLimit: 2 } });
    await dawn.reload();
    await expect(dawn.getByTestId("staff-name")).toHaveText("Dawn Rivera", { useInnerText: true });
    const app = dawn.frameLocator("iframe");
    const names = await overdueOrderNames(app, { moreThan: 3, take: 3 });
    await selectRows(app, names);
    await app.getByRole("button", { name: "Refund", exact: true }).click();
    await app.getByRole("button", { name: /^Start:/ }).click();
    await expect(app.getByTestId("approval-reason")).toHaveText(
      /per-job limit of 2 orders \(this job: 3\)/,
      { useInnerText: true },
    );
    const frozen = await app.getByTestId("frozen-list").innerText();
    for (const name of names) expect(frozen).toContain(name);
    const job = await db.job.findFirstOrThrow({ where: { shop: DEMO_SHOP, kind: "refund" } });
    expect(job).toMatchObject({ status: "awaiting_approval", createdByName: "Dawn Rivera" });

    // Side by side: Priya (customer support) sees the job but no Approve button.
    const jobPath = `${demo.url}/app/jobs/${job.id}`;
    const priya = await newMerchantPage(browser);
    await priya.goto(`${jobPath}?user=3`);
    await expect(priya.getByTestId("staff-name")).toHaveText("Priya Shah", { useInnerText: true });
    const priyaApp = priya.frameLocator("iframe");
    await expect(priyaApp.getByText("Only the account owner can approve.")).toHaveCount(1);
    expect(await priyaApp.getByRole("button", { name: "Approve" }).count()).toBe(0);

    // Marcus logs in through the user switch and approves.
    const marcus = await newMerchantPage(browser);
    await marcus.goto(jobPath);
    await marcus.getByTestId("user-switch").getByRole("link", { name: "Marcus Hale" }).click();
    await expect(marcus.getByTestId("staff-name")).toHaveText("Marcus Hale", {
      useInnerText: true,
    });
    const marcusApp = marcus.frameLocator("iframe");
    await marcusApp.getByRole("button", { name: "Approve" }).click();
    await expect(marcusApp.getByTestId("approval-decision")).toHaveText(
      /^Approved by Marcus Hale/,
      {
        useInnerText: true,
      },
    );
    await expect(marcusApp.getByTestId("countdown")).toHaveText(/^[45]:\d\d$/, {
      useInnerText: true,
    });

    // Dawn's page follows; she thinks better of it and cancels in the window.
    await expect(app.getByTestId("countdown")).toHaveCount(1);
    await app.getByRole("button", { name: "Cancel this job" }).click();
    await expect(app.getByTestId("undo-cancelled")).toHaveText(
      "Cancelled in the undo window by Dawn Rivera: nothing ran.",
      { useInnerText: true },
    );
    expect(await db.job.findUniqueOrThrow({ where: { id: job.id } })).toMatchObject({
      status: "cancelled",
    });
    const store = demo.simulator.stores.get(DEMO_SHOP);
    if (!store) throw new Error("no store");
    for (const name of names) {
      const order = store.orders.find((o) => o.name === name);
      expect(refundsOf(store).refundsOf(order?.id ?? 0)).toHaveLength(0);
    }
    await Promise.all([priya.context().close(), marcus.context().close()]);
  });
});
