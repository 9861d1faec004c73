// (Re)makes extensions/checkout-pause/schema.graphql, the SDL that Shopify CLI's
// `shopify app function typegen` and `function build` read, from Shopify's 2026-10 Function API
// introspection kept in graphql/ (`shopify app function schema` would fetch the same schema, but
// it needs a Partner login). Run: `npx tsx scripts/function-schema.ts`.
import { readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";
import {
  buildClientSchema,
  printSchema,
  type GraphQLSchema,
  type IntrospectionQuery,
} from "graphql";

const ROOT = path.resolve(import.meta.dirname, "..");

export const FUNCTION_API_VERSION = "2026-10";
export const FUNCTION_SCHEMA_JSON = path.join(
  ROOT,
  `graphql/functions-cart-checkout-validation-${FUNCTION_API_VERSION}.schema.json`,
);
export const FUNCTION_SCHEMA_SDL = path.join(ROOT, "extensions/checkout-pause/schema.graphql");

export function functionSchema(): GraphQLSchema {
  const json: { data: IntrospectionQuery } = JSON.parse(readFileSync(FUNCTION_SCHEMA_JSON, "utf8"));
  return buildClientSchema(json.data);
}

/** The SDL exactly as committed: graphql-js's printSchema of the introspection, plus a final newline. */
export function printFunctionSchema(): string {
  return `${printSchema(functionSchema())}\n`;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  writeFileSync(FUNCTION_SCHEMA_SDL, printFunctionSchema());
  console.log(
    `Wrote ${path.relative(ROOT, FUNCTION_SCHEMA_SDL)} from ${path.relative(ROOT, FUNCTION_SCHEMA_JSON)}.`,
  );
}
