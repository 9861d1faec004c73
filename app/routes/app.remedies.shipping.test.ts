// The shipping cost back's confirmation for a large selection: its plan asks Shopify for each
// order's refundable shipping (Order.suggestedRefund), about 5 points an order, so a class of
// 5,000 overdue orders would take minutes of a standard shop's 100 points a second
// (https://shopify.dev/docs/api/usage/limits#graphql-admin-api-rate-limits). The page counts the
// open orders from the local copy and asks Shopify about the first PREVIEW_ASKS_SHOPIFY only.
// Its own file: one test database and shop per file.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { refundsOf } from "@delay-desk/simulator/store/refunds";
import { callRoute } from "../../tests/support/app-under-test";
import { startJobHarness, type JobHarness } from "../../tests/support/job-harness";
import { PREVIEW_ASKS_SHOPIFY } from "../remedies/remedy-request.server";

let h: JobHarness;
beforeAll(async () => {
  h = await startJobHarness({ orders: 200, seed: 9, plan: "PLUS" });
});
afterAll(async () => {
  await h.close();
});

const gid = (id: number) => `gid://shopify/Order/${id}`;
const usd = (cents: number) =>
  new Intl.NumberFormat("en", { style: "currency", currency: "USD" }).format(cents / 100);

/** Open orders with shipping left to refund (none refunded yet), as the seed has them. */
const openWithShipping = (count: number) =>
  h.store.orders
    .filter(
      (o) =>
        o.cancelledAt === null &&
        o.shippingCents > 0 &&
        refundsOf(h.store).refundsOf(o.id).length === 0,
    )
    .slice(0, count);

async function confirmation(orders: ReadonlyArray<{ id: number }>) {
  const ids = orders.map((o) => gid(o.id)).join(",");
  const { loader } = await import("./app.remedies");
  return callRoute(
    loader,
    h.app.bearerRequest(`/app/remedies?remedy=shipping&ids=${encodeURIComponent(ids)}`),
  );
}

describe("shipping cost back: confirmation of a large selection", () => {
  it("counts every open order and shows Shopify's shipping for the first ones only", async () => {
    // Open orders with shipping, and a cancelled one (not a candidate), as the plan orders them.
    const open = openWithShipping(PREVIEW_ASKS_SHOPIFY + 12);
    const cancelled = h.store.orders.find((o) => o.cancelledAt !== null);
    if (open.length < PREVIEW_ASKS_SHOPIFY + 12 || !cancelled)
      throw new Error("the seeded shop has too few open orders with shipping");
    const byPlan = [...open].sort((a, b) => a.createdAt - b.createdAt || a.id - b.id);
    const page = await confirmation([...open, cancelled]);
    expect(page.preview.selected).toBe(open.length + 1);
    expect(page.preview.count).toBe(open.length);
    expect(page.preview.partial).toEqual({ asked: PREVIEW_ASKS_SHOPIFY });
    // Shopify's refundable shipping of the first 50, not of all 62: an unrefunded order's
    // shipping lines (this shop sells in USD only).
    const asked = byPlan.slice(0, PREVIEW_ASKS_SHOPIFY);
    const cents = asked.reduce((sum, o) => sum + o.shippingCents, 0);
    expect(page.preview.amount).toBe((cents / 100).toFixed(2));
    expect(page.money).toBe(` — ${usd(cents)}`);
    // The first rows, in the job's order, with their names and money.
    expect(page.first).toEqual(
      byPlan
        .slice(0, 10)
        .map((o) => ({ id: gid(o.id), name: o.name, money: usd(o.shippingCents) })),
    );
  });

  it("plans a small selection whole: the exact count and money", async () => {
    const open = openWithShipping(3);
    const page = await confirmation(open);
    expect(page.preview).toMatchObject({ count: 3, partial: null });
    expect(page.preview.amount).toBe(
      (open.reduce((sum, o) => sum + o.shippingCents, 0) / 100).toFixed(2),
    );
  });
});
