// The shop's time zone from Shopify, asked only while the shop has no saved settings: until the
// merchant picks one, the defaults must still count days in the shop's own calendar.
import type { PrismaClient } from "@prisma/client";
import { z } from "zod";
import { adminQuery, type AdminGraphql } from "../admin-api/graphql.server";
import { timeZoneSchema as ianaZoneSchema } from "../promise/shop-rules";
import { perShopCache } from "../shop-data/per-shop-cache.server";
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

/** Shopify's zone for the shop, asked now (an action that saves it wants the current one). */
export async function shopTimeZone(admin: AdminGraphql, shop?: string): Promise<string> {
  const data = await adminQuery(admin, SHOP_TIME_ZONE_QUERY, timeZoneSchema);
  if (shop) knownZones.remember(shop, data.shop.ianaTimezone);
  return data.shop.ianaTimezone;
}

// A shop's zone changes when its owner changes it in Shopify's settings, seldom: pages that only
// show times take it from here, asked again after ten minutes (a save asks afresh).
const knownZones = perShopCache<string>({ ttlMs: 10 * 60_000 });

/** Shopify's zone for the shop, as recently known: what pages read while it has no saved settings. */
export function recentShopTimeZone(admin: AdminGraphql, shop: string): Promise<string> {
  return knownZones.get(shop, async () => {
    const data = await adminQuery(admin, SHOP_TIME_ZONE_QUERY, timeZoneSchema);
    return data.shop.ianaTimezone;
  });
}

/** Keeps a zone read from another answer of Shopify's (the dashboard's shop profile). */
export function rememberShopTimeZone(shop: string, zone: string): void {
  knownZones.remember(shop, zone);
}

/**
 * Saved settings, or the defaults in the shop's own time zone: asked of Shopify now, or, for a page
 * that only shows them (`zone: "recent"`), as recently known.
 */
export async function settingsForShop(
  db: Pick<PrismaClient, "shopSettings">,
  shop: string,
  admin: AdminGraphql,
  { zone = "now" }: { zone?: "now" | "recent" } = {},
): Promise<ShopSettings> {
  const saved = await loadShopSettings(db, shop);
  if (saved.saved) return saved;
  const shopZone =
    zone === "recent" ? await recentShopTimeZone(admin, shop) : await shopTimeZone(admin, shop);
  return loadShopSettings(db, shop, shopZone);
}
