// Builders for the plain value objects the schema nests (money, addresses, counts). Their
// property names are the schema's field names; execute.ts answers NOT_SIMULATED for any field
// such an object lacks.
import { toGid } from "../gid";
import { toShopCents, type OrderCurrencies } from "../store/currency";
import type { AddressRecord } from "../store/records";

export function iso(ms: number): string;
export function iso(ms: number | null): string | null;
export function iso(ms: number | null): string | null {
  // Shopify's DateTime has second precision.
  return ms === null
    ? null
    : new Date(Math.floor(ms / 1000) * 1000).toISOString().replace(".000Z", "Z");
}

export function decimal(cents: number): string {
  const sign = cents < 0 ? "-" : "";
  const abs = Math.abs(Math.round(cents));
  return `${sign}${Math.floor(abs / 100)}.${String(abs % 100).padStart(2, "0")}`;
}

export function moneyV2(cents: number, currencyCode: string) {
  return { amount: decimal(cents), currencyCode };
}

/** An order's amount (presentment cents) in both currencies: shopMoney at the order's rate. */
export function moneyBag(presentmentCents: number, currencies: OrderCurrencies) {
  return {
    shopMoney: moneyV2(toShopCents(presentmentCents, currencies), currencies.shop),
    presentmentMoney: moneyV2(presentmentCents, currencies.presentment),
  };
}

export function count(total: number, limit: number | null | undefined) {
  if (limit !== null && limit !== undefined && total > limit)
    return { count: limit, precision: "AT_LEAST" };
  return { count: total, precision: "EXACT" };
}

export function mailingAddress(address: AddressRecord, ownerId: number, modelName: string) {
  return {
    id: `${toGid("MailingAddress", ownerId)}?model_name=${modelName}`,
    firstName: address.firstName,
    lastName: address.lastName,
    name: `${address.firstName} ${address.lastName}`,
    company: address.company,
    address1: address.address1,
    address2: address.address2,
    city: address.city,
    province: address.province,
    provinceCode: address.provinceCode,
    zip: address.zip,
    country: address.country,
    countryCodeV2: address.countryCode,
    phone: address.phone,
    formattedArea: `${address.city} ${address.provinceCode}, ${address.country}`,
  };
}
