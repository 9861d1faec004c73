// Reads shopify.app.toml, the single source of the app's access scopes, for the demo and tests.
import { readFileSync } from "node:fs";
import path from "node:path";
import { parse } from "smol-toml";
import { z } from "zod";

const ROOT = path.resolve(import.meta.dirname, "..");

const tomlSchema = z.object({ access_scopes: z.object({ scopes: z.string().min(1) }) });

export function tomlScopes(): string {
  return tomlSchema.parse(parse(readFileSync(path.join(ROOT, "shopify.app.toml"), "utf8")))
    .access_scopes.scopes;
}
