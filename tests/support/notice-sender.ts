// A notice is signed by a person (the settings page's sender name and role); tests that send one
// save the same sample sender first, with the shop's rules in its time zone.
import type { PrismaClient } from "@prisma/client";
import { DEFAULT_SHOP_RULES, parseShopRules } from "../../app/promise/shop-rules";

export const SAMPLE_SENDER = { senderName: "Dawn Rivera", senderRole: "Operations manager" };

/** Saves the sample sender for the shop; a shop without settings gets the default rules. */
export async function saveSampleSender(
  db: PrismaClient,
  shop: string,
  { timeZone }: { timeZone?: string } = {},
): Promise<void> {
  const rules = timeZone ? parseShopRules({ ...DEFAULT_SHOP_RULES, timeZone }) : DEFAULT_SHOP_RULES;
  await db.shopSettings.upsert({
    where: { shop },
    create: { shop, rules: JSON.stringify(rules), ...SAMPLE_SENDER },
    update: SAMPLE_SENDER,
  });
}
