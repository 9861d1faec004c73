// Probes /healthz for scripts/app-instances.ts (probeHealth), in a process of its own so that the
// caller's busy event loop cannot delay a probe. Arguments: interval ms, timeout ms, the paths
// (comma-separated: /healthz,/readyz), origins.
// stdin: "forget <origin>" stops probing one; "stop" (or end of input) prints every probe as JSON.
import { createInterface } from "node:readline";

const [interval, timeout, pathList, ...origins] = process.argv.slice(2);
const paths = (pathList ?? "/healthz").split(",");
const intervalMs = Number(interval);
const timeoutMs = Number(timeout);
const watched = new Set(origins);
const probes: Array<{
  origin: string;
  path: string;
  at: number;
  ms: number;
  status: number | null;
  error?: string;
}> = [];
const inFlight = new Set<Promise<void>>();

async function probe(origin: string, path: string): Promise<void> {
  const at = Date.now();
  const started = performance.now();
  try {
    const response = await fetch(`${origin}${path}`, { signal: AbortSignal.timeout(timeoutMs) });
    await response.arrayBuffer();
    probes.push({ origin, path, at, ms: performance.now() - started, status: response.status });
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    probes.push({
      origin,
      path,
      at,
      ms: performance.now() - started,
      status: null,
      error: message,
    });
  }
}

const timer = setInterval(() => {
  for (const origin of watched)
    for (const path of paths) {
      const run = probe(origin, path).finally(() => inFlight.delete(run));
      inFlight.add(run);
    }
}, intervalMs);

let stopping = false;
async function stop(): Promise<void> {
  if (stopping) return;
  stopping = true;
  clearInterval(timer);
  await Promise.all(inFlight);
  process.stdout.write(JSON.stringify(probes), () => process.exit(0));
}

createInterface({ input: process.stdin })
  .on("line", (line) => {
    if (line.startsWith("forget ")) watched.delete(line.slice("forget ".length));
    if (line === "stop") void stop();
  })
  .on("close", () => void stop());
