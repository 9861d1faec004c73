// The Polaris badge of each job status, the same on the jobs list and a job's page.
import type { JobStatus } from "./jobs.server";

export const JOB_STATUS_TONE = {
  awaiting_approval: "attention",
  countdown: "warning",
  pending: "info",
  running: "info",
  paused: "warning",
  cancelled: undefined,
  completed: "success",
} as const satisfies Record<JobStatus, string | undefined>;

/** "awaiting_approval" reads "awaiting approval". */
export function jobStatusLabel(status: JobStatus): string {
  return status.replace("_", " ");
}
