// docs/architecture.md must match the tree: a path it names that is gone, or a folder of app/ it
// does not name, fails here, so the map a newcomer reads cannot drift from the code.
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";

const ROOT = join(import.meta.dirname, "..");
const doc = readFileSync(join(ROOT, "docs/architecture.md"), "utf8");
const TOP = /^(app|contracts|simulator|extensions|tests|scripts|docs|graphql|prisma)\//;

function namedPaths(text: string): string[] {
  const quoted = [...text.matchAll(/`([^`\s]+)`/g)].map((m) => m[1] ?? "");
  const inline = [...text.matchAll(/\b((?:app|docs)\/[\w./-]+\.(?:md|ts|tsx))\b/g)].map(
    (m) => m[1] ?? "",
  );
  return [...new Set([...quoted, ...inline])]
    .map((p) => p.replace(/[),.;:]+$/, ""))
    .filter((p) => TOP.test(p) && !p.includes("*") && !p.includes("<"));
}

describe("docs/architecture.md", () => {
  it("names only paths that exist", () => {
    const missing = namedPaths(doc).filter((p) => !existsSync(join(ROOT, p)));
    expect(missing).toEqual([]);
  });

  it("names every folder of app/", () => {
    const folders = readdirSync(join(ROOT, "app"), { withFileTypes: true })
      .filter((entry) => entry.isDirectory())
      .map((entry) => `app/${entry.name}/`);
    expect(folders.filter((folder) => !doc.includes(folder))).toEqual([]);
  });

  it("the path check can fail: a made-up path is reported", () => {
    expect(namedPaths("see `app/no-such-folder/` and docs/nope.md")).toEqual([
      "app/no-such-folder/",
      "docs/nope.md",
    ]);
  });
});
