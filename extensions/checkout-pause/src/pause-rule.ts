// The checkout pause's rule, kept free of I/O and of dependencies so the same code runs in three
// places: compiled to Wasm inside Shopify (the Function), in Node unit tests, and in the
// simulator's demo storefront. The configuration is the app's JSON metafield on the Validation.
//
// No zod here on purpose: a Function's Wasm module has a size and instruction budget, and this
// parser is small enough to check by hand (and is tested against the app's writer).
//
// The input and output types are the ones Shopify CLI's typegen writes to generated/api.ts from
// schema.graphql and the input query; nothing here restates the Function API by hand.
import type { CartValidationsGenerateRunInput, ValidationError } from "../generated/api";

export type { ValidationError };

/** One cart line as the input query (cart_validations_generate_run.graphql) asks for it. */
export type CartLineInput = CartValidationsGenerateRunInput["cart"]["lines"][number];

export const PAUSE_CONFIG_METAFIELD = {
  // `$app:` makes the namespace app-owned, so no other app or merchant can edit the switch.
  namespace: "$app:delay-desk",
  key: "checkout-pause",
  type: "json",
} as const;

/** The handle in shopify.extension.toml; the app names the function by it in validationCreate. */
export const CHECKOUT_PAUSE_FUNCTION_HANDLE = "checkout-pause";

export const PAUSE_CONFIG_VERSION = 1;

// The input query needs a non-null end time to compare with (GraphQL variables cannot be absent
// for a non-null argument), so "until further notice" is written as the far future.
export const PAUSE_WITHOUT_END = "9999-12-31T23:59:59";

export const DEFAULT_PAUSE_MESSAGE =
  "We have paused new orders for now so we can catch up on the ones we have.";
export const MAX_PAUSE_MESSAGE_LENGTH = 280;

/** One product, variant or collection paused on its own while the rest of the shop sells. */
export interface HeldItem {
  kind: "product" | "variant" | "collection";
  /** Its Shopify GID. */
  id: string;
  /** As the buyer's refusal names it ("Bifold wallet", "Bifold wallet - Tan", "Wallets"). */
  title: string;
}

export const MAX_HELD_ITEMS = 100;

export interface CheckoutPauseConfig {
  version: typeof PAUSE_CONFIG_VERSION;
  /** The whole shop is paused. */
  paused: boolean;
  /** Wall-clock end in the shop's zone, `YYYY-MM-DDTHH:MM:SS` (Shopify's DateTimeWithoutTimezone). */
  pausedUntilLocal: string;
  /** Shown to the buyer in cart and checkout. */
  message: string;
  /** Product GIDs that stay on sale during a pause (e.g. gift cards, in-stock accessories). */
  exemptProductIds: string[];
  /** Paused on their own; they stay refused when the shop is not paused, until resumed. */
  heldItems: HeldItem[];
  /**
   * The collection ids among heldItems, under the input query's variable name: the whole
   * metafield is the query's variables, so Shopify answers `inHeldCollection` from this key.
   */
  heldCollectionIds: string[];
}

export interface PauseRuleInput {
  /** The metafield's jsonValue (already parsed by Shopify), or null when unset. */
  config: unknown;
  /** Shopify's answer to "is the shop's local time after pausedUntilLocal?". */
  pauseOver: boolean;
  lines: readonly CartLineInput[];
  /** The buyer's language, Shopify's LanguageCode (`localization.language.isoCode`: EN, FR, PT_BR…). */
  language?: string;
}

const LOCAL_DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}$/;

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

const HELD_KINDS: readonly HeldItem["kind"][] = ["product", "variant", "collection"];

function isHeldItem(value: unknown): value is HeldItem {
  if (!isRecord(value)) return false;
  const { kind, id, title } = value;
  return (
    HELD_KINDS.some((k) => k === kind) &&
    typeof id === "string" &&
    id !== "" &&
    typeof title === "string" &&
    title.trim() !== ""
  );
}

function isStringList(value: unknown): value is string[] {
  return Array.isArray(value) && value.every((id): id is string => typeof id === "string");
}

/**
 * The configuration, or null if it is missing or not one this code understands. Null means
 * "not paused": a broken or foreign write must never stop a shop's sales silently (the app reads
 * its own write back and shows the merchant the real state).
 */
export function readPauseConfig(value: unknown): CheckoutPauseConfig | null {
  if (!isRecord(value)) return null;
  const { version, paused, pausedUntilLocal, message, exemptProductIds } = value;
  // Written before items could be paused on their own: none are.
  const heldItems = value.heldItems ?? [];
  const heldCollectionIds = value.heldCollectionIds ?? [];
  if (version !== PAUSE_CONFIG_VERSION || typeof paused !== "boolean") return null;
  if (typeof pausedUntilLocal !== "string" || !LOCAL_DATE_TIME.test(pausedUntilLocal)) return null;
  if (
    typeof message !== "string" ||
    message.trim() === "" ||
    message.length > MAX_PAUSE_MESSAGE_LENGTH
  )
    return null;
  if (!isStringList(exemptProductIds) || !isStringList(heldCollectionIds)) return null;
  if (
    !Array.isArray(heldItems) ||
    heldItems.length > MAX_HELD_ITEMS ||
    !heldItems.every(isHeldItem)
  )
    return null;
  return {
    version,
    paused,
    pausedUntilLocal,
    message,
    exemptProductIds,
    heldItems,
    heldCollectionIds,
  };
}

// The refusal in the storefront's languages (the theme extension's locales: en, fr, de, es); the
// merchant's own shop-wide pause message is theirs and stays as they wrote it.
const inEnglish = (title: string) =>
  `"${title}" can't be ordered right now: new orders for it are paused. Remove it to check out the rest of your cart.`;
const HELD_ITEM_MESSAGES: Partial<Record<string, (title: string) => string>> = {
  en: inEnglish,
  fr: (title) =>
    `« ${title} » ne peut pas être commandé pour le moment : les nouvelles commandes de cet article sont suspendues. Retirez-le pour commander le reste de votre panier.`,
  de: (title) =>
    `„${title}“ kann gerade nicht bestellt werden: Neue Bestellungen dafür sind pausiert. Entfernen Sie den Artikel, um den Rest Ihres Warenkorbs zu bestellen.`,
  es: (title) =>
    `«${title}» no se puede pedir por ahora: los pedidos nuevos de este artículo están en pausa. Quítalo para comprar el resto de tu carrito.`,
};

/**
 * What a refused buyer reads when one thing in the cart is paused on its own, in their language:
 * Shopify's LanguageCode (FR, PT_BR) by its language part, English for any other.
 */
export function heldItemMessage(title: string, language = "EN"): string {
  const base = language.split("_")[0]?.toLowerCase() ?? "en";
  return (HELD_ITEM_MESSAGES[base] ?? inEnglish)(title);
}

/** The paused item a cart line falls under, if any: its variant, else its product, else a collection. */
function heldTitleOf(line: CartLineInput, config: CheckoutPauseConfig): string | null {
  if (line.quantity <= 0 || line.merchandise.__typename !== "ProductVariant") return null;
  const { id, product } = line.merchandise;
  const variant = config.heldItems.find((item) => item.kind === "variant" && item.id === id);
  if (variant) return variant.title;
  const named = config.heldItems.find((item) => item.kind === "product" && item.id === product.id);
  if (named) return named.title;
  // Shopify said the product is in one of heldCollectionIds; the buyer knows the product, not
  // which collection the merchant paused, so name the product.
  return product.inHeldCollection ? product.title : null;
}

/**
 * The validation errors for one cart: while the shop is paused, one cart-wide error with the
 * shop's message; otherwise one error per paused item in the cart, naming it, and none for a
 * cart without one.
 */
export function pauseErrors(input: PauseRuleInput): ValidationError[] {
  const config = readPauseConfig(input.config);
  if (!config) return [];
  if (!config.paused || input.pauseOver) {
    const titles = new Set<string>();
    for (const line of input.lines) {
      const title = heldTitleOf(line, config);
      if (title !== null) titles.add(title);
    }
    return [...titles].map((title) => ({
      message: heldItemMessage(title, input.language),
      target: "$.cart",
    }));
  }
  const exempt = new Set(config.exemptProductIds);
  const held = input.lines.some((line) => {
    if (line.quantity <= 0) return false;
    // Anything that is not a product variant (e.g. a custom line) is held too: a pause means no new orders.
    return !(
      line.merchandise.__typename === "ProductVariant" && exempt.has(line.merchandise.product.id)
    );
  });
  // "$.cart" shows the message on the cart and at the top of checkout, and blocks checkout.
  return held ? [{ message: config.message, target: "$.cart" }] : [];
}
