// How staff see money on the remedy pages: in the shop's currency (the orders' shopMoney, which is
// what sync stores), formatted for the admin's language. The admin opens the app with `locale`
// (the staff member's admin language); later in-app requests fall back to Accept-Language.
import type { PrismaClient } from "@prisma/client";
import { formatMoney, usableLocale } from "../jobs/money";

export function staffLocale(request: Request): string {
  const fromAdmin = new URL(request.url).searchParams.get("locale");
  const header = request.headers.get("Accept-Language")?.split(",")[0]?.split(";")[0]?.trim();
  return usableLocale(fromAdmin || header);
}

/** The shop's currency as its synced orders carry it, or null before the first import. */
export async function shopCurrencyOf(db: PrismaClient, shop: string): Promise<string | null> {
  const row = await db.trackedOrder.findFirst({
    where: { shop },
    select: { currencyCode: true },
    // The newest order by an indexed column ([shop, createdAt]): no sort of every row.
    orderBy: { createdAt: "desc" },
  });
  return row?.currencyCode ?? null;
}

/** "CA$1,234.50", or the bare amount when no currency is known yet. */
export function staffMoney(amount: string, currencyCode: string | null, locale: string): string {
  return currencyCode ? formatMoney(amount, currencyCode, locale) : amount;
}
