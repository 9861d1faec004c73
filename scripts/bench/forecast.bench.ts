// Late orders at 100k: the pure forecast's classification rate, the database reforecast that
// writes each order's dates and class, and the dashboard loader reading the result.
import { DatabaseSync, type SQLInputValue } from "node:sqlite";
import { sqliteFileUrl } from "../../app/database-url";
import { forecastOrders, type UnfulfilledOrder } from "../../app/forecast/forecast-orders";
import { DEFAULT_SHOP_RULES } from "../../app/promise/shop-rules";
import { seedShop } from "@delay-desk/simulator/seed";
import { freshDatabaseUrl } from "../../tests/support/database";
import {
  openDatabase,
  trackedOrdersFromStore,
  type TrackedOrderRow,
} from "../../tests/support/factories";
import type { BenchRow } from "../bench";
import { fmtMs, fmtRate, percentile, timed } from "./measure";

export const title = "Late orders at 100k: forecast, reforecast, dashboard";

const SHOP = "bench-forecast.myshopify.com";
const ORDERS = 100_000;
const NOW = new Date("2026-12-10T15:00:00Z");

/** Plain SQLite inserts in one transaction: the bench measures the app, not the fixture. */
function insertRows(databaseUrl: string, rows: readonly TrackedOrderRow[]): void {
  const sqlite = new DatabaseSync(sqliteFileUrl(databaseUrl));
  const columns = Object.keys(rows[0] ?? {});
  const insert = sqlite.prepare(
    `INSERT INTO "TrackedOrder" (${columns.map((c) => `"${c}"`).join(", ")}) VALUES (${columns.map((c) => `@${c}`).join(", ")})`,
  );
  const toSql = (value: unknown): SQLInputValue => {
    if (value instanceof Date) return value.getTime();
    if (typeof value === "boolean") return value ? 1 : 0;
    if (typeof value === "string" || typeof value === "number" || typeof value === "bigint")
      return value;
    return null;
  };
  sqlite.exec("BEGIN");
  for (const row of rows)
    insert.run(Object.fromEntries(Object.entries(row).map(([k, v]) => [k, toSql(v)])));
  sqlite.exec("COMMIT");
  sqlite.close();
}

export async function run(): Promise<BenchRow[]> {
  const rows: BenchRow[] = [];
  const store = seedShop({ domain: SHOP, orders: ORDERS, seed: 1, now: NOW });
  const tracked = trackedOrdersFromStore(store);

  // The pure forecast over every unfulfilled order of the seeded shop.
  const backlog: UnfulfilledOrder[] = tracked
    .filter((row) => row.unitsRemaining > 0 && !row.cancelledAt)
    .map((row) => ({
      id: row.id,
      createdAt: new Date(row.createdAt),
      unitsRemaining: row.unitsRemaining,
      fulfillBy: row.fulfillBy ? new Date(row.fulfillBy) : null,
      lineItems: JSON.parse(row.lineItems),
    }));
  const rules = { ...DEFAULT_SHOP_RULES, timeZone: store.shop.ianaTimezone };
  forecastOrders(backlog.slice(0, 1000), rules, NOW); // warm-up
  const pure = await timed(() => forecastOrders(backlog, rules, NOW));
  rows.push({
    figure: `pure forecast, ${backlog.length.toLocaleString("en-US")} unfulfilled orders`,
    value: fmtMs(pure.ms),
    note: fmtRate(backlog.length, pure.ms, "orders"),
  });

  const databaseUrl = freshDatabaseUrl();
  insertRows(databaseUrl, tracked);
  process.env.DATABASE_URL = databaseUrl;
  const db = await openDatabase(databaseUrl);
  try {
    const { reforecastShop } = await import("../../app/orders/reforecast.server");
    const reforecast = await timed(() =>
      reforecastShop(db, SHOP, NOW, { fallbackTimeZone: store.shop.ianaTimezone }),
    );
    rows.push({
      figure: `reforecast in the database, ${ORDERS.toLocaleString("en-US")} orders`,
      value: fmtMs(reforecast.ms),
      note: "read, forecast, write dates and class",
    });

    const { loadDashboard } = await import("../../app/dashboard/dashboard.server");
    const samples: number[] = [];
    for (let i = 0; i < 10; i++) samples.push((await timed(() => loadDashboard(db, SHOP))).ms);
    rows.push({
      figure: `dashboard loader, ${ORDERS.toLocaleString("en-US")} orders (10 runs)`,
      value: `p50 ${fmtMs(percentile(samples, 50))}, max ${fmtMs(Math.max(...samples))}`,
    });

    const { listOrders } = await import("../../app/orders/list-orders.server");
    const { parseOrdersView } = await import("../../app/orders/orders-view");
    for (const query of ["", "class=overdue&sort=created", "sort=promise", "q=smith"]) {
      const view = parseOrdersView(new URLSearchParams(query));
      const page = await timed(() => listOrders(db, SHOP, view));
      rows.push({
        figure: `orders page ${query ? `?${query}` : "(default)"}`,
        value: fmtMs(page.ms),
      });
    }
  } finally {
    await db.$disconnect();
  }
  return rows;
}
