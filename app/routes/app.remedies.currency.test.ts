// The confirmation page on a shop that sells in CAD, some of whose buyers paid in USD: staff see
// the shop's money (MoneyBag.shopMoney, "Amount in shop currency",
// https://shopify.dev/docs/api/admin-graphql/latest/objects/MoneyBag) in their own locale, never a
// hard-coded "$". Its own file: one test database and shop per file.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CANADIAN_SHOP } from "@delay-desk/simulator/cli";
import { toShopCents } from "@delay-desk/simulator/store/currency";
import { callRoute } from "../../tests/support/app-under-test";
import { startJobHarness, type JobHarness } from "../../tests/support/job-harness";

describe("remedy confirmation on a CAD shop", () => {
  let cad: JobHarness;
  beforeAll(async () => {
    cad = await startJobHarness({ orders: 40, seed: 9, plan: "PLUS", ...CANADIAN_SHOP });
  });
  afterAll(async () => {
    await cad.close();
  });

  it("shows staff the shop's money in CAD, in the admin's locale, for buyers who paid in USD too; add-on prices in CAD", async () => {
    const paid = cad.store.orders.filter((o) => o.cancelledAt === null && o.receivedCents > 0);
    const orders = [
      ...paid.filter((o) => o.currencies.presentment === "USD").slice(0, 2),
      ...paid.filter((o) => o.currencies.presentment === "CAD").slice(0, 2),
    ];
    expect(orders).toHaveLength(4);
    const ids = encodeURIComponent(orders.map((o) => `gid://shopify/Order/${o.id}`).join(","));
    const { loader } = await import("./app.remedies");
    // The admin opens the app with the staff member's language as `locale`.
    const page = await callRoute(
      loader,
      cad.app.bearerRequest(`/app/remedies?remedy=refund&ids=${ids}&locale=fr-CA`),
    );
    const cents = orders.reduce((sum, o) => sum + toShopCents(o.totalCents, o.currencies), 0);
    expect(page.preview.currencyCode).toBe("CAD");
    expect(page.money).toBe(
      ` — ${new Intl.NumberFormat("fr-CA", { style: "currency", currency: "CAD" }).format(cents / 100)}`,
    );
    expect(page.money).not.toMatch(/US|USD/);
    const addOn = await callRoute(
      loader,
      cad.app.bearerRequest(`/app/remedies?remedy=add_on&ids=${ids}&locale=en-US`),
    );
    expect(addOn.variants[0]?.label).toMatch(/\(CA\$\d[\d,]*\.\d\d, \d+ in stock\)$/);
  });
});
