// The shop's settings row: promise and capacity rules (JSON, validated by parseShopRules on every
// read), the sender's identity and the order-tag toggle. A shop that never saved settings gets
// the defaults in its own time zone, so its first forecast is already in the right calendar.
import type { PrismaClient } from "@prisma/client";
import { DEFAULT_CADENCE_DAYS } from "../notices/cadence";
import { DEFAULT_RULE_SET, parseRuleSet, type ConsentRuleSet } from "../consent/consent-rules";
import { DEFAULT_SHOP_RULES, parseShopRules, type ShopRules } from "../promise/shop-rules";

export interface ShopSettings {
  rules: ShopRules;
  senderName: string | null;
  senderRole: string | null;
  tagOrders: boolean;
  /** At most one routine customer update per order in this many days (app/notices/cadence.ts). */
  noticeCadenceDays: number;
  /** The consent law the shop follows (app/consent/consent-rules.ts); US FTC by default. */
  consentRuleSet: ConsentRuleSet;
  /** False while the shop runs on defaults (never saved the settings page). */
  saved: boolean;
}

type SettingsDb = Pick<PrismaClient, "shopSettings">;

export async function loadShopSettings(
  db: SettingsDb,
  shop: string,
  fallbackTimeZone?: string,
): Promise<ShopSettings> {
  const row = await db.shopSettings.findUnique({ where: { shop } });
  if (!row) {
    const rules = fallbackTimeZone
      ? parseShopRules({ ...DEFAULT_SHOP_RULES, timeZone: fallbackTimeZone })
      : DEFAULT_SHOP_RULES;
    return {
      rules,
      senderName: null,
      senderRole: null,
      tagOrders: false,
      noticeCadenceDays: DEFAULT_CADENCE_DAYS,
      consentRuleSet: DEFAULT_RULE_SET,
      saved: false,
    };
  }
  let json: unknown;
  try {
    json = JSON.parse(row.rules);
  } catch {
    throw new Error(`ShopSettings.rules for ${shop} is not JSON`);
  }
  return {
    rules: parseShopRules(json),
    senderName: row.senderName,
    senderRole: row.senderRole,
    tagOrders: row.tagOrders,
    noticeCadenceDays: row.noticeCadenceDays,
    consentRuleSet: parseRuleSet(row.consentRuleSet),
    saved: true,
  };
}

export interface SettingsToSave {
  rules: ShopRules;
  senderName: string | null;
  senderRole: string | null;
  tagOrders: boolean;
  /** Left as it is when omitted. */
  noticeCadenceDays?: number;
  /** Left as it is when omitted. */
  consentRuleSet?: ConsentRuleSet;
  updatedBy: string | null;
}

export async function saveShopSettings(
  db: SettingsDb,
  shop: string,
  settings: SettingsToSave,
): Promise<void> {
  const data = {
    rules: JSON.stringify(settings.rules),
    senderName: settings.senderName,
    senderRole: settings.senderRole,
    tagOrders: settings.tagOrders,
    ...(settings.noticeCadenceDays === undefined
      ? {}
      : { noticeCadenceDays: settings.noticeCadenceDays }),
    ...(settings.consentRuleSet === undefined ? {} : { consentRuleSet: settings.consentRuleSet }),
    updatedBy: settings.updatedBy,
  };
  await db.shopSettings.upsert({ where: { shop }, create: { shop, ...data }, update: data });
}
