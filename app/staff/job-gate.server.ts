// What staff do to a held money job: approve or refuse it (the account owner or the named
// approver, never the one who started it), or cancel it during the undo window (anyone with
// access). Each is one transaction, conditional on the job's status as read, so two clicks cannot
// both win; each records who did it by id and name. And the sweep that lets a job whose countdown
// ended go to the runner.
import type { Job, JobGate, Prisma, PrismaClient } from "@prisma/client";
import type { StaffIdentity } from "./staff-identity";
import { isApprover } from "./staff-rules";
import { staffRulesOf } from "./staff-rules.server";

export type GateResult = { ok: true } | { ok: false; status: 403 | 409 | 404; message: string };

type Refusal = Exclude<GateResult, { ok: true }>;
const GONE: Refusal = { ok: false, status: 404, message: "No such job." };

/** The job and its gate if it waits for a decision this member may take, else why not. */
async function awaitingDecisionBy(
  tx: Prisma.TransactionClient,
  shop: string,
  jobId: string,
  staff: StaffIdentity,
  verb: "approve" | "refuse",
): Promise<{ job: Job; gate: JobGate } | Refusal> {
  const rules = await staffRulesOf(tx, shop);
  const job = await tx.job.findFirst({ where: { id: jobId, shop } });
  const gate = await tx.jobGate.findFirst({ where: { jobId, shop } });
  if (!job || !gate) return GONE;
  if (job.status !== "awaiting_approval")
    return { ok: false, status: 409, message: `This job is ${job.status.replace("_", " ")}.` };
  if (!isApprover(staff, { ...rules, approverId: gate.approverId ?? rules.approverId }))
    return {
      ok: false,
      status: 403,
      message: `Only the account owner${rules.approverName ? ` or ${rules.approverName}` : ""} can ${verb} this job.`,
    };
  return { job, gate };
}

export async function approveJob(
  db: PrismaClient,
  shop: string,
  jobId: string,
  staff: StaffIdentity,
  now = new Date(),
): Promise<GateResult> {
  return db.$transaction(async (tx) => {
    const held = await awaitingDecisionBy(tx, shop, jobId, staff, "approve");
    if ("ok" in held) return held;
    const { job, gate } = held;
    if (job.createdBy === staff.id)
      return {
        ok: false,
        status: 403,
        message: "A second pair of eyes: someone other than who started the job approves it.",
      };
    const countdown = gate.undoMinutes > 0;
    const moved = await tx.job.updateMany({
      where: { id: job.id, shop, status: "awaiting_approval" },
      data: { status: countdown ? "countdown" : "pending" },
    });
    if (moved.count !== 1)
      return { ok: false, status: 409, message: "This job changed meanwhile." };
    await tx.jobGate.update({
      where: { jobId },
      data: {
        decision: "approved",
        decidedById: staff.id,
        decidedByName: staff.name,
        decidedAt: now,
        startsAt: countdown ? new Date(now.getTime() + gate.undoMinutes * 60_000) : now,
      },
    });
    return { ok: true };
  });
}

export async function refuseJob(
  db: PrismaClient,
  shop: string,
  jobId: string,
  staff: StaffIdentity,
  now = new Date(),
): Promise<GateResult> {
  return db.$transaction(async (tx) => {
    const held = await awaitingDecisionBy(tx, shop, jobId, staff, "refuse");
    if ("ok" in held) return held;
    const { job } = held;
    const moved = await tx.job.updateMany({
      where: { id: job.id, shop, status: "awaiting_approval" },
      data: { status: "cancelled", finishedAt: now },
    });
    if (moved.count !== 1)
      return { ok: false, status: 409, message: "This job changed meanwhile." };
    await tx.jobItem.updateMany({
      where: { jobId, shop, status: "pending" },
      data: { status: "skipped", error: `Refused by ${staff.name}` },
    });
    await tx.jobGate.update({
      where: { jobId },
      data: {
        decision: "refused",
        decidedById: staff.id,
        decidedByName: staff.name,
        decidedAt: now,
      },
    });
    return { ok: true };
  });
}

/** One click during the undo window (or while it waits for approval): nothing of it runs. */
export async function cancelHeldJob(
  db: PrismaClient,
  shop: string,
  jobId: string,
  staff: { id: string | null; name: string | null },
  now = new Date(),
): Promise<GateResult> {
  return db.$transaction(async (tx) => {
    const job = await tx.job.findFirst({ where: { id: jobId, shop } });
    if (!job) return GONE;
    const moved = await tx.job.updateMany({
      where: { id: job.id, shop, status: { in: ["countdown", "awaiting_approval"] } },
      data: { status: "cancelled", finishedAt: now },
    });
    if (moved.count !== 1)
      return {
        ok: false,
        status: 409,
        message: "Too late to undo: the job has started. Pause or cancel the rest instead.",
      };
    const who = staff.name ?? (staff.id ? `Staff member ${staff.id}` : "staff");
    await tx.jobItem.updateMany({
      where: { jobId, shop, status: "pending" },
      data: { status: "skipped", error: `Cancelled in the undo window by ${who}` },
    });
    await tx.jobGate.updateMany({
      where: { jobId, shop },
      data: { cancelledById: staff.id, cancelledByName: staff.name, cancelledAt: now },
    });
    return { ok: true };
  });
}

/**
 * Hands every job whose undo window has ended to the runner (countdown → pending). One
 * conditional write per job, so several processes sweeping at once release each job once; a job
 * cancelled meanwhile is not touched. Returns how many it released.
 */
export async function releaseDueJobs(db: PrismaClient, now = new Date()): Promise<number> {
  const waiting = await db.job.findMany({
    where: { status: "countdown" },
    select: { id: true },
    take: 500,
  });
  if (waiting.length === 0) return 0;
  const due = await db.jobGate.findMany({
    where: { jobId: { in: waiting.map((job) => job.id) }, startsAt: { lte: now } },
    select: { jobId: true },
  });
  if (due.length === 0) return 0;
  const released = await db.job.updateMany({
    where: { id: { in: due.map((gate) => gate.jobId) }, status: "countdown" },
    data: { status: "pending" },
  });
  return released.count;
}
