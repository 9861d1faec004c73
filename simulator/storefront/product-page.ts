// A plain, theme-like product page for the demo storefront: header, product form posting to
// /cart/add, the shipping-estimate app block under the form, and the banner embed injected just
// before </body>, where Shopify puts `body` app embeds. The page itself has no JavaScript, so
// anything the browser shows comes from the extension's Liquid and CSS.
import {
  parseStorefrontNotice,
  type StorefrontNotice,
} from "@delay-desk/contracts/notice-metafield";
import {
  DEFAULT_ASSET_BASE_URL,
  renderAppBlock,
  type BlockSettingsOverride,
  type LiquidProduct,
} from "./render-block.js";
import { escapeHtml } from "./translate.js";

export interface DemoVariant {
  id: string | number;
  title: string;
  priceCents: number;
  available: boolean;
}

export interface DemoProduct {
  /** Shopify's numeric product id; absent in fixtures that need no per-product notice. */
  id?: number;
  tags?: readonly string[];
  collectionIds?: readonly number[];
  title: string;
  handle: string;
  description?: string;
  currency: string;
  variants: readonly DemoVariant[];
}

export interface ProductPageInput {
  shopName: string;
  product: DemoProduct;
  /** The metafield value as the app wrote it: the JSON string, or the parsed object. */
  noticeValue: unknown;
  /** Storefront language, e.g. "en" or "fr"; a language the extension lacks falls back to English. */
  locale: string;
  blockSettings?: { banner?: BlockSettingsOverride; estimate?: BlockSettingsOverride };
  assetBaseUrl?: string;
  /** Where the storefront's routes live ("" = the site root, as on Shopify; the simulator uses "/<shop>/storefront"). */
  routesRoot?: string;
  /**
   * false: the theme without Delay Desk (embed switched off, block not added), the baseline that
   * Shopify's Lighthouse comparison measures against. Default true.
   */
  appExtension?: boolean;
}

// The theme's own words (in a real store they come from the theme's locale files, not ours).
const THEME_TEXT = {
  en: {
    addToCart: "Add to cart",
    soldOut: "Sold out",
    variant: "Option",
    quantity: "Quantity",
    home: "Home",
    featured: "Featured products",
    allProducts: "All products",
    soldOutBadge: "Sold out",
  },
  fr: {
    addToCart: "Ajouter au panier",
    soldOut: "Épuisé",
    variant: "Option",
    quantity: "Quantité",
    home: "Accueil",
    featured: "Produits en vedette",
    allProducts: "Tous les produits",
    soldOutBadge: "Épuisé",
  },
} as const;

export function themeText(locale: string) {
  return locale.split("-")[0] === "fr" ? THEME_TEXT.fr : THEME_TEXT.en;
}

export function money(cents: number, currency: string, locale: string): string {
  return new Intl.NumberFormat(locale, { style: "currency", currency }).format(cents / 100);
}

export const THEME_CSS = `body{margin:0;font:16px/1.5 system-ui,sans-serif;color:#1a1a1a;background:#fff}
.site-header{padding:1rem 2rem;border-bottom:1px solid #ddd}.site-header a{color:inherit;font-weight:700;text-decoration:none}.site-header__cart{float:right}
.product{max-width:40rem;margin:2rem auto;padding:0 1rem}.product__price{font-size:1.25rem}
.product-form{display:grid;gap:.75rem;max-width:20rem}.product-form button{padding:.75rem;font:inherit;background:#1a1a1a;color:#fff;border:0;border-radius:.25rem}`;

/** The store-wide banner (an app embed: Shopify renders it on every page of the theme). */
export function renderNoticeEmbed(input: {
  notice: StorefrontNotice | null;
  locale: string;
  /** On a product page, Liquid's global `product` (the embed speaks of a product paused alone). */
  product?: LiquidProduct;
  settings?: BlockSettingsOverride;
  assetBaseUrl: string;
  shopUrl?: string;
}): string {
  return renderAppBlock("notice-banner", input);
}

export function renderProductPage(input: ProductPageInput): string {
  const { shopName, product, locale } = input;
  const notice = parseStorefrontNotice(input.noticeValue);
  const text = themeText(locale);
  const first = product.variants.find((v) => v.available) ?? product.variants[0];
  const available = product.variants.some((v) => v.available);
  const assetBaseUrl = input.assetBaseUrl ?? DEFAULT_ASSET_BASE_URL;
  const root = input.routesRoot ?? "";

  const withApp = input.appExtension ?? true;
  const firstNumericId = typeof first?.id === "number" ? first.id : Number(first?.id);
  const liquidProduct: LiquidProduct = {
    title: product.title,
    handle: product.handle,
    available,
    ...(product.id === undefined ? {} : { id: product.id }),
    tags: product.tags ?? [],
    collections: (product.collectionIds ?? []).map((id) => ({ id })),
    selected_or_first_available_variant: Number.isFinite(firstNumericId)
      ? { id: firstNumericId }
      : null,
  };
  const estimate = !withApp
    ? ""
    : renderAppBlock("shipping-estimate", {
        notice,
        locale,
        product: liquidProduct,
        settings: input.blockSettings?.estimate,
        assetBaseUrl,
      });
  const banner = withApp
    ? renderNoticeEmbed({
        notice,
        locale,
        product: liquidProduct,
        settings: input.blockSettings?.banner,
        assetBaseUrl,
        shopUrl: root,
      })
    : "";

  const options = product.variants
    .map(
      (v) =>
        `<option value="${escapeHtml(String(v.id))}"${v === first ? " selected" : ""}${v.available ? "" : " disabled"}>` +
        `${escapeHtml(v.title)} – ${escapeHtml(money(v.priceCents, product.currency, locale))}</option>`,
    )
    .join("");

  return `<!doctype html>
<html lang="${escapeHtml(locale)}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width,initial-scale=1">
<title>${escapeHtml(product.title)} – ${escapeHtml(shopName)}</title>
<style>${THEME_CSS}</style>
</head>
<body>
<header class="site-header"><a href="${escapeHtml(root)}/">${escapeHtml(shopName)}</a> <a class="site-header__cart" href="${escapeHtml(root)}/cart">Cart</a></header>
<main id="MainContent">
<section id="shopify-section-template--product__main" class="shopify-section">
<div class="product">
<h1 class="product__title">${escapeHtml(product.title)}</h1>
<p class="product__price">${first ? escapeHtml(money(first.priceCents, product.currency, locale)) : ""}</p>
${product.description ? `<p class="product__description">${escapeHtml(product.description)}</p>` : ""}
<form method="post" action="${escapeHtml(root)}/cart/add" class="product-form" id="product-form-main">
<label for="ProductVariant">${text.variant}</label>
<select id="ProductVariant" name="id">${options}</select>
<label for="ProductQuantity">${text.quantity}</label>
<input id="ProductQuantity" type="number" name="quantity" value="1" min="1">
<button type="submit" name="add"${available ? "" : " disabled"}>${available ? text.addToCart : text.soldOut}</button>
</form>
${estimate}
</div>
</section>
</main>
${banner}
</body>
</html>
`;
}
