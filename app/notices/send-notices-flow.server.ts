// The notices page's "Send notices" (review) and "Confirm" (send) as one use case each: what the
// page needs before it may send (customer emails, a saved notice, a named sender), the target
// turned into orders, then a plan to review or the job that sends exactly the reviewed list.
import type { PrismaClient } from "@prisma/client";
import type { AdminGraphql } from "../admin-api/graphql.server";
import { EMAILS_UNAVAILABLE } from "../customer-data/customer-data-notices";
import { loadShopOverview } from "../home/shop-overview.server";
import type { JobKind } from "../jobs/job-kind";
import { loadShopSettings } from "../settings/shop-settings.server";
import { parseOrderList } from "./composer.server";
import { noticeJobParams } from "./notice-job-params";
import { loadShopNoticeTemplate } from "./notice-template.server";
import {
  planNotices,
  resolveTarget,
  startNoticeJob,
  type NoticePlan,
  type NoticeTarget,
} from "./send-notices.server";

export type SendTarget = "selection" | "at_risk" | "overdue" | "late" | "shipped";

export interface SendRequest {
  shop: string;
  target: SendTarget;
  /** Comma-separated order ids, for target "selection". */
  orders: string;
  overrideReason: string;
  confirmBetter: boolean;
}

export interface SendServices {
  db: PrismaClient;
  admin: AdminGraphql;
  noticeKind: JobKind<unknown>;
}

export type SendOutcome =
  | { kind: "refused"; message: string }
  | { kind: "review"; plan: NoticePlan; message: string | null }
  | { kind: "started"; jobId: string };

function noticeTarget(request: SendRequest): NoticeTarget {
  if (request.target === "selection")
    return { kind: "selection", orderIds: parseOrderList(request.orders) };
  if (request.target === "shipped") return { kind: "shipped" };
  return {
    kind: "class",
    classes: request.target === "late" ? ["at_risk", "overdue"] : [request.target],
  };
}

/**
 * Review (no fingerprint) or send (the fingerprint of the plan the merchant reviewed). Refuses with
 * a message the page shows when the shop cannot send yet.
 */
export async function sendNotices(
  services: SendServices,
  request: SendRequest,
  confirm: { fingerprint: string; createdBy: string | null; createdByName: string | null } | null,
  now: Date,
): Promise<SendOutcome> {
  const { db, admin } = services;
  const [template, settings, overview] = await Promise.all([
    loadShopNoticeTemplate(db, admin, request.shop),
    loadShopSettings(db, request.shop),
    loadShopOverview(admin),
  ]);
  if (!overview.customerData.emails) return { kind: "refused", message: EMAILS_UNAVAILABLE };
  if (!template.saved)
    return { kind: "refused", message: "Save the notice first: it needs your reply-to address." };
  if (!settings.senderName)
    return {
      kind: "refused",
      message: "Add your name and role in Settings: notices come from a person.",
    };
  const orderIds = await resolveTarget(db, request.shop, noticeTarget(request));
  const options = {
    overrideReason: request.overrideReason || null,
    confirmBetter: request.confirmBetter,
  };
  if (!confirm) {
    const plan = await planNotices(db, request.shop, orderIds, { ...options, now });
    return { kind: "review", plan, message: null };
  }
  const result = await startNoticeJob(db, services.noticeKind, {
    shop: request.shop,
    orderIds,
    createdBy: confirm.createdBy,
    createdByName: confirm.createdByName,
    fingerprint: confirm.fingerprint,
    now,
    params: noticeJobParams(
      template,
      { name: settings.senderName, role: settings.senderRole, shopName: overview.shop.name },
      options,
    ),
  });
  if (!result.ok) return { kind: "review", plan: result.plan, message: result.message };
  return { kind: "started", jobId: result.jobId };
}
