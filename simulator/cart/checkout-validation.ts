// Runs the app's Cart and Checkout Validation Function, from its real source, the way Shopify
// runs it: for each enabled validation of that function, build the input its query asks for
// (cart lines, the validation's config metafield, shop-local "is it past the end?") and collect
// the errors it adds. Every buyer path of the demo storefront goes through here.
import { DateTime } from "luxon";
import {
  cartValidationsGenerateRun,
  type CartValidationsGenerateRunInput,
} from "checkout-pause/src/cart_validations_generate_run";
import {
  CHECKOUT_PAUSE_FUNCTION_HANDLE,
  PAUSE_CONFIG_METAFIELD,
  type ValidationError,
} from "checkout-pause/src/pause-rule";
import { toGid } from "../gid";
import { appDataOf, findFunction, metafieldJsonValue } from "../resolvers/app-installation";
import type { ShopStore } from "../store/shop-store";
import type { CartLine } from "./cart-store";

// Shopify's generic text when a Function fails and its validation blocks on failure.
const FUNCTION_FAILED = "There was an issue processing your order. Please try again.";

/** The input query's `$heldCollectionIds`, read from the metafield as Shopify reads variables. */
function heldCollectionIdsOf(config: unknown): ReadonlySet<string> {
  const ids =
    typeof config === "object" && config !== null && "heldCollectionIds" in config
      ? config.heldCollectionIds
      : [];
  return new Set(Array.isArray(ids) ? ids.filter((id) => typeof id === "string") : []);
}

type LanguageCode = CartValidationsGenerateRunInput["localization"]["language"]["isoCode"];

/**
 * The buyer's language as Shopify hands it to the Function (Localization.language.isoCode, a
 * LanguageCode such as EN, FR or PT_BR), from the storefront's locale (en, fr, pt-BR).
 */
export function languageCodeOf(locale: string): string {
  const code = locale.trim().replace("-", "_").toUpperCase();
  return /^[A-Z]{2,3}(_[A-Z]{2})?$/.test(code) ? code : "EN";
}

export function functionInput(
  store: ShopStore,
  lines: readonly CartLine[],
  config: unknown,
  pauseOver: boolean,
  language = "EN",
): CartValidationsGenerateRunInput {
  const held = heldCollectionIdsOf(config);
  return {
    cart: {
      lines: lines.map((line) => {
        const variant = store.variant(line.variantId);
        const product = variant ? store.product(variant.productId) : undefined;
        return {
          quantity: line.quantity,
          merchandise:
            variant && product
              ? {
                  __typename: "ProductVariant",
                  id: toGid("ProductVariant", variant.id),
                  product: {
                    id: toGid("Product", product.id),
                    title: product.title,
                    // Product.inAnyCollection(ids:): true when the product is in any of them;
                    // an empty or absent list is false (the argument's default is []).
                    inHeldCollection: product.collectionIds.some((id) =>
                      held.has(toGid("Collection", id)),
                    ),
                  },
                }
              : { __typename: "CustomProduct" },
        };
      }),
    },
    // Shopify's LanguageCode enum holds every such code (languageCodeOf keeps to that shape).
    localization: { language: { isoCode: language as LanguageCode } },
    shop: { localTime: { pauseOver } },
    validation: { config: config === undefined ? null : { jsonValue: config } },
  };
}

/** The validation errors for a cart as it would be checked out now; [] means it may proceed. */
export function checkoutValidationErrors(
  store: ShopStore,
  lines: readonly CartLine[],
  now: Date = new Date(),
  locale = "en",
): ValidationError[] {
  const data = appDataOf(store);
  const fn = findFunction({ handle: CHECKOUT_PAUSE_FUNCTION_HANDLE });
  if (!fn) return [];
  const localNow = DateTime.fromJSDate(now, { zone: store.shop.ianaTimezone }).toFormat(
    "yyyy-LL-dd'T'HH:mm:ss",
  );
  const errors: ValidationError[] = [];
  for (const validation of data.validations) {
    if (!validation.enabled || validation.functionId !== fn.id) continue;
    const metafield = data.metafield(
      toGid("Validation", validation.id),
      PAUSE_CONFIG_METAFIELD.namespace,
      PAUSE_CONFIG_METAFIELD.key,
    );
    const config = metafield ? metafieldJsonValue(metafield) : undefined;
    // The input query's variable comes from this metafield; without it Shopify cannot run the
    // Function at all, and what happens then is the validation's blockOnFailure.
    const until =
      typeof config === "object" && config !== null && "pausedUntilLocal" in config
        ? config.pausedUntilLocal
        : undefined;
    if (typeof until !== "string") {
      if (validation.blockOnFailure) errors.push({ message: FUNCTION_FAILED, target: "$.cart" });
      continue;
    }
    // dateTimeAfter: strictly after, on the shop's wall clock (both strings are zero-padded ISO).
    const result = cartValidationsGenerateRun(
      functionInput(store, lines, config, localNow > until, languageCodeOf(locale)),
    );
    for (const operation of result.operations)
      errors.push(...(operation.validationAdd?.errors ?? []));
  }
  return errors;
}
