// A liquidjs engine with the Shopify pieces the extension uses. Unknown filters and tags throw
// (strictFilters, and liquidjs rejects unknown tags), so a typo in a block fails the tests instead
// of quietly rendering differently from Shopify.
import path from "node:path";
import {
  Liquid,
  Tag,
  type Context,
  type Emitter,
  type TagToken,
  type TopLevelToken,
} from "liquidjs";
import { contrastRatio } from "./color-contrast.js";
import { EXTENSION_DIR, extensionAssetExists, readStorefrontLocales } from "./extension-files.js";
import { escapeHtml, translate } from "./translate.js";

export interface ShopifyLiquidOptions {
  locale: string;
  /** Where the page's asset route serves extension assets, ending in "/". */
  assetBaseUrl: string;
}

// Filter keyword arguments (`| t: count: 2`) arrive from liquidjs as [name, value] pairs.
function keywordArgs(args: unknown[]): Record<string, unknown> {
  const vars: Record<string, unknown> = {};
  for (const arg of args) {
    if (!Array.isArray(arg) || typeof arg[0] !== "string")
      throw new Error("t only takes keyword arguments");
    vars[arg[0]] = arg[1];
  }
  return vars;
}

// {% schema %} is read by Shopify, not rendered: swallow its body.
class SchemaTag extends Tag {
  constructor(token: TagToken, remainTokens: TopLevelToken[], liquid: Liquid) {
    super(token, remainTokens, liquid);
    while (remainTokens.length > 0) {
      const next = remainTokens.shift();
      if (next && "name" in next && next.name === "endschema") return;
    }
    throw new Error(`tag ${token.getText()} not closed`);
  }

  render(_ctx: Context, _emitter: Emitter): void {}
}

export function createShopifyLiquid({ locale, assetBaseUrl }: ShopifyLiquidOptions): Liquid {
  const { defaultLocale, tables } = readStorefrontLocales();
  const engine = new Liquid({
    root: [path.join(EXTENSION_DIR, "blocks")],
    partials: [path.join(EXTENSION_DIR, "snippets")],
    extname: ".liquid",
    strictFilters: true,
    cache: true,
  });
  engine.registerTag("schema", SchemaTag);
  // Like Shopify: a regional storefront language ("fr-CA") uses its base file when it has none.
  const language = [locale, locale.split("-")[0] ?? ""].find((l) => tables.has(l)) ?? defaultLocale;
  engine.registerFilter("t", (key: unknown, ...args: unknown[]) => {
    if (typeof key !== "string") throw new Error("t needs a string key");
    return translate(key, keywordArgs(args), { locale: language, defaultLocale, tables });
  });
  engine.registerFilter("asset_url", (name: unknown) => {
    if (typeof name !== "string" || !extensionAssetExists(name))
      throw new Error(`asset_url: no such asset ${String(name)}`);
    return `${assetBaseUrl}${name}`;
  });
  engine.registerFilter(
    "stylesheet_tag",
    (url: unknown) =>
      `<link href="${escapeHtml(String(url))}" rel="stylesheet" type="text/css" media="all" />`,
  );
  // Shopify returns the ratio rounded to one decimal.
  engine.registerFilter(
    "color_contrast",
    (a: unknown, b: unknown) => Math.round(contrastRatio(String(a), String(b)) * 10) / 10,
  );
  return engine;
}
