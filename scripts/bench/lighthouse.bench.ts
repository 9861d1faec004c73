// Storefront Lighthouse cost (issue 15 point 6), weighted as Shopify weighs it: "we calculate a
// weighted average of score from the following pages: Home 17%, Product details 40%, Collection
// 43%", the app's cost being the difference before and after it is installed
// (https://shopify.dev/apps/build/performance/storefront; the App Store's bar is 10 points,
// https://shopify.dev/docs/apps/build/performance). The three pages are the simulator's demo
// storefront rendered with the theme extension's real Liquid, served from loopback, once without
// the app (embed off) and once per notice mode. Lighthouse (npm package, programmatic API,
// performance category only, its default mobile profile with simulated throttling, as PageSpeed
// Insights runs it) drives Debian's Chromium through chrome-launcher. Each page and mode is
// measured BENCH_LIGHTHOUSE_RUNS times (default 5), modes interleaved so load on the machine
// falls on all alike; the median is printed with the spread (min–max).
// BENCH_LIGHTHOUSE_MODES (comma-separated, default every mode) narrows the run for the smoke.
import { createServer, type Server } from "node:http";
import * as chromeLauncher from "chrome-launcher";
import lighthouse from "lighthouse";
import type { StorefrontNotice } from "@delay-desk/contracts/notice-metafield";
import { seedShop } from "@delay-desk/simulator/seed";
import {
  renderCollectionPage,
  renderHomePage,
  renderProductPage,
} from "@delay-desk/simulator/storefront/index";
import {
  serveStorefrontAsset,
  storefrontProducts,
  STOREFRONT_ASSET_PREFIX,
} from "@delay-desk/simulator/storefront/routes";
import { CHROMIUM_PATH } from "../../tests/support/browser";
import type { BenchRow } from "../bench";

export const title =
  "Storefront Lighthouse cost: home 17 %, product 40 %, collection 43 % (Chromium)";

const RUNS = Math.max(1, Number(process.env.BENCH_LIGHTHOUSE_RUNS ?? 5));
const updatedAt = "2026-11-23T10:00:00Z";
const ALL_MODES: [string, StorefrontNotice | null][] = [
  ["off", null],
  ["normal", { version: 1, mode: "normal", estimate: { min: 3, max: 5, unit: "days" }, updatedAt }],
  [
    "delayed",
    {
      version: 1,
      mode: "delayed",
      estimate: { min: 1, max: 2, unit: "weeks" },
      message: "Thank you for your patience.",
      updatedAt,
    },
  ],
  [
    "paused",
    { version: 1, mode: "paused", pausedUntil: "2026-12-05", message: "Back soon.", updatedAt },
  ],
];
const wanted = (process.env.BENCH_LIGHTHOUSE_MODES ?? "").split(",").filter(Boolean);
// The baseline is always measured: every other mode's cost is read against it.
const MODES = ALL_MODES.filter(
  ([name]) => name === "off" || wanted.length === 0 || wanted.includes(name),
);
const PAGES = [
  { name: "home", weight: 0.17 },
  { name: "product", weight: 0.4 },
  { name: "collection", weight: 0.43 },
] as const;
type PageName = (typeof PAGES)[number]["name"];

/** Loopback server: /<mode>/, /<mode>/products/<handle>, /<mode>/collections/all, and the extension's assets. */
async function startStorefront(): Promise<{
  server: Server;
  origin: string;
  productHandle: string;
}> {
  const store = seedShop({
    domain: "lighthouse.myshopify.com",
    orders: 0,
    seed: 1,
    now: new Date("2026-11-23T15:00:00Z"),
  });
  const products = storefrontProducts(store);
  const product = products.find((p) => p.variants.some((v) => v.available)) ?? products[0];
  if (!product) throw new Error("the seeded shop has no product");
  const server = createServer((request, response) => {
    const url = new URL(request.url ?? "/", "http://localhost");
    if (url.pathname.startsWith(STOREFRONT_ASSET_PREFIX)) {
      const asset = serveStorefrontAsset(url.pathname.slice(STOREFRONT_ASSET_PREFIX.length));
      response.writeHead(asset.status, asset.headers).end(asset.body);
      return;
    }
    const [, modeName = "", ...rest] = url.pathname.split("/");
    const mode = ALL_MODES.find(([name]) => name === modeName);
    const path = `/${rest.join("/")}`;
    if (!mode) {
      response.writeHead(404).end();
      return;
    }
    const common = {
      shopName: store.shop.name,
      noticeValue: mode[1],
      locale: "en",
      assetBaseUrl: STOREFRONT_ASSET_PREFIX,
      routesRoot: `/${modeName}`,
      appExtension: mode[0] !== "off",
    };
    const body =
      path === "/"
        ? renderHomePage({ ...common, products })
        : path === "/collections/all"
          ? renderCollectionPage({ ...common, products })
          : path === `/products/${product.handle}`
            ? renderProductPage({ ...common, product })
            : undefined;
    if (body === undefined) {
      response.writeHead(404).end();
      return;
    }
    response.writeHead(200, { "Content-Type": "text/html; charset=utf-8" }).end(body);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const address = server.address();
  const port = typeof address === "object" && address ? address.port : 0;
  return { server, origin: `http://127.0.0.1:${port}`, productHandle: product.handle };
}

const median = (values: number[]): number => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? (sorted[mid] ?? 0) : ((sorted[mid - 1] ?? 0) + (sorted[mid] ?? 0)) / 2;
};

export async function run(): Promise<BenchRow[]> {
  const { server, origin, productHandle } = await startStorefront();
  const chrome = await chromeLauncher.launch({
    chromePath: CHROMIUM_PATH,
    chromeFlags: [
      "--headless",
      "--no-sandbox",
      "--disable-gpu",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
    ],
  });
  const scores = new Map<string, number[]>();
  const lcps = new Map<string, number[]>();
  try {
    const paths: Record<PageName, string> = {
      home: "/",
      product: `/products/${productHandle}`,
      collection: "/collections/all",
    };
    // Chromium's first audit pays for its own start-up (a home page scored 84 instead of 100 in a
    // trial run): one untimed audit first.
    await lighthouse(`${origin}/off/`, {
      port: chrome.port,
      output: "json",
      logLevel: "error",
      onlyCategories: ["performance"],
    });
    for (let run = 0; run < RUNS; run++)
      for (const page of PAGES)
        for (const [mode] of MODES) {
          const result = await lighthouse(`${origin}/${mode}${paths[page.name]}`, {
            port: chrome.port,
            output: "json",
            logLevel: "error",
            onlyCategories: ["performance"],
          });
          const score = result?.lhr.categories.performance?.score;
          if (typeof score !== "number")
            throw new Error(
              `Lighthouse gave no performance score for ${mode} ${page.name}: ${result?.lhr.runtimeError?.message ?? "no result"}`,
            );
          const key = `${mode} ${page.name}`;
          scores.set(key, [...(scores.get(key) ?? []), score * 100]);
          const lcp = result?.lhr.audits["largest-contentful-paint"]?.numericValue;
          if (typeof lcp === "number") lcps.set(key, [...(lcps.get(key) ?? []), lcp]);
        }
  } finally {
    chrome.kill();
    server.close();
  }

  const weighted = (mode: string) =>
    PAGES.reduce(
      (sum, page) => sum + page.weight * median(scores.get(`${mode} ${page.name}`) ?? []),
      0,
    );
  const baseline = weighted("off");
  const rows: BenchRow[] = [];
  for (const [mode] of MODES) {
    const perPage = PAGES.map((page) => {
      const samples = scores.get(`${mode} ${page.name}`) ?? [];
      return `${page.name} ${median(samples).toFixed(0)} (${Math.min(...samples).toFixed(0)}–${Math.max(...samples).toFixed(0)})`;
    });
    const lcp = PAGES.map(
      (page) =>
        `${page.name} ${(median(lcps.get(`${mode} ${page.name}`) ?? []) / 1000).toFixed(2)} s`,
    );
    const cost = baseline - weighted(mode);
    // The cost run by run (each run's weighted score against the same run's baseline).
    const perRun = Array.from({ length: RUNS }, (_, i) =>
      PAGES.reduce(
        (sum, page) =>
          sum +
          page.weight *
            ((scores.get(`off ${page.name}`)?.[i] ?? 0) -
              (scores.get(`${mode} ${page.name}`)?.[i] ?? 0)),
        0,
      ),
    );
    rows.push({
      figure: mode === "off" ? "embed off (no app): score" : `${mode}: score`,
      value: `weighted ${weighted(mode).toFixed(1)}; ${perPage.join(", ")}`,
      note:
        mode === "off"
          ? `median (min–max) of ${RUNS}; simulated LCP ${lcp.join(", ")}`
          : `cost vs off ${cost.toFixed(1)} points (bound ≤ 1; ${cost <= 1 ? "ok" : "OVER"}), run by run ${Math.min(...perRun).toFixed(1)} to ${Math.max(...perRun).toFixed(1)}; simulated LCP ${lcp.join(", ")}`,
    });
  }
  return rows;
}
