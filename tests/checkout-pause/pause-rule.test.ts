// The checkout pause Function's logic, run in Node exactly as Shopify would run it: input shaped by
// the Function's input query, output in the cart.validations.generate.run result shape.
import { describe, expect, it } from "vitest";
import { LanguageCode } from "../../extensions/checkout-pause/generated/api";
import {
  cartValidationsGenerateRun,
  type CartValidationsGenerateRunInput,
} from "../../extensions/checkout-pause/src/cart_validations_generate_run";
import {
  heldItemMessage,
  PAUSE_WITHOUT_END,
  pauseErrors,
  readPauseConfig,
  type CartLineInput,
} from "../../extensions/checkout-pause/src/pause-rule";

const WALLET = "gid://shopify/Product/10";
const GIFT_CARD = "gid://shopify/Product/99";

function line(
  productId: string,
  quantity = 1,
  product: { title?: string; inHeldCollection?: boolean } = {},
): CartLineInput {
  return {
    quantity,
    merchandise: {
      __typename: "ProductVariant",
      id: `gid://shopify/ProductVariant/${productId.split("/").pop()}1`,
      product: {
        id: productId,
        title: product.title ?? "Bifold wallet",
        inHeldCollection: product.inHeldCollection ?? false,
      },
    },
  };
}

function config(overrides: Record<string, unknown> = {}) {
  return {
    version: 1,
    paused: true,
    pausedUntilLocal: "2026-12-05T09:00:00",
    message: "Orders are paused until December 5 while we catch up.",
    exemptProductIds: [GIFT_CARD],
    heldItems: [],
    heldCollectionIds: [],
    ...overrides,
  };
}

function input(
  jsonValue: unknown,
  lines: CartLineInput[],
  pauseOver = false,
  language = LanguageCode.En,
): CartValidationsGenerateRunInput {
  return {
    cart: { lines },
    localization: { language: { isoCode: language } },
    shop: { localTime: { pauseOver } },
    validation: { config: jsonValue === undefined ? null : { jsonValue } },
  };
}

describe("cartValidationsGenerateRun", () => {
  it("refuses a cart with items while paused, with the shop's message on the whole cart", () => {
    expect(cartValidationsGenerateRun(input(config(), [line(WALLET, 2)]))).toEqual({
      operations: [
        {
          validationAdd: {
            errors: [
              {
                message: "Orders are paused until December 5 while we catch up.",
                target: "$.cart",
              },
            ],
          },
        },
      ],
    });
  });

  it("lets an empty cart through (nothing to refuse)", () => {
    expect(cartValidationsGenerateRun(input(config(), []))).toEqual({
      operations: [{ validationAdd: { errors: [] } }],
    });
  });

  it("lets every cart through when not paused", () => {
    const result = cartValidationsGenerateRun(input(config({ paused: false }), [line(WALLET)]));
    expect(result.operations[0]?.validationAdd?.errors).toEqual([]);
  });

  it("lets carts through once the shop's local time is past the end, even before the app lifts the pause", () => {
    expect(
      cartValidationsGenerateRun(input(config(), [line(WALLET)], true)).operations[0]?.validationAdd
        ?.errors,
    ).toEqual([]);
  });

  it("treats a missing validation metafield as not paused", () => {
    expect(
      cartValidationsGenerateRun(input(undefined, [line(WALLET)])).operations[0]?.validationAdd
        ?.errors,
    ).toEqual([]);
  });
});

describe("pauseErrors", () => {
  it("lets a cart of exempt products only through, but not one that mixes in a held product", () => {
    expect(pauseErrors({ config: config(), pauseOver: false, lines: [line(GIFT_CARD)] })).toEqual(
      [],
    );
    expect(
      pauseErrors({ config: config(), pauseOver: false, lines: [line(GIFT_CARD), line(WALLET)] }),
    ).toHaveLength(1);
  });

  it("holds lines that are not product variants", () => {
    const custom: CartLineInput = { quantity: 1, merchandise: { __typename: "CustomProduct" } };
    expect(pauseErrors({ config: config(), pauseOver: false, lines: [custom] })).toHaveLength(1);
  });

  it("ignores zero-quantity lines", () => {
    expect(pauseErrors({ config: config(), pauseOver: false, lines: [line(WALLET, 0)] })).toEqual(
      [],
    );
  });

  it("a pause until further notice holds", () => {
    expect(
      pauseErrors({
        config: config({ pausedUntilLocal: PAUSE_WITHOUT_END }),
        pauseOver: false,
        lines: [line(WALLET)],
      }),
    ).toHaveLength(1);
  });
});

// Pausing one product, variant or collection while the shop sells (issue 14 point 1). Collection
// membership comes from Shopify: the input query asks `inHeldCollection: inAnyCollection(ids:
// $heldCollectionIds)`, the variable read from the validation's metafield named in the toml's
// [extensions.input.variables] ("Use variables in input queries",
// https://shopify.dev/docs/apps/build/functions/input-queries/use-variables-input-queries: "This is
// helpful when using fields with arguments like inAnyCollection").
describe("one product, variant or collection paused on its own", () => {
  const STRAP = "gid://shopify/Product/20";
  const WALLETS = "gid://shopify/Collection/7";
  const TAN_VARIANT = "gid://shopify/ProductVariant/202";
  const open = (heldItems: unknown[], heldCollectionIds: string[] = []) =>
    config({ paused: false, heldItems, heldCollectionIds });
  const errorsOf = (value: unknown, lines: CartLineInput[]) =>
    cartValidationsGenerateRun(input(value, lines)).operations[0]?.validationAdd?.errors;

  it("refuses a cart holding the paused product, naming it, and lets another product through", () => {
    const held = open([{ kind: "product", id: WALLET, title: "Bifold wallet" }]);
    expect(errorsOf(held, [line(WALLET), line(STRAP, 1, { title: "Watch strap" })])).toEqual([
      {
        message:
          '"Bifold wallet" can\'t be ordered right now: new orders for it are paused. Remove it to check out the rest of your cart.',
        target: "$.cart",
      },
    ]);
    expect(errorsOf(held, [line(STRAP, 2, { title: "Watch strap" })])).toEqual([]);
  });

  it("refuses a product Shopify says is in a paused collection, naming the product", () => {
    const held = open([{ kind: "collection", id: WALLETS, title: "Wallets" }], [WALLETS]);
    expect(
      errorsOf(held, [line(STRAP, 1, { title: "Card wallet", inHeldCollection: true })]),
    ).toEqual([{ message: heldItemMessage("Card wallet"), target: "$.cart" }]);
    expect(errorsOf(held, [line(STRAP, 1, { inHeldCollection: false })])).toEqual([]);
  });

  it("refuses only the paused variant, by its own title", () => {
    const held = open([{ kind: "variant", id: TAN_VARIANT, title: "Watch strap - Tan" }]);
    const tan: CartLineInput = {
      quantity: 1,
      merchandise: {
        __typename: "ProductVariant",
        id: TAN_VARIANT,
        product: { id: STRAP, title: "Watch strap", inHeldCollection: false },
      },
    };
    expect(errorsOf(held, [tan])).toEqual([
      { message: heldItemMessage("Watch strap - Tan"), target: "$.cart" },
    ]);
    expect(errorsOf(held, [line(STRAP)])).toEqual([]);
  });

  it("names each paused item once, ignores removed lines, and keeps holding after the shop's pause ended", () => {
    const held = open([
      { kind: "product", id: WALLET, title: "Bifold wallet" },
      { kind: "product", id: STRAP, title: "Watch strap" },
    ]);
    const errors = cartValidationsGenerateRun(
      input(held, [line(WALLET), line(WALLET, 2), line(STRAP, 0)], true),
    ).operations[0]?.validationAdd?.errors;
    expect(errors).toEqual([{ message: heldItemMessage("Bifold wallet"), target: "$.cart" }]);
  });

  it("names the paused item in the buyer's language (Localization.language.isoCode), English for a language without texts", () => {
    const held = open([{ kind: "product", id: WALLET, title: "Bifold wallet" }]);
    const messageIn = (language: LanguageCode) =>
      cartValidationsGenerateRun(input(held, [line(WALLET)], false, language)).operations[0]
        ?.validationAdd?.errors[0]?.message;
    expect(messageIn(LanguageCode.Fr)).toBe(
      "« Bifold wallet » ne peut pas être commandé pour le moment : les nouvelles commandes de cet article sont suspendues. Retirez-le pour commander le reste de votre panier.",
    );
    expect(messageIn(LanguageCode.De)).toMatch(
      /^„Bifold wallet“ kann gerade nicht bestellt werden/,
    );
    expect(messageIn(LanguageCode.Es)).toMatch(/^«Bifold wallet» no se puede pedir por ahora/);
    expect(messageIn(LanguageCode.PtBr)).toBe(heldItemMessage("Bifold wallet"));
    expect(messageIn(LanguageCode.En)).toMatch(/^"Bifold wallet" can't be ordered right now/);
  });

  it("while the whole shop is paused, the shop's one message stands", () => {
    const both = config({ heldItems: [{ kind: "product", id: WALLET, title: "Bifold wallet" }] });
    expect(errorsOf(both, [line(WALLET)])).toEqual([
      { message: "Orders are paused until December 5 while we catch up.", target: "$.cart" },
    ]);
  });

  it("reads a configuration written before items could be paused as none held", () => {
    const { heldItems: _h, heldCollectionIds: _c, ...older } = config();
    expect(readPauseConfig(older)).toEqual(config());
  });

  it.each([
    ["an unknown kind", [{ kind: "tag", id: "x", title: "Sale" }]],
    ["an item without a title", [{ kind: "product", id: WALLET, title: " " }]],
    [
      "too many items",
      Array.from({ length: 101 }, (_, i) => ({ kind: "product", id: `${i}`, title: "x" })),
    ],
  ])("rejects %s (so the shop keeps selling)", (_name, heldItems) => {
    expect(readPauseConfig(open(heldItems))).toBeNull();
  });
});

describe("readPauseConfig", () => {
  it("accepts the documented shape", () => {
    expect(readPauseConfig(config())).toEqual(config());
  });

  it.each([
    ["another version", { version: 2 }],
    ["paused as a string", { paused: "yes" }],
    ["an end with a zone", { pausedUntilLocal: "2026-12-05T09:00:00Z" }],
    ["a date without time", { pausedUntilLocal: "2026-12-05" }],
    ["a blank message", { message: "  " }],
    ["a message too long", { message: "x".repeat(281) }],
    ["exempt ids that are not strings", { exemptProductIds: [1] }],
  ])("rejects %s (so the shop keeps selling)", (_name, change) => {
    expect(readPauseConfig(config(change))).toBeNull();
    expect(
      pauseErrors({ config: config(change), pauseOver: false, lines: [line(WALLET)] }),
    ).toEqual([]);
  });

  it("rejects non-objects", () => {
    for (const value of [null, "{}", 1, [config()]]) expect(readPauseConfig(value)).toBeNull();
  });
});
