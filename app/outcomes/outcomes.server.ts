// The outcomes page's read: the shop's summary rows for the last weeks (at most weeks × metrics ×
// currencies rows, whatever the shop's size), shaped by outcome-metrics.ts. Scoped by shop.
import type { PrismaClient } from "@prisma/client";
import { loadShopSettings } from "../settings/shop-settings.server";
import { lastWeeks, outcomesView, type OutcomesView } from "./outcome-metrics";

export const OUTCOME_WEEKS = 12;

export interface Outcomes extends OutcomesView {
  timeZone: string;
}

export async function loadOutcomes(
  db: Pick<PrismaClient, "outcomeWeek" | "shopSettings">,
  shop: string,
  now: Date,
  options: { fallbackTimeZone?: string; weeks?: number } = {},
): Promise<Outcomes> {
  const { rules } = await loadShopSettings(db, shop, options.fallbackTimeZone);
  const weeks = lastWeeks(now, rules.timeZone, options.weeks ?? OUTCOME_WEEKS);
  const rows = await db.outcomeWeek.findMany({
    where: { shop, week: { gte: weeks[0] ?? "" } },
    select: { week: true, metric: true, currency: true, count: true, total: true },
  });
  return { ...outcomesView(rows, weeks), timeZone: rules.timeZone };
}
