// Reads the theme app extension straight from extensions/delay-desk-theme, so the simulator and
// the tests render exactly the files that ship to Shopify.
import { existsSync, readFileSync, readdirSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { z } from "zod";

export const EXTENSION_DIR = path.resolve(
  path.dirname(fileURLToPath(import.meta.url)),
  "../../extensions/delay-desk-theme",
);

export const BLOCK_NAMES = ["notice-banner", "shipping-estimate"] as const;
export type BlockName = (typeof BLOCK_NAMES)[number];

// Asset names are used to build file paths from URLs; only plain file names are accepted.
const assetName = z
  .string()
  .regex(/^[a-z0-9][a-z0-9._-]*\.(css|js|svg|png)$/i, "not an asset file name");

/** The bytes of one file in the extension's assets/ folder (for the route that serves it). */
export function readExtensionAsset(name: string): string {
  const file = path.join(EXTENSION_DIR, "assets", assetName.parse(name));
  if (!existsSync(file)) throw new Error(`extension asset not found: ${name}`);
  return readFileSync(file, "utf8");
}

export function extensionAssetExists(name: string): boolean {
  return assetName.safeParse(name).success && existsSync(path.join(EXTENSION_DIR, "assets", name));
}

export type Translations = { [key: string]: string | Translations };
const translations: z.ZodType<Translations> = z.lazy(() =>
  z.record(z.union([z.string(), translations])),
);

const localeFile = /^([a-z]{2}(?:-[A-Z]{2})?)(\.default)?\.json$/;

/** Storefront (shopper-facing) locale files, keyed by locale; `defaultLocale` is the fallback. */
export function readStorefrontLocales(): {
  defaultLocale: string;
  tables: Map<string, Translations>;
} {
  const tables = new Map<string, Translations>();
  let defaultLocale: string | undefined;
  for (const file of readdirSync(path.join(EXTENSION_DIR, "locales"))) {
    const match = localeFile.exec(file);
    if (!match?.[1]) continue; // *.schema.json are for the theme editor, not shoppers
    tables.set(
      match[1],
      translations.parse(
        JSON.parse(readFileSync(path.join(EXTENSION_DIR, "locales", file), "utf8")),
      ),
    );
    if (match[2]) defaultLocale = match[1];
  }
  if (!defaultLocale) throw new Error("the extension has no *.default.json locale");
  return { defaultLocale, tables };
}

const settingSchema = z
  .object({
    id: z.string(),
    type: z.string(),
    default: z.union([z.string(), z.number(), z.boolean()]).optional(),
    options: z.array(z.object({ value: z.string() }).passthrough()).optional(),
  })
  .passthrough();

export const blockSchemaSchema = z
  .object({
    name: z.string(),
    target: z.enum(["section", "head", "compliance_head", "body"]),
    settings: z.array(settingSchema).default([]),
  })
  .passthrough();

export type BlockSchema = z.infer<typeof blockSchemaSchema>;
export type BlockSetting = BlockSchema["settings"][number];

const schemaTag = /{%-?\s*schema\s*-?%}([\s\S]*?){%-?\s*endschema\s*-?%}/;

export function readBlockSource(name: BlockName): string {
  return readFileSync(path.join(EXTENSION_DIR, "blocks", `${name}.liquid`), "utf8");
}

/** The JSON inside a block's {% schema %} tag. */
export function readBlockSchema(name: BlockName): BlockSchema {
  const match = schemaTag.exec(readBlockSource(name));
  if (!match?.[1]) throw new Error(`block ${name} has no {% schema %}`);
  return blockSchemaSchema.parse(JSON.parse(match[1]));
}
