// GraphQL tooling (editor, codegen) reads the schema from the repository, never from the network.
// Types come from Shopify's own codegen preset, as in Shopify's Remix app template: it plucks every
// `#graphql` document under app/ (tests excluded, as in tests/support/app-documents.ts) and writes
// app/types/admin.types.d.ts (the schema's types) and admin.generated.d.ts (one result and
// variables type per operation, keyed by the document's text). Both are committed; `npm run
// codegen:check` regenerates them and fails on a difference.
//
// These are the outputs `shopifyApiTypes()` from @shopify/api-codegen-preset builds
// (dist/api-types.mjs), with `schema` pointed at the committed file: given an outputDir without
// `admin-<version>.schema.json`, the preset would add a third output that downloads it.
import { ApiType, pluckConfig, preset } from "@shopify/api-codegen-preset";
import { API_VERSION } from "./app/api-version";

const schema = `./graphql/admin-${API_VERSION}.schema.json`;
const documents = ["./app/**/*.{ts,tsx}", "!./app/**/*.test.{ts,tsx}", "!./app/types/**"];

export default {
  projects: {
    default: {
      schema,
      documents,
      extensions: {
        codegen: {
          pluckConfig,
          generates: {
            "./app/types/admin.types.d.ts": {
              plugins: ["typescript"],
              // Enums as string unions, so a value parsed by zod (a string literal) is assignable.
              config: {
                defaultScalarType: "string",
                scalars: { JSON: "unknown" },
                enumsAsConst: true,
              },
            },
            "./app/types/admin.generated.d.ts": {
              preset,
              documents,
              presetConfig: { apiType: ApiType.Admin },
            },
          },
        },
      },
    },
  },
};
