// The token in a waitlist mail's unsubscribe link: shop and signup, signed for its own purpose
// (app/proxy/signed-token.server.ts: a different key from the choice links', so neither token is
// the other).
// No expiry: an unsubscribe link must keep working long after the mail (RFC 8058 asks the link
// to work without further steps; a stale link that stops working would be a dead end).
import { z } from "zod";
import { openSignedPayload, signPayload } from "../proxy/signed-token.server";

const payloadSchema = z.object({ s: z.string().min(1), w: z.string().min(1) });

const PURPOSE = "delay-desk/waitlist-unsubscribe/v1";

export function signUnsubscribeToken(
  secret: string,
  claims: { shop: string; signupId: string },
): string {
  return signPayload(secret, PURPOSE, { s: claims.shop, w: claims.signupId });
}

export type UnsubscribeCheck =
  | { ok: true; signupId: string }
  | { ok: false; reason: "malformed" | "bad-signature" | "other-shop" };

export function verifyUnsubscribeToken(
  secret: string,
  token: string,
  shop: string,
): UnsubscribeCheck {
  const opened = openSignedPayload(secret, PURPOSE, token, payloadSchema);
  if (!opened.ok) return opened;
  const payload = opened.payload;
  if (payload.s !== shop) return { ok: false, reason: "other-shop" };
  return { ok: true, signupId: payload.w };
}

/** The link in the mail: the shop's own domain, forwarded by Shopify's app proxy. */
export function unsubscribeUrl(secret: string, claims: { shop: string; signupId: string }): string {
  const url = new URL(`https://${claims.shop}/apps/delay-desk/unsubscribe`);
  url.searchParams.set("token", signUnsubscribeToken(secret, claims));
  return url.toString();
}
