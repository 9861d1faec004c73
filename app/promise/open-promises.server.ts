// The open orders' promises in the database: freezing the ones not frozen yet under the rules in
// force, and previewing a rules change against them. Every read and write is scoped by shop.
import type { PrismaClient } from "@prisma/client";
import { BACKLOG_ORDER_SELECT, backlogWhere } from "../orders/backlog";
import { parseTrackedLineItems } from "../orders/tracked-line-items";
import { promiseToFreeze } from "./frozen-promise";
import { createPromiser } from "./promised-ship-date";
import { previewRulesChange, type OpenOrder, type RulesChangePreview } from "./rules-change";
import type { ShopRules } from "./shop-rules";

type PromiseDb = Pick<PrismaClient, "trackedOrder" | "$transaction">;

async function openOrders(
  db: PromiseDb,
  shop: string,
  unfrozenOnly: boolean,
): Promise<OpenOrder[]> {
  const rows = await db.trackedOrder.findMany({
    where: { ...backlogWhere(shop), ...(unfrozenOnly ? { frozenPromiseDate: null } : {}) },
    select: BACKLOG_ORDER_SELECT,
  });
  return rows.map((row) => ({ ...row, lineItems: parseTrackedLineItems(row.lineItems, row.id) }));
}

/**
 * Freezes every open order that has no frozen promise yet, under `rules` (the rules in force
 * now). The settings page calls it before saving new rules, so an order imported a moment ago is
 * promised what the shop promised when it was placed, not what the new rules would say.
 */
export async function freezeOpenPromises(
  db: PromiseDb,
  shop: string,
  rules: ShopRules,
  now: Date,
): Promise<number> {
  const unfrozen = await openOrders(db, shop, true);
  if (unfrozen.length === 0) return 0;
  const promiser = createPromiser(rules);
  await db.$transaction(
    unfrozen.map((order) => {
      const promise = promiseToFreeze(order, promiser);
      return db.trackedOrder.updateMany({
        // frozenPromiseDate: null again, so a freeze that landed meanwhile is never overwritten.
        where: { shop, id: order.id, frozenPromiseDate: null },
        data: {
          frozenPromiseDate: promise.date,
          frozenPromiseSource: promise.source,
          promiseFrozenAt: now,
        },
      });
    }),
  );
  return unfrozen.length;
}

export async function previewShopRulesChange(
  db: PromiseDb,
  shop: string,
  current: ShopRules,
  proposed: ShopRules,
  now: Date,
): Promise<RulesChangePreview> {
  return previewRulesChange(await openOrders(db, shop, false), current, proposed, now);
}
