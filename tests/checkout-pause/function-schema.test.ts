// The Function's schema, input query and toml agree with Shopify's 2026-10 Function API, as Shopify
// CLI reads them (typegen and build read schema.graphql and the toml's input_query).
import { readFileSync } from "node:fs";
import path from "node:path";
import { parse, validate } from "graphql";
import { parse as parseToml } from "smol-toml";
import { describe, expect, it } from "vitest";
import { z } from "zod";
import {
  FUNCTION_SCHEMA_SDL,
  functionSchema,
  printFunctionSchema,
} from "../../scripts/function-schema";
import { PAUSE_CONFIG_METAFIELD } from "../../extensions/checkout-pause/src/pause-rule";
import * as entry from "../../extensions/checkout-pause/src/index";

const EXTENSION = path.resolve(import.meta.dirname, "../../extensions/checkout-pause");

const tomlSchema = z.object({
  api_version: z.string(),
  extensions: z.array(
    z.object({
      type: z.literal("function"),
      targeting: z.array(
        z.object({ target: z.string(), input_query: z.string(), export: z.string() }),
      ),
      input: z.object({ variables: z.object({ namespace: z.string(), key: z.string() }) }),
    }),
  ),
});

function extensionToml() {
  const toml = tomlSchema.parse(
    parseToml(readFileSync(path.join(EXTENSION, "shopify.extension.toml"), "utf8")),
  );
  const [extension] = toml.extensions;
  const [targeting] = extension?.targeting ?? [];
  if (!extension || !targeting) throw new Error("shopify.extension.toml has no function target");
  return { apiVersion: toml.api_version, extension, targeting };
}

function inputQuery(): string {
  return readFileSync(path.join(EXTENSION, extensionToml().targeting.input_query), "utf8");
}

describe("schema.graphql", () => {
  it("is exactly graphql-js's printSchema of Shopify's 2026-10 cart-checkout-validation introspection (remake: npx tsx scripts/function-schema.ts)", () => {
    expect(readFileSync(FUNCTION_SCHEMA_SDL, "utf8")).toBe(printFunctionSchema());
  });

  it("is the API version the toml declares", () => {
    expect(extensionToml().apiVersion).toBe("2026-10");
  });
});

describe("the input query", () => {
  it("is valid against the Function schema", () => {
    expect(validate(functionSchema(), parse(inputQuery())).map(String)).toEqual([]);
  });

  it("would be refused by the same validation if it asked for a field the API lacks (the check is not hollow)", () => {
    const broken = inputQuery().replace("quantity", "quantityOrdered");
    expect(validate(functionSchema(), parse(broken)).map(String)).toEqual([
      expect.stringContaining('Cannot query field "quantityOrdered" on type "CartLine"'),
    ]);
  });

  it("reads the pause switch from the app-owned metafield the toml's input variables name", () => {
    // https://shopify.dev/docs/apps/build/functions/input-queries/use-variables-input-queries: the metafield named in
    // [extensions.input.variables] holds a JSON object whose keys are the query's variables.
    const { extension } = extensionToml();
    expect(extension.input.variables).toEqual({
      namespace: PAUSE_CONFIG_METAFIELD.namespace,
      key: PAUSE_CONFIG_METAFIELD.key,
    });
    const query = inputQuery();
    expect(query).toContain(
      `metafield(namespace: "${PAUSE_CONFIG_METAFIELD.namespace}", key: "${PAUSE_CONFIG_METAFIELD.key}")`,
    );
    expect(query).toMatch(/\$pausedUntilLocal: DateTimeWithoutTimezone!/);
  });
});

describe("shopify.extension.toml", () => {
  it("targets cart.validations.generate.run with a kebab-case export that maps to the camelCase function src/index.ts exports", () => {
    // Shopify/cli packages/app/src/cli/services/function/build.ts: exports must match /^[a-z0-9-]+$/
    // ("to comply with WebAssembly's Component Model"); the JS export is its camelCase form.
    const { targeting } = extensionToml();
    expect(targeting.target).toBe("cart.validations.generate.run");
    expect(targeting.export).toMatch(/^[a-z0-9-]+$/);
    const camel = targeting.export.replace(/-([a-z0-9])/g, (_m, c: string) => c.toUpperCase());
    expect(Object.keys(entry)).toEqual([camel]);
  });
});
