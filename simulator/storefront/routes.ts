// The demo storefront's HTTP routes, mounted by simulator/server.ts under /<shop>/storefront:
// product pages rendered with the theme extension's real Liquid and the notice the app wrote, and
// every way a buyer can try to buy, each checked by the app's validation Function as Shopify
// would: the theme's form, /cart/add.js, a cart permalink and an express-checkout button.
import type { IncomingMessage } from "node:http";
import { z } from "zod";
import { NOTICE_METAFIELD } from "@delay-desk/contracts/notice-metafield";
import type { ValidationError } from "checkout-pause/src/pause-rule";
import {
  addToCart,
  cartLines,
  clearCart,
  mergedLines,
  newCartToken,
  type CartLine,
} from "../cart/cart-store";
import { checkoutValidationErrors } from "../cart/checkout-validation";
import { appDataOf } from "../resolvers/app-installation";
import type { ShopStore } from "../store/shop-store";
import { readExtensionAsset, extensionAssetExists } from "./extension-files";
import { renderProductPage, type DemoProduct } from "./product-page";
import { renderCollectionPage, renderHomePage } from "./theme-pages";
import { escapeHtml } from "./translate";

export interface StorefrontReply {
  status: number;
  body: string;
  headers: Record<string, string>;
}

export const STOREFRONT_ASSET_PREFIX = "/storefront/assets/";
const MAX_BODY_BYTES = 64 * 1024;
const MAX_QUANTITY = 10_000;

function html(status: number, body: string, headers: Record<string, string> = {}): StorefrontReply {
  return { status, body, headers: { "Content-Type": "text/html; charset=utf-8", ...headers } };
}

function json(
  status: number,
  body: unknown,
  headers: Record<string, string> = {},
): StorefrontReply {
  return {
    status,
    body: JSON.stringify(body),
    headers: { "Content-Type": "application/json; charset=utf-8", ...headers },
  };
}

/** GET /storefront/assets/<name>: the extension's assets, as Shopify's CDN serves them. */
export function serveStorefrontAsset(name: string): StorefrontReply {
  if (!extensionAssetExists(name))
    return {
      status: 404,
      body: "Not Found",
      headers: { "Content-Type": "text/plain; charset=utf-8" },
    };
  const type = name.endsWith(".css")
    ? "text/css"
    : name.endsWith(".js")
      ? "text/javascript"
      : "application/octet-stream";
  return {
    status: 200,
    body: readExtensionAsset(name),
    headers: { "Content-Type": `${type}; charset=utf-8`, "Cache-Control": "public, max-age=300" },
  };
}

async function readBody(request: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request) {
    const buffer = Buffer.isBuffer(chunk) ? chunk : Buffer.from(String(chunk));
    size += buffer.length;
    if (size > MAX_BODY_BYTES) throw new Error("request body too large");
    chunks.push(buffer);
  }
  return Buffer.concat(chunks).toString("utf8");
}

const lineInput = z.object({
  id: z.coerce.number().int().positive(),
  quantity: z.coerce.number().int().min(1).max(MAX_QUANTITY).default(1),
});
const addInput = z.union([
  z.object({ items: z.array(lineInput).min(1) }),
  lineInput.transform((line) => ({ items: [line] })),
]);
const checkoutInput = z.object({
  lines: z
    .array(
      z.object({
        variantId: z.coerce.number().int().positive(),
        quantity: z.coerce.number().int().min(1).max(MAX_QUANTITY),
      }),
    )
    .optional(),
});

async function parseBody(request: IncomingMessage): Promise<unknown> {
  const raw = await readBody(request);
  const type = (request.headers["content-type"] ?? "").split(";")[0]?.trim().toLowerCase();
  if (type === "application/json") {
    try {
      return JSON.parse(raw);
    } catch {
      return undefined;
    }
  }
  return Object.fromEntries(new URLSearchParams(raw));
}

function cookie(request: IncomingMessage, name: string): string | undefined {
  for (const part of (request.headers.cookie ?? "").split(";")) {
    const [key, ...value] = part.trim().split("=");
    if (key === name) return value.join("=");
  }
  return undefined;
}

function demoProduct(store: ShopStore, handle: string): DemoProduct | undefined {
  const product = store.products.find((p) => p.handle === handle && p.status === "ACTIVE");
  if (!product) return undefined;
  return {
    id: product.id,
    tags: product.tags,
    collectionIds: product.collectionIds,
    title: product.title,
    handle: product.handle,
    description: product.description,
    currency: store.shop.currencyCode,
    variants: product.variantIds.flatMap((id) => {
      const variant = store.variant(id);
      // Made-to-order items sell at zero stock, as on the seeded shop's Admin side.
      return variant
        ? [
            {
              id: variant.id,
              title: variant.title,
              priceCents: variant.priceCents,
              available: product.makeDays > 0 || variant.inventoryQuantity > 0,
            },
          ]
        : [];
    }),
  };
}

/** The shop's active products as the theme shows them (at most 50, as a collection page's first page). */
export function storefrontProducts(store: ShopStore, collectionId?: number): DemoProduct[] {
  return store.products
    .filter((p) => p.status === "ACTIVE")
    .filter((p) => collectionId === undefined || p.collectionIds.includes(collectionId))
    .slice(0, 50)
    .flatMap((p) => demoProduct(store, p.handle) ?? []);
}

function noticeValue(store: ShopStore): string | null {
  const data = appDataOf(store);
  return (
    data.metafield(data.installationGid, NOTICE_METAFIELD.namespace, NOTICE_METAFIELD.key)?.value ??
    null
  );
}

function unknownVariants(store: ShopStore, lines: readonly CartLine[]): boolean {
  return lines.some((line) => !store.variant(line.variantId));
}

function page(title: string, root: string, content: string): string {
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>${escapeHtml(title)}</title>
<style>body{margin:2rem auto;max-width:40rem;font:16px/1.5 system-ui,sans-serif;padding:0 1rem}.cart-error{color:#8e1f0b;font-weight:600}</style></head>
<body><header><a href="${escapeHtml(root)}/">Home</a> · <a href="${escapeHtml(root)}/cart">Cart</a></header><main>${content}</main></body></html>
`;
}

function linesList(store: ShopStore, lines: readonly CartLine[]): string {
  if (lines.length === 0) return "<p>Your cart is empty.</p>";
  const items = lines.map((line) => {
    const variant = store.variant(line.variantId);
    const product = variant ? store.product(variant.productId) : undefined;
    return `<li data-variant-id="${line.variantId}">${escapeHtml(product?.title ?? "?")} – ${escapeHtml(variant?.title ?? "")} × ${line.quantity}</li>`;
  });
  return `<ul class="cart-lines">${items.join("")}</ul>`;
}

function refusedPage(
  root: string,
  title: string,
  errors: readonly ValidationError[],
): StorefrontReply {
  const messages = errors
    .map((e) => `<p class="cart-error" role="alert">${escapeHtml(e.message)}</p>`)
    .join("");
  return html(422, page(title, root, `<h1>${escapeHtml(title)}</h1>${messages}`));
}

function parsePermalink(spec: string): CartLine[] | null {
  const lines: CartLine[] = [];
  for (const part of spec.split(",")) {
    const match = /^(\d+):(\d+)$/.exec(part);
    if (!match) return null;
    const quantity = Number(match[2]);
    if (quantity < 1 || quantity > MAX_QUANTITY) return null;
    lines.push({ variantId: Number(match[1]), quantity });
  }
  return lines;
}

export interface StorefrontRequestContext {
  store: ShopStore;
  request: IncomingMessage;
  /** The path under /<shop>/storefront, e.g. "/products/walnut-case". */
  path: string;
  url: URL;
  /** "/<shop>/storefront" */
  root: string;
  now?: Date;
}

/** Answers a storefront route, or undefined when the path is not one. */
export async function handleStorefrontRequest(
  context: StorefrontRequestContext,
): Promise<StorefrontReply | undefined> {
  const { store, request, path, url, root } = context;
  const method = request.method ?? "GET";
  const now = context.now ?? new Date();
  const cartToken = cookie(request, "cart");
  // The storefront's language (?locale=, as its pages take it), which Shopify hands the Function.
  const buyerLocale = url.searchParams.get("locale") ?? "en";

  // Home and collection pages beside the product pages: the three pages Shopify weighs when it
  // measures an app's storefront cost (https://shopify.dev/apps/build/performance/storefront).
  const collection = /^\/collections\/([^/]+)$/.exec(path);
  if ((path === "" || path === "/" || collection) && method === "GET") {
    const handle = decodeURIComponent(collection?.[1] ?? "all");
    // `all` is the collection every Shopify store has; the others are the shop's own.
    const found = store.collections.find((c) => c.handle === handle);
    if (collection && handle !== "all" && !found)
      return html(404, page("Not found", root, "<h1>Collection not found</h1>"));
    const input = {
      shopName: store.shop.name,
      products: storefrontProducts(store, found?.id),
      noticeValue: noticeValue(store),
      locale: url.searchParams.get("locale") ?? "en",
      assetBaseUrl: STOREFRONT_ASSET_PREFIX,
      routesRoot: root,
    };
    return html(
      200,
      collection
        ? renderCollectionPage({ ...input, collectionTitle: found?.title })
        : renderHomePage(input),
    );
  }

  const product = /^\/products\/([^/]+)$/.exec(path);
  if (product && method === "GET") {
    const found = demoProduct(store, decodeURIComponent(product[1] ?? ""));
    if (!found) return html(404, page("Not found", root, "<h1>Product not found</h1>"));
    const body = renderProductPage({
      shopName: store.shop.name,
      product: found,
      noticeValue: noticeValue(store),
      locale: url.searchParams.get("locale") ?? "en",
      assetBaseUrl: STOREFRONT_ASSET_PREFIX,
      routesRoot: root,
    });
    return html(200, body);
  }

  if (path === "/cart" && method === "GET") {
    const lines = cartLines(store, cartToken);
    const checkout =
      lines.length > 0
        ? `<form method="post" action="${escapeHtml(root)}/checkout"><button type="submit">Check out</button></form>`
        : "";
    return html(200, page("Cart", root, `<h1>Cart</h1>${linesList(store, lines)}${checkout}`));
  }

  if ((path === "/cart/add" || path === "/cart/add.js") && method === "POST") {
    const ajax = path.endsWith(".js");
    const body = await parseBody(request);
    const parsed = addInput.safeParse(body);
    if (!parsed.success) {
      return ajax
        ? json(422, {
            status: 422,
            message: "Cart Error",
            description:
              "Parameter Missing or Invalid: Required parameter missing or invalid: items",
          })
        : html(
            422,
            page(
              "Cart",
              root,
              '<h1>Cart</h1><p class="cart-error" role="alert">Could not add that item.</p>',
            ),
          );
    }
    const adding = parsed.data.items.map((item) => ({
      variantId: item.id,
      quantity: item.quantity,
    }));
    if (unknownVariants(store, adding)) {
      return ajax
        ? json(404, { status: 404, message: "Cart Error", description: "Cannot find variant" })
        : html(
            404,
            page(
              "Cart",
              root,
              '<h1>Cart</h1><p class="cart-error" role="alert">Cannot find variant</p>',
            ),
          );
    }
    // The cart as it would become is what the Function sees.
    const errors = checkoutValidationErrors(
      store,
      mergedLines(cartLines(store, cartToken), adding),
      now,
      buyerLocale,
    );
    if (errors.length > 0) {
      return ajax
        ? json(422, {
            status: 422,
            message: "Cart Error",
            description: errors.map((e) => e.message).join(" "),
          })
        : refusedPage(root, "Cart", errors);
    }
    const token = cartToken ?? newCartToken();
    addToCart(store, token, adding);
    const setCookie = { "Set-Cookie": `cart=${token}; Path=/; SameSite=Lax; HttpOnly` };
    if (ajax) {
      const items = adding.map((line) => ({
        id: line.variantId,
        variant_id: line.variantId,
        quantity: line.quantity,
        product_id: store.variant(line.variantId)?.productId ?? null,
      }));
      // Like Shopify: one added variant answers the line itself, an `items` request the list.
      const single = !(typeof body === "object" && body !== null && "items" in body);
      return json(200, single ? items[0] : { items }, setCookie);
    }
    return { status: 303, body: "", headers: { Location: `${root}/cart`, ...setCookie } };
  }

  const permalink = /^\/cart\/([\d:,]+)$/.exec(path);
  if (permalink && method === "GET") {
    const lines = parsePermalink(permalink[1] ?? "");
    if (!lines || unknownVariants(store, lines))
      return html(
        404,
        page(
          "Checkout",
          root,
          '<h1>Checkout</h1><p class="cart-error" role="alert">Cannot find variant</p>',
        ),
      );
    const errors = checkoutValidationErrors(store, lines, now, buyerLocale);
    if (errors.length > 0) return refusedPage(root, "Checkout", errors);
    return html(
      200,
      page(
        "Checkout",
        root,
        `<h1>Checkout (simulated)</h1>${linesList(store, lines)}<p class="checkout-ok">Ready to pay.</p>`,
      ),
    );
  }

  if (path === "/checkout" && method === "POST") {
    const isJson = (request.headers["content-type"] ?? "").includes("application/json");
    const parsed = checkoutInput.safeParse(isJson ? await parseBody(request) : {});
    if (!parsed.success)
      return json(400, { errors: [{ message: "Invalid checkout request", target: "$.cart" }] });
    const lines = parsed.data.lines ?? cartLines(store, cartToken);
    if (lines.length === 0 || unknownVariants(store, lines))
      return isJson
        ? json(422, { errors: [{ message: "Your cart is empty.", target: "$.cart" }] })
        : refusedPage(root, "Checkout", [{ message: "Your cart is empty.", target: "$.cart" }]);
    const errors = checkoutValidationErrors(store, lines, now, buyerLocale);
    if (errors.length > 0)
      return isJson ? json(422, { errors }) : refusedPage(root, "Checkout", errors);
    if (!parsed.data.lines) clearCart(store, cartToken);
    return isJson
      ? json(200, { ok: true, lines })
      : html(
          200,
          page(
            "Checkout",
            root,
            `<h1>Checkout (simulated)</h1>${linesList(store, lines)}<p class="checkout-ok">Order placed (simulated).</p>`,
          ),
        );
  }

  return undefined;
}
