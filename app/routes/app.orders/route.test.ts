// The orders table and its CSV export, through the real loaders with App Bridge's bearer token,
// on the seeded shop's orders after a forecast.
import type { PrismaClient } from "@prisma/client";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import {
  callRoute,
  startAppUnderTest,
  type AppUnderTest,
} from "../../../tests/support/app-under-test";
import {
  insertTrackedOrders,
  trackedOrder,
  trackedOrdersFromStore,
} from "../../../tests/support/factories";
import { reforecastShop } from "../../orders/reforecast.server";

let app: AppUnderTest;
let db: PrismaClient;

beforeAll(async () => {
  app = await startAppUnderTest({ orders: 400, seed: 21 });
  db = (await import("../../db.server")).default;
});

// Each test on a fresh database: the seeded shop's orders, forecast, and one of another shop.
beforeEach(async () => {
  const store = app.simulator.stores.get(app.shop);
  if (!store) throw new Error("no store");
  await insertTrackedOrders(db, trackedOrdersFromStore(store));
  await insertTrackedOrders(db, [
    trackedOrder("nosy.myshopify.com", {
      name: "#1",
      delayClass: "overdue",
      promisedShipDate: "2026-01-01",
    }),
  ]);
  await reforecastShop(db, app.shop, new Date(), { fallbackTimeZone: store.shop.ianaTimezone });
});
afterAll(async () => {
  await db.$disconnect();
  await app.close();
});

async function page(search: string) {
  const { loader } = await import("./route");
  return callRoute(loader, app.bearerRequest(`/app/orders${search}`));
}

describe("orders table", () => {
  it("lists open orders by promise, pages by cursor, and filters by class", async () => {
    const first = await page("");
    const open = await db.trackedOrder.count({
      where: { shop: app.shop, delayClass: { in: ["overdue", "at_risk", "on_track"] } },
    });
    expect(first.total).toBe(open);
    expect(first.rows).toHaveLength(50);
    expect(first.previous).toBeNull();
    const promises = first.rows.map((r) => r.promisedShipDate ?? "");
    expect(promises).toEqual([...promises].sort());
    if (!first.next) throw new Error("expected a second page");
    const second = await page(`?after=${first.next}`);
    expect(
      second.rows[0]?.promisedShipDate &&
        second.rows[0].promisedShipDate >= (promises.at(-1) ?? ""),
    ).toBe(true);
    expect(second.rows.some((r) => first.rows.some((f) => f.id === r.id))).toBe(false);

    const overdue = await page("?class=overdue&sort=created&dir=desc");
    expect(overdue.total).toBe(
      await db.trackedOrder.count({ where: { shop: app.shop, delayClass: "overdue" } }),
    );
    expect(overdue.total).toBeGreaterThan(0);
    expect(overdue.rows.every((r) => r.delayClass === "overdue")).toBe(true);
    expect(overdue.view).toEqual({ filter: "overdue", q: "", sort: "created", dir: "desc" });
    expect(overdue.rows.some((r) => r.name === "#1")).toBe(false);
  });

  it("searches by order name and customer", async () => {
    const some = (await page("")).rows[3];
    if (!some) throw new Error("no row");
    expect((await page(`?q=${encodeURIComponent(some.name)}`)).rows.map((r) => r.id)).toContain(
      some.id,
    );
    const lastName = some.customer.split(" ").at(-1);
    if (lastName) {
      const found = await page(`?q=${encodeURIComponent(lastName)}`);
      expect(
        found.rows.every(
          (r) =>
            `${r.customer} ${r.email}`.toLowerCase().includes(lastName.toLowerCase()) ||
            r.name.includes(lastName),
        ),
      ).toBe(true);
    }
  });
});

describe("orders CSV export", () => {
  async function exportCsv(search: string) {
    const { loader } = await import("../app.orders.export");
    return callRoute(loader, app.bearerRequest(`/app/orders/export${search}`));
  }

  it("streams every order of the current view as CSV", async () => {
    const response = await exportCsv("?class=at_risk&sort=forecast");
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("text/csv; charset=utf-8");
    expect(response.headers.get("content-disposition")).toMatch(
      /^attachment; filename="delay-desk-orders-at_risk-\d{4}-\d{2}-\d{2}\.csv"$/,
    );
    const lines = (await response.text()).split("\r\n").filter(Boolean);
    const atRisk = await db.trackedOrder.count({
      where: { shop: app.shop, delayClass: "at_risk" },
    });
    expect(lines).toHaveLength(atRisk + 1);
    expect(lines.slice(1).every((line) => line.endsWith(",At risk"))).toBe(true);
  });

  it("exports only the selected orders, and refuses a malformed selection", async () => {
    const rows = (await page("")).rows.slice(0, 3);
    const response = await exportCsv(`?ids=${rows.map((r) => encodeURIComponent(r.id)).join(",")}`);
    const lines = (await response.text()).split("\r\n").filter(Boolean);
    expect(lines.slice(1).map((line) => line.split(",")[0])).toEqual(rows.map((r) => r.name));
    const tooMany = await exportCsv(
      `?ids=${Array.from({ length: 300 }, (_, i) => `x${i}`).join(",")}`,
    );
    expect(tooMany.status).toBe(400);
  });
});
