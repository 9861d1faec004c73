// `npm run check:shopify` (part of `npm test` and CI): Shopify CLI's own checks, offline.
// 1. `shopify app function typegen` regenerates the Function's input types; they must equal the
//    committed extensions/checkout-pause/generated/api.ts.
// 2. `shopify app function build` must get through typegen and bundling (dist/function.js) and may
//    fail only at the Wasm compile, on the javy download.
// 3. `shopify app build` loads and checks shopify.app.toml and every extension as deploy does, and
//    may fail only on the javy download it makes before building anything.
// A run that succeeds outright (javy cached, or a network) passes too.
import { readFileSync, statSync } from "node:fs";
import path from "node:path";
import { ROOT, runShopifyCli } from "./shopify-cli";
import { appBuildStop, functionBuildStop, plainOutput, type CliRun } from "./shopify-cli-steps";

const FUNCTION_DIR = "extensions/checkout-pause";
const GENERATED = path.join(ROOT, FUNCTION_DIR, "generated/api.ts");
const BUNDLE = path.join(ROOT, FUNCTION_DIR, "dist/function.js");

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

async function main() {
  await timed(
    "shopify app function typegen: generated/api.ts matches the committed file",
    typegenMatchesCommitted,
  );
  const functionBuild = await timed("shopify app function build", functionBuildStopsOnlyAtJavy);
  console.log(`    ${functionBuild}`);
  const appBuild = await timed("shopify app build", appBuildStopsOnlyAtJavy);
  console.log(`    ${appBuild}`);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
