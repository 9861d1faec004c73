// Runs a job runner the way the app does (start, later stop) until the database shows no job left
// to run: tests and the bench watch job rows, not the runner's insides. Not a test itself.
import type { PrismaClient } from "@prisma/client";
import type { JobRunner } from "../../app/jobs/runner.server";

export async function jobsLeft(db: PrismaClient): Promise<number> {
  return db.job.count({ where: { status: { in: ["pending", "running"] } } });
}

export async function runJobsToEnd(
  runner: JobRunner,
  db: PrismaClient,
  { pollMs = 10 }: { pollMs?: number } = {},
): Promise<void> {
  runner.start();
  try {
    while ((await jobsLeft(db)) > 0) await new Promise((resolve) => setTimeout(resolve, pollMs));
  } finally {
    await runner.stop();
  }
}
