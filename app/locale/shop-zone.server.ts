// The clock the admin pages show times on (shop-time.ts): the shop's time zone — the saved
// settings' zone, which is Shopify's `shop { ianaTimezone }` (settings take it from Shopify), or
// Shopify's own as recently known while the shop has saved none (settings/shop-time-zone.server.ts)
// — in the merchant's locale (the admin's `locale` parameter or the browser's language). Loaders
// format on the server, so the page shows the same text as it hydrates.
import type { PrismaClient } from "@prisma/client";
import type { AdminGraphql } from "../admin-api/graphql.server";
import { staffLocale } from "../remedies/staff-money.server";
import { recentShopTimeZone, savedTimeZone } from "../settings/shop-time-zone.server";
import { shopDayOf } from "../staff/shop-day";
import { formatShopDate, formatShopTime } from "./shop-time";

export interface ShopClock {
  zone: string;
  locale: string;
  /** "Tue, Dec 1, 2026, 9:00 AM EST" */
  time(instant: Date | string): string;
  /** "Tue, Dec 1, 2026" for a shop-local YYYY-MM-DD */
  date(day: string): string;
  /** "Tue, Dec 1, 2026": the shop's calendar day of an instant */
  day(instant: Date | string): string;
}

export async function shopClock(
  request: Request,
  db: Pick<PrismaClient, "shopSettings">,
  shop: string,
  admin: AdminGraphql,
): Promise<ShopClock> {
  const zone = (await savedTimeZone(db, shop)) ?? (await recentShopTimeZone(admin, shop));
  const locale = staffLocale(request);
  return {
    zone,
    locale,
    time: (instant) => formatShopTime(instant, zone, locale),
    date: (day) => formatShopDate(day, locale),
    day: (instant) =>
      formatShopDate(
        shopDayOf(typeof instant === "string" ? new Date(instant) : instant, zone),
        locale,
      ),
  };
}
