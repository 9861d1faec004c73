// Starting a bulk job on a staff member's request: the one use case behind the remedy
// confirmation. Jobs that move money (refunds, cancel-and-refund, the shipping cost back) go
// through the staff rules
// first: the member's own Shopify permissions (no write_orders, no refund: 403), then the shop's
// limits (above them the job waits for approval), then the undo window (a countdown before the
// runner may claim it). The job's items, planned and stored here, are the frozen list: the page
// shows them, and they are exactly what runs. Refunds a customer chose on the wait-or-refund page
// or the law requires are started elsewhere (app/proxy/, app/consent/) and pass none of this.
import type { PrismaClient } from "@prisma/client";
import { z } from "zod";
import type { AdminClient } from "../admin-api/graphql.server";
import { createJob, type JobHold } from "../jobs/jobs.server";
import type { JobKind } from "../jobs/job-kind";
import { sumMoney } from "../jobs/money";
import { dayTotals } from "./money-today.server";
import { mayMoveMoney, type StaffIdentity } from "./staff-identity";
import { isApprover, limitsExceeded } from "./staff-rules";
import { staffRulesOf } from "./staff-rules.server";

/** Job kinds whose items move money to customers and so pass the staff rules. */
export const MONEY_KINDS: ReadonlySet<string> = new Set(["refund", "cancel_refund"]);

/**
 * Whether a job of this kind, with these parameters, moves money. The shipping remedy does in its
 * "refund" mode (the shipping cost back, planned at Shopify's refundable shipping) and not in
 * "upgrade" (an order edit at the shop's cost, no money to the customer).
 */
export function movesMoney(kind: string, params?: unknown): boolean {
  if (MONEY_KINDS.has(kind)) return true;
  return kind === "shipping" && shippingRefund.safeParse(params).success;
}
const shippingRefund = z.object({ mode: z.literal("refund") });

export type StartResult =
  | { ok: true; jobId: string; status: "pending" | "awaiting_approval" | "countdown" }
  | { ok: false; status: 400 | 403; message: string };

export interface StartStaffJob {
  shop: string;
  kind: JobKind<unknown>;
  params: unknown;
  orderIds: readonly string[];
  /** The session token's `sub`. */
  staffId: string | null;
  /** Who Shopify says they are (null: the online token exchange failed). */
  staff: StaffIdentity | null;
  /** The shop's IANA time zone: the daily limits count the shop's day. */
  timeZone: string;
  /** The request's Admin API, for plans that ask Shopify (the shipping cost back). */
  admin?: AdminClient;
  now?: Date;
}

export async function startStaffJob(db: PrismaClient, input: StartStaffJob): Promise<StartResult> {
  const now = input.now ?? new Date();
  const createdBy = input.staff?.id ?? input.staffId;
  const createdByName = input.staff?.name ?? null;
  if (!movesMoney(input.kind.kind, input.params)) {
    try {
      const job = await createJob(db, {
        shop: input.shop,
        kind: input.kind,
        params: input.params,
        orderIds: input.orderIds,
        createdBy,
        createdByName,
        ...(input.admin ? { admin: input.admin } : {}),
      });
      return { ok: true, jobId: job.id, status: "pending" };
    } catch (error) {
      return { ok: false, status: 400, message: messageOf(error) };
    }
  }
  const permission = mayMoveMoney(input.staff);
  if (!permission.ok || !input.staff) {
    return {
      ok: false,
      status: 403,
      message: permission.ok ? "Not allowed." : permission.message,
    };
  }
  const staff = input.staff;
  const rules = await staffRulesOf(db, input.shop);
  let held: "pending" | "awaiting_approval" | "countdown" = "pending";
  const hold: JobHold = async (tx, job, planned) => {
    const size = { amount: sumMoney(planned.map((p) => p.amount)), orders: planned.length };
    const today = await dayTotals(tx, input.shop, { now, timeZone: input.timeZone }, job.id);
    const reasons = isApprover(staff, rules) ? [] : limitsExceeded(rules, size, today);
    const needsApproval = reasons.length > 0;
    held = needsApproval ? "awaiting_approval" : rules.undoMinutes > 0 ? "countdown" : "pending";
    await tx.jobGate.create({
      data: {
        jobId: job.id,
        shop: input.shop,
        needsApproval,
        approvalReason: needsApproval ? capitalise(reasons.join("; ")) : null,
        approverId: rules.approverId,
        undoMinutes: rules.undoMinutes,
        startsAt:
          held === "countdown" ? new Date(now.getTime() + rules.undoMinutes * 60_000) : null,
        createdAt: now,
      },
    });
    return held;
  };
  try {
    const job = await createJob(db, {
      shop: input.shop,
      kind: input.kind,
      // Staff confirmed each order's amount: a changed one is skipped, not refunded anew.
      params: { ...objectOf(input.params), frozenAmounts: true },
      orderIds: input.orderIds,
      createdBy: staff.id,
      createdByName: staff.name,
      hold,
      ...(input.admin ? { admin: input.admin } : {}),
    });
    return { ok: true, jobId: job.id, status: held };
  } catch (error) {
    return { ok: false, status: 400, message: messageOf(error) };
  }
}

function objectOf(value: unknown): Record<string, unknown> {
  return typeof value === "object" && value !== null ? { ...value } : {};
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : "Could not start the job.";
}
