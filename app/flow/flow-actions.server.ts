// What Delay Desk's three Flow actions do, through the same use cases the admin pages call: the
// delay notice through the notice job (its guard and rhythm decide, as on the notices page), a
// pause and its end through the storefront mode (checkout pause, banner, mode log). Each records
// the Flow run on the order timeline or the storefront log.
//
// Flow may send one run more than once ("the same action_run_id", retried on anything but a 200,
// https://shopify.dev/docs/apps/build/flow/actions/endpoints), so runFlowActionOnce keeps one
// FlowActionRun per action_run_id and answers a resend with the first outcome, acting once.
import type { PrismaClient } from "@prisma/client";
import { z } from "zod";
import type { AdminGraphql } from "../admin-api/graphql.server";
import { toGid } from "../admin-api/gid";
import { loadShopOverview } from "../home/shop-overview.server";
import { createJob } from "../jobs/jobs.server";
import type { JobKind } from "../jobs/job-kind";
import { noticeJobParams } from "../notices/notice-job-params";
import { loadShopNoticeTemplate } from "../notices/notice-template.server";
import { planNotices } from "../notices/send-notices.server";
import { loadShopSettings } from "../settings/shop-settings.server";
import {
  applyStorefrontSettings,
  loadStorefrontSettings,
  targetSettings,
  type Actor,
} from "../storefront/storefront-mode.server";
import type { StorefrontSettings } from "../storefront/storefront-mode";
import {
  orderReferenceSchema,
  pauseSalesPropertiesSchema,
  type FlowActionOutcome,
  type FlowActionRequest,
} from "./flow-action-request";

export const FLOW_ACTOR: Actor = { id: null, name: "Shopify Flow" };

export interface FlowActionContext {
  db: PrismaClient;
  admin: AdminGraphql;
  shop: string;
  request: FlowActionRequest;
  noticeKind: JobKind<unknown>;
  now: Date;
}

/** A run is taken over when its first try has been "running" longer than this (a crash). */
const STALE_RUN_MS = 2 * 60_000;

function isUniqueViolation(error: unknown): boolean {
  return typeof error === "object" && error !== null && "code" in error && error.code === "P2002";
}

export type RunAnswer =
  | { kind: "outcome"; outcome: FlowActionOutcome; replayed: boolean }
  | { kind: "busy" };

const storedResult = z.object({ summary: z.string().optional(), reason: z.string().optional() });

function storedOutcome(status: string, result: string | null): FlowActionOutcome {
  const parsed = storedResult.safeParse(result ? JSON.parse(result) : {});
  const stored = parsed.success ? parsed.data : {};
  return status === "refused"
    ? { status: "refused", reason: stored.reason ?? "" }
    : { status: "done", summary: stored.summary ?? "" };
}

/**
 * Acts once per action_run_id. A failure that may succeed later (Shopify unreachable) forgets
 * the run and throws, so Flow's retry acts afresh; an outcome (done or refused) is kept.
 */
export async function runFlowActionOnce(
  context: FlowActionContext,
  perform: (context: FlowActionContext) => Promise<FlowActionOutcome>,
): Promise<RunAnswer> {
  const { db, shop, request, now } = context;
  const key = { shop_actionRunId: { shop, actionRunId: request.action_run_id } };
  try {
    await db.flowActionRun.create({
      data: { shop, actionRunId: request.action_run_id, handle: request.handle, status: "running" },
    });
  } catch (error) {
    if (!isUniqueViolation(error)) throw error;
    const existing = await db.flowActionRun.findUnique({ where: key });
    if (!existing) return { kind: "busy" };
    if (existing.status !== "running")
      return {
        kind: "outcome",
        outcome: storedOutcome(existing.status, existing.result),
        replayed: true,
      };
    const takenOver = await db.flowActionRun.updateMany({
      where: {
        shop,
        actionRunId: request.action_run_id,
        status: "running",
        updatedAt: { lt: new Date(now.getTime() - STALE_RUN_MS) },
      },
      data: { status: "running" },
    });
    if (takenOver.count === 0) return { kind: "busy" };
  }
  let outcome: FlowActionOutcome;
  try {
    outcome = await perform(context);
  } catch (error) {
    await db.flowActionRun.deleteMany({ where: { shop, actionRunId: request.action_run_id } });
    throw error;
  }
  await db.flowActionRun.update({
    where: key,
    data: {
      status: outcome.status,
      result: JSON.stringify(
        outcome.status === "done"
          ? { summary: outcome.summary, ...outcome.detail }
          : { reason: outcome.reason },
      ),
    },
  });
  return { kind: "outcome", outcome, replayed: false };
}

function runReason(request: FlowActionRequest): string {
  return `Shopify Flow run ${request.action_run_id}`;
}

/** "Send delay notice": plans the order's notice as the notices page does and queues the job. */
export async function sendDelayNoticeFromFlow(
  context: FlowActionContext,
): Promise<FlowActionOutcome> {
  const { db, shop, request, now } = context;
  const parsed = orderReferenceSchema.safeParse(request.properties);
  if (!parsed.success)
    return { status: "refused", reason: "The action needs the order (order_id)." };
  const orderId = toGid("Order", parsed.data.order_id);
  const order = await db.trackedOrder.findUnique({
    where: { shop_id: { shop, id: orderId } },
    select: { id: true, name: true },
  });
  if (!order) return { status: "refused", reason: "Delay Desk does not track this order." };
  const [template, settings] = await Promise.all([
    loadShopNoticeTemplate(db, context.admin, shop),
    loadShopSettings(db, shop),
  ]);
  if (!template.saved)
    return { status: "refused", reason: "Save the delay notice in Delay Desk first." };
  if (!settings.senderName)
    return { status: "refused", reason: "Add the sender's name in Delay Desk's settings." };
  const overview = await loadShopOverview(context.admin);
  if (!overview.customerData.emails)
    return { status: "refused", reason: "Shopify does not give Delay Desk customers' emails." };
  const plan = await planNotices(db, shop, [orderId], {
    overrideReason: null,
    confirmBetter: false,
    now,
  });
  const record = (summary: string, detail: Record<string, unknown>) =>
    db.orderEvent.create({
      data: {
        shop,
        orderId,
        kind: "flow_action",
        actorId: "flow",
        actorName: FLOW_ACTOR.name,
        detail: JSON.stringify({
          summary,
          action: request.handle,
          actionRunId: request.action_run_id,
          ...detail,
        }),
      },
    });
  if (plan.willSend === 0) {
    const reason =
      plan.skipped[0]?.reason ??
      (plan.blocked.length > 0
        ? "A later date than the customer was told needs an override reason, given on the notices page."
        : "No notice is due for this order now.");
    const summary = `Shopify Flow asked for a delay notice; none sent: ${reason}`;
    await record(summary, { sent: false });
    return { status: "done", summary, detail: { sent: false } };
  }
  const job = await createJob(db, {
    shop,
    kind: context.noticeKind,
    params: noticeJobParams(
      template,
      { name: settings.senderName, role: settings.senderRole, shopName: overview.shop.name },
      { overrideReason: null, confirmBetter: false },
    ),
    orderIds: plan.orderIds,
    createdBy: "flow",
  });
  const summary = `Shopify Flow queued a delay notice for ${order.name}`;
  await record(summary, { sent: true, jobId: job.id });
  return { status: "done", summary, detail: { jobId: job.id } };
}

/** Applies the storefront change as Shopify Flow's, the run named as its reason. */
function applyFromFlow(
  context: FlowActionContext,
  target: StorefrontSettings,
): Promise<StorefrontSettings> {
  const { db, shop, request, now } = context;
  return applyStorefrontSettings({
    admin: context.admin,
    db,
    shop,
    target,
    actor: FLOW_ACTOR,
    now,
    reason: runReason(request),
  });
}

/** "Pause sales": the storefront page's pause, with no end date, logged as Shopify Flow's. */
export async function pauseSalesFromFlow(context: FlowActionContext): Promise<FlowActionOutcome> {
  const { db, shop, request } = context;
  const parsed = pauseSalesPropertiesSchema.safeParse(request.properties);
  if (!parsed.success)
    return { status: "refused", reason: parsed.error.issues[0]?.message ?? "Bad message." };
  const current = await loadStorefrontSettings(db, shop);
  if (current.mode === "paused") return { status: "done", summary: "Sales were already paused." };
  const target = await targetSettings(db, shop, current, {
    intent: "paused",
    source: "storefront",
    pausedUntil: null,
    message: parsed.data.message,
  });
  await applyFromFlow(context, target);
  return { status: "done", summary: "Sales paused." };
}

/** "Resume sales": ends a pause as the storefront page's "Resume sales" does. */
export async function resumeSalesFromFlow(context: FlowActionContext): Promise<FlowActionOutcome> {
  const { db, shop } = context;
  const current = await loadStorefrontSettings(db, shop);
  if (current.mode !== "paused") return { status: "done", summary: "Sales were not paused." };
  const target = await targetSettings(db, shop, current, {
    intent: "resume",
    source: "storefront",
  });
  await applyFromFlow(context, target);
  return { status: "done", summary: "Sales resumed." };
}
