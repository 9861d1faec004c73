// An app process for the crash test: the composition root built from the parent's environment
// (simulator, database), its job runner run until no job is left; the parent kills it with SIGKILL
// at a chosen moment.
import { buildAppServices } from "../services.server";
import { runJobsToEnd } from "../../tests/support/run-jobs";

const services = buildAppServices({
  // A short lease: the parent's runner takes over what this process held soon after its death.
  jobs: { pollMs: 20, backoffMs: () => 10, maxConcurrency: 4, leaseMs: 1_000 },
});
process.stdout.write("ready\n");
await runJobsToEnd(services.jobs, services.db);
process.stdout.write("idle\n");
await services.db.$disconnect();
