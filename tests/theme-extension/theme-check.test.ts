// Shopify's own linter over the extension, as part of the test command: zero offences allowed.
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { themeCheckRun } from "@shopify/theme-check-node";
import { describe, expect, it } from "vitest";
import { EXTENSION_DIR } from "@delay-desk/simulator/storefront/extension-files";

function describeOffenses(offenses: { check: string; uri: string; message: string }[]): string[] {
  return offenses.map((o) => `${o.check} ${path.basename(o.uri)}: ${o.message}`);
}

describe("theme-check on extensions/delay-desk-theme", () => {
  it("reports no offences, with the theme-app-extension rules", async () => {
    const run = await themeCheckRun(EXTENSION_DIR, undefined, () => {});
    // A relative or wrong root silently checks nothing, so make sure the files were seen.
    const checked = run.theme.map((file) =>
      path.relative(EXTENSION_DIR, new URL(file.uri).pathname),
    );
    expect(checked).toEqual(
      expect.arrayContaining([
        "blocks/notice-banner.liquid",
        "blocks/shipping-estimate.liquid",
        "locales/fr.json",
        "locales/de.json",
        "locales/es.json",
        "locales/de.schema.json",
        "locales/es.schema.json",
        "locales/en.default.schema.json",
      ]),
    );
    expect(run.config.context).toBe("app");
    expect(describeOffenses(run.offenses)).toEqual([]);
  });

  it("does catch a mistake (so the green run above means something)", async () => {
    const copy = mkdtempSync(path.join(tmpdir(), "delay-desk-theme-"));
    try {
      cpSync(EXTENSION_DIR, copy, { recursive: true });
      const block = path.join(copy, "blocks", "notice-banner.liquid");
      writeFileSync(
        block,
        readFileSync(block, "utf8").replace(
          "'delay_desk.banner.dismiss' | t",
          "'delay_desk.banner.dismis' | t | money_sparkles",
        ),
      );
      const run = await themeCheckRun(copy, undefined, () => {});
      const checks = run.offenses.map((o) => o.check);
      expect(checks).toContain("UnknownFilter");
      expect(checks).toContain("TranslationKeyExists");
    } finally {
      rmSync(copy, { recursive: true, force: true });
    }
  });
});
