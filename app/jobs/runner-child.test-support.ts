// A job runner in its own process, for the crash test: the parent kills it with SIGKILL at a
// chosen moment. Configuration comes from the parent's environment (simulator, database).
import { JobRunner } from "./runner.server";

const db = (await import("../db.server")).default;
const { backgroundAdmin } = await import("../shopify.server");
const { remedyRegistry } = await import("../remedies/remedy-kinds.server");

const runner = new JobRunner({
  db,
  registry: remedyRegistry(),
  adminFor: async (shop) => backgroundAdmin(shop),
  pollMs: 20,
  backoffMs: () => 10,
  maxConcurrency: 4,
});
process.stdout.write("ready\n");
await runner.runUntilIdle();
process.stdout.write("idle\n");
await db.$disconnect();
