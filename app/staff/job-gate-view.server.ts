// What the job page shows of a money job's gate: why it waits, who approved or refused it and
// when, the undo window's end, who cancelled it, what the viewer may do, and the frozen list (the
// job's items: each order and amount exactly as it will run). Read only; scoped by shop.
import type { PrismaClient } from "@prisma/client";
import { formatMoney } from "../jobs/money";
import type { StaffIdentity } from "./staff-identity";
import { isApprover } from "./staff-rules";
import { staffRulesOf } from "./staff-rules.server";

export interface FrozenItem {
  orderId: string;
  orderName: string;
  amount: string | null;
  /**
   * The amount as staff read it ("$84.50"), or "—"; with the buyer's own currency beside it when
   * it differs ("$84.50 (CA$115.00 to the customer)", decision 008).
   */
  amountLabel: string;
  status: string;
  reason: string | null;
}

export interface JobGateView {
  needsApproval: boolean;
  approvalReason: string | null;
  /** Who may approve, for the page: "the account owner" or "the account owner or Ana Ruiz". */
  approvers: string;
  decision: "approved" | "refused" | null;
  decidedBy: string | null;
  /** ISO here; the job page shows it on the shop clock (app/locale/shop-zone.server.ts). */
  decidedAt: string | null;
  undoMinutes: number;
  startsAt: string | null;
  cancelledBy: string | null;
  cancelledAt: string | null;
  canApprove: boolean;
  /** Why the viewer may not approve, when they may not. */
  cannotApprove: string | null;
  frozen: FrozenItem[];
  /** Items beyond the ones listed (the CSV has them all). */
  moreItems: number;
}

const LISTED = 200;

export async function jobGateView(
  db: PrismaClient,
  shop: string,
  jobId: string,
  viewer: StaffIdentity | null,
  format: (amount: string) => string,
  formatCustomer: (amount: string, currencyCode: string) => string = formatMoney,
): Promise<JobGateView | null> {
  const gate = await db.jobGate.findFirst({ where: { jobId, shop } });
  if (!gate) return null;
  const job = await db.job.findFirst({ where: { id: jobId, shop }, select: { createdBy: true } });
  const rules = await staffRulesOf(db, shop);
  const approverRules = { ...rules, approverId: gate.approverId ?? rules.approverId };
  const total = await db.jobItem.count({ where: { shop, jobId } });
  const items = await db.jobItem.findMany({
    where: { shop, jobId },
    orderBy: { id: "asc" },
    take: LISTED,
    select: {
      orderId: true,
      amount: true,
      presentmentAmount: true,
      presentmentCurrencyCode: true,
      status: true,
      error: true,
    },
  });
  const names = await db.trackedOrder.findMany({
    where: { shop, id: { in: items.map((item) => item.orderId) } },
    select: { id: true, name: true, currencyCode: true },
  });
  const nameOf = new Map(names.map((row) => [row.id, row.name]));
  const currencyOf = new Map(names.map((row) => [row.id, row.currencyCode]));
  const label = (item: (typeof items)[number]): string => {
    if (item.amount === null) return "—";
    const shop = format(item.amount);
    const buyer = item.presentmentCurrencyCode;
    if (!buyer || !item.presentmentAmount || buyer === currencyOf.get(item.orderId)) return shop;
    return `${shop} (${formatCustomer(item.presentmentAmount, buyer)} to the customer)`;
  };
  let cannotApprove: string | null = null;
  if (!viewer) cannotApprove = "Shopify could not confirm who you are.";
  else if (!isApprover(viewer, approverRules))
    cannotApprove = `Only ${approversLabel(rules.approverName)} can approve.`;
  else if (job?.createdBy === viewer.id)
    cannotApprove = "You started this job: someone else approves it.";
  return {
    needsApproval: gate.needsApproval,
    approvalReason: gate.approvalReason,
    approvers: approversLabel(rules.approverName),
    decision: gate.decision === "approved" || gate.decision === "refused" ? gate.decision : null,
    decidedBy: gate.decidedByName ?? gate.decidedById,
    decidedAt: gate.decidedAt?.toISOString() ?? null,
    undoMinutes: gate.undoMinutes,
    startsAt: gate.startsAt?.toISOString() ?? null,
    cancelledBy: gate.cancelledByName ?? gate.cancelledById,
    cancelledAt: gate.cancelledAt?.toISOString() ?? null,
    canApprove: cannotApprove === null,
    cannotApprove,
    frozen: items.map((item) => ({
      orderId: item.orderId,
      orderName: nameOf.get(item.orderId) ?? item.orderId,
      amount: item.amount,
      amountLabel: label(item),
      status: item.status,
      reason: item.error,
    })),
    moreItems: Math.max(0, total - items.length),
  };
}

function approversLabel(approverName: string | null): string {
  return approverName ? `the account owner or ${approverName}` : "the account owner";
}
