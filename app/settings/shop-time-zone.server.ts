// The shop's time zone from Shopify, asked only while the shop has no saved settings: until the
// merchant picks one, the defaults must still count days in the shop's own calendar.
import type { PrismaClient } from "@prisma/client";
import { z } from "zod";
import { adminQuery, type AdminGraphql } from "../admin-api/graphql.server";
import { timeZoneSchema as ianaZoneSchema } from "../promise/shop-rules";
import { loadShopSettings, type ShopSettings } from "./shop-settings.server";

export const SHOP_TIME_ZONE_QUERY = `#graphql
  query ShopTimeZone {
    shop {
      ianaTimezone
    }
  }
`;

const timeZoneSchema = z.object({ shop: z.object({ ianaTimezone: z.string() }) });

const savedRules = z.object({ timeZone: ianaZoneSchema });

/** Only the zone of the saved rules: a page that shows times needs no more of them. */
export async function savedTimeZone(
  db: Pick<PrismaClient, "shopSettings">,
  shop: string,
): Promise<string | null> {
  const row = await db.shopSettings.findUnique({ where: { shop }, select: { rules: true } });
  if (!row) return null;
  try {
    const parsed = savedRules.safeParse(JSON.parse(row.rules));
    return parsed.success ? parsed.data.timeZone : null;
  } catch {
    return null;
  }
}

export async function shopTimeZone(admin: AdminGraphql): Promise<string> {
  const data = await adminQuery(admin, SHOP_TIME_ZONE_QUERY, timeZoneSchema);
  return data.shop.ianaTimezone;
}

/** Saved settings, or the defaults in the shop's own time zone. */
export async function settingsForShop(
  db: Pick<PrismaClient, "shopSettings">,
  shop: string,
  admin: AdminGraphql,
): Promise<ShopSettings> {
  const saved = await loadShopSettings(db, shop);
  return saved.saved ? saved : loadShopSettings(db, shop, await shopTimeZone(admin));
}
