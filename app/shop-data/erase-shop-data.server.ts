// Everything Delay Desk stores belongs to one shop; these are the two ways it leaves.
import type { PrismaClient } from "@prisma/client";

/** On uninstall: the shop's credentials go at once (they are useless and must not linger). */
export async function forgetShopSessions(db: PrismaClient, shop: string): Promise<number> {
  const { count } = await db.session.deleteMany({ where: { shop } });
  return count;
}

/** shop/redact (48 h after uninstall): every row the app holds for the shop. */
export async function eraseShopData(db: PrismaClient, shop: string): Promise<{ sessions: number }> {
  return { sessions: await forgetShopSessions(db, shop) };
}
