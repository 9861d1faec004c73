// The settings page's "Save and re-forecast" as one use case: the new rules apply to new orders
// only, every order is re-forecast at once, and what depends on the rules and the forecast
// (Shopify's order tags, the storefront's delay banner, each product's own estimate) is brought in step.
import type { PrismaClient } from "@prisma/client";
import type { AdminGraphql } from "../admin-api/graphql.server";
import { reforecastShop, type ReforecastSummary } from "../orders/reforecast.server";
import type { OrderSync } from "../orders/sync.server";
import { freezeOpenPromises } from "../promise/open-promises.server";
import type { ShopRules } from "../promise/shop-rules";
import {
  keepDelayInStepWithForecast,
  refreshStorefrontNotice,
} from "../storefront/storefront-mode.server";
import { saveShopSettings, type SettingsToSave } from "./shop-settings.server";

export interface SaveSettingsServices {
  db: PrismaClient;
  admin: AdminGraphql;
  orderSync: Pick<OrderSync, "queueTagSync">;
}

export async function saveSettingsAndReforecast(
  services: SaveSettingsServices,
  input: { shop: string; current: ShopRules; next: SettingsToSave; now: Date },
): Promise<ReforecastSummary["counts"]> {
  const { db, admin } = services;
  const { shop, now } = input;
  // Orders not frozen yet were placed under the rules in force until now: freeze them under those
  // before the new ones take over, so the change applies to new orders only.
  await freezeOpenPromises(db, shop, input.current, now);
  await saveShopSettings(db, shop, input.next);
  const summary = await reforecastShop(db, shop, now);
  // Classes may have moved, or tagging was switched: bring Shopify's order tags in step, in the background.
  void services.orderSync.queueTagSync(shop);
  // Less capacity can mean a longer wait than the storefront's delay banner says: say so now.
  // Either way the notice is rewritten, so each product's page shows its new lead time.
  const stepped = await keepDelayInStepWithForecast({ admin, db, shop, now: new Date() });
  if (!stepped) await refreshStorefrontNotice({ admin, db, shop, now: new Date() });
  return summary.counts;
}
