// The lines the app shows when Shopify withholds protected customer fields.
import type { CustomerDataAvailability } from "../admin-api/redactions";

export const ORDERS_UNAVAILABLE =
  "Orders are not available: Shopify has not approved Delay Desk for protected customer data, so no order can be imported or updated.";
export const EMAILS_UNAVAILABLE =
  "Customer emails are not available: notices are off until access is approved.";
export const NAMES_UNAVAILABLE =
  "Customer names are not available: notices greet customers without their first name.";

export function customerDataNotices(availability: CustomerDataAvailability): string[] {
  if (!availability.orders) return [ORDERS_UNAVAILABLE, EMAILS_UNAVAILABLE];
  return [
    ...(availability.emails ? [] : [EMAILS_UNAVAILABLE]),
    ...(availability.names ? [] : [NAMES_UNAVAILABLE]),
  ];
}
