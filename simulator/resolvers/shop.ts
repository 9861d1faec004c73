// The shop itself.
import { DateTime } from "luxon";
import { toGid } from "../gid";
import { z } from "zod";
import { connectionArgsSchema, paginate } from "../connection";
import type { LocationRecord, ShopRecord } from "../store/records";
import { defineType, hasTypename } from "./define";
import { iso } from "./values";

const PLAN_NAMES: Record<ShopRecord["plan"], string> = {
  STANDARD: "Shopify",
  ADVANCED: "Advanced",
  PLUS: "Shopify Plus",
};

export const shopType = defineType("Shop", hasTypename<ShopRecord>("Shop"), {
  id: (shop) => toGid("Shop", shop.id),
  name: (shop) => shop.name,
  email: (shop) => shop.email,
  contactEmail: (shop) => shop.email,
  shopOwnerName: (shop) => shop.shopOwnerName,
  myshopifyDomain: (shop) => shop.myshopifyDomain,
  url: (shop) => `https://${shop.primaryDomainHost}`,
  primaryDomain: (shop) => ({
    id: toGid("Domain", shop.id),
    host: shop.primaryDomainHost,
    url: `https://${shop.primaryDomainHost}`,
    sslEnabled: true,
  }),
  ianaTimezone: (shop) => shop.ianaTimezone,
  // Abbreviation and offset as of the store's `now`, like Shopify answers for the current moment.
  timezoneAbbreviation: (shop, _args, context) =>
    DateTime.fromJSDate(context.store.options.now, { zone: shop.ianaTimezone }).toFormat("ZZZZ"),
  timezoneOffset: (shop, _args, context) =>
    DateTime.fromJSDate(context.store.options.now, { zone: shop.ianaTimezone }).toFormat("ZZZ"),
  timezoneOffsetMinutes: (shop, _args, context) =>
    DateTime.fromJSDate(context.store.options.now, { zone: shop.ianaTimezone }).offset,
  currencyCode: (shop) => shop.currencyCode,
  enabledPresentmentCurrencies: (shop) => [shop.currencyCode, ...shop.presentmentCurrencies],
  locations: (_shop, rawArgs, context) => {
    const args = connectionArgsSchema
      .extend({
        includeInactive: z.boolean().nullish(),
        includeLegacy: z.boolean().nullish(),
        query: z.string().nullish(),
        sortKey: z.string().nullish(),
      })
      .parse(rawArgs);
    return paginate(
      args.reverse ? [...context.store.locations].reverse() : context.store.locations,
      args,
      "locations",
      (location) => ({ id: location.id, value: location.id }),
      args.reverse ? -1 : 1,
    );
  },
  weightUnit: () => "POUNDS",
  description: () => null,
  createdAt: (shop) => iso(shop.createdAt),
  plan: (shop) => ({
    displayName: PLAN_NAMES[shop.plan],
    publicDisplayName: PLAN_NAMES[shop.plan],
    partnerDevelopment: false,
    shopifyPlus: shop.plan === "PLUS",
  }),
  billingAddress: (shop) => ({
    id: toGid("ShopAddress", shop.id),
    address1: shop.billingAddress.address1,
    address2: shop.billingAddress.address2,
    city: shop.billingAddress.city,
    company: shop.billingAddress.company,
    country: shop.billingAddress.country,
    countryCodeV2: shop.billingAddress.countryCode,
    province: shop.billingAddress.province,
    provinceCode: shop.billingAddress.provinceCode,
    zip: shop.billingAddress.zip,
    phone: shop.billingAddress.phone,
    coordinatesValidated: false,
    formattedArea: `${shop.billingAddress.city} ${shop.billingAddress.provinceCode}, ${shop.billingAddress.country}`,
  }),
});

export const locationType = defineType("Location", hasTypename<LocationRecord>("Location"), {
  id: (location) => toGid("Location", location.id),
  legacyResourceId: (location) => String(location.id),
  name: (location) => location.name,
  isActive: () => true,
  isPrimary: (location) => location.primary,
  fulfillsOnlineOrders: () => true,
  hasActiveInventory: () => true,
  shipsInventory: () => true,
});
