// Renders one block of the extension the way Shopify would: settings from the schema defaults
// with the merchant's choices on top, the notice exposed as `app.metafields`, and the output
// wrapped in Shopify's app-block element.
import { NOTICE_METAFIELD, type StorefrontNotice } from "@delay-desk/contracts/notice-metafield";
import { readBlockSchema, type BlockName, type BlockSetting } from "./extension-files.js";
import { createShopifyLiquid } from "./shopify-liquid.js";

export type SettingValue = string | number | boolean;
export type BlockSettingsOverride = Readonly<Record<string, SettingValue>>;

/** What the product block can see of the product (a subset of Shopify's `product` object). */
export interface LiquidProduct {
  title: string;
  handle: string;
  available: boolean;
  /** Numeric, as Liquid's `product.id`; with the three below, what the blocks match `items` on. */
  id?: number;
  tags?: readonly string[];
  collections?: readonly { id: number }[];
  selected_or_first_available_variant?: { id: number } | null;
}

export interface RenderBlockInput {
  /** Already validated; null means the metafield is absent or unusable. */
  notice: StorefrontNotice | null;
  locale: string;
  product?: LiquidProduct;
  settings?: BlockSettingsOverride;
  blockId?: string;
  assetBaseUrl?: string;
  /**
   * Liquid's `shop.url`, where the banner's waitlist form posts (`{{ shop.url }}/apps/…`): on
   * Shopify the store's own origin; here the demo storefront's root, "/<shop>/storefront".
   */
  shopUrl?: string;
}

export const DEFAULT_ASSET_BASE_URL = "/storefront/assets/";

function checkOverride(
  block: BlockName,
  setting: BlockSetting | undefined,
  id: string,
  value: SettingValue,
) {
  if (!setting) throw new Error(`block ${block} has no setting "${id}"`);
  const ok =
    setting.type === "checkbox"
      ? typeof value === "boolean"
      : setting.type === "color"
        ? typeof value === "string" && /^(#[0-9a-f]{6})?$/i.test(value)
        : setting.type === "select"
          ? (setting.options ?? []).some((o) => o.value === value)
          : true;
  if (!ok) throw new Error(`setting "${id}" of block ${block} cannot be ${JSON.stringify(value)}`);
}

/** Schema defaults merged with overrides; an unknown id or a wrong type throws. */
export function resolveBlockSettings(
  block: BlockName,
  overrides: BlockSettingsOverride = {},
): Record<string, SettingValue> {
  const { settings } = readBlockSchema(block);
  const resolved: Record<string, SettingValue> = {};
  for (const setting of settings) {
    // Shopify gives a setting without a default a blank value.
    resolved[setting.id] = setting.default ?? (setting.type === "checkbox" ? false : "");
  }
  for (const [id, value] of Object.entries(overrides)) {
    checkOverride(
      block,
      settings.find((s) => s.id === id),
      id,
      value,
    );
    resolved[id] = value;
  }
  return resolved;
}

/** The HTML Shopify would put on the page for this block, including its wrapper. */
export function renderAppBlock(block: BlockName, input: RenderBlockInput): string {
  const blockId = input.blockId ?? `delay_desk_${block.replaceAll("-", "_")}`;
  const engine = createShopifyLiquid({
    locale: input.locale,
    assetBaseUrl: input.assetBaseUrl ?? DEFAULT_ASSET_BASE_URL,
  });
  const metafields = input.notice
    ? {
        [NOTICE_METAFIELD.namespace]: {
          [NOTICE_METAFIELD.key]: { type: NOTICE_METAFIELD.type, value: input.notice },
        },
      }
    : {};
  const html = engine.renderFileSync(block, {
    app: { metafields },
    block: {
      id: blockId,
      type: block,
      settings: resolveBlockSettings(block, input.settings),
      shopify_attributes: "",
    },
    product: input.product ?? null,
    shop: { url: input.shopUrl ?? "" },
    request: {
      locale: {
        iso_code: input.locale,
        root_url: input.locale === "en" ? "/" : `/${input.locale}`,
      },
      design_mode: false,
    },
  });
  return `<div id="shopify-block-${blockId}" class="shopify-block shopify-app-block">${html.trim()}</div>`;
}
