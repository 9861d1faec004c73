// The promised ship date of one order: Shopify's own `FulfillmentOrder.fulfillBy` when it
// has one (the merchant or a shipping profile already promised that), else the shop's rules:
//
//   counts-from day = the order's local date if placed before the cut-off on an open day,
//                     otherwise the next open day;
//   promise         = counts-from day + lead time in business days (open days).
//
// So with lead time 0 an order placed Monday 10:00 (cut-off 14:00) is promised Monday, one
// placed Monday 15:00 is promised Tuesday, and one placed on Saturday is promised Monday.
import { z } from "zod";
import { createBusinessCalendar, type BusinessCalendar } from "./business-calendar";
import { leadTimeForOrder, type LeadTimeDecision, type PromiseLineItem } from "./lead-time";
import { addDays, type LocalDate } from "./local-date";
import { localDateOf, minutesOfHHMM, toShopLocal, type Instant } from "./shop-clock";
import type { ShopRules } from "./shop-rules";

export interface PromiseOrder {
  createdAt: Instant;
  lineItems: readonly PromiseLineItem[];
  /** FulfillmentOrder.fulfillBy (earliest across the order's fulfillment orders), if any. */
  fulfillBy?: Instant | null;
}

const instantSchema = z.union([z.date(), z.string().datetime({ offset: true })]);

/** For callers holding untrusted JSON (a bulk-query row, a queued job payload). */
export const promiseOrderSchema = z.object({
  createdAt: instantSchema,
  lineItems: z.array(
    z.object({
      quantity: z.number().int().min(0),
      productId: z.string().nullish(),
      variantId: z.string().nullish(),
      productTags: z.array(z.string()).default([]),
      collectionIds: z.array(z.string()).default([]),
    }),
  ),
  fulfillBy: instantSchema.nullish(),
});

export type ShipPromise =
  | { date: LocalDate; source: "fulfillBy" }
  | {
      date: LocalDate;
      source: "rules";
      /** The business day the lead time counts from (after cut-off and closures). */
      countsFrom: LocalDate;
      leadTime: LeadTimeDecision;
      placedAfterCutOff: boolean;
      placedOnClosedDay: boolean;
    };

export type Promiser = (order: PromiseOrder) => ShipPromise;

/** Build once per shop and reuse for every order: the calendar and its cache are shared. */
export function createPromiser(
  rules: ShopRules,
  calendar: BusinessCalendar = createBusinessCalendar(rules),
): Promiser {
  const cutOffMinute = minutesOfHHMM(rules.cutOffTime);
  return (order) => {
    if (order.fulfillBy)
      return { date: localDateOf(order.fulfillBy, rules.timeZone), source: "fulfillBy" };
    const placed = toShopLocal(order.createdAt, rules.timeZone);
    const placedAfterCutOff = placed.minuteOfDay >= cutOffMinute;
    const placedOnClosedDay = !calendar.isOpen(placed.date);
    const countsFrom = calendar.nextOpenOnOrAfter(
      placedAfterCutOff ? addDays(placed.date, 1) : placed.date,
    );
    const leadTime = leadTimeForOrder(order.lineItems, rules);
    return {
      date: calendar.addBusinessDays(countsFrom, leadTime.businessDays),
      source: "rules",
      countsFrom,
      leadTime,
      placedAfterCutOff,
      placedOnClosedDay,
    };
  };
}

export function promisedShipDate(order: PromiseOrder, rules: ShopRules): ShipPromise {
  return createPromiser(rules)(order);
}
