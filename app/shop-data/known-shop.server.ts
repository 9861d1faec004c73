// Whether a shop ever installed Delay Desk, and whether it can be called now: the one place the
// webhook door (app/webhooks/verify-webhook.server.ts) and the sync queue ask.
import type { PrismaClient } from "@prisma/client";

type Db = Pick<PrismaClient, "session" | "shopInstall" | "orderSync">;

/** The offline session the library stores at token exchange (`offline_<shop>`), if it still exists. */
export async function hasOfflineSession(
  db: Pick<PrismaClient, "session">,
  shop: string,
): Promise<boolean> {
  return (await db.session.count({ where: { shop, isOnline: false } })) > 0;
}

/**
 * True for a shop that installed the app at some point, uninstalled since or not: the install record
 * (ShopInstall, written after auth and kept by app/uninstalled until shop/redact), else a stored
 * offline session or an order import (shops installed before the install record existed; an import
 * runs under an offline token). A shop with none of these never installed: its webhooks are refused.
 */
export async function isKnownShop(db: Db, shop: string): Promise<boolean> {
  if ((await db.shopInstall.count({ where: { shop } })) > 0) return true;
  if (await hasOfflineSession(db, shop)) return true;
  return (await db.orderSync.count({ where: { shop } })) > 0;
}
