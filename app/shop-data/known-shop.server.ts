// Whether a shop ever installed Delay Desk, and whether it can be called now. Kept in one place so
// the install record (issue 12, data lifecycle: a table of installed shops apart from sessions) can
// replace the evidence used here without touching the webhook routes or the sync queue.
import type { PrismaClient } from "@prisma/client";

type Db = Pick<PrismaClient, "session" | "orderSync">;

/** The offline session the library stores at token exchange (`offline_<shop>`), if it still exists. */
export async function hasOfflineSession(db: Pick<PrismaClient, "session">, shop: string): Promise<boolean> {
  return (await db.session.count({ where: { shop, isOnline: false } })) > 0;
}

/**
 * True for a shop that installed the app at some point. Until the install record exists, the
 * evidence is a stored offline session (installed now) or an order import (it ran under an offline
 * token, so the shop was installed then; app/uninstalled removes sessions but not imports). A shop
 * with neither never installed: its webhooks are refused (4xx) instead of being acted on.
 */
export async function isKnownShop(db: Db, shop: string): Promise<boolean> {
  if (await hasOfflineSession(db, shop)) return true;
  return (await db.orderSync.count({ where: { shop } })) > 0;
}
