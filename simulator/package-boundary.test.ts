// The simulator is its own workspace package (simulator/package.json): what it may use is what its
// package.json declares. Its code reaches outside its folder only through declared packages, and
// of ours those are only the shared contracts and the extensions it runs as Shopify would
// (eslint.config.js says the same for app/ imports; decision 009). Its tests may also use the
// root suite's helpers in tests/support/ (one test-helper convention, docs/testing.md).
import { readdirSync, readFileSync } from "node:fs";
import { builtinModules } from "node:module";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { z } from "zod";

const SIMULATOR = import.meta.dirname;
// The contracts, and the two extensions the simulator runs as Shopify would (the checkout Function,
// the order status block).
const OUR_PACKAGES_ALLOWED = ["@delay-desk/contracts", "checkout-pause", "order-status"];

const manifest = z
  .object({
    name: z.literal("@delay-desk/simulator"),
    dependencies: z.record(z.string()),
    devDependencies: z.record(z.string()).default({}),
  })
  .parse(JSON.parse(readFileSync(path.join(SIMULATOR, "package.json"), "utf8")));

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === "node_modules" ? [] : sourceFiles(full);
    return /\.tsx?$/.test(entry.name) ? [full] : [];
  });
}

function specifiers(source: string): string[] {
  const found = source.matchAll(
    /(?:^|\n)\s*(?:import|export)\s[^;]*?\sfrom\s+"([^"]+)"|(?:^|\n)\s*import\s+"([^"]+)"|\bimport\(\s*"([^"]+)"\s*\)/g,
  );
  return [...found].map((match) => match[1] ?? match[2] ?? match[3] ?? "");
}

function packageOf(specifier: string): string {
  const parts = specifier.split("/");
  return specifier.startsWith("@") ? parts.slice(0, 2).join("/") : (parts[0] ?? specifier);
}

/** What is wrong with one import of a simulator file, or null when the package allows it. */
function importProblem(file: string, specifier: string, isTest: boolean): string | null {
  if (specifier.startsWith("node:") || builtinModules.includes(specifier)) return null;
  if (specifier.startsWith(".")) {
    const target = path.resolve(path.dirname(file), specifier);
    if (!path.relative(SIMULATOR, target).startsWith("..")) return null;
    const root = path.dirname(SIMULATOR);
    if (isTest && !path.relative(path.join(root, "tests/support"), target).startsWith(".."))
      return null;
    return `${specifier} leaves the simulator package: import a declared package instead`;
  }
  const name = packageOf(specifier);
  const declared = name in manifest.dependencies || (isTest && name in manifest.devDependencies);
  if (!declared) return `${name} is not a dependency in simulator/package.json`;
  if (name.startsWith("@delay-desk/") && !OUR_PACKAGES_ALLOWED.includes(name))
    return `${name} is ours but not a contract or an extension`;
  return null;
}

describe("the simulator package's boundary", () => {
  it("imports only its own files, Node's modules and the packages its package.json declares", () => {
    const problems = sourceFiles(SIMULATOR).flatMap((file) => {
      const isTest = /\.test\.tsx?$/.test(file);
      return specifiers(readFileSync(file, "utf8"))
        .map((specifier) => importProblem(file, specifier, isTest))
        .filter((problem): problem is string => problem !== null)
        .map((problem) => `${path.relative(SIMULATOR, file)}: ${problem}`);
    });
    expect(problems).toEqual([]);
  });

  it("of our own packages, declares only the contracts and the extensions it runs", () => {
    const ours = Object.keys(manifest.dependencies).filter(
      (name) => name.startsWith("@delay-desk/") || OUR_PACKAGES_ALLOWED.includes(name),
    );
    expect(ours.sort()).toEqual([...OUR_PACKAGES_ALLOWED].sort());
  });

  it("flags an import of the app, an undeclared package and a path out of the package", () => {
    const file = path.join(SIMULATOR, "storefront", "routes.ts");
    expect(importProblem(file, "../../app/db.server", false)).toMatch(/leaves the simulator/);
    expect(importProblem(file, "@delay-desk/prisma-postgresql", false)).toMatch(/not a dependency/);
    expect(importProblem(file, "@shopify/shopify-api", false)).toMatch(/not a dependency/);
    expect(importProblem(file, "../../tests/support/html-tree", false)).toMatch(/leaves/);
    expect(importProblem(file, "../../tests/support/html-tree", true)).toBeNull();
    expect(importProblem(file, "@delay-desk/contracts/notice-metafield", false)).toBeNull();
    expect(importProblem(file, "checkout-pause/src/pause-rule", false)).toBeNull();
    expect(importProblem(file, "../store/records", false)).toBeNull();
  });
});
