// The lines the app shows when Shopify withholds protected customer fields.
import type { CustomerDataAvailability } from "../admin-api/redactions";

export const EMAILS_UNAVAILABLE = "Customer emails are not available: notices are off until access is approved.";
export const NAMES_UNAVAILABLE = "Customer names are not available: notices greet customers without their first name.";

export function customerDataNotices(availability: CustomerDataAvailability): string[] {
  return [...(availability.emails ? [] : [EMAILS_UNAVAILABLE]), ...(availability.names ? [] : [NAMES_UNAVAILABLE])];
}
