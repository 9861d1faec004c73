// Which step a Shopify CLI build reached, read from its own `--verbose` output. Pure, so the rules
// are tested on the CLI's real output (tests/checkout-pause/shopify-cli-checks.test.ts).
//
// The step names and log lines are Shopify CLI 4.8's, from Shopify/cli:
// - packages/app/src/cli/services/function/build.ts: a JavaScript Function builds in three tasks,
//   "Building GraphQL types" (typegen: `npm exec -- graphql-code-generator`), "Bundling JS function" (esbuild, which logs "Generating
//   dist/function.js using generated module") and "Running javy" (the Wasm compile, which logs
//   "Generating world to use with Javy" and then downloads javy and its plugin if missing).
// - packages/app/src/cli/services/build.ts: `shopify app build` loads and checks the app and every
//   extension, then downloads javy up front ("Force the download of the javy binary in advance"),
//   then builds the webs and extensions.
// - packages/app/src/cli/services/function/binaries.ts: the download logs "Downloading javy <version>
//   from https://github.com/bytecodealliance/javy/releases/...".

export type FunctionBuildStep = "load" | "typegen" | "bundle" | "javy" | "done";
export type AppBuildStep = "load" | "javy-download" | "build" | "done";

export interface CliRun {
  /** Exit status; 0 means the command succeeded. */
  status: number | null;
  /** stdout and stderr together, as printed. */
  output: string;
}

// Terminal colours and cursor moves, which the CLI prints even into a pipe.
// eslint-disable-next-line no-control-regex
const ANSI = /\u001b\[[0-9;?]*[A-Za-z]/g;

export function plainOutput(output: string): string {
  return output.replace(ANSI, "");
}

/** The text of the CLI's error box with its frame and line wrapping removed (URLs wrap mid-word). */
export function errorBoxText(output: string): string {
  const text = plainOutput(output);
  const start = text.indexOf("╭─ error");
  if (start < 0) return "";
  const end = text.indexOf("╰", start);
  const box = text.slice(start + "╭─ error".length, end < 0 ? undefined : end);
  return box.replace(/[│─╮╯]/g, "").replace(/\s+/g, "");
}

function failedOnJavyDownload(output: string): boolean {
  return (
    /Downloading javy \S+ from https:\/\/github\.com\/bytecodealliance\/javy\//.test(
      plainOutput(output),
    ) && errorBoxText(output).includes("javy")
  );
}

/**
 * The step `shopify app function build --verbose` stopped in ("done" when it succeeded).
 * "javy" only when the Wasm compile is the step that failed, and failed on the javy download.
 */
export function functionBuildStop(run: CliRun): FunctionBuildStep {
  const text = plainOutput(run.output);
  if (run.status === 0) return "done";
  // The task titles are not printed when CI is set; the typegen's own process line always is.
  if (
    !text.includes("Building GraphQL types") &&
    !/Command: \S*npm exec -- graphql-code-generator/.test(text)
  )
    return "load";
  if (!text.includes("Generating dist/function.js using generated module")) return "typegen";
  if (!text.includes("Generating world to use with Javy")) return "bundle";
  return failedOnJavyDownload(run.output) ? "javy" : "bundle";
}

/** The step `shopify app build --verbose` stopped in ("done" when it succeeded). */
export function appBuildStop(run: CliRun): AppBuildStep {
  if (run.status === 0) return "done";
  const text = plainOutput(run.output);
  if (!/Downloading javy /.test(text)) return "load";
  return failedOnJavyDownload(run.output) ? "javy-download" : "build";
}
