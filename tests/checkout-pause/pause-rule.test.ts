// The checkout pause Function's logic, run in Node exactly as Shopify would run it: input shaped by
// the Function's input query, output in the cart.validations.generate.run result shape.
import { describe, expect, it } from "vitest";
import {
  cartValidationsGenerateRun,
  type CartValidationsGenerateRunInput,
} from "../../extensions/checkout-pause/src/cart_validations_generate_run";
import {
  PAUSE_WITHOUT_END,
  pauseErrors,
  readPauseConfig,
  type CartLineInput,
} from "../../extensions/checkout-pause/src/pause-rule";

const WALLET = "gid://shopify/Product/10";
const GIFT_CARD = "gid://shopify/Product/99";

function line(productId: string, quantity = 1): CartLineInput {
  return {
    quantity,
    merchandise: {
      __typename: "ProductVariant",
      id: `gid://shopify/ProductVariant/${productId.split("/").pop()}1`,
      product: { id: productId },
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
    ...overrides,
  };
}

function input(
  jsonValue: unknown,
  lines: CartLineInput[],
  pauseOver = false,
): CartValidationsGenerateRunInput {
  return {
    cart: { lines },
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
