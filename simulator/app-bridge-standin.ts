// Serves the App Bridge stand-in (public/app-bridge.js). It is plain browser JavaScript kept in its
// own file so it can be read, linted and loaded as it is, not as a string inside TypeScript.
import { readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

export const APP_BRIDGE_STANDIN_PATH = path.resolve(
  path.dirname(fileURLToPath(import.meta.url)),
  "public/app-bridge.js",
);

let cached: string | undefined;

export function appBridgeStandInScript(): string {
  cached ??= readFileSync(APP_BRIDGE_STANDIN_PATH, "utf8");
  return cached;
}
