// The confirmation page and the job page through their real loaders and actions: the count and
// money shown are the plan's, starting creates the job, the runner finishes it, the job page
// reports it, and another shop cannot see or control it.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { refundsOf } from "@delay-desk/simulator/store/refunds";
import { callRoute } from "../../tests/support/app-under-test";
import { startJobHarness, type JobHarness } from "../../tests/support/job-harness";
import { runJobsToEnd } from "../../tests/support/run-jobs";
import { releaseDueJobs } from "../staff/job-gate.server";

let h: JobHarness;
beforeAll(async () => {
  h = await startJobHarness({ orders: 40, seed: 9, plan: "PLUS" });
});
afterAll(async () => {
  await h.close();
});

describe("remedy confirmation and job progress", () => {
  it("confirms the count and money, starts the job, and shows it finished", async () => {
    const orders = h.store.orders
      .filter((o) => o.cancelledAt === null && o.receivedCents > 0)
      .slice(0, 3);
    const ids = orders.map((o) => `gid://shopify/Order/${o.id}`).join(",");
    const { loader, action } = await import("./app.remedies");
    const page = await callRoute(
      loader,
      h.app.bearerRequest(`/app/remedies?remedy=refund&ids=${encodeURIComponent(ids)}`),
    );
    expect(page.preview.count).toBe(3);
    expect(page.preview.amount).toBe(
      (orders.reduce((sum, o) => sum + o.totalCents, 0) / 100).toFixed(2),
    );
    expect(page.money).toBe(
      ` — ${new Intl.NumberFormat("en", { style: "currency", currency: "USD" }).format(Number(page.preview.amount))}`,
    );

    const form = new URLSearchParams({ notify: "", note: "Sorry for the wait" });
    const started = await callRoute(
      action,
      h.app.bearerRequest(`/app/remedies?remedy=refund&ids=${encodeURIComponent(ids)}`, {
        method: "POST",
        body: form,
        headers: { "Content-Type": "application/x-www-form-urlencoded" },
      }),
    );
    if (!(started instanceof Response))
      throw new Error(`expected a redirect, got ${JSON.stringify(started)}`);
    const location = started.headers.get("Location") ?? "";
    expect(location).toMatch(/^\/app\/jobs\/\w+$/);
    const jobId = location.split("/").at(-1) ?? "";

    // A refund waits out the undo window (app/staff/); the sweep then hands it to the runner.
    expect((await h.db.job.findUniqueOrThrow({ where: { id: jobId } })).status).toBe("countdown");
    expect(await releaseDueJobs(h.db, new Date(Date.now() + 6 * 60_000))).toBe(1);
    await runJobsToEnd(h.runner(), h.db);
    const jobRoute = await import("./app.jobs.$id");
    const progress = await callRoute(jobRoute.loader, h.app.bearerRequest(location), { id: jobId });
    expect(progress.progress).toMatchObject({
      status: "completed",
      counts: { done: 3, failed: 0 },
      remaining: 0,
    });
    // Every planned refund ran: the money moved is the money planned.
    expect(progress.money).toEqual({ planned: page.money.slice(3), done: page.money.slice(3) });
    for (const order of orders) expect(refundsOf(h.store).refundsOf(order.id)).toHaveLength(1);
    const job = await h.db.job.findUniqueOrThrow({ where: { id: jobId } });
    expect(job).toMatchObject({ createdBy: "1", createdByName: "Dawn Rivera" });
  });

  it("refuses a form without a variant for a free add-on, and an empty selection", async () => {
    const { action, loader } = await import("./app.remedies");
    const id = `gid://shopify/Order/${h.store.orders[0]?.id ?? 0}`;
    const refused = await callRoute(
      action,
      h.app.bearerRequest(`/app/remedies?remedy=add_on&ids=${encodeURIComponent(id)}`, {
        method: "POST",
        body: new URLSearchParams({ notify: "on" }),
        headers: { "Content-Type": "application/x-www-form-urlencoded" },
      }),
    );
    if (!(refused instanceof Response)) throw new Error("expected a Response");
    expect(refused.status).toBe(400);
    expect(await refused.json()).toMatchObject({ error: expect.stringMatching(/variantId/) });
    await expect(
      callRoute(loader, h.app.bearerRequest("/app/remedies?remedy=refund")),
    ).rejects.toMatchObject({ status: 400 });
  });

  it("offers in-stock variants for a free add-on", async () => {
    const { loader } = await import("./app.remedies");
    const id = `gid://shopify/Order/${h.store.orders[1]?.id ?? 0}`;
    const page = await callRoute(
      loader,
      h.app.bearerRequest(`/app/remedies?remedy=add_on&ids=${encodeURIComponent(id)}`),
    );
    expect(page.variants.length).toBeGreaterThan(0);
    expect(page.variants[0]?.id).toMatch(/^gid:\/\/shopify\/ProductVariant\//);
  });
});
