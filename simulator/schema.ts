// The one copy of Shopify's Admin schema the simulator runs on. Building it takes about a second
// (the introspection is 11 MB), so it is built once per process and shared.
import { readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { buildClientSchema, type GraphQLSchema, type IntrospectionQuery } from "graphql";

export const SIMULATED_API_VERSION = "2026-10";

export const SCHEMA_PATH = path.resolve(
  path.dirname(fileURLToPath(import.meta.url)),
  `../graphql/admin-${SIMULATED_API_VERSION}.schema.json`,
);

let cached: GraphQLSchema | undefined;

export function adminSchema(): GraphQLSchema {
  if (!cached) {
    const json: { data: IntrospectionQuery } = JSON.parse(readFileSync(SCHEMA_PATH, "utf8"));
    cached = buildClientSchema(json.data);
  }
  return cached;
}
