// Run by notice-job.server.test.ts as a separate process: runs the job runner on a notice job until
// the test kills it with SIGKILL, the way a crashed server dies (no cleanup, no graceful stop).
// Not part of the app.
import { JobKindRegistry } from "../jobs/job-kind";
import { JobRunner } from "../jobs/runner.server";
import { createPrismaClient } from "../prisma-client.server";
import { smtpTransport } from "./mail-transport.server";
import { noticeJobKind } from "./notice-job.server";

const [databaseUrl, smtpUrl, secret] = process.argv.slice(2);
if (!databaseUrl || !smtpUrl || !secret)
  throw new Error("usage: child <databaseUrl> <smtpUrl> <secret>");
const db = createPrismaClient(databaseUrl);
const transport = smtpTransport(smtpUrl);
const runner = new JobRunner({
  db,
  registry: new JobKindRegistry().register(
    // A send claim as short as the lease: a notice in flight at the kill goes again soon after.
    noticeJobKind({ db, transport: () => transport, secret, sendClaimMs: 500 }),
  ),
  adminFor: () => Promise.reject(new Error("notices never call the Admin API")),
  maxConcurrency: 1,
  pollMs: 20,
  // Short, so the test's runner takes the killed process's item over soon after.
  leaseMs: 500,
});
runner.start();
