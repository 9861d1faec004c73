// The storefront page's "Waitlist while paused" switch, as the form posts it.
export const WAITLIST_INTENT = "waitlist";

/** true = offer the form, false = turn it off; null for anything else (answered 400). */
export function parseWaitlistForm(form: FormData): boolean | null {
  const value = form.get("waitlist");
  if (value === "on") return true;
  if (value === "off") return false;
  return null;
}
