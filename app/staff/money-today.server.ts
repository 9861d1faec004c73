// What staff money jobs started today add up to, for the daily limit: every gated job (those are
// the staff-started money jobs) created since the start of the shop's day (its own time zone,
// shop-day.ts), approved or still waiting,
// but not refused or cancelled. A customer's or the law's refunds are not staff jobs and do not
// count against staff limits.
import type { Prisma } from "@prisma/client";
import { sumMoney } from "../jobs/money";
import { startOfShopDay } from "./shop-day";
import type { JobSize } from "./staff-rules";

export async function dayTotals(
  tx: Prisma.TransactionClient,
  shop: string,
  day: { now: Date; timeZone: string },
  excludeJobId: string,
): Promise<JobSize> {
  const gates = await tx.jobGate.findMany({
    where: {
      shop,
      createdAt: { gte: startOfShopDay(day.now, day.timeZone), lte: day.now },
      jobId: { not: excludeJobId },
    },
    select: { jobId: true },
  });
  const live = await tx.job.findMany({
    where: { shop, id: { in: gates.map((g) => g.jobId) }, status: { not: "cancelled" } },
    select: { id: true },
  });
  const items = await tx.jobItem.findMany({
    where: { shop, jobId: { in: live.map((job) => job.id) } },
    select: { amount: true },
  });
  return { amount: sumMoney(items.map((item) => item.amount)), orders: items.length };
}
