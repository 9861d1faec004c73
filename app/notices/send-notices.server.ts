// From the composer's "send" to a job on the runner: which orders (a selection or a class), what
// the honesty guard says about each, and — only if nothing is blocked, or the merchant chose to
// skip or override the blocked ones — the job itself.
import type { PrismaClient } from "@prisma/client";
import { createJob } from "../jobs/jobs.server";
import type { JobKind } from "../jobs/job-kind";
import { decideForOrders, type NoticeJobParams } from "./notice-job.server";

export type NoticeTarget =
  | { kind: "selection"; orderIds: string[] }
  | { kind: "class"; classes: Array<"at_risk" | "overdue"> };

export async function resolveTarget(
  db: PrismaClient,
  shop: string,
  target: NoticeTarget,
): Promise<string[]> {
  if (target.kind === "selection") {
    const rows = await db.trackedOrder.findMany({
      where: { shop, id: { in: target.orderIds } },
      select: { id: true },
    });
    return rows.map((r) => r.id);
  }
  const rows = await db.trackedOrder.findMany({
    where: { shop, delayClass: { in: target.classes }, cancelledAt: null },
    select: { id: true },
    orderBy: { createdAt: "asc" },
  });
  return rows.map((r) => r.id);
}

export interface NoticeCheck {
  total: number;
  willSend: number;
  first: number;
  sameDate: number;
  keptOldDate: number;
  earlier: number;
  overridden: number;
  blocked: Array<{ orderId: string; name: string; told: string; proposed: string }>;
  skipped: Array<{ name: string; reason: string }>;
}

export async function checkNotices(
  db: PrismaClient,
  shop: string,
  orderIds: readonly string[],
  options: { overrideReason: string | null; confirmBetter: boolean },
): Promise<NoticeCheck> {
  const decided = await decideForOrders(db, shop, orderIds, options);
  const check: NoticeCheck = {
    total: decided.length,
    willSend: 0,
    first: 0,
    sameDate: 0,
    keptOldDate: 0,
    earlier: 0,
    overridden: 0,
    blocked: [],
    skipped: [],
  };
  for (const { orderId, name, decision, skip } of decided) {
    if (!decision) {
      check.skipped.push({ name, reason: skip ?? "Not eligible." });
      continue;
    }
    if (!decision.send) {
      check.blocked.push({ orderId, name, told: decision.told.to, proposed: decision.proposed.to });
      continue;
    }
    check.willSend += 1;
    if (decision.change === "first") check.first += 1;
    else if (decision.change === "earlier") check.earlier += 1;
    else if (decision.change === "later") check.overridden += 1;
    else if (decision.keptOldDate) check.keptOldDate += 1;
    else check.sameDate += 1;
  }
  return check;
}

export type StartResult =
  | { ok: true; jobId: string; items: number }
  | { ok: false; check: NoticeCheck; message: string };

export async function startNoticeJob(
  db: PrismaClient,
  kind: JobKind<unknown>,
  input: {
    shop: string;
    orderIds: readonly string[];
    params: NoticeJobParams;
    createdBy: string | null;
    skipBlocked: boolean;
  },
): Promise<StartResult> {
  const check = await checkNotices(db, input.shop, input.orderIds, {
    overrideReason: input.params.overrideReason,
    confirmBetter: input.params.confirmBetter,
  });
  if (check.blocked.length > 0 && !input.skipBlocked) {
    return {
      ok: false,
      check,
      message: `${check.blocked.length} of these orders were already told a date and would now get a later one. A second excuse costs their trust: offer a refund or compensation instead, skip them, or override with a reason.`,
    };
  }
  if (check.willSend === 0)
    return { ok: false, check, message: "None of these orders can be sent a notice now." };
  const job = await createJob(db, {
    shop: input.shop,
    kind,
    params: input.params,
    orderIds: input.orderIds,
    createdBy: input.createdBy,
  });
  return { ok: true, jobId: job.id, items: job.items };
}
