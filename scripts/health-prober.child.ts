// Probes /healthz for scripts/app-instances.ts (probeHealth), in a process of its own so that the
// caller's busy event loop cannot delay a probe. Arguments: interval ms, timeout ms, origins.
// stdin: "forget <origin>" stops probing one; "stop" (or end of input) prints every probe as JSON.
import { createInterface } from "node:readline";

const [interval, timeout, ...origins] = process.argv.slice(2);
const intervalMs = Number(interval);
const timeoutMs = Number(timeout);
const watched = new Set(origins);
const probes: Array<{
  origin: string;
  at: number;
  ms: number;
  status: number | null;
  error?: string;
}> = [];
const inFlight = new Set<Promise<void>>();

async function probe(origin: string): Promise<void> {
  const at = Date.now();
  const started = performance.now();
  try {
    const response = await fetch(`${origin}/healthz`, { signal: AbortSignal.timeout(timeoutMs) });
    await response.arrayBuffer();
    probes.push({ origin, at, ms: performance.now() - started, status: response.status });
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    probes.push({ origin, at, ms: performance.now() - started, status: null, error: message });
  }
}

const timer = setInterval(() => {
  for (const origin of watched) {
    const run = probe(origin).finally(() => inFlight.delete(run));
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
