// Measures, from another connection on another thread, what a long write costs everyone else:
// how long a write that needs the lock the app's writes take waits, and how long a reader waits.
// SQLite: the write probe is BEGIN IMMEDIATE (the database's one write lock); PostgreSQL: an
// UPDATE of the shop's summary row, which every write to the shop's orders also locks (its
// trigger). The reader counts the shop's overdue orders. Runs in a worker thread because
// node:sqlite blocks the thread it runs on: a probe on the app's thread would measure nothing.
import { Worker } from "node:worker_threads";
import { z } from "zod";
import { databaseTarget } from "../../app/database-url";

export interface LockFigures {
  /** Longest a write on another connection waited for the lock. */
  longestWriteWaitMs: number;
  /** Longest a read on another connection took. */
  longestReadMs: number;
  probes: number;
}

const figuresSchema = z.object({
  longestWriteWaitMs: z.number(),
  longestReadMs: z.number(),
  probes: z.number(),
});

// Plain JavaScript: the worker runs without tsx.
const WORKER = `
const { parentPort, workerData } = require("node:worker_threads");
const { target, shop } = workerData;
let stop = false;
parentPort.on("message", () => { stop = true; });
const pause = () => new Promise((resolve) => setTimeout(resolve, 2));
async function main() {
  let longestWriteWaitMs = 0, longestReadMs = 0, probes = 0;
  if (target.provider === "sqlite") {
    const { DatabaseSync } = require("node:sqlite");
    const db = new DatabaseSync(target.path, { timeout: 60000 });
    const read = db.prepare('SELECT COUNT(*) AS n FROM "TrackedOrder" WHERE "shop" = ? AND "delayClass" = ?');
    while (!stop) {
      let started = performance.now();
      db.exec("BEGIN IMMEDIATE");
      longestWriteWaitMs = Math.max(longestWriteWaitMs, performance.now() - started);
      db.exec("COMMIT");
      started = performance.now();
      read.get(shop, "overdue");
      longestReadMs = Math.max(longestReadMs, performance.now() - started);
      probes += 1;
      await pause();
    }
    db.close();
  } else {
    const pg = require(workerData.pgPath);
    const client = new pg.Client({ connectionString: target.url });
    await client.connect();
    while (!stop) {
      let started = performance.now();
      await client.query('UPDATE "ShopOrderSummary" SET "pass" = "pass" WHERE "shop" = $1', [shop]);
      longestWriteWaitMs = Math.max(longestWriteWaitMs, performance.now() - started);
      started = performance.now();
      await client.query('SELECT COUNT(*) AS n FROM "TrackedOrder" WHERE "shop" = $1 AND "delayClass" = $2', [shop, "overdue"]);
      longestReadMs = Math.max(longestReadMs, performance.now() - started);
      probes += 1;
      await pause();
    }
    await client.end();
  }
  parentPort.postMessage({ longestWriteWaitMs, longestReadMs, probes });
}
main().catch((error) => { throw error; });
`;

/** Starts probing; the returned function stops and reports. */
export async function startLockProbe(
  databaseUrl: string,
  shop: string,
): Promise<() => Promise<LockFigures>> {
  const target = databaseTarget(databaseUrl);
  const { createRequire } = await import("node:module");
  const pgPath = createRequire(import.meta.url).resolve("pg");
  const worker = new Worker(WORKER, { eval: true, workerData: { target, shop, pgPath } });
  const result = new Promise<LockFigures>((resolve, reject) => {
    worker.once("message", (message: unknown) => resolve(figuresSchema.parse(message)));
    worker.once("error", reject);
  });
  // Let the worker open its connection before the measured work starts.
  await new Promise((resolve) => setTimeout(resolve, 300));
  return async () => {
    worker.postMessage("stop");
    const figures = await result;
    await worker.terminate();
    return figures;
  };
}
