// One app process for the many-processes test: the composition root built from the parent's
// environment (simulator, database, SMTP sink) and started as `npm start` starts it, with a short
// lease so a killed sibling's items are taken over within the test. SIGTERM stops it gracefully;
// SIGKILL is a crash. Not part of the app.
import { buildAppServices } from "../services.server";

const leaseMs = Number(process.env.TEST_LEASE_MS ?? 2_000);
const services = buildAppServices({ jobs: { pollMs: 50, leaseMs } });
services.start();
process.once("SIGTERM", () => {
  void services.stop().then(async () => {
    await services.db.$disconnect();
    process.exit(0);
  });
});
process.stdout.write(`ready ${services.jobs.owner}\n`);
