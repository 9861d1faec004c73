// The Polaris badge tone of each job status, the same on the jobs list and a job's page.
export const JOB_STATUS_TONE = {
  pending: "info",
  running: "info",
  paused: "warning",
  cancelled: undefined,
  completed: "success",
} as const;
