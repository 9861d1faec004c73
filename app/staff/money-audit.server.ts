// After the fact: one job's every order with its amount, outcome and reason (the per-job report),
// and the money moved per shop day and per starter across the shop (the audit log). Money moved is
// the shop money Shopify reported for each done refund (the shipping cost back included), or the
// frozen amount for a done cancellation (orderCancel refunds the order in full and reports no
// sum). Customers' and the law's refunds are in the audit too, under "Customer" and "Delay Desk".
// Every read is scoped by shop.
import type { PrismaClient } from "@prisma/client";
import { z } from "zod";
import { starterLabel } from "../jobs/jobs.server";
import { fromMinorUnits, toMinorUnits } from "../jobs/money";
import type { AuditRow, JobReportRow } from "./job-report";
import { shopDayOf } from "./shop-day";
import { MONEY_KINDS, movesMoney } from "./start-staff-job.server";

const OUTCOME: Record<string, string> = {
  done: "Done",
  failed: "Failed",
  skipped: "Skipped",
  pending: "Not run",
  running: "Running",
};

// What a done refund's outcome says Shopify refunded (refund.server.ts: shop money, and the
// buyer's currency beside it).
const refundedSchema = z.object({
  outcome: z.object({
    amount: z.string(),
    presentmentAmount: z.string().optional(),
    presentmentCurrencyCode: z.string().optional(),
  }),
});

interface Moved {
  amount: string | null;
  customerAmount: string | null;
  customerCurrencyCode: string | null;
}

function refunded(result: string | null): z.infer<typeof refundedSchema>["outcome"] | null {
  if (!result) return null;
  try {
    const parsed = refundedSchema.safeParse(JSON.parse(result));
    return parsed.success ? parsed.data.outcome : null;
  } catch {
    // An unreadable result falls back to the frozen amount.
    return null;
  }
}

/** Shopify's reported refund for a done item; the frozen (planned) amounts otherwise. */
function movedAmount(item: {
  status: string;
  result: string | null;
  amount: string | null;
  presentmentAmount: string | null;
  presentmentCurrencyCode: string | null;
}): Moved {
  const frozen: Moved = {
    amount: item.amount,
    customerAmount: item.presentmentAmount,
    customerCurrencyCode: item.presentmentCurrencyCode,
  };
  if (item.status !== "done") return frozen;
  const done = refunded(item.result);
  if (!done) return frozen;
  return {
    amount: done.amount,
    customerAmount: done.presentmentAmount ?? null,
    customerCurrencyCode: done.presentmentCurrencyCode ?? null,
  };
}

/** Kinds that may move money; a shipping job does only in its refund mode (movesMoney). */
const AUDITED_KINDS = [...MONEY_KINDS, "shipping"];

function jobMovesMoney(kind: string, params: string): boolean {
  try {
    return movesMoney(kind, JSON.parse(params));
  } catch {
    return false;
  }
}

export async function jobReport(
  db: PrismaClient,
  shop: string,
  jobId: string,
): Promise<JobReportRow[] | null> {
  const job = await db.job.findFirst({ where: { id: jobId, shop }, select: { id: true } });
  if (!job) return null;
  const items = await db.jobItem.findMany({
    where: { shop, jobId },
    orderBy: { id: "asc" },
    select: {
      orderId: true,
      amount: true,
      presentmentAmount: true,
      presentmentCurrencyCode: true,
      status: true,
      error: true,
      result: true,
    },
  });
  const orders = new Map<string, { name: string; currencyCode: string }>();
  for (let start = 0; start < items.length; start += 500) {
    const rows = await db.trackedOrder.findMany({
      where: { shop, id: { in: items.slice(start, start + 500).map((item) => item.orderId) } },
      select: { id: true, name: true, currencyCode: true },
    });
    for (const row of rows) orders.set(row.id, row);
  }
  return items.map((item) => {
    const order = orders.get(item.orderId);
    return {
      orderName: order?.name ?? item.orderId,
      orderId: item.orderId,
      ...movedAmount(item),
      currencyCode: order?.currencyCode ?? null,
      outcome: OUTCOME[item.status] ?? item.status,
      reason: item.error ?? "",
    };
  });
}

/**
 * Money moved per shop day (midnight to midnight in `timeZone`, the shop's) and per starter,
 * newest day first, over the last `days` days.
 */
export async function moneyAudit(
  db: PrismaClient,
  shop: string,
  timeZone: string,
  now = new Date(),
  days = 90,
): Promise<AuditRow[]> {
  const since = new Date(now.getTime() - days * 86_400_000);
  const candidates = await db.job.findMany({
    where: { shop, kind: { in: AUDITED_KINDS }, createdAt: { gte: since } },
    select: { id: true, kind: true, params: true, createdBy: true, createdByName: true },
  });
  const jobs = candidates.filter((job) => jobMovesMoney(job.kind, job.params));
  const byJob = new Map(jobs.map((job) => [job.id, job]));
  const currency = await db.trackedOrder.findFirst({
    where: { shop },
    select: { currencyCode: true },
    orderBy: { updatedAt: "desc" },
  });
  const groups = new Map<
    string,
    { row: Omit<AuditRow, "amount" | "jobs">; units: number; jobs: Set<string> }
  >();
  for (let start = 0; start < jobs.length; start += 200) {
    const items = await db.jobItem.findMany({
      where: {
        shop,
        status: "done",
        jobId: { in: jobs.slice(start, start + 200).map((j) => j.id) },
      },
      select: {
        jobId: true,
        status: true,
        amount: true,
        presentmentAmount: true,
        presentmentCurrencyCode: true,
        result: true,
        updatedAt: true,
      },
    });
    for (const item of items) {
      const job = byJob.get(item.jobId);
      if (!job) continue;
      const day = shopDayOf(item.updatedAt, timeZone);
      const key = `${day}\u0000${job.createdBy ?? ""}`;
      const group = groups.get(key) ?? {
        row: {
          day,
          staffId:
            job.createdBy === "customer" || job.createdBy === "system" ? null : job.createdBy,
          staff: starterLabel(job.createdBy, job.createdByName),
          orders: 0,
          currencyCode: currency?.currencyCode ?? null,
        },
        units: 0,
        jobs: new Set<string>(),
      };
      group.row.orders += 1;
      group.units += toMinorUnits(movedAmount(item).amount ?? "0");
      group.jobs.add(item.jobId);
      groups.set(key, group);
    }
  }
  return [...groups.values()]
    .map((g) => ({ ...g.row, jobs: g.jobs.size, amount: fromMinorUnits(g.units) }))
    .sort((a, b) => (a.day === b.day ? a.staff.localeCompare(b.staff) : a.day < b.day ? 1 : -1));
}
