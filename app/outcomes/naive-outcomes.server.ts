// The same weekly rows as OutcomeWeek, aggregated from the rows themselves on every call: the
// notices, the customers' choices, the job items and the orders (with OrderOutcome's per-order
// facts for what no other table keeps: when an order first became late, when it left the
// backlog). Too slow for a page at 100k orders — it is the integration tests' oracle for the
// summary and the bench's peer (`npm run bench -- pages`, "outcomes"). Scoped by shop.
import type { PrismaClient } from "@prisma/client";
import { z } from "zod";
import { toMinorUnits } from "../jobs/money";
import { loadShopSettings } from "../settings/shop-settings.server";
import { shopDayOf } from "../staff/shop-day";
import { lastWeeks, METRICS, noticeMetric, weekOf, type OutcomeRow } from "./outcome-metrics";
import { OUTCOME_WEEKS } from "./outcomes.server";

const refunded = z.object({
  outcome: z.object({ amount: z.string(), currencyCode: z.string() }),
});

function refundOf(result: string | null): { amount: string; currencyCode: string } | null {
  if (!result) return null;
  try {
    const parsed = refunded.safeParse(JSON.parse(result));
    return parsed.success ? parsed.data.outcome : null;
  } catch {
    return null;
  }
}

export async function naiveOutcomeRows(
  db: PrismaClient,
  shop: string,
  now: Date,
  weeks = OUTCOME_WEEKS,
): Promise<OutcomeRow[]> {
  const { rules } = await loadShopSettings(db, shop);
  const zone = rules.timeZone;
  const first = lastWeeks(now, zone, weeks)[0] ?? "";
  const rows = new Map<string, OutcomeRow>();
  const add = (week: string, metric: string, count: number, total = 0, currency = "") => {
    if (week < first) return;
    const key = `${week}|${metric}|${currency}`;
    const row = rows.get(key) ?? { week, metric, currency, count: 0, total: 0 };
    row.count += count;
    row.total += total;
    rows.set(key, row);
  };

  const notices = await db.notice.findMany({
    where: { shop, status: "sent", sentAt: { not: null } },
    select: { kind: true, sentAt: true },
  });
  for (const n of notices) if (n.sentAt) add(weekOf(n.sentAt, zone), noticeMetric(n.kind), 1);

  const choices = await db.customerChoice.findMany({
    where: { shop },
    select: { orderId: true, choice: true, chosenAt: true },
  });
  const waited = new Set<string>();
  for (const c of choices) {
    add(weekOf(c.chosenAt, zone), c.choice === "cancel" ? METRICS.cancel : METRICS.wait, 1);
    if (c.choice === "wait") waited.add(c.orderId);
  }

  const jobs = await db.job.findMany({
    where: { shop, kind: { in: ["refund", "shipping", "cancel_refund"] } },
    select: { id: true, kind: true },
  });
  const kindOf = new Map(jobs.map((job) => [job.id, job.kind]));
  const items = await db.jobItem.findMany({
    where: { shop, status: "done", jobId: { in: [...kindOf.keys()] } },
    select: { jobId: true, orderId: true, amount: true, result: true, updatedAt: true },
  });
  const orders = await db.trackedOrder.findMany({
    where: { shop },
    select: {
      id: true,
      currencyCode: true,
      totalAmount: true,
      cancelledAt: true,
      displayFulfillmentStatus: true,
      frozenPromiseDate: true,
      promisedShipDate: true,
    },
  });
  const orderOf = new Map(orders.map((order) => [order.id, order]));
  for (const item of items) {
    const money =
      kindOf.get(item.jobId) === "cancel_refund"
        ? item.amount
          ? { amount: item.amount, currencyCode: orderOf.get(item.orderId)?.currencyCode ?? "" }
          : null
        : refundOf(item.result);
    if (money)
      add(
        weekOf(item.updatedAt, zone),
        METRICS.refund,
        1,
        toMinorUnits(money.amount),
        money.currencyCode,
      );
  }

  const facts = await db.orderOutcome.findMany({ where: { shop } });
  for (const fact of facts) {
    if (fact.lateWeek) add(fact.lateWeek, METRICS.late, 1);
    if (fact.lateAt && fact.lateWeek && fact.noticedAt && fact.noticedAt >= fact.lateAt)
      add(
        fact.lateWeek,
        METRICS.lateToNotice,
        1,
        Math.round((fact.noticedAt.getTime() - fact.lateAt.getTime()) / 1000),
      );
    const order = orderOf.get(fact.orderId);
    if (!fact.finishedAt || !order) continue;
    if (order.cancelledAt !== null || order.displayFulfillmentStatus !== "FULFILLED") continue;
    const week = weekOf(fact.finishedAt, zone);
    add(week, METRICS.shipped, 1);
    const promised = order.frozenPromiseDate ?? order.promisedShipDate;
    if (promised && shopDayOf(fact.finishedAt, zone) <= promised)
      add(week, METRICS.shippedOnTime, 1);
    if (waited.has(order.id))
      add(week, METRICS.kept, 1, toMinorUnits(order.totalAmount), order.currencyCode);
  }
  return [...rows.values()].filter((row) => row.count !== 0 || row.total !== 0);
}
