// The demo storefront's home page and collection page, beside the product page: the three pages
// Shopify weighs when it measures an app's storefront cost (home 17 %, product 40 %, collection
// 43 %: https://shopify.dev/apps/build/performance/storefront). Theme-like and JavaScript-free,
// as the product page is; Delay Desk appears on them only as its app embed (the banner), which
// Shopify renders on every page of the theme, since the product block belongs to product pages.
import { parseStorefrontNotice } from "@delay-desk/contracts/notice-metafield";
import { DEFAULT_ASSET_BASE_URL, type BlockSettingsOverride } from "./render-block.js";
import {
  money,
  renderNoticeEmbed,
  themeText,
  THEME_CSS,
  type DemoProduct,
} from "./product-page.js";
import { escapeHtml } from "./translate.js";

export interface ThemePageInput {
  shopName: string;
  products: readonly DemoProduct[];
  /** The metafield value as the app wrote it: the JSON string, or the parsed object. */
  noticeValue: unknown;
  locale: string;
  bannerSettings?: BlockSettingsOverride;
  assetBaseUrl?: string;
  /** Where the storefront's routes live ("" = the site root; the simulator uses "/<shop>/storefront"). */
  routesRoot?: string;
  /** false: the theme without Delay Desk's embed (the baseline). Default true. */
  appExtension?: boolean;
}

// Cards keep a fixed box so nothing moves as the page paints (a theme's grid reserves its space).
const GRID_CSS = `.page{max-width:64rem;margin:2rem auto;padding:0 1rem}.hero{padding:2rem 0}
.grid{display:grid;grid-template-columns:repeat(auto-fill,minmax(14rem,1fr));gap:1rem;list-style:none;padding:0}
.card{border:1px solid #ddd;border-radius:.5rem;padding:1rem;min-height:6rem}.card a{color:inherit;font-weight:600}
.card__price{margin:.25rem 0 0}.card__badge{font-size:.875rem;color:#6d7175}`;

function productCard(product: DemoProduct, root: string, locale: string): string {
  const first = product.variants.find((v) => v.available) ?? product.variants[0];
  const available = product.variants.some((v) => v.available);
  const text = themeText(locale);
  return (
    `<li class="card"><a href="${escapeHtml(root)}/products/${encodeURIComponent(product.handle)}">${escapeHtml(product.title)}</a>` +
    `<p class="card__price">${first ? escapeHtml(money(first.priceCents, product.currency, locale)) : ""}</p>` +
    `${available ? "" : `<span class="card__badge">${text.soldOutBadge}</span>`}</li>`
  );
}

function themePage(input: ThemePageInput, title: string, sectionId: string, main: string): string {
  const root = input.routesRoot ?? "";
  const banner =
    (input.appExtension ?? true)
      ? renderNoticeEmbed({
          notice: parseStorefrontNotice(input.noticeValue),
          locale: input.locale,
          settings: input.bannerSettings,
          assetBaseUrl: input.assetBaseUrl ?? DEFAULT_ASSET_BASE_URL,
          shopUrl: root,
        })
      : "";
  return `<!doctype html>
<html lang="${escapeHtml(input.locale)}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width,initial-scale=1">
<title>${escapeHtml(title)}</title>
<style>${THEME_CSS}
${GRID_CSS}</style>
</head>
<body>
<header class="site-header"><a href="${escapeHtml(root)}/">${escapeHtml(input.shopName)}</a> <a class="site-header__cart" href="${escapeHtml(root)}/cart">Cart</a></header>
<main id="MainContent">
<section id="shopify-section-${sectionId}" class="shopify-section">
<div class="page">
${main}
</div>
</section>
</main>
${banner}
</body>
</html>
`;
}

/** The home page: the shop's name and its first products, as a theme's featured collection. */
export function renderHomePage(input: ThemePageInput): string {
  const text = themeText(input.locale);
  const cards = input.products
    .slice(0, 8)
    .map((p) => productCard(p, input.routesRoot ?? "", input.locale));
  return themePage(
    input,
    input.shopName,
    "template--index__featured",
    `<div class="hero"><h1>${escapeHtml(input.shopName)}</h1></div>
<h2>${text.featured}</h2>
<ul class="grid">${cards.join("")}</ul>`,
  );
}

/** A collection page (`/collections/all`, which every Shopify store has): every product, as cards. */
export function renderCollectionPage(input: ThemePageInput & { collectionTitle?: string }): string {
  const text = themeText(input.locale);
  const heading = input.collectionTitle ?? text.allProducts;
  const cards = input.products.map((p) => productCard(p, input.routesRoot ?? "", input.locale));
  return themePage(
    input,
    `${heading} – ${input.shopName}`,
    "template--collection__main",
    `<h1>${escapeHtml(heading)}</h1>
<ul class="grid">${cards.join("")}</ul>`,
  );
}
