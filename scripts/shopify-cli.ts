// Runs the project's own Shopify CLI (the @shopify/cli devDependency) without a login and without
// reaching the network for anything but the javy download the Wasm compile needs.
import { spawn } from "node:child_process";
import path from "node:path";
import type { CliRun } from "./shopify-cli-steps";

export const ROOT = path.resolve(import.meta.dirname, "..");
const CLI = path.join(ROOT, "node_modules/@shopify/cli/bin/run.js");

/**
 * What keeps the CLI off the network, from Shopify/cli's packages/cli-kit/src:
 * - SHOPIFY_CLI_NO_ANALYTICS / OPT_OUT_INSTRUMENTATION: no analytics or metrics
 *   (public/node/context/local.ts, analyticsDisabled);
 * - CI: no background `shopify notifications list` fetch (public/node/notifications-system.ts,
 *   skipNotifications) and no auto-upgrade after a command (public/node/upgrade.ts, versionToAutoUpgrade).
 */
export const OFFLINE_CLI_ENV = {
  SHOPIFY_CLI_NO_ANALYTICS: "1",
  OPT_OUT_INSTRUMENTATION: "1",
  CI: "1",
} as const;

export function runShopifyCli(
  args: readonly string[],
  options: { cwd?: string; timeoutMs?: number } = {},
): Promise<CliRun> {
  const cwd = options.cwd ?? ROOT;
  return new Promise((resolve, reject) => {
    // The CLI needs Node 22: run it on this process's Node (npm scripts and npx put the project's
    // Node 22 first on PATH), and keep node_modules/.bin first for the tools it starts (codegen).
    const child = spawn(process.execPath, [CLI, ...args], {
      cwd,
      // The CLI takes its working directory from INIT_CWD when set (npm sets it for scripts and npx;
      // Shopify/cli packages/cli-kit/src/public/node/path.ts, cwd()), so it must name `cwd` too.
      env: {
        ...process.env,
        ...OFFLINE_CLI_ENV,
        INIT_CWD: cwd,
        PATH: `${path.join(ROOT, "node_modules/.bin")}${path.delimiter}${process.env.PATH ?? ""}`,
      },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let output = "";
    child.stdout.on("data", (chunk: Buffer) => (output += chunk.toString("utf8")));
    child.stderr.on("data", (chunk: Buffer) => (output += chunk.toString("utf8")));
    const timer = setTimeout(() => child.kill("SIGKILL"), options.timeoutMs ?? 120_000);
    child.once("error", (error) => {
      clearTimeout(timer);
      reject(error);
    });
    child.once("close", (status) => {
      clearTimeout(timer);
      resolve({ status, output });
    });
  });
}
