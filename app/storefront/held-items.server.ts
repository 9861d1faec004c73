// Pausing one product, variant or collection on its own, and resuming it: the storefront page's
// "Pause one product or collection". The titles come from Shopify (not the browser), since the
// checkout's refusal names them; then the checkout validation, the notice and the state are
// written as every storefront change is (applyStorefrontSettings), with a line in the log.
import type { AdminGraphql } from "../admin-api/graphql.server";
import { ruleTitles } from "../settings/rule-titles.server";
import {
  heldKindOf,
  MAX_HELD_ITEMS,
  withHeld,
  withoutHeld,
  type HeldItem,
  type HeldItemsRequest,
} from "./held-items";
import {
  applyStorefrontSettings,
  HELD_ITEMS_REASON_PREFIX,
  loadStorefrontSettings,
  type Actor,
  type ApplyOptions,
} from "./storefront-mode.server";
import type { StorefrontSettings } from "./storefront-mode";

/** A pick the app cannot pause: unknown to Shopify, of another kind, or too many. Safe to show. */
export class HeldItemsError extends Error {
  override name = "HeldItemsError";
}

export async function changeHeldItems(options: {
  admin: AdminGraphql;
  db: ApplyOptions["db"];
  shop: string;
  request: HeldItemsRequest;
  actor: Actor;
  now: Date;
}): Promise<StorefrontSettings> {
  const { admin, db, shop, request } = options;
  const current = await loadStorefrontSettings(db, shop);
  let heldItems: HeldItem[];
  let reason: string;
  if (request.intent === "hold") {
    const titles = await ruleTitles(admin, request.ids);
    const added: HeldItem[] = request.ids.map((id) => {
      const kind = heldKindOf(id);
      const title = titles[id];
      if (!kind || title === undefined)
        throw new HeldItemsError(`Shopify does not know ${id}: pick it again.`);
      return { kind, id, title };
    });
    heldItems = withHeld(current.heldItems, added);
    if (heldItems.length > MAX_HELD_ITEMS)
      throw new HeldItemsError(`At most ${MAX_HELD_ITEMS} products and collections can be paused.`);
    reason = `${HELD_ITEMS_REASON_PREFIX} paused ${added.map((item) => `"${item.title}"`).join(", ")}`;
  } else {
    const item = current.heldItems.find((held) => held.id === request.id);
    if (!item) return current;
    heldItems = withoutHeld(current.heldItems, request.id);
    reason = `${HELD_ITEMS_REASON_PREFIX} resumed "${item.title}"`;
  }
  return applyStorefrontSettings({
    admin,
    db,
    shop,
    target: { ...current, heldItems },
    actor: options.actor,
    now: options.now,
    reason,
  });
}
