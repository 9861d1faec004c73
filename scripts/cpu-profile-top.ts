// Prints the functions with the most self time in a V8 CPU profile (`node --cpu-prof`, or
// `BENCH_CPU_PROF=<dir> npm run bench -- <section>`), grouped by function and file, so a profile
// can be read without DevTools: `npx tsx scripts/cpu-profile-top.ts <file.cpuprofile> [rows]`.
import { readFileSync } from "node:fs";
import { z } from "zod";

const profileSchema = z.object({
  nodes: z.array(
    z.object({
      id: z.number(),
      callFrame: z.object({ functionName: z.string(), url: z.string(), lineNumber: z.number() }),
    }),
  ),
  samples: z.array(z.number()),
  timeDeltas: z.array(z.number()),
});

const [file, rowsArg] = process.argv.slice(2);
if (!file) throw new Error("usage: cpu-profile-top.ts <file.cpuprofile> [rows]");
const profile = profileSchema.parse(JSON.parse(readFileSync(file, "utf8")));
const frameOf = new Map(profile.nodes.map((n) => [n.id, n.callFrame]));
const selfMs = new Map<string, number>();
const byFile = new Map<string, number>();
let total = 0;
profile.samples.forEach((id, i) => {
  const frame = frameOf.get(id);
  const ms = (profile.timeDeltas[i] ?? 0) / 1000;
  total += ms;
  if (!frame) return;
  const where = frame.url
    .replace(/^.*node_modules\//, "~/")
    .replace(/^file:\/\/.*?\/(app|simulator|scripts|tests)\//, "$1/");
  const key = `${frame.functionName || "(anonymous)"}  ${where}:${frame.lineNumber + 1}`;
  selfMs.set(key, (selfMs.get(key) ?? 0) + ms);
  const pkg = where.startsWith("~/")
    ? where
        .split("/")
        .slice(0, where.startsWith("~/@") ? 3 : 2)
        .join("/")
    : where || frame.functionName;
  byFile.set(pkg, (byFile.get(pkg) ?? 0) + ms);
});
const rows = Number(rowsArg ?? 30);
const print = (title: string, map: Map<string, number>) => {
  console.log(`\n${title}`);
  for (const [key, ms] of [...map].sort((a, b) => b[1] - a[1]).slice(0, rows))
    console.log(
      `${ms.toFixed(0).padStart(8)} ms ${((ms / total) * 100).toFixed(1).padStart(5)} %  ${key}`,
    );
};
console.log(`total ${total.toFixed(0)} ms sampled`);
print("self time by function", selfMs);
print("self time by file or package", byFile);
