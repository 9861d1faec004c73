// The metafield definitions the app declares in shopify.app.toml, which Shopify installs in every
// shop on deploy ("TOML configurations in shopify.app.toml create app-owned definitions",
// https://shopify.dev/docs/apps/build/metafields/definitions). The TOML path is
// `<owner>.metafields.<namespace>.<key>`, where namespace `app` is the app's reserved `$app` and
// any other name `x` is `$app:x`; access.customer_account is "read" or "read_write" (Shopify CLI's
// own converter: Shopify/cli packages/app/src/cli/services/generate/shop-import/declarative-definitions.ts,
// simplifyAppReservedNamespace and metafieldToPatches).
import { readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { parse } from "smol-toml";
import { z } from "zod";

const TOML_PATH = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../shopify.app.toml");

// The owner types the simulator has; Shopify has more (the converter's list above).
const OWNER_TYPES: Readonly<Record<string, string>> = { order: "ORDER", shop: "SHOP" };

const definitionSchema = z.object({
  type: z.string(),
  name: z.string().optional(),
  description: z.string().optional(),
  access: z
    .object({
      admin: z.enum(["merchant_read", "merchant_read_write"]).optional(),
      storefront: z.enum(["public_read", "none"]).optional(),
      customer_account: z.enum(["read", "read_write", "none"]).optional(),
    })
    .optional(),
});
const ownerSchema = z.object({
  metafields: z.record(z.string(), z.record(z.string(), definitionSchema)).optional(),
});

export interface DeclaredDefinition {
  ownerType: string;
  /** Resolved, as stored: `app--<id>` or `app--<id>--<name>`. */
  namespace: string;
  key: string;
  name: string;
  description: string | null;
  type: string;
  customerAccountAccess: "read" | "read_write" | null;
}

/** The declarations in a shopify.app.toml text; namespaces resolved for the app with `appId`. */
export function parseDeclaredDefinitions(tomlText: string, appId: number): DeclaredDefinition[] {
  const toml = parse(tomlText);
  const found: DeclaredDefinition[] = [];
  for (const [owner, ownerType] of Object.entries(OWNER_TYPES)) {
    const section = ownerSchema.parse(toml[owner] ?? {});
    for (const [namespace, keys] of Object.entries(section.metafields ?? {})) {
      for (const [key, definition] of Object.entries(keys)) {
        const access = definition.access?.customer_account;
        found.push({
          ownerType,
          namespace: namespace === "app" ? `app--${appId}` : `app--${appId}--${namespace}`,
          key,
          name: definition.name ?? key,
          description: definition.description ?? null,
          type: definition.type,
          customerAccountAccess: access === "read" || access === "read_write" ? access : null,
        });
      }
    }
  }
  return found;
}

let tomlText: string | undefined;

/** What the project's shopify.app.toml declares, for the simulated app. */
export function declaredMetafieldDefinitions(appId: number): DeclaredDefinition[] {
  tomlText ??= readFileSync(TOML_PATH, "utf8");
  return parseDeclaredDefinitions(tomlText, appId);
}
