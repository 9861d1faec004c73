// Late orders at 100k (issue 15): the pure forecast beside the plain composition it replaced, and
// the database reforecast on SQLite and on PostgreSQL with what it costs everyone else (the
// longest wait of a write and of a read on another connection while it runs, lock-probe.ts).
// Sizes: BENCH_FORECAST_ORDERS (default 100,000); the CI smoke runs it small. BENCH_FORECAST_DATABASES
// picks the databases (comma-separated: sqlite, postgresql; default both).
import { loadavg } from "node:os";
import type { PrismaClient } from "@prisma/client";
import { forecastOrders, type UnfulfilledOrder } from "../../app/forecast/forecast-orders";
import { forecastOrdersReference } from "../../app/forecast/forecast-orders-reference.test-support";
import { DEFAULT_SHOP_RULES, parseShopRules, type ShopRules } from "../../app/promise/shop-rules";
import { seedShop } from "@delay-desk/simulator/seed";
import { openDatabase, trackedOrdersFromStore } from "../../tests/support/factories";
import type { BenchRow } from "../bench";
import { benchHasPostgresql, freshBenchDatabase, insertTrackedOrderRows } from "./fixture";
import { startLockProbe } from "./lock-probe";
import { fmtMs, fmtRate, percentile, timed } from "./measure";

export const title = "Late orders at 100k: forecast, reforecast (SQLite and PostgreSQL)";

const SHOP = "bench-forecast.myshopify.com";
const ORDERS = Number(process.env.BENCH_FORECAST_ORDERS ?? 100_000);
const DATABASES = new Set(
  (process.env.BENCH_FORECAST_DATABASES ?? "sqlite,postgresql").split(",").map((d) => d.trim()),
);
const NOW = new Date("2026-12-10T15:00:00Z");
const RUNS = 15;
// BENCH_FORECAST_PASSES=first: only the first pass (the one that freezes every promise), each on
// a fresh database BENCH_FORECAST_FIRST_RUNS times (default 1; its longest write varies run to
// run). BENCH_FORECAST_PURE=0 leaves out the pure forecast's rows.
const FIRST_ONLY = process.env.BENCH_FORECAST_PASSES === "first";
const FIRST_RUNS = Math.max(1, Number(process.env.BENCH_FORECAST_FIRST_RUNS ?? 1));
const PURE = process.env.BENCH_FORECAST_PURE !== "0";
// V8 reaches its optimised code for the pass only after several full runs (one run of warm-up
// left the median on half-warm code: runs 2–7 of 100k took 2–6× run 14's time). Warm up for at
// least WARM_RUNS runs and WARM_MS, then time RUNS runs.
const WARM_RUNS = 10;
const WARM_MS = 1500;

type Forecaster = typeof forecastOrders;

/** Median of RUNS timed runs after the warm-up. */
function medianMs(fn: Forecaster, backlog: UnfulfilledOrder[], rules: ShopRules): number {
  const warmStarted = performance.now();
  for (let i = 0; i < WARM_RUNS || performance.now() - warmStarted < WARM_MS; i++)
    fn(backlog, rules, NOW);
  const samples: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const started = performance.now();
    fn(backlog, rules, NOW);
    samples.push(performance.now() - started);
  }
  return percentile(samples, 50);
}

function pureRows(backlog: UnfulfilledOrder[], timeZone: string): BenchRow[] {
  const rows: BenchRow[] = [];
  const plain: ShopRules = { ...DEFAULT_SHOP_RULES, timeZone };
  // A busier rule set: overrides by tag and collection, a closure ahead, a Saturday shift.
  const busy: ShopRules = parseShopRules({
    ...plain,
    productTagOverrides: [
      { tag: "made-to-order", leadTimeBusinessDays: 15 },
      { tag: "ready-to-ship", leadTimeBusinessDays: 2 },
    ],
    collectionOverrides: [{ collectionId: "gid://shopify/Collection/3", leadTimeBusinessDays: 12 }],
    openWeekdays: [1, 2, 3, 4, 5, 6],
    closures: [{ label: "Holidays", from: "2026-12-24", to: "2027-01-02" }],
  });
  for (const [name, rules] of [
    ["default rules", plain],
    ["overrides, closure, 6-day week", busy],
  ] as const) {
    const fast = medianMs(forecastOrders, backlog, rules);
    const reference = medianMs(forecastOrdersReference, backlog, rules);
    rows.push({
      figure: `pure forecast, ${backlog.length.toLocaleString("en-US")} orders, ${name}`,
      value: fmtRate(backlog.length, fast, "orders"),
      note: `${fmtMs(fast)}, median of ${RUNS}; plain composition ${fmtRate(backlog.length, reference, "orders")} → ${(reference / fast).toFixed(1)}× faster; goal ≥ 1,000,000/s`,
    });
  }
  return rows;
}

type Reforecast = (
  db: PrismaClient,
  shop: string,
  now: Date,
  options: { fallbackTimeZone: string; onWrite: (ms: number, rows: number) => void },
) => Promise<{ counts: Record<"overdue" | "at_risk" | "on_track", number>; done: number }>;

interface Pass {
  name: string;
  run: Reforecast;
  before: () => Promise<unknown>;
  /** Index of our pass this one is the peer of (its row says how many times faster ours was). */
  peerOf?: number;
}

/** One pass timed, with the probe beside it: its rows. */
async function timePass(
  kind: "sqlite" | "postgresql",
  db: PrismaClient,
  databaseUrl: string,
  timeZone: string,
  pass: Pass,
  seconds: number[],
): Promise<BenchRow[]> {
  await pass.before();
  const writes: { ms: number; rows: number }[] = [];
  const stop = await startLockProbe(databaseUrl, SHOP);
  const run = await timed(() =>
    pass.run(db, SHOP, NOW, {
      fallbackTimeZone: timeZone,
      onWrite: (ms, rows) => writes.push({ ms, rows }),
    }),
  );
  const probe = await stop();
  seconds.push(run.ms);
  const ours = pass.peerOf === undefined ? undefined : seconds[pass.peerOf];
  const ratio =
    ours === undefined ? "" : `; ours ${fmtMs(ours)} → ${(run.ms / ours).toFixed(1)}× faster`;
  const backlog =
    run.result.counts.overdue + run.result.counts.at_risk + run.result.counts.on_track;
  const ms = writes.map((write) => write.ms);
  const longest = writes.reduce((a, b) => (b.ms > a.ms ? b : a), { ms: 0, rows: 0 });
  return [
    {
      figure: `${kind}: reforecast ${ORDERS.toLocaleString("en-US")} orders, ${pass.name}`,
      value: fmtMs(run.ms),
      note: `${backlog} in the backlog, ${writes.length} write transactions${ratio}; goal ≤ 0.5 s`,
    },
    {
      figure: `${kind}:   longest write transaction / another writer's wait / a reader's wait`,
      value: `${fmtMs(longest.ms)} / ${fmtMs(probe.longestWriteWaitMs)} / ${fmtMs(probe.longestReadMs)}`,
      note: `${probe.probes} probes from another connection; goal: no lock over 100 ms`,
    },
    {
      figure: `${kind}:   write transactions p50 / p99 / max`,
      value: `${fmtMs(percentile(ms, 50))} / ${fmtMs(percentile(ms, 99))} / ${fmtMs(longest.ms)}`,
      note: `the longest wrote ${longest.rows} rows; ${writes.filter((w) => w.ms > 100).length} over 100 ms`,
    },
  ];
}

async function reforecastRows(
  kind: "sqlite" | "postgresql",
  tracked: ReturnType<typeof trackedOrdersFromStore>,
  timeZone: string,
): Promise<BenchRow[]> {
  const rows: BenchRow[] = [];
  const { reforecastShop } = await import("../../app/orders/reforecast.server");
  const { naiveReforecastShop } = await import("./naive-reforecast");
  const { saveShopSettings } = await import("../../app/settings/shop-settings.server");
  const ours: Reforecast = reforecastShop;
  const naive: Reforecast = naiveReforecastShop;
  const first: Pass = {
    name: "first pass (freezes every promise)",
    run: ours,
    before: async () => {},
  };
  const seconds: number[] = [];
  // The first pass alone, each time on a fresh database.
  if (FIRST_ONLY) {
    for (let i = 0; i < FIRST_RUNS; i++) {
      const databaseUrl = await freshBenchDatabase(kind);
      await insertTrackedOrderRows(databaseUrl, tracked);
      const db: PrismaClient = await openDatabase(databaseUrl);
      try {
        const name = `${first.name}, run ${i + 1} of ${FIRST_RUNS}`;
        rows.push(
          ...(await timePass(kind, db, databaseUrl, timeZone, { ...first, name }, seconds)),
        );
      } finally {
        await db.$disconnect();
      }
    }
    return rows;
  }
  const databaseUrl = await freshBenchDatabase(kind);
  await insertTrackedOrderRows(databaseUrl, tracked);
  const db: PrismaClient = await openDatabase(databaseUrl);
  const capacity = async (perDay: number) =>
    saveShopSettings(db, SHOP, {
      rules: {
        ...DEFAULT_SHOP_RULES,
        timeZone,
        capacity: {
          ...DEFAULT_SHOP_RULES.capacity,
          perWeekday: {
            mon: perDay,
            tue: perDay,
            wed: perDay,
            thu: perDay,
            fri: perDay,
            sat: 0,
            sun: 0,
          },
        },
      },
      senderName: null,
      senderRole: null,
      tagOrders: false,
      updatedBy: null,
    });
  // Each pass starts from the state the one before left: ours first, then the peer (main's
  // reforecast) on the same database for the same two cases, all-change and no-change.
  const passes: Pass[] = [
    first,
    { name: "again, same settings (nothing changed)", run: ours, before: async () => {} },
    {
      name: "after a capacity change (every date moves)",
      run: ours,
      before: () => capacity(9),
    },
    {
      name: "peer (main's pass): after a capacity change",
      run: naive,
      before: () => capacity(14),
      peerOf: 2,
    },
    {
      name: "peer (main's pass): again, same settings",
      run: naive,
      before: async () => {},
      peerOf: 1,
    },
  ];
  try {
    for (const pass of passes)
      rows.push(...(await timePass(kind, db, databaseUrl, timeZone, pass, seconds)));
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
  // The simulator's store is a large heap the app never has; let it go before timing.
  store = null;
  const backlog: UnfulfilledOrder[] = tracked
    .filter((row) => row.unitsRemaining > 0 && !row.cancelledAt)
    .map((row) => ({
      id: row.id,
      createdAt: new Date(row.createdAt),
      unitsRemaining: row.unitsRemaining,
      fulfillBy: row.fulfillBy ? new Date(row.fulfillBy) : null,
      lineItems: JSON.parse(row.lineItems),
    }));
  const load = () =>
    loadavg()
      .map((n) => n.toFixed(1))
      .join(" / ");
  const rows: BenchRow[] = [
    { figure: "load average at start (1 / 5 / 15 min)", value: load(), note: "2 cores" },
    ...(PURE ? pureRows(backlog, timeZone) : []),
  ];
  for (const kind of ["sqlite", "postgresql"] as const) {
    if (!DATABASES.has(kind)) continue;
    if (kind === "postgresql" && !benchHasPostgresql()) {
      rows.push({
        figure: "postgresql",
        value: "skipped",
        note: "TEST_DATABASES has no postgresql",
      });
      continue;
    }
    rows.push(...(await reforecastRows(kind, tracked, timeZone)));
  }
  rows.push({ figure: "load average at end (1 / 5 / 15 min)", value: load() });
  return rows;
}
