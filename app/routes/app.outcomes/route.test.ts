// The outcomes page's loader and its CSV, called as Remix calls them (a real session token, the
// real database): the charts and tables come from the shop's weekly summary rows, the CSV is the
// chart's table, an unknown chart is a 400, and another shop's rows never show.
import type { PrismaClient } from "@prisma/client";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  callRoute,
  startAppUnderTest,
  type AppUnderTest,
} from "../../../tests/support/app-under-test";
import { weekOf } from "../../outcomes/outcome-metrics";

let app: AppUnderTest;
let db: PrismaClient;
// The route modules read the app's environment on import: imported once the app is started.
let loader: (typeof import("./route"))["loader"];
let exportLoader: (typeof import("../app.outcomes.export"))["loader"];

beforeAll(async () => {
  app = await startAppUnderTest({ orders: 3, seed: 4 });
  db = (await import("../../db.server")).default;
  loader = (await import("./route")).loader;
  exportLoader = (await import("../app.outcomes.export")).loader;
});
afterAll(async () => {
  await db.$disconnect();
  await app.close();
});

describe("the outcomes page", () => {
  it("shows the week's figures from the summary as a chart, a table and a CSV, and not another shop's", async () => {
    await app.storeOfflineSession();
    const week = weekOf(new Date(), "America/New_York");
    await db.outcomeWeek.createMany({
      data: [
        { shop: app.shop, week, metric: "shipped", count: 4 },
        { shop: app.shop, week, metric: "shipped_on_time", count: 3 },
        { shop: app.shop, week, metric: "refund", currency: "USD", count: 2, total: 54_000 },
        { shop: "other.myshopify.com", week, metric: "shipped", count: 90 },
      ],
    });
    const page = await callRoute(loader, app.bearerRequest("/app/outcomes"));
    const onTime = page.charts.find((c) => c.id === "on_time");
    expect(onTime?.summary).toBe(
      "75 % of 4 shipped orders left on or before the day they were promised.",
    );
    expect(onTime?.table.rows.at(-1)).toEqual([expect.any(String), "4", "3", "75 %"]);
    expect(page.zone).toMatch(/^America\/New_York \((EST|EDT)\)$/);
    const refunds = page.charts.find((c) => c.id === "refunds");
    expect(refunds?.summary).toContain("$54.00 refunded to 2 orders");

    const csv = await callRoute(
      exportLoader,
      app.bearerRequest("/app/outcomes/export?chart=refunds"),
    );
    expect(csv.status).toBe(200);
    expect(csv.headers.get("Content-Type")).toBe("text/csv; charset=utf-8");
    const lines = (await csv.text()).trim().split("\r\n");
    expect(lines[0]).toBe("Week of,Currency,Orders,Amount");
    expect(lines.slice(1)).toEqual([expect.stringMatching(/,USD,2,54\.00$/)]);
  });

  it("answers an unknown chart with a 400", async () => {
    await app.storeOfflineSession();
    const response = await callRoute(
      exportLoader,
      app.bearerRequest("/app/outcomes/export?chart=everything"),
    );
    expect(response.status).toBe(400);
    expect(await response.text()).toContain("Unknown chart");
  });
});
