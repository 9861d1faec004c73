// The checkout pause as Shopify runs it: the JavaScript bundle Shopify CLI builds
// (extensions/checkout-pause/dist/function.js, what javy compiles to Wasm), run in Node against the
// input its query produces, for every storefront state the app can write.
//
// How Shopify calls it: Shopify passes the input query's result as JSON and reads the output as
// JSON (https://shopify.dev/docs/apps/build/functions/input-output). In the bundle, the CLI wraps
// each export with @shopify/shopify_function/run (Shopify/cli
// packages/app/src/cli/services/function/build.ts, `entrypointContents`), and run() calls the
// global `ShopifyFunction.readInput()`, passes the value to our function and hands its result to
// `ShopifyFunction.writeOutput()` (node_modules/@shopify/shopify_function/run.ts, v2.0.1). In Wasm,
// javy's Shopify plugin provides that global; here the test does.
import { readdirSync, statSync } from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { beforeAll, describe, expect, it } from "vitest";
import { pauseConfigFor, type StorefrontSettings } from "../../app/storefront/storefront-mode";
import { LanguageCode } from "../../extensions/checkout-pause/generated/api";
import {
  cartValidationsGenerateRun as fromSource,
  type CartValidationsGenerateRunInput,
} from "../../extensions/checkout-pause/src/cart_validations_generate_run";
import { heldItemMessage } from "../../extensions/checkout-pause/src/pause-rule";
import { runShopifyCli } from "../../scripts/shopify-cli";
import { functionBuildStop } from "../../scripts/shopify-cli-steps";

const EXTENSION = path.resolve(import.meta.dirname, "../../extensions/checkout-pause");
const BUNDLE = path.join(EXTENSION, "dist/function.js");
const ZONE = "America/New_York";

function newestSourceMs(): number {
  const files = [
    ...["src", "generated"].flatMap((dir) =>
      readdirSync(path.join(EXTENSION, dir)).map((name) => path.join(EXTENSION, dir, name)),
    ),
    path.join(EXTENSION, "package.json"),
  ];
  return Math.max(...files.map((file) => statSync(file).mtimeMs));
}

function bundleIsFresh(): boolean {
  try {
    return statSync(BUNDLE).mtimeMs >= newestSourceMs();
  } catch {
    return false;
  }
}

type Run = () => unknown;
let bundleExport: Run;

beforeAll(async () => {
  // `npm test` builds it first (npm run check:shopify); a lone vitest run builds it here.
  if (!bundleIsFresh()) {
    const run = await runShopifyCli([
      "app",
      "function",
      "build",
      "--path",
      "extensions/checkout-pause",
      "--verbose",
    ]);
    expect(functionBuildStop(run), "shopify app function build must get past bundling").toMatch(
      /^(javy|done)$/,
    );
  }
  const bundle: unknown = await import(pathToFileURL(BUNDLE).href);
  if (
    typeof bundle !== "object" ||
    bundle === null ||
    !("cartValidationsGenerateRun" in bundle) ||
    typeof bundle.cartValidationsGenerateRun !== "function"
  ) {
    throw new Error("dist/function.js does not export cartValidationsGenerateRun");
  }
  const fn = bundle.cartValidationsGenerateRun;
  bundleExport = () => fn();
}, 120_000);

/** Runs the bundle's export once, as Shopify would: input in through readInput, output out through writeOutput. */
function runBundle(input: CartValidationsGenerateRunInput): unknown {
  const json: unknown = JSON.parse(JSON.stringify(input));
  const written: unknown[] = [];
  Object.defineProperty(globalThis, "ShopifyFunction", {
    configurable: true,
    value: {
      readInput: () => json,
      writeOutput: (output: unknown) => void written.push(JSON.parse(JSON.stringify(output))),
    },
  });
  try {
    expect(bundleExport()).toBeUndefined();
  } finally {
    Reflect.deleteProperty(globalThis, "ShopifyFunction");
  }
  expect(written).toHaveLength(1);
  return written[0];
}

const WALLET = "gid://shopify/Product/10";
const GIFT_CARD = "gid://shopify/Product/99";
type Line = CartValidationsGenerateRunInput["cart"]["lines"][number];

const variantLine = (productId: string, quantity = 1, inHeldCollection = false): Line => ({
  quantity,
  merchandise: {
    __typename: "ProductVariant",
    id: `gid://shopify/ProductVariant/${productId.split("/").pop()}1`,
    product: { id: productId, title: "Bifold wallet", inHeldCollection },
  },
});
const customLine: Line = { quantity: 1, merchandise: { __typename: "CustomProduct" } };

const settings = {
  normal: {
    mode: "normal",
    estimate: null,
    pausedUntil: null,
    message: null,
    heldItems: [],
    waitlist: true,
  },
  walletPaused: {
    mode: "normal",
    estimate: null,
    pausedUntil: null,
    message: null,
    heldItems: [{ kind: "product", id: WALLET, title: "Bifold wallet" }],
    waitlist: true,
  },
  walletsCollectionPaused: {
    mode: "normal",
    estimate: null,
    pausedUntil: null,
    message: null,
    heldItems: [{ kind: "collection", id: "gid://shopify/Collection/7", title: "Wallets" }],
    waitlist: true,
  },
  delayed: {
    mode: "delayed",
    estimate: { min: 1, max: 2, unit: "weeks" },
    pausedUntil: null,
    message: null,
    heldItems: [],
    waitlist: true,
  },
  pausedUntilDate: {
    mode: "paused",
    estimate: null,
    pausedUntil: new Date("2026-12-10T14:00:00Z"),
    message: "Thank you for waiting.",
    heldItems: [],
    waitlist: true,
  },
  pausedWithoutEnd: {
    mode: "paused",
    estimate: null,
    pausedUntil: null,
    message: null,
    heldItems: [],
    waitlist: true,
  },
} satisfies Record<string, StorefrontSettings>;

function input(config: unknown, lines: Line[], pauseOver = false): CartValidationsGenerateRunInput {
  return {
    cart: { lines },
    localization: { language: { isoCode: LanguageCode.En } },
    shop: { localTime: { pauseOver } },
    validation: { config: config === undefined ? null : { jsonValue: config } },
  };
}

const refused = (message: string) => ({
  operations: [{ validationAdd: { errors: [{ message, target: "$.cart" }] } }],
});
const allowed = { operations: [{ validationAdd: { errors: [] } }] };

const exemptGiftCards = (s: StorefrontSettings) => pauseConfigFor(s, ZONE, [GIFT_CARD]);
const untilDateMessage =
  "We have paused new orders until December 10, 2026 so we can catch up on the ones we have. Thank you for waiting.";
const withoutEndMessage =
  "We have paused new orders for now so we can catch up on the ones we have.";

const cases: [string, CartValidationsGenerateRunInput, unknown][] = [
  ["no pause metafield yet (app never opened)", input(undefined, [variantLine(WALLET)]), allowed],
  ["normal", input(exemptGiftCards(settings.normal), [variantLine(WALLET)]), allowed],
  [
    "delayed (longer lead time, still selling)",
    input(exemptGiftCards(settings.delayed), [variantLine(WALLET, 3)]),
    allowed,
  ],
  [
    "paused until a date, before the end",
    input(exemptGiftCards(settings.pausedUntilDate), [variantLine(WALLET)]),
    refused(untilDateMessage),
  ],
  [
    "paused until a date, shop-local time past the end",
    input(exemptGiftCards(settings.pausedUntilDate), [variantLine(WALLET)], true),
    allowed,
  ],
  [
    "paused until further notice",
    input(exemptGiftCards(settings.pausedWithoutEnd), [variantLine(WALLET)]),
    refused(withoutEndMessage),
  ],
  [
    "paused, a cart of exempt products only",
    input(exemptGiftCards(settings.pausedWithoutEnd), [variantLine(GIFT_CARD, 2)]),
    allowed,
  ],
  [
    "paused, exempt and held products mixed",
    input(exemptGiftCards(settings.pausedWithoutEnd), [
      variantLine(GIFT_CARD),
      variantLine(WALLET),
    ]),
    refused(withoutEndMessage),
  ],
  [
    "paused, a custom (non-variant) line",
    input(exemptGiftCards(settings.pausedWithoutEnd), [customLine]),
    refused(withoutEndMessage),
  ],
  ["paused, an empty cart", input(exemptGiftCards(settings.pausedWithoutEnd), []), allowed],
  [
    "paused, zero-quantity lines only",
    input(exemptGiftCards(settings.pausedWithoutEnd), [variantLine(WALLET, 0)]),
    allowed,
  ],
  [
    "one product paused, the shop open: that product refused, by name",
    input(exemptGiftCards(settings.walletPaused), [variantLine(WALLET)]),
    refused(heldItemMessage("Bifold wallet")),
  ],
  [
    "one product paused, the shop open: another product allowed",
    input(exemptGiftCards(settings.walletPaused), [variantLine(GIFT_CARD)]),
    allowed,
  ],
  [
    "a collection paused: a product Shopify says is in it refused",
    input(exemptGiftCards(settings.walletsCollectionPaused), [variantLine(GIFT_CARD, 1, true)]),
    refused(heldItemMessage("Bifold wallet")),
  ],
  [
    "a collection paused: a product outside it allowed",
    input(exemptGiftCards(settings.walletsCollectionPaused), [variantLine(GIFT_CARD)]),
    allowed,
  ],
  [
    "a config of another version (never block on what we cannot read)",
    input({ ...exemptGiftCards(settings.pausedWithoutEnd), version: 2 }, [variantLine(WALLET)]),
    allowed,
  ],
];

describe("the checkout pause bundle Shopify CLI builds (dist/function.js)", () => {
  it.each(cases)("%s: gives Shopify the expected operations", (_state, fixture, expected) => {
    expect(runBundle(fixture)).toEqual(expected);
  });

  it("behaves exactly like the source the simulator runs, for every state", () => {
    for (const [, fixture] of cases)
      expect(runBundle(fixture)).toEqual(JSON.parse(JSON.stringify(fromSource(fixture))));
  });
});
