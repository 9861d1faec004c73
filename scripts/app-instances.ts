// Several app instances as production runs them behind a load balancer: each one `npm start`
// (scripts/start.ts: preflight, migrations, the built app, the composition root's background work)
// in its own OS process, on a free port. Used by the many-process test and the bench's load
// section; `kill("SIGKILL")` is a crash, `stop()` the graceful SIGTERM a deploy sends.
import { spawn, type ChildProcess } from "node:child_process";
import path from "node:path";
import { z } from "zod";

const ROOT = path.resolve(import.meta.dirname, "..");

export interface AppInstance {
  origin: string;
  pid: number;
  child: ChildProcess;
  /** Everything it wrote to stdout and stderr (its log), for a failing test's message. */
  output: string[];
  /** Whether it has exited (crashed, killed or stopped). */
  exited(): boolean;
  stop(): Promise<void>;
}

/** Starts `npm start` with `env` and resolves once it listens. */
export function startAppInstance(env: Record<string, string | undefined>): Promise<AppInstance> {
  const child = spawn(process.execPath, ["--import", "tsx", path.join(ROOT, "scripts/start.ts")], {
    cwd: ROOT,
    env: { ...env, NODE_ENV: "production", HOST: "127.0.0.1", PORT: "0" },
    stdio: ["ignore", "pipe", "pipe"],
  });
  const output: string[] = [];
  let exited = false;
  const done = new Promise<void>((resolve) =>
    child.once("exit", () => {
      exited = true;
      resolve();
    }),
  );
  return new Promise((resolve, reject) => {
    child.stderr?.on("data", (chunk: Buffer) => output.push(chunk.toString()));
    child.stdout?.on("data", (chunk: Buffer) => {
      const text = chunk.toString();
      output.push(text);
      const origin = /Delay Desk listening on (http:\/\/\S+)/.exec(text)?.[1];
      if (!origin || child.pid === undefined) return;
      resolve({
        origin,
        pid: child.pid,
        child,
        output,
        exited: () => exited,
        stop: async () => {
          if (!exited) child.kill("SIGTERM");
          await done;
        },
      });
    });
    void done.then(() =>
      reject(new Error(`app instance exited before listening: ${output.join("").slice(-3000)}`)),
    );
  });
}

/** The pid in a leaseOwner (`host:pid:random`, app/leases/lease.ts). */
export function leaseOwnerPid(owner: string): number | null {
  const pid = Number(owner.split(":").at(-2));
  return Number.isInteger(pid) ? pid : null;
}

export interface HealthProbe {
  origin: string;
  /** /healthz (liveness) or /readyz (readiness). */
  path: string;
  at: number;
  ms: number;
  /** HTTP status, or null when no answer came within the timeout (or the connection failed). */
  status: number | null;
  error?: string;
}

export interface HealthProber {
  /** Stops counting `origin` (an instance about to be killed on purpose). */
  forget(origin: string): void;
  stop(): Promise<HealthProbe[]>;
}

const probeSchema = z.array(
  z.object({
    origin: z.string(),
    path: z.string(),
    at: z.number(),
    ms: z.number(),
    status: z.number().nullable(),
    error: z.string().optional(),
  }),
);

/** Liveness and readiness, as a load balancer asks them (scripts/health-routes.ts). */
export const HEALTH_PATHS = ["/healthz", "/readyz"] as const;

/**
 * GETs /healthz and /readyz on every origin every `intervalMs`, each with `timeoutMs` to answer
 * (5 s, an AWS load balancer's default health check timeout), from a process of its own
 * (scripts/health-prober.child.ts): the caller's event loop is busy (a simulator, a load
 * generator), and a probe it stalled would count against the app.
 */
export function probeHealth(origins: string[], intervalMs = 100, timeoutMs = 5_000): HealthProber {
  const child = spawn(
    process.execPath,
    [
      "--import",
      "tsx",
      path.join(ROOT, "scripts/health-prober.child.ts"),
      String(intervalMs),
      String(timeoutMs),
      HEALTH_PATHS.join(","),
      ...origins,
    ],
    { cwd: ROOT, stdio: ["pipe", "pipe", "inherit"] },
  );
  let out = "";
  child.stdout?.on("data", (chunk: Buffer) => (out += chunk.toString()));
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  const forgotten = new Set<string>();
  return {
    forget: (origin) => {
      forgotten.add(origin);
      child.stdin?.write(`forget ${origin}\n`);
    },
    stop: async () => {
      child.stdin?.end("stop\n");
      await exited;
      return probeSchema.parse(JSON.parse(out)).filter(
        // A probe of an instance forgotten meanwhile (killed on purpose) that failed does not count.
        (p) => !(forgotten.has(p.origin) && p.status === null),
      );
    },
  };
}
