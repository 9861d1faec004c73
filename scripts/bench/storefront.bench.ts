// Storefront: what the theme app extension costs a shopper's page in each mode (JS bytes, CSS
// bytes, extra requests: goal 0 / < 2 KB / 0 beyond the one cached stylesheet), and how long the
// checkout pause's rule and the demo page take. Costs are counted from the HTML the extension's
// real Liquid renders: every <script> and every distinct stylesheet URL it adds.
import { cartValidationsGenerateRun } from "../../extensions/checkout-pause/src/cart_validations_generate_run";
import { functionInput } from "@delay-desk/simulator/cart/checkout-validation";
import { seedShop } from "@delay-desk/simulator/seed";
import {
  readExtensionAsset,
  renderAppBlock,
  renderProductPage,
} from "@delay-desk/simulator/storefront/index";
import type { StorefrontNotice } from "../../contracts/notice-metafield";
import type { BenchRow } from "../bench";
import { fmtMs, percentile, timed } from "./measure";

const updatedAt = "2026-11-23T10:00:00Z";
const MODES: [string, StorefrontNotice | null][] = [
  ["no notice (app installed, nothing set)", null],
  ["normal", { version: 1, mode: "normal", updatedAt }],
  [
    "normal + estimate",
    { version: 1, mode: "normal", estimate: { min: 3, max: 5, unit: "days" }, updatedAt },
  ],
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

const product = {
  title: "Walnut phone case",
  handle: "walnut-phone-case",
  currency: "USD",
  variants: [{ id: 1, title: "iPhone 16", priceCents: 4900, available: true }],
};

/** JS bytes, CSS bytes and distinct extra requests in an HTML fragment from the extension. */
function cost(html: string): { js: number; css: number; requests: number } {
  const scripts = [
    ...html.matchAll(/<script\b[^>]*?(?:src="([^"]+)")?[^>]*>([\s\S]*?)<\/script>/g),
  ];
  // Attribute order varies (Shopify's stylesheet_tag puts href first), so match each <link> whole.
  const links = [...html.matchAll(/<link\b[^>]*>/g)]
    .map((m) => m[0])
    .filter((tag) => /rel="stylesheet"/.test(tag));
  const stylesheets = new Set(links.map((tag) => /href="([^"]+)"/.exec(tag)?.[1] ?? ""));
  const assetBytes = (url: string) =>
    Buffer.byteLength(readExtensionAsset(url.split("/").pop()?.split("?")[0] ?? ""));
  const js = scripts.reduce(
    (sum, m) => sum + (m[1] ? assetBytes(m[1]) : Buffer.byteLength(m[2] ?? "")),
    0,
  );
  const inlineCss = [...html.matchAll(/<style\b[^>]*>([\s\S]*?)<\/style>/g)].reduce(
    (sum, m) => sum + Buffer.byteLength(m[1] ?? ""),
    0,
  );
  const css = [...stylesheets].reduce((sum, url) => sum + assetBytes(url), inlineCss);
  return { js, css, requests: scripts.filter((m) => m[1]).length + stylesheets.size };
}

function fmtUs(ms: number): string {
  return `${(ms * 1000).toFixed(1)} µs`;
}

function fmtBytes(bytes: number): string {
  return bytes >= 1024 ? `${(bytes / 1024).toFixed(2)} KB` : `${bytes} B`;
}

export const title = "Storefront: what the extension adds per mode, checkout pause rule, demo page";

export async function run(): Promise<BenchRow[]> {
  const rows: BenchRow[] = [];
  for (const [name, notice] of MODES) {
    const embed = cost(renderAppBlock("notice-banner", { notice, locale: "en" }));
    const both = cost(
      renderAppBlock("notice-banner", { notice, locale: "en" }) +
        renderAppBlock("shipping-estimate", {
          notice,
          locale: "en",
          product: { title: product.title, handle: product.handle, available: true },
        }),
    );
    rows.push({
      figure: `${name}: embed`,
      // Data requests are 0 by construction (no script; the notice is read while Liquid renders);
      // the stylesheet is the one asset request, shared by both blocks and cached by the browser.
      value: `JS ${fmtBytes(embed.js)}, CSS ${fmtBytes(embed.css)}, requests: ${embed.requests} stylesheet + 0 data`,
      note: `embed + product block: JS ${fmtBytes(both.js)}, CSS ${fmtBytes(both.css)}, ${both.requests} stylesheet`,
    });
  }

  const store = seedShop({
    domain: "bench.myshopify.com",
    orders: 0,
    seed: 1,
    now: new Date("2026-11-23T15:00:00Z"),
  });
  const variants = store.variants.slice(0, 50).map((v) => ({ variantId: v.id, quantity: 1 }));
  const config = {
    version: 1,
    paused: true,
    pausedUntilLocal: "9999-12-31T23:59:59",
    message: "Paused.",
    exemptProductIds: [],
  };
  const input = functionInput(store, variants, config, false);
  const samples: number[] = [];
  for (let i = 0; i < 2000; i++)
    samples.push((await timed(() => cartValidationsGenerateRun(input))).ms);
  rows.push({
    figure: "checkout pause rule, 50-line cart (2,000 runs)",
    value: `p50 ${fmtUs(percentile(samples, 50))}, p95 ${fmtUs(percentile(samples, 95))}`,
    note: "in Node; Shopify's limit is 11M Wasm instructions",
  });

  const pages: number[] = [];
  for (let i = 0; i < 50; i++)
    pages.push(
      (
        await timed(() =>
          renderProductPage({
            shopName: "Oak & Hide",
            product,
            noticeValue: MODES[4]?.[1] ?? null,
            locale: "en",
          }),
        )
      ).ms,
    );
  rows.push({
    figure: "demo product page render, paused (50 runs)",
    value: `p50 ${fmtMs(percentile(pages, 50))}, p95 ${fmtMs(percentile(pages, 95))}`,
    note: "liquidjs, both blocks",
  });
  return rows;
}
