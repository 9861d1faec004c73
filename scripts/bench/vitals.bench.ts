// Admin Web Vitals at 100k orders (issue 15 point 5): every admin page of the app, opened inside
// the simulated Shopify admin in Debian's Chromium, measured in the app's frame with Google's
// `web-vitals` library as Shopify measures embedded apps (tests/support/web-vitals-in-frame.ts).
// Per page: LCP and CLS of each load, INP of one scripted interaction (a tab, a keystroke in a
// field, a checkbox, or a click on the page), the median of BENCH_VITALS_RUNS loads (default 3).
// Bounds: LCP ≤ 1.0 s, CLS ≤ 0.01, INP ≤ 100 ms (Shopify's Built for Shopify bar is 2.5 s, 0.1,
// 200 ms). The shop's orders are written into the database before the first visit (seedOrders).
// Sizes: BENCH_VITALS_ORDERS (default 100,000), BENCH_VITALS_RUNS.
import { existsSync } from "node:fs";
import path from "node:path";
import type { Frame } from "playwright-core";
import type { PrismaClient } from "@prisma/client";
import { DEMO_SHOP, startDemo, type RunningDemo } from "../demo";
import { reforecastShop } from "../../app/orders/reforecast.server";
import { launchBrowser, newMerchantPage } from "../../tests/support/browser";
import { openDatabase, trackedOrdersFromStore } from "../../tests/support/factories";
import {
  afterNextPaint,
  appFrame,
  measureVitalsIn,
  readVitals,
  type Vitals,
} from "../../tests/support/web-vitals-in-frame";
import type { BenchRow } from "../bench";
import { freshBenchDatabase, insertTrackedOrderRows } from "./fixture";
import { fmtMs } from "./measure";

export const title = "Admin Web Vitals at 100k orders: LCP, CLS, INP per page (Chromium)";

const ORDERS = Number(process.env.BENCH_VITALS_ORDERS ?? 100_000);
const RUNS = Math.max(1, Number(process.env.BENCH_VITALS_RUNS ?? 3));
/** BENCH_VITALS_PAGES=dashboard,orders: only those pages (while working on them). */
const ONLY = process.env.BENCH_VITALS_PAGES?.split(",").map((name) => name.trim());
const BOUNDS = { LCP: 1000, CLS: 0.01, INP: 100 };
// Long enough for a late LCP candidate or a late layout shift to be counted.
const SETTLE_MS = 1000;

interface AdminPage {
  name: string;
  path: string;
}

/**
 * Every admin page a merchant can open (app/routes/app.*.tsx), with a real id where one is needed.
 * Not pages: the CSV downloads (staff/audit, orders/export, jobs/:id/report, data-requests/:id/
 * download), POST /app/sync, and /app/shop-counts (the dashboard's Shopify counts, fetched by the
 * dashboard itself, so in its figures). A job's own page needs a job, which a fresh demo shop has
 * none of.
 */
function adminPages(orderId: string | undefined): AdminPage[] {
  return [
    { name: "dashboard", path: "/app" },
    { name: "orders", path: "/app/orders" },
    ...(orderId ? [{ name: "order detail", path: `/app/orders/${orderId}` }] : []),
    { name: "settings", path: "/app/settings" },
    { name: "notices", path: "/app/notices" },
    // Reached from the orders table: "refund the shipping of every overdue order", a money remedy.
    { name: "remedies", path: "/app/remedies?remedy=shipping&class=overdue" },
    { name: "jobs", path: "/app/jobs" },
    { name: "consent", path: "/app/consent" },
    { name: "data requests", path: "/app/data-requests" },
    { name: "storefront", path: "/app/storefront" },
    { name: "staff and money", path: "/app/staff" },
  ];
}

/**
 * One interaction that changes nothing stored: a tab not yet selected, a keystroke in a text
 * field, a checkbox, else a click on the page itself. Returns what it did.
 */
async function interact(frame: Frame): Promise<string> {
  const tab = frame.locator('[role="tab"][aria-selected="false"]:visible').first();
  if ((await tab.count()) > 0) {
    await tab.click({ timeout: 5000 });
    return "tab";
  }
  const field = frame
    .locator(
      'input[type="text"]:visible:enabled, input[type="number"]:visible:enabled, textarea:visible:enabled',
    )
    .first();
  if ((await field.count()) > 0) {
    await field.click({ timeout: 5000 });
    await field.press("End");
    await field.press("1");
    return "keystroke";
  }
  const checkbox = frame.locator('input[type="checkbox"]:enabled').first();
  if ((await checkbox.count()) > 0) {
    await checkbox.click({ force: true, timeout: 5000 });
    return "checkbox";
  }
  await frame.locator("body").click({ position: { x: 5, y: 5 } });
  return "click";
}

/**
 * Puts the simulated shop's orders in the app's database before its first visit: the rows the
 * import would write (trackedOrdersFromStore, as the pages bench does), forecast, and the finished
 * bulk sync, so the install's afterAuth finds the shop imported (orders/sync.server.ts
 * ensureOrderSync). Seconds instead of the minutes of Shopify's bulk operation, which
 * `npm run bench -- import` measures; the pages read the same rows either way.
 */
async function seedOrders(
  simulator: RunningDemo["simulator"],
  databaseUrl: string,
  db: PrismaClient,
): Promise<BenchRow> {
  const started = performance.now();
  const store = simulator.stores.get(DEMO_SHOP);
  if (!store) throw new Error(`the simulator has no ${DEMO_SHOP}`);
  const rows = trackedOrdersFromStore(store);
  await insertTrackedOrderRows(databaseUrl, rows);
  const now = new Date();
  await reforecastShop(db, DEMO_SHOP, now, { fallbackTimeZone: store.shop.ianaTimezone });
  const latest = rows.reduce((max, row) => Math.max(max, new Date(row.updatedAt).getTime()), 0);
  await db.orderSync.create({
    data: {
      shop: DEMO_SHOP,
      kind: "bulk",
      status: "completed",
      ordersImported: rows.length,
      watermark: new Date(latest || now.getTime()),
      finishedAt: new Date(),
    },
  });
  return {
    figure: `orders seeded (${rows.length.toLocaleString("en-US")})`,
    value: fmtMs(performance.now() - started),
    note: "the import's rows, forecast and a finished bulk sync, written before the first visit",
  };
}

/**
 * The page's loaders alone, as a client navigation asks for them: Remix's single-fetch data URL
 * (`<path>.data`), fetched from the app's frame, whose App Bridge adds the session token. Server
 * time (authentication and loaders) plus a loopback round trip, without the document's render.
 */
async function loaderMs(frame: Frame, pagePath: string): Promise<number | undefined> {
  const url = new URL(pagePath, "http://app.invalid");
  const dataPath = `${url.pathname}.data${url.search}`;
  const ms = await frame.evaluate(async (target) => {
    const started = performance.now();
    const response = await fetch(target);
    await response.text();
    return response.ok ? performance.now() - started : -1;
  }, dataPath);
  return ms >= 0 ? ms : undefined;
}

/** A measuring window (not a wait for the page): the metrics that arrive in it count. */
const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

const median = (values: number[]): number | undefined => {
  if (values.length === 0) return undefined;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : ((sorted[mid - 1] ?? 0) + (sorted[mid] ?? 0)) / 2;
};

function verdict(value: number | undefined, bound: number): string {
  if (value === undefined) return "none";
  return value <= bound ? "ok" : "OVER";
}

export async function run(): Promise<BenchRow[]> {
  if (!existsSync(path.resolve(import.meta.dirname, "../../build/server/index.js")))
    throw new Error("vitals needs the built app: npm run build");
  const databaseUrl = await freshBenchDatabase("sqlite");
  const demo = await startDemo({
    host: "127.0.0.1",
    appPort: 0,
    simulatorPort: 0,
    orders: ORDERS,
    seed: 15,
    databaseUrl,
    build: false,
  });
  const browser = await launchBrowser();
  const db = await openDatabase(databaseUrl);
  const rows: BenchRow[] = [];
  try {
    rows.push(await seedOrders(demo.simulator, databaseUrl, db));
    // The first admin visit installs the app (token exchange, afterAuth), untimed.
    const first = await newMerchantPage(browser);
    await first.goto(demo.url, { timeout: 120_000 });
    await appFrame(first, demo.appOrigin, 120_000);
    await first.context().close();

    const anOrder = await db.trackedOrder.findFirst({
      where: { shop: DEMO_SHOP },
      orderBy: { createdAt: "desc" },
    });
    const orderId = anOrder?.id.split("/").pop();

    // One merchant's browser: the app's scripts are in its cache after the first page, as for a
    // merchant who uses the app every day. The warm-up load below is not counted.
    const merchant = await newMerchantPage(browser);
    const context = merchant.context();
    await measureVitalsIn(context, demo.appOrigin);
    await merchant.goto(demo.url, { timeout: 120_000 });
    await appFrame(merchant, demo.appOrigin);
    await merchant.close();

    const misses: string[] = [];
    for (const adminPage of adminPages(orderId).filter((p) => !ONLY || ONLY.includes(p.name))) {
      const loads: Vitals[] = [];
      const loaderTimes: number[] = [];
      // A page error (a failed hydration, say) is reported beside the figures it spoils.
      const pageErrors = new Set<string>();
      const targets = new Set<string>();
      let did = "";
      for (let i = 0; i < RUNS; i++) {
        const page = await context.newPage();
        const errors: string[] = [];
        page.on("pageerror", (error) => errors.push(error.message));
        const opened = await page
          .goto(`${demo.url}${adminPage.path}`, { timeout: 120_000 })
          .then(() => null)
          .catch((error: unknown) => (error instanceof Error ? error.message : String(error)));
        if (opened) {
          // A page that never loads is a miss to report beside the others, not the end of the run.
          pageErrors.add(`did not load: ${opened.split("\n")[0]}`);
          await page.close();
          break;
        }
        const frame = await appFrame(page, demo.appOrigin).catch((error: unknown) => {
          throw new Error(`${adminPage.path}: ${error instanceof Error ? error.message : error}`);
        });
        await pause(SETTLE_MS);
        did = await interact(frame);
        await afterNextPaint(frame);
        // The library reports INP once the main thread is idle after the interaction.
        let vitals = await readVitals(frame);
        for (let waited = 0; vitals.INP === undefined && waited < 3000; waited += 100) {
          await pause(100);
          vitals = await readVitals(frame);
        }
        await pause(300);
        vitals = await readVitals(frame);
        loads.push(vitals);
        const loaded = await loaderMs(frame, adminPage.path);
        if (loaded !== undefined) loaderTimes.push(loaded);
        for (const [metric, target] of Object.entries(vitals.where))
          if (target) targets.add(`${metric} ${target}`);
        for (const error of errors) pageErrors.add(error.slice(0, 120));
        await page.close();
      }
      const pick = (name: "LCP" | "CLS" | "INP") => median(loads.flatMap((l) => l[name] ?? []));
      const lcp = pick("LCP");
      // The median load's LCP split: server (first byte) against the browser's share after it.
      const part = (key: "ttfb" | "resourceDelay" | "resourceLoad" | "renderDelay") =>
        median(loads.flatMap((l) => (l.lcpParts ? [l.lcpParts[key]] : [])));
      const ttfb = part("ttfb");
      const split =
        ttfb === undefined
          ? ""
          : `LCP = first byte ${fmtMs(ttfb)} + resource ${fmtMs((part("resourceDelay") ?? 0) + (part("resourceLoad") ?? 0))} + render ${fmtMs(part("renderDelay") ?? 0)}; `;
      const loaderMedian = median(loaderTimes);
      const server =
        loaderMedian === undefined ? "" : `loaders (data request) ${fmtMs(loaderMedian)}; `;
      const cls = pick("CLS");
      const inp = pick("INP");
      const verdicts = [
        `LCP ${verdict(lcp, BOUNDS.LCP)}`,
        `CLS ${verdict(cls, BOUNDS.CLS)}`,
        `INP ${verdict(inp, BOUNDS.INP)}`,
      ];
      if (verdicts.some((v) => !v.endsWith(" ok")) || pageErrors.size > 0)
        misses.push(adminPage.name);
      rows.push({
        figure: `${adminPage.name} (${adminPage.path.replace(/\/\d+$/, "/:id").replace(/\?.*/, "")})`,
        value: `LCP ${lcp === undefined ? "—" : fmtMs(lcp)}, CLS ${cls === undefined ? "—" : cls.toFixed(3)}, INP ${inp === undefined ? "—" : fmtMs(inp)} (${did})`,
        note: `median of ${RUNS}; ${verdicts.join(", ")}; ${split}${server}${[...targets].map((t) => t.slice(0, 80)).join("; ")}${pageErrors.size > 0 ? `; PAGE ERRORS: ${[...pageErrors].join(" | ")}` : ""}`,
      });
    }
    rows.push({
      figure: "pages over a bound (LCP ≤ 1.0 s, CLS ≤ 0.01, INP ≤ 100 ms)",
      value: misses.length === 0 ? "none" : misses.join(", "),
    });
  } finally {
    await db.$disconnect();
    await browser.close();
    await demo.stop();
  }
  return rows;
}
