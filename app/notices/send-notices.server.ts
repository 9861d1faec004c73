// From the composer's "send" to a job on the runner, in two steps. Review: which orders (a
// selection or a class), what each would be told, how many, a sample, and who is held back and
// why (the honesty guard, the rhythm, cancelled customers). Confirm: the same list re-computed
// with the same function the job's plan uses; if it changed since the merchant looked, nothing is
// sent and the new list is shown instead.
import { createHash } from "node:crypto";
import type { PrismaClient } from "@prisma/client";
import { createJob } from "../jobs/jobs.server";
import type { JobKind } from "../jobs/job-kind";
import { loadShopSettings } from "../settings/shop-settings.server";
import type { NoticeKind } from "./notice-kinds";
import { decideForOrders, type NoticeJobParams } from "./notice-job.server";

export type NoticeTarget =
  | { kind: "selection"; orderIds: string[] }
  | { kind: "class"; classes: Array<"at_risk" | "overdue"> }
  /** Orders told of a delay that have shipped since: the "it has shipped" notice. */
  | { kind: "shipped" };

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
  if (target.kind === "shipped") return shippedSinceTold(db, shop);
  const rows = await db.trackedOrder.findMany({
    where: { shop, delayClass: { in: target.classes }, cancelledAt: null },
    select: { id: true },
    orderBy: { createdAt: "asc" },
  });
  return rows.map((r) => r.id);
}

/** The notice's kind, with the weekly update that keeps the old date (an earlier one not confirmed) apart. */
/** Orders with a delay notice sent and nothing left to ship, not yet told that it shipped. */
export async function shippedSinceTold(db: PrismaClient, shop: string): Promise<string[]> {
  const told = await db.notice.findMany({
    where: { shop, status: { in: ["sent", "sending", "queued"] } },
    select: { orderId: true, kind: true },
  });
  const shippedTold = new Set(told.filter((n) => n.kind === "shipped").map((n) => n.orderId));
  const candidates = [...new Set(told.map((n) => n.orderId))].filter((id) => !shippedTold.has(id));
  const rows = await db.trackedOrder.findMany({
    where: { shop, id: { in: candidates }, cancelledAt: null, unitsRemaining: { lte: 0 } },
    select: { id: true },
    orderBy: { createdAt: "asc" },
  });
  return rows.map((r) => r.id);
}

export type PlannedChange = NoticeKind | "keptOldDate";

export interface NoticePlan {
  total: number;
  willSend: number;
  first: number;
  sameDate: number;
  keptOldDate: number;
  earlier: number;
  overridden: number;
  /** "It has shipped" notices to customers told of a delay. */
  shipped: number;
  /** The shop's cadence: at most one routine update per order in this many days. */
  cadenceDays: number;
  /** Held by the rhythm: told within the cadence window and the date did not get worse. */
  tooSoon: number;
  /** Customers who asked to cancel: they hear nothing more. */
  cancelled: number;
  /** A later date for an order already told one, with no override reason. */
  blocked: Array<{ orderId: string; name: string; told: string; proposed: string }>;
  /** Everyone else not sent to, with the reason (at most 20 listed). */
  skipped: Array<{ name: string; reason: string }>;
  /** The first few orders that would be sent to, with what they would be told. */
  sample: Array<{ orderId: string; name: string; change: PlannedChange; from: string; to: string }>;
  /** The orders that would be sent to, in order. */
  orderIds: string[];
  /** Identifies exactly this list (orders, kinds, dates): the confirm step must see the same. */
  fingerprint: string;
}

export interface PlanOptions {
  overrideReason: string | null;
  confirmBetter: boolean;
  now: Date;
}

const SAMPLE_SIZE = 5;

export async function planNotices(
  db: PrismaClient,
  shop: string,
  orderIds: readonly string[],
  options: PlanOptions,
): Promise<NoticePlan> {
  const [decided, settings] = await Promise.all([
    decideForOrders(db, shop, orderIds, options),
    loadShopSettings(db, shop),
  ]);
  const plan: NoticePlan = {
    cadenceDays: settings.noticeCadenceDays,
    total: decided.length,
    willSend: 0,
    first: 0,
    sameDate: 0,
    keptOldDate: 0,
    earlier: 0,
    overridden: 0,
    shipped: 0,
    tooSoon: 0,
    cancelled: 0,
    blocked: [],
    skipped: [],
    sample: [],
    orderIds: [],
    fingerprint: "",
  };
  const hash = createHash("sha256");
  for (const { orderId, name, next } of decided) {
    if (!next.send) {
      if (next.blocked) {
        plan.blocked.push({
          orderId,
          name,
          told: next.blocked.told.to,
          proposed: next.blocked.proposed.to,
        });
        continue;
      }
      if (next.code === "too-soon") plan.tooSoon += 1;
      if (next.code === "cancelled") plan.cancelled += 1;
      if (plan.skipped.length < 20) plan.skipped.push({ name, reason: next.reason });
      continue;
    }
    const { notice } = next;
    const change: PlannedChange = notice.keptOldDate ? "keptOldDate" : notice.kind;
    plan.willSend += 1;
    if (change === "first") plan.first += 1;
    else if (change === "earlier") plan.earlier += 1;
    else if (change === "later") plan.overridden += 1;
    else if (change === "keptOldDate") plan.keptOldDate += 1;
    else if (change === "shipped") plan.shipped += 1;
    else plan.sameDate += 1;
    plan.orderIds.push(orderId);
    hash.update(`${orderId}|${change}|${notice.range.from}|${notice.range.to}\n`);
    if (plan.sample.length < SAMPLE_SIZE)
      plan.sample.push({ orderId, name, change, from: notice.range.from, to: notice.range.to });
  }
  plan.fingerprint = hash.digest("hex").slice(0, 32);
  return plan;
}

export type StartResult =
  | { ok: true; jobId: string; items: number }
  | { ok: false; plan: NoticePlan; message: string };

/**
 * Sends exactly the list the merchant reviewed. The plan is re-computed here; a different
 * fingerprint (someone was told meanwhile, a customer cancelled, the forecast moved) sends
 * nothing and returns the new plan to review.
 */
export async function startNoticeJob(
  db: PrismaClient,
  kind: JobKind<unknown>,
  input: {
    shop: string;
    orderIds: readonly string[];
    params: NoticeJobParams;
    createdBy: string | null;
    /** The staff member's name from their online token (app/staff/). */
    createdByName?: string | null;
    fingerprint: string;
    now: Date;
  },
): Promise<StartResult> {
  const plan = await planNotices(db, input.shop, input.orderIds, {
    overrideReason: input.params.overrideReason,
    confirmBetter: input.params.confirmBetter,
    now: input.now,
  });
  if (plan.fingerprint !== input.fingerprint)
    return {
      ok: false,
      plan,
      message: "The list changed since you reviewed it. Check it again before sending.",
    };
  if (plan.willSend === 0)
    return { ok: false, plan, message: "None of these orders can be sent a notice now." };
  const job = await createJob(db, {
    shop: input.shop,
    kind,
    params: input.params,
    orderIds: plan.orderIds,
    createdBy: input.createdBy,
    createdByName: input.createdByName ?? null,
  });
  return { ok: true, jobId: job.id, items: job.items };
}
