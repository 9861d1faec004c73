// Shopify's enums as the app parses them. Codegen writes them to app/types/admin.types.d.ts as
// types only (a declaration file has no values), so a parser here names what it accepts and
// `satisfies` proves that each value is one of Shopify's; the variables the app builds from parsed
// answers are then typed as the operation's input.
import { z } from "zod";
import type { CurrencyCode, RefundLineItemRestockType } from "../types/admin.types";

export const restockTypeSchema = z.enum([
  "CANCEL",
  "LEGACY_RESTOCK",
  "NO_RESTOCK",
  "RETURN",
]) satisfies z.ZodType<RefundLineItemRestockType>;

/**
 * A currency code from one of Shopify's `currencyCode` fields (typed CurrencyCode in the schema:
 * ISO 4217 codes, three capital letters), read back to pass in a mutation's input.
 */
export const currencyCodeSchema = z
  .string()
  .refine((code): code is CurrencyCode => /^[A-Z]{3}$/.test(code), "not an ISO 4217 currency code");
