// Bulk jobs in the database: create one from a plan (one JobItem per order, each with its own
// idempotency key), change its state on staff request, and read its progress. Every read and
// write is scoped by shop. The runner (runner.server.ts) does the work; this module only moves
// rows, each change in one transaction so a crash leaves either the old state or the new one.
import { randomUUID } from "node:crypto";
import type { Prisma, PrismaClient } from "@prisma/client";
import type { AdminClient } from "../admin-api/graphql.server";
import type { JobKind, PlannedItem } from "./job-kind";
import { sumMoney } from "./money";

// "awaiting_approval" and "countdown" hold a money-moving job before it starts (app/staff/); the
// runner claims only pending and running jobs, so a held job's frozen items wait untouched.
export type JobStatus =
  | "awaiting_approval"
  | "countdown"
  | "pending"
  | "running"
  | "paused"
  | "cancelled"
  | "completed";

/** Decides, in the job's own transaction, whether a new job starts at once or is held first. */
export type JobHold = (
  tx: Prisma.TransactionClient,
  job: { id: string },
  planned: readonly PlannedItem[],
) => Promise<"pending" | "awaiting_approval" | "countdown">;
export type ItemStatus = "pending" | "running" | "done" | "failed" | "skipped";

export interface NewJob {
  shop: string;
  kind: JobKind<unknown>;
  params: unknown;
  orderIds: readonly string[];
  createdBy: string | null;
  /** The staff member's name from their online token (never their email). */
  createdByName?: string | null;
  hold?: JobHold;
  /** For plans that ask Shopify (PlanContext.admin). */
  admin?: AdminClient;
}

/** Plans and stores a job. The caller has confirmed the count and money with staff already. */
export async function createJob(
  db: PrismaClient,
  job: NewJob,
): Promise<{ id: string; items: number; amount: string }> {
  const params = job.kind.params.parse(job.params);
  const unique = [...new Set(job.orderIds)];
  const planned = await job.kind.plan(
    { shop: job.shop, db, ...(job.admin ? { admin: job.admin } : {}) },
    params,
    unique,
  );
  if (planned.length === 0) throw new Error("No order in this selection can take this remedy.");
  const created = await db.$transaction(async (tx) => {
    const row = await tx.job.create({
      data: {
        shop: job.shop,
        kind: job.kind.kind,
        status: "pending",
        params: JSON.stringify(params),
        createdBy: job.createdBy,
        createdByName: job.createdByName ?? null,
      },
    });
    // The key is random, not derived from the order: a second job on the same order (say, a
    // refund after a failed one was fixed by hand) must be a new request to Shopify.
    // In chunks: SQLite caps the bound parameters of one INSERT.
    for (let start = 0; start < planned.length; start += 100) {
      await tx.jobItem.createMany({
        data: planned.slice(start, start + 100).map((item) => ({
          jobId: row.id,
          shop: job.shop,
          orderId: item.orderId,
          idempotencyKey: `dd-${randomUUID()}`,
          status: "pending",
          amount: item.amount,
          presentmentAmount: item.presentment?.amount ?? null,
          presentmentCurrencyCode: item.presentment?.currencyCode ?? null,
        })),
      });
    }
    if (job.hold) {
      const status = await job.hold(tx, row, planned);
      if (status !== "pending") await tx.job.update({ where: { id: row.id }, data: { status } });
    }
    return row;
  });
  return { id: created.id, items: planned.length, amount: sumMoney(planned.map((p) => p.amount)) };
}

export type JobControl = "pause" | "resume" | "cancel" | "retry_failed";

/** Applies a staff request. Returns false when the job is not in a state that allows it. */
export async function controlJob(
  db: PrismaClient,
  shop: string,
  jobId: string,
  control: JobControl,
): Promise<boolean> {
  return db.$transaction(async (tx) => {
    const job = await tx.job.findFirst({ where: { id: jobId, shop } });
    if (!job) return false;
    switch (control) {
      case "pause":
        if (job.status !== "running" && job.status !== "pending") return false;
        await tx.job.update({ where: { id: job.id }, data: { status: "paused" } });
        return true;
      case "resume":
        if (job.status !== "paused") return false;
        await tx.job.update({ where: { id: job.id }, data: { status: "running" } });
        return true;
      case "cancel":
        if (job.status === "cancelled" || job.status === "completed") return false;
        // Items already running finish (their outcome is unknown until Shopify answers); the rest never start.
        await tx.jobItem.updateMany({
          where: { jobId: job.id, status: "pending" },
          data: { status: "skipped", error: "Job cancelled by staff" },
        });
        await tx.job.update({
          where: { id: job.id },
          data: { status: "cancelled", finishedAt: new Date() },
        });
        return true;
      case "retry_failed": {
        if (job.status === "cancelled") return false;
        // Same items, same idempotency keys: a refund that did go through is replayed, not repeated.
        const { count } = await tx.jobItem.updateMany({
          where: { jobId: job.id, status: "failed" },
          data: { status: "pending", error: null },
        });
        if (count === 0) return false;
        await tx.job.update({
          where: { id: job.id },
          data: { status: job.status === "paused" ? "paused" : "running", finishedAt: null },
        });
        return true;
      }
    }
  });
}

export interface JobProgress {
  id: string;
  kind: string;
  status: JobStatus;
  createdAt: string;
  /** Who started it: a staff member's name, "Customer", or "Delay Desk". */
  createdBy: string;
  /** Their Shopify staff id, when a staff member started it (issue 16: by name and id). */
  createdById: string | null;
  startedAt: string | null;
  finishedAt: string | null;
  total: number;
  counts: Record<ItemStatus, number>;
  /** pending + running */
  remaining: number;
  /** Items finished per minute over the last minute (or since start, if shorter). */
  perMinute: number;
  /** Money of every planned item (what the confirmation showed), in the shop's currency. */
  amount: string;
  /** Money of the items done: what actually moved. */
  amountDone: string;
  failures: Array<{ orderId: string; orderName: string | null; error: string }>;
  /** Items skipped and why (the order shipped, was cancelled, its amount changed…), latest 20. */
  skips: Array<{ orderId: string; orderName: string | null; error: string }>;
}

const ITEM_STATUSES: readonly ItemStatus[] = ["pending", "running", "done", "failed", "skipped"];
const JOB_STATUSES: readonly JobStatus[] = [
  "awaiting_approval",
  "countdown",
  "pending",
  "running",
  "paused",
  "cancelled",
  "completed",
];

/** How a job's starter reads on its page and in exports (the timeline's actorLabel, for jobs). */
export function starterLabel(createdBy: string | null, createdByName: string | null): string {
  if (createdByName) return createdByName;
  if (createdBy === "customer") return "Customer";
  if (!createdBy || createdBy === "system") return "Delay Desk";
  return `Staff member ${createdBy}`;
}

function jobStatus(value: string): JobStatus {
  return JOB_STATUSES.find((s) => s === value) ?? "pending";
}

/** Item counts per status from a groupBy over job items (a status never seen counts 0). */
function countByStatus(
  grouped: readonly { status: string; _count: { _all: number } }[],
): Record<ItemStatus, number> {
  const counts: Record<ItemStatus, number> = {
    pending: 0,
    running: 0,
    done: 0,
    failed: 0,
    skipped: 0,
  };
  for (const row of grouped) {
    const status = ITEM_STATUSES.find((s) => s === row.status);
    if (status) counts[status] += row._count._all;
  }
  return counts;
}

export async function jobProgress(
  db: PrismaClient,
  shop: string,
  jobId: string,
  now = new Date(),
): Promise<JobProgress | null> {
  const job = await db.job.findFirst({ where: { id: jobId, shop } });
  if (!job) return null;
  const grouped = await db.jobItem.groupBy({
    by: ["status"],
    where: { jobId: job.id },
    _count: { _all: true },
  });
  const counts = countByStatus(grouped);
  const windowStart = new Date(
    Math.max(now.getTime() - 60_000, job.startedAt?.getTime() ?? now.getTime()),
  );
  const recent = await db.jobItem.count({
    where: {
      jobId: job.id,
      status: { in: ["done", "failed", "skipped"] },
      updatedAt: { gte: windowStart },
    },
  });
  const windowMinutes = Math.max(1 / 60, (now.getTime() - windowStart.getTime()) / 60_000);
  const amounts = await db.jobItem.findMany({
    where: { jobId: job.id },
    select: { amount: true, status: true },
  });
  const latest = (status: "failed" | "skipped") =>
    db.jobItem.findMany({
      where: { jobId: job.id, status },
      select: { orderId: true, error: true },
      take: 20,
      orderBy: { updatedAt: "desc" },
    });
  const failedItems = await latest("failed");
  const skippedItems = await latest("skipped");
  const names = await db.trackedOrder.findMany({
    where: { shop, id: { in: [...failedItems, ...skippedItems].map((f) => f.orderId) } },
    select: { id: true, name: true },
  });
  const named = (items: readonly { orderId: string; error: string | null }[]) =>
    items.map((f) => ({
      orderId: f.orderId,
      orderName: names.find((n) => n.id === f.orderId)?.name ?? null,
      error: f.error ?? "",
    }));
  return {
    id: job.id,
    kind: job.kind,
    status: jobStatus(job.status),
    createdAt: job.createdAt.toISOString(),
    createdBy: starterLabel(job.createdBy, job.createdByName),
    createdById: job.createdBy && /^\d+$/.test(job.createdBy) ? job.createdBy : null,
    startedAt: job.startedAt?.toISOString() ?? null,
    finishedAt: job.finishedAt?.toISOString() ?? null,
    total: Object.values(counts).reduce((a, b) => a + b, 0),
    counts,
    remaining: counts.pending + counts.running,
    perMinute: job.status === "running" ? Math.round(recent / windowMinutes) : 0,
    amount: sumMoney(amounts.map((a) => a.amount)),
    amountDone: sumMoney(amounts.filter((a) => a.status === "done").map((a) => a.amount)),
    failures: named(failedItems),
    skips: named(skippedItems),
  };
}

export interface JobSummary {
  id: string;
  kind: string;
  status: JobStatus;
  createdAt: string;
  total: number;
  counts: Record<ItemStatus, number>;
}

/** The shop's latest jobs with their item counts: two queries, whatever the number of items. */
export async function listJobs(db: PrismaClient, shop: string, take = 20): Promise<JobSummary[]> {
  const jobs = await db.job.findMany({
    where: { shop },
    orderBy: { createdAt: "desc" },
    take,
    select: { id: true, kind: true, status: true, createdAt: true },
  });
  const grouped = await db.jobItem.groupBy({
    by: ["jobId", "status"],
    where: { shop, jobId: { in: jobs.map((job) => job.id) } },
    _count: { _all: true },
  });
  return jobs.map((job) => {
    const counts = countByStatus(grouped.filter((row) => row.jobId === job.id));
    const total = ITEM_STATUSES.reduce((sum, status) => sum + counts[status], 0);
    return {
      id: job.id,
      kind: job.kind,
      status: jobStatus(job.status),
      createdAt: job.createdAt.toISOString(),
      total,
      counts,
    };
  });
}
