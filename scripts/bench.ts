// `npm run bench`: performance figures, printed, never asserted. Each file in scripts/bench/
// named *.bench.ts exports `title` and `run()`, which returns rows of figures; this prints them.
// Run one section: `npm run bench -- sync` (matches file names). Arguments starting with `--` are
// the sections' own flags, passed on to each (`npm run bench -- load --webhooks 500`).
import { spawn } from "node:child_process";
import { readdirSync } from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { z } from "zod";
import globalSetup from "../tests/setup/global-setup";
import { findPostgresBin } from "../tests/support/postgres-server";

const SECTIONS_DIR = path.join(import.meta.dirname, "bench");
const SECTION_FLAG = "--section";

export interface BenchRow {
  figure: string;
  value: string;
  note?: string;
}

const sectionSchema = z.object({
  title: z.string(),
  run: z
    .function()
    .returns(
      z.promise(
        z.array(z.object({ figure: z.string(), value: z.string(), note: z.string().optional() })),
      ),
    ),
});

/** Runs one section in this process and prints its rows. */
async function runSection(file: string): Promise<void> {
  const section = sectionSchema.parse(
    await import(pathToFileURL(path.join(SECTIONS_DIR, file)).href),
  );
  console.log(`## ${section.title}`);
  const rows = await section.run();
  const width = Math.max(...rows.map((r) => r.figure.length));
  for (const row of rows)
    console.log(`  ${row.figure.padEnd(width)}  ${row.value}${row.note ? `   (${row.note})` : ""}`);
  console.log("");
}

// `BENCH_CPU_PROF=<dir>` profiles each section's process (`node --cpu-prof`; NODE_OPTIONS refuses
// the flag), for Chrome DevTools or `npx tsx scripts/cpu-profile-top.ts <file>`.
function profileFlags(): string[] {
  const dir = process.env.BENCH_CPU_PROF;
  return dir ? ["--cpu-prof", `--cpu-prof-dir=${dir}`] : [];
}

// Each section runs in a process of its own: the app's Admin origin seam, its Prisma client and
// its background work are per process, and one section's simulator must not serve the next.
function runSectionInChild(file: string, flags: string[]): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(
      process.execPath,
      [...profileFlags(), "--import", "tsx", import.meta.filename, SECTION_FLAG, file, ...flags],
      { stdio: "inherit", env: process.env },
    );
    child.on("exit", (code) =>
      code === 0 ? resolve() : reject(new Error(`bench section ${file} failed (exit ${code})`)),
    );
  });
}

async function main() {
  process.env.LOG_LEVEL ??= "warning";
  const args = process.argv.slice(2);
  if (args[0] === SECTION_FLAG && args[1]) return runSection(args[1]);
  // Names select sections; `--name value` pairs are the sections' flags.
  const flags: string[] = [];
  const names: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const arg = args[i] ?? "";
    if (!arg.startsWith("--")) names.push(arg);
    else {
      flags.push(arg);
      const value = args[i + 1];
      if (!arg.includes("=") && value !== undefined && !value.startsWith("--")) {
        flags.push(value);
        i += 1;
      }
    }
  }
  const files = readdirSync(SECTIONS_DIR)
    .filter((f) => f.endsWith(".bench.ts"))
    .filter((f) => names.length === 0 || names.some((o) => f.includes(o)))
    .sort();
  // Sections that run the app need a migrated database, as the tests do (inherited by the children);
  // PostgreSQL too when its binaries are here, so sections can print figures for both databases.
  process.env.TEST_DATABASES ??= findPostgresBin() ? "sqlite,postgresql" : "sqlite";
  const teardown = await globalSetup();
  try {
    console.log(`Delay Desk benchmarks — node ${process.version}, ${new Date().toISOString()}\n`);
    for (const file of files) await runSectionInChild(file, flags);
  } finally {
    await teardown();
  }
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
