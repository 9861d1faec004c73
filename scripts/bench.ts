// `npm run bench`: performance figures, printed, never asserted. Each file in scripts/bench/
// named *.bench.ts exports `title` and `run()`, which returns rows of figures; this prints them.
// Run one section: `npm run bench -- sync` (matches file names).
import { readdirSync } from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { z } from "zod";
import globalSetup from "../tests/setup/global-setup";

export interface BenchRow {
  figure: string;
  value: string;
  note?: string;
}

const sectionSchema = z.object({
  title: z.string(),
  run: z.function().returns(z.promise(z.array(z.object({ figure: z.string(), value: z.string(), note: z.string().optional() })))),
});

async function main() {
  process.env.LOG_LEVEL ??= "warning";
  const only = process.argv.slice(2);
  const dir = path.join(import.meta.dirname, "bench");
  const files = readdirSync(dir)
    .filter((f) => f.endsWith(".bench.ts"))
    .filter((f) => only.length === 0 || only.some((o) => f.includes(o)))
    .sort();
  // Sections that run the app need a migrated database, as the tests do.
  const teardown = globalSetup();
  try {
    console.log(`Delay Desk benchmarks — node ${process.version}, ${new Date().toISOString()}\n`);
    for (const file of files) {
      const section = sectionSchema.parse(await import(pathToFileURL(path.join(dir, file)).href));
      console.log(`## ${section.title}`);
      const rows = await section.run();
      const width = Math.max(...rows.map((r) => r.figure.length));
      for (const row of rows) console.log(`  ${row.figure.padEnd(width)}  ${row.value}${row.note ? `   (${row.note})` : ""}`);
      console.log("");
    }
  } finally {
    teardown();
  }
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
