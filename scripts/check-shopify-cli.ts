// `npm run check:shopify` (part of `npm test` and CI): Shopify CLI's own checks, offline.
// 1. `shopify app function typegen` regenerates the Function's input types; they must equal the
//    committed extensions/checkout-pause/generated/api.ts.
// 2. `shopify app function build` must get through typegen and bundling (dist/function.js) and may
//    fail only at the Wasm compile, on the javy download.
// 3. `shopify app build` loads and checks shopify.app.toml and every extension as deploy does, and
//    may fail only on the javy download it makes before building anything.
// 4. The order status UI extension really builds: `shopify app build` on a scratch app holding the
//    same shopify.app.toml and only that extension. The CLI downloads javy only for JavaScript
//    Functions (Shopify/cli packages/app/src/cli/services/function/build.ts, installJavy), so this
//    build runs to the end offline and bundles the extension with esbuild. Its bundle must fit
//    Shopify's 64 KB compressed limit ("UI extensions on API version 2025-10+ … 64 KB
//    (compressed)", https://shopify.dev/docs/apps/build/app-extensions/optimize-bundle-size),
//    measured as the CLI does (deflate; packages/app/src/cli/services/build/bundle-size.ts), and
//    the CLI's generated shopify.d.ts (the `shopify` global's types) must equal the committed one.
// A run that succeeds outright (javy cached, or a network) passes too.
import { mkdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import path from "node:path";
import { deflateSync } from "node:zlib";
import { ROOT, runShopifyCli } from "./shopify-cli";
import { appBuildStop, functionBuildStop, plainOutput, type CliRun } from "./shopify-cli-steps";

const FUNCTION_DIR = "extensions/checkout-pause";
const GENERATED = path.join(ROOT, FUNCTION_DIR, "generated/api.ts");
const BUNDLE = path.join(ROOT, FUNCTION_DIR, "dist/function.js");
const UI_DIR = "extensions/order-status";
const UI_BUNDLE = path.join(ROOT, UI_DIR, "dist/order-status.js");
const UI_TYPES = path.join(ROOT, UI_DIR, "shopify.d.ts");
const UI_BUNDLE_LIMIT = 64 * 1024;

class CheckFailed extends Error {
  constructor(message: string, run?: CliRun) {
    super(
      run
        ? `${message}\n--- last lines of the CLI's output ---\n${plainOutput(run.output).trim().split("\n").slice(-40).join("\n")}`
        : message,
    );
  }
}

async function timed<T>(label: string, work: () => Promise<T>): Promise<T> {
  const started = Date.now();
  const result = await work();
  console.log(`ok  ${label} (${((Date.now() - started) / 1000).toFixed(1)} s)`);
  return result;
}

async function typegenMatchesCommitted(): Promise<void> {
  const committed = readFileSync(GENERATED, "utf8");
  const run = await runShopifyCli(["app", "function", "typegen", "--path", FUNCTION_DIR]);
  if (run.status !== 0) throw new CheckFailed("shopify app function typegen failed.", run);
  if (readFileSync(GENERATED, "utf8") !== committed) {
    throw new CheckFailed(
      `${FUNCTION_DIR}/generated/api.ts is not what the CLI generates from schema.graphql and the input query. ` +
        "The CLI has rewritten it: review the change (git diff) and commit it.",
    );
  }
}

async function functionBuildStopsOnlyAtJavy(): Promise<string> {
  const started = Date.now();
  const run = await runShopifyCli([
    "app",
    "function",
    "build",
    "--path",
    FUNCTION_DIR,
    "--verbose",
  ]);
  const step = functionBuildStop(run);
  if (step !== "javy" && step !== "done")
    throw new CheckFailed(
      `shopify app function build stopped at "${step}", before the Wasm compile.`,
      run,
    );
  // The bundle is the CLI's output of this run, not a leftover.
  if (statSync(BUNDLE).mtimeMs < started - 1_000)
    throw new CheckFailed(`${FUNCTION_DIR}/dist/function.js was not rewritten by this build.`, run);
  return step === "done" ? "built to Wasm" : "stopped at the javy download, as expected offline";
}

async function appBuildStopsOnlyAtJavy(): Promise<string> {
  const run = await runShopifyCli([
    "app",
    "build",
    "--skip-dependencies-installation",
    "--verbose",
  ]);
  const step = appBuildStop(run);
  if (step !== "javy-download" && step !== "done")
    throw new CheckFailed(`shopify app build stopped at "${step}", not at the javy download.`, run);
  return step === "done"
    ? "built"
    : "app and extensions checked; stopped at the javy download, as expected offline";
}

async function uiExtensionBuilds(): Promise<string> {
  const committedTypes = readFileSync(UI_TYPES, "utf8");
  const scratch = path.join(ROOT, ".cache/order-status-build");
  mkdirSync(scratch, { recursive: true });
  // A top-level key must come before the toml's first table.
  writeFileSync(
    path.join(scratch, "shopify.app.toml"),
    `extension_directories = [${JSON.stringify(path.relative(scratch, path.join(ROOT, UI_DIR)))}]\n` +
      readFileSync(path.join(ROOT, "shopify.app.toml"), "utf8"),
  );
  const started = Date.now();
  const run = await runShopifyCli(["app", "build", "--skip-dependencies-installation"], {
    cwd: scratch,
  });
  if (run.status !== 0) throw new CheckFailed(`shopify app build of ${UI_DIR} failed.`, run);
  if (statSync(UI_BUNDLE).mtimeMs < started - 1_000)
    throw new CheckFailed(`${UI_DIR}/dist/order-status.js was not rewritten by this build.`, run);
  if (readFileSync(UI_TYPES, "utf8") !== committedTypes)
    throw new CheckFailed(
      `${UI_DIR}/shopify.d.ts is not what the CLI generates for the extension's targets. ` +
        "The CLI has rewritten it: review the change (git diff) and commit it.",
    );
  const compressed = deflateSync(readFileSync(UI_BUNDLE)).byteLength;
  if (compressed > UI_BUNDLE_LIMIT)
    throw new CheckFailed(
      `${UI_DIR}'s bundle is ${(compressed / 1024).toFixed(1)} KB compressed, over Shopify's 64 KB.`,
    );
  return `bundled, ${(compressed / 1024).toFixed(1)} KB compressed of 64 KB`;
}

async function main() {
  await timed(
    "shopify app function typegen: generated/api.ts matches the committed file",
    typegenMatchesCommitted,
  );
  const functionBuild = await timed("shopify app function build", functionBuildStopsOnlyAtJavy);
  console.log(`    ${functionBuild}`);
  const appBuild = await timed("shopify app build", appBuildStopsOnlyAtJavy);
  console.log(`    ${appBuild}`);
  const uiBuild = await timed(`shopify app build of ${UI_DIR} alone`, uiExtensionBuilds);
  console.log(`    ${uiBuild}`);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
