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

/** The file as Shopify ships it: standard introspection plus keys graphql-js ignores (access marks). */
export interface AdminSchemaFile {
  data: IntrospectionQuery;
  /** Read and checked by access-marks.ts. */
  offline_scopes?: unknown;
}

let cached: GraphQLSchema | undefined;
let cachedFile: AdminSchemaFile | undefined;

/** Parsed once per process and shared by the schema and the access marks. */
export function adminSchemaFile(): AdminSchemaFile {
  if (!cachedFile) cachedFile = JSON.parse(readFileSync(SCHEMA_PATH, "utf8"));
  if (!cachedFile) throw new Error(`${SCHEMA_PATH} is empty`);
  return cachedFile;
}

export function adminSchema(): GraphQLSchema {
  if (!cached) cached = buildClientSchema(adminSchemaFile().data);
  return cached;
}

// Shopify's Customer Account API schema, the API customer account UI extensions query
// (graphql/README.md says where it comes from).
export const CUSTOMER_ACCOUNT_SCHEMA_PATH = path.resolve(
  path.dirname(fileURLToPath(import.meta.url)),
  `../graphql/customer-${SIMULATED_API_VERSION}.schema.json`,
);

let cachedCustomer: GraphQLSchema | undefined;

export function customerAccountSchema(): GraphQLSchema {
  cachedCustomer ??= buildClientSchema(
    JSON.parse(readFileSync(CUSTOMER_ACCOUNT_SCHEMA_PATH, "utf8")).data,
  );
  return cachedCustomer;
}
