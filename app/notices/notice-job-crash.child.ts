// Run by notice-job.server.test.ts as a separate process: starts the job runner on a notice job
// and kills itself with SIGKILL right after the Nth item settles, the way a crashed server dies
// (no cleanup, no graceful stop). Not part of the app.
import { JobKindRegistry } from "../jobs/job-kind";
import { JobRunner } from "../jobs/runner.server";
import { createPrismaClient } from "../prisma-client.server";
import { smtpTransport } from "./mail-transport.server";
import { noticeJobKind } from "./notice-job.server";

const [databaseUrl, smtpUrl, secret, killAfter] = process.argv.slice(2);
if (!databaseUrl || !smtpUrl || !secret || !killAfter)
  throw new Error("usage: child <databaseUrl> <smtpUrl> <secret> <killAfter>");
const db = createPrismaClient(databaseUrl);
const transport = smtpTransport(smtpUrl);
let settled = 0;
const runner = new JobRunner({
  db,
  registry: new JobKindRegistry().register(
    noticeJobKind({ db, transport: () => transport, secret }),
  ),
  adminFor: () => Promise.reject(new Error("notices never call the Admin API")),
  maxConcurrency: 1,
  pollMs: 20,
  onItemSettled: () => {
    settled += 1;
    if (settled >= Number(killAfter)) process.kill(process.pid, "SIGKILL");
  },
});
void runner.runUntilIdle();
