// Pages at 100k orders (issue 15): the dashboard loader, which reads the shop's order summary,
// beside its peer, the aggregates over every row it ran before; the outcomes loader beside the
// aggregate over the rows (pages-outcomes.ts); and the orders page for every
// filter, sort and search, with a deep page by keyset (the app) beside the naive OFFSET pager.
// On SQLite and on PostgreSQL. Sizes: BENCH_PAGES_ORDERS (default 100,000), BENCH_PAGES_RUNS;
// BENCH_PAGES_PARTS picks parts (comma-separated: dashboard, filters, search, deep; default all).
import type { Prisma, PrismaClient } from "@prisma/client";
import { loadDashboard } from "../../app/dashboard/dashboard.server";
import { backlogWhere } from "../../app/orders/backlog";
import { listOrders, ordersWhere } from "../../app/orders/list-orders.server";
import {
  ORDER_FILTERS,
  ORDER_SORTS,
  PAGE_SIZE,
  parseOrdersView,
  type OrdersView,
} from "../../app/orders/orders-view";
import { reforecastShop } from "../../app/orders/reforecast.server";
import { seedShop } from "@delay-desk/simulator/seed";
import { openDatabase, trackedOrdersFromStore } from "../../tests/support/factories";
import type { BenchRow } from "../bench";
import { benchHasPostgresql, freshBenchDatabase, insertTrackedOrderRows } from "./fixture";
import { fmtMs, percentile } from "./measure";
import { outcomesPageRows } from "./pages-outcomes";

export const title = "Pages at 100k orders: dashboard and orders page (SQLite and PostgreSQL)";

const SHOP = "bench-pages.myshopify.com";
const ORDERS = Number(process.env.BENCH_PAGES_ORDERS ?? 100_000);
const RUNS = Number(process.env.BENCH_PAGES_RUNS ?? 12);
const NOW = new Date("2026-12-10T15:00:00Z");
const DEEP_PAGE = Math.max(1, Math.floor(ORDERS / PAGE_SIZE / 4));
const PARTS = new Set(
  (process.env.BENCH_PAGES_PARTS ?? "dashboard,filters,search,deep")
    .split(",")
    .map((p) => p.trim()),
);

async function sample(fn: () => Promise<unknown>, runs = RUNS): Promise<number[]> {
  await fn(); // warm-up: Prisma compiles each query shape once
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    const started = performance.now();
    await fn();
    samples.push(performance.now() - started);
  }
  return samples;
}

const p95 = (samples: number[]) => percentile(samples, 95);
const ratio = (peer: number, ours: number) => `${(peer / Math.max(ours, 0.001)).toFixed(1)}×`;

/** The dashboard's counts as they were read before the summary: aggregates over every row. */
async function aggregatesOverRows(db: PrismaClient, shop: string): Promise<unknown> {
  const where = backlogWhere(shop);
  return Promise.all([
    db.trackedOrder.groupBy({ by: ["delayClass"], where, _count: { _all: true } }),
    db.trackedOrder.aggregate({ where, _count: { _all: true }, _sum: { unitsRemaining: true } }),
    db.trackedOrder.aggregate({
      where: { shop },
      _max: { forecastAt: true },
      _count: { _all: true },
    }),
  ]);
}

/** The naive pager: the same rows by OFFSET (SKIP), which walks and drops every earlier row. */
async function offsetPage(db: PrismaClient, view: OrdersView, page: number): Promise<unknown> {
  const column =
    view.sort === "created"
      ? "createdAt"
      : view.sort === "forecast"
        ? "conservativeShipDate"
        : "promisedShipDate";
  const where = ordersWhere(SHOP, view);
  return Promise.all([
    db.trackedOrder.findMany({
      where,
      orderBy: [{ [column]: view.dir }, { id: view.dir }],
      skip: page * PAGE_SIZE,
      take: PAGE_SIZE,
    }),
    db.trackedOrder.count({ where }),
  ]);
}

/**
 * The orders page as it was read before issue 15's indexes (the peer): one query over the filter's
 * classes sorted nulls last, which neither database reads from an index, the LIKE over every row
 * for a search, and an exact count.
 */
async function pageBefore(db: PrismaClient, view: OrdersView): Promise<unknown> {
  const where = ordersWhere(SHOP, view);
  const orderBy: Prisma.TrackedOrderOrderByWithRelationInput[] =
    view.sort === "created"
      ? [{ createdAt: view.dir }, { id: view.dir }]
      : [
          {
            [view.sort === "forecast" ? "conservativeShipDate" : "promisedShipDate"]: {
              sort: view.dir,
              nulls: "last",
            },
          },
          { id: view.dir },
        ];
  return Promise.all([
    db.trackedOrder.findMany({ where, orderBy, take: PAGE_SIZE + 1 }),
    db.trackedOrder.count({ where }),
  ]);
}

/** The cursor a merchant holds `page` pages in: the last row before it (read once, untimed). */
async function keysetView(db: PrismaClient, view: OrdersView, page: number): Promise<OrdersView> {
  const before = await db.trackedOrder.findFirst({
    where: ordersWhere(SHOP, view),
    orderBy: [{ createdAt: view.dir }, { id: view.dir }],
    skip: page * PAGE_SIZE - 1,
    select: { id: true, createdAt: true },
  });
  return before ? { ...view, after: { v: before.createdAt.toISOString(), id: before.id } } : view;
}

async function pagesRows(
  kind: "sqlite" | "postgresql",
  tracked: ReturnType<typeof trackedOrdersFromStore>,
  timeZone: string,
): Promise<BenchRow[]> {
  const rows: BenchRow[] = [];
  const databaseUrl = await freshBenchDatabase(kind);
  await insertTrackedOrderRows(databaseUrl, tracked);
  const db = await openDatabase(databaseUrl);
  try {
    await reforecastShop(db, SHOP, NOW, { fallbackTimeZone: timeZone });
    if (PARTS.has("dashboard")) {
      const ours = await sample(() => loadDashboard(db, SHOP, { fallbackTimeZone: timeZone }));
      const peer = await sample(() => aggregatesOverRows(db, SHOP));
      rows.push({
        figure: `${kind}: dashboard loader (${RUNS} runs)`,
        value: `p95 ${fmtMs(p95(ours))}`,
        note: `p50 ${fmtMs(percentile(ours, 50))}; aggregates over rows p95 ${fmtMs(p95(peer))} → ${ratio(p95(peer), p95(ours))}; goal ≤ 50 ms`,
      });
      rows.push(...(await outcomesPageRows(db, kind, SHOP, NOW, (fn) => sample(fn))));
    }

    let worst = { figure: "", ms: 0 };
    const pageRow = async (label: string, params: Record<string, string>) => {
      const view = parseOrdersView(new URLSearchParams(params));
      const runs = Math.ceil(RUNS / 2);
      const ours = await sample(() => listOrders(db, SHOP, view), runs);
      const peer = await sample(() => pageBefore(db, view), Math.ceil(RUNS / 4));
      if (p95(ours) > worst.ms) worst = { figure: label, ms: p95(ours) };
      rows.push({
        figure: `${kind}: orders ?${label}`,
        value: `p95 ${fmtMs(p95(ours))}`,
        note: `p50 ${fmtMs(percentile(ours, 50))}; as read before (nulls-last sort over the classes${params.q ? ", LIKE over every row" : ""}, exact count) p95 ${fmtMs(p95(peer))} → ${ratio(p95(peer), p95(ours))}`,
      });
    };
    if (PARTS.has("filters"))
      for (const filter of ORDER_FILTERS)
        for (const sort of ORDER_SORTS)
          await pageRow(`class=${filter}&sort=${sort}`, { class: filter, sort });
    // A rare name, two words, an order number prefix, a word in nearly every email, a short word.
    if (PARTS.has("search"))
      for (const q of ["smith", "ava chen", "#10", "example.com", "o'hara", "zq"])
        await pageRow(`q=${q}`, { q });
    if (worst.figure)
      rows.push({
        figure: `${kind}: orders page, slowest of the above`,
        value: `p95 ${fmtMs(worst.ms)}`,
        note: `${worst.figure}; goal ≤ 50 ms`,
      });
    if (!PARTS.has("deep")) return rows;

    const view = parseOrdersView(new URLSearchParams({ sort: "created" }));
    const deep = await keysetView(db, view, DEEP_PAGE);
    const keyset = await sample(() => listOrders(db, SHOP, deep), Math.ceil(RUNS / 4));
    const offset = await sample(() => offsetPage(db, view, DEEP_PAGE), Math.ceil(RUNS / 4));
    rows.push({
      figure: `${kind}: orders page ${DEEP_PAGE.toLocaleString("en-US")}, sort=created, by keyset`,
      value: `p95 ${fmtMs(p95(keyset))}`,
      note: `naive OFFSET pager p95 ${fmtMs(p95(offset))} → ${ratio(p95(offset), p95(keyset))}`,
    });
  } finally {
    await db.$disconnect();
  }
  return rows;
}

export async function run(): Promise<BenchRow[]> {
  let store: ReturnType<typeof seedShop> | null = seedShop({
    domain: SHOP,
    orders: ORDERS,
    seed: 1,
    now: NOW,
  });
  const timeZone = store.shop.ianaTimezone;
  const tracked = trackedOrdersFromStore(store);
  store = null;
  const rows: BenchRow[] = [];
  for (const kind of ["sqlite", "postgresql"] as const) {
    if (kind === "postgresql" && !benchHasPostgresql()) {
      rows.push({
        figure: "postgresql",
        value: "skipped",
        note: "TEST_DATABASES has no postgresql",
      });
      continue;
    }
    rows.push(...(await pagesRows(kind, tracked, timeZone)));
  }
  return rows;
}
