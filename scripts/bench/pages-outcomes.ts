// The outcomes page's loader at the pages bench's size (issue 14 point 5, issue 15's page bound):
// the read of the per-week summary (loadOutcomes) beside its peer, the same figures aggregated
// over every notice, choice, job item and order on each request (naiveOutcomeRows). The shop's
// history is written first: a first notice to every order the forecast found late, sent over the
// last twelve weeks, a choice from every third customer told; the summary rows are then the
// oracle's own aggregate, so both reads answer the same question.
import type { PrismaClient } from "@prisma/client";
import { naiveOutcomeRows } from "../../app/outcomes/naive-outcomes.server";
import { lastWeeks, outcomesView } from "../../app/outcomes/outcome-metrics";
import { loadOutcomes } from "../../app/outcomes/outcomes.server";
import { loadShopSettings } from "../../app/settings/shop-settings.server";
import type { BenchRow } from "../bench";
import { fmtMs, percentile } from "./measure";

const CHUNK = 500;
const HOUR = 3_600_000;

async function seedHistory(db: PrismaClient, shop: string, now: Date): Promise<number> {
  const late = await db.orderOutcome.findMany({
    where: { shop, lateAt: { not: null } },
    select: { orderId: true },
  });
  for (let start = 0; start < late.length; start += CHUNK) {
    const chunk = late.slice(start, start + CHUNK);
    const sentAt = (i: number) => new Date(now.getTime() - ((start + i) % (12 * 7 * 24)) * HOUR);
    await db.notice.createMany({
      data: chunk.map((row, i) => ({
        shop,
        orderId: row.orderId,
        revision: 1,
        kind: "first",
        estimateFrom: "2026-12-20",
        estimateTo: "2026-12-31",
        toEmail: "customer@example.com",
        subject: "An update on your order",
        status: "sent",
        sentAt: sentAt(i),
      })),
    });
    await db.customerChoice.createMany({
      data: chunk
        .filter((_, i) => (start + i) % 3 === 0)
        .map((row, i) => ({
          shop,
          orderId: row.orderId,
          choice: i % 4 === 0 ? "cancel" : "wait",
          chosenAt: sentAt(i * 3),
        })),
    });
  }
  // The bench wrote notices and choices behind the recorders' backs: the summary is rebuilt from
  // the rows (the forecast pass already counted the late orders into it).
  const rows = await naiveOutcomeRows(db, shop, now);
  await db.outcomeWeek.deleteMany({ where: { shop } });
  await db.outcomeWeek.createMany({ data: rows.map((row) => ({ shop, ...row })) });
  return late.length;
}

export async function outcomesPageRows(
  db: PrismaClient,
  kind: "sqlite" | "postgresql",
  shop: string,
  now: Date,
  sample: (fn: () => Promise<unknown>) => Promise<number[]>,
): Promise<BenchRow[]> {
  const told = await seedHistory(db, shop, now);
  const ours = await sample(() => loadOutcomes(db, shop, now));
  const peer = await sample(async () => {
    const { rules } = await loadShopSettings(db, shop);
    return outcomesView(await naiveOutcomeRows(db, shop, now), lastWeeks(now, rules.timeZone, 12));
  });
  const p95 = (s: number[]) => percentile(s, 95);
  return [
    {
      figure: `${kind}: outcomes loader (${ours.length} runs)`,
      value: `p95 ${fmtMs(p95(ours))}`,
      note: `p50 ${fmtMs(percentile(ours, 50))}; aggregate over the rows (${told.toLocaleString("en-US")} notices, their choices, every order) p50 ${fmtMs(percentile(peer, 50))} p95 ${fmtMs(p95(peer))} → ${(p95(peer) / Math.max(p95(ours), 0.001)).toFixed(1)}×; goal ≤ 50 ms`,
    },
  ];
}
