// npm run check:shopify passes only when Shopify CLI's build stops at the javy download. Here the
// real CLI runs on scratch copies of the app, each broken the way this project once was (see
// issue 10), and the check's rules must call every one of them red, and the intact copy green.
import { cpSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { runShopifyCli } from "../../scripts/shopify-cli";
import { appBuildStop, errorBoxText, functionBuildStop } from "../../scripts/shopify-cli-steps";

const ROOT = path.resolve(import.meta.dirname, "../..");
const FUNCTION_DIR = "extensions/checkout-pause";
const scratch: string[] = [];

/** A copy of what the CLI reads (app toml, package files, extensions), sharing node_modules. */
function scratchApp(): string {
  const dir = mkdtempSync(path.join(tmpdir(), "delay-desk-cli-"));
  scratch.push(dir);
  for (const file of ["shopify.app.toml", "package.json", "package-lock.json"])
    cpSync(path.join(ROOT, file), path.join(dir, file));
  cpSync(path.join(ROOT, "extensions"), path.join(dir, "extensions"), {
    recursive: true,
    filter: (source) => !source.includes(`${path.sep}dist`),
  });
  symlinkSync(path.join(ROOT, "node_modules"), path.join(dir, "node_modules"), "dir");
  return dir;
}

function edit(dir: string, file: string, change: (text: string) => string): void {
  const full = path.join(dir, file);
  const before = readFileSync(full, "utf8");
  const after = change(before);
  expect(after, `the edit to ${file} changed nothing`).not.toBe(before);
  writeFileSync(full, after);
}

afterEach(() => {
  for (const dir of scratch.splice(0)) rmSync(dir, { recursive: true, force: true });
});

describe("shopify app function build, as check:shopify reads it", () => {
  it("the intact Function gets through typegen and bundling and stops only at the javy download (or builds)", async () => {
    const dir = scratchApp();
    const run = await runShopifyCli(
      ["app", "function", "build", "--path", FUNCTION_DIR, "--verbose"],
      { cwd: dir },
    );
    expect(functionBuildStop(run)).toMatch(/^(javy|done)$/);
    expect(readFileSync(path.join(dir, FUNCTION_DIR, "dist/function.js"), "utf8")).toContain(
      "ShopifyFunction.readInput()",
    );
  });

  it("a snake_case export is red: the CLI stops before typegen", async () => {
    const dir = scratchApp();
    edit(dir, `${FUNCTION_DIR}/shopify.extension.toml`, (toml) =>
      toml.replace(
        'export = "cart-validations-generate-run"',
        'export = "cart_validations_generate_run"',
      ),
    );
    const run = await runShopifyCli(
      ["app", "function", "build", "--path", FUNCTION_DIR, "--verbose"],
      { cwd: dir },
    );
    expect(errorBoxText(run.output)).toContain(
      "Invalidexportnames:'cart_validations_generate_run'",
    );
    expect(functionBuildStop(run)).toBe("load");
  });

  it("a package.json without the codegen block is red: the CLI stops at typegen", async () => {
    const dir = scratchApp();
    edit(dir, `${FUNCTION_DIR}/package.json`, (json) => {
      const { codegen: _codegen, ...rest } = JSON.parse(json);
      return JSON.stringify(rest, null, 2);
    });
    const run = await runShopifyCli(
      ["app", "function", "build", "--path", FUNCTION_DIR, "--verbose"],
      { cwd: dir },
    );
    expect(errorBoxText(run.output)).toContain("package.jsondoesnotexist");
    expect(functionBuildStop(run)).toBe("typegen");
  });
});

describe("shopify app build, as check:shopify reads it", () => {
  it("an extension the CLI's validation refuses is red: it stops before the javy download", async () => {
    const dir = scratchApp();
    edit(dir, `${FUNCTION_DIR}/shopify.extension.toml`, (toml) =>
      toml.replace('handle = "checkout-pause"', 'handle = "Checkout Pause!"'),
    );
    const run = await runShopifyCli(
      ["app", "build", "--skip-dependencies-installation", "--verbose"],
      { cwd: dir },
    );
    expect(errorBoxText(run.output)).toContain(
      "[handle]:Handlecanonlycontainalphanumericcharactersandhyphens",
    );
    expect(appBuildStop(run)).toBe("load");
  });

  it("the intact app stops only at the javy download (or builds)", async () => {
    const run = await runShopifyCli(
      ["app", "build", "--skip-dependencies-installation", "--verbose"],
      { cwd: scratchApp() },
    );
    expect(appBuildStop(run)).toMatch(/^(javy-download|done)$/);
  });
});
