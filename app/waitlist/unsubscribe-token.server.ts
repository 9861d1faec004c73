// The token in a waitlist mail's unsubscribe link: shop and signup, signed with a key derived from
// the app secret (a different derivation from the choice links', so neither token is the other).
// No expiry: an unsubscribe link must keep working long after the mail (RFC 8058 asks the link
// to work without further steps; a stale link that stops working would be a dead end).
import { createHmac, timingSafeEqual } from "node:crypto";
import { z } from "zod";

const payloadSchema = z.object({ s: z.string().min(1), w: z.string().min(1) });

function mac(secret: string, body: string): Buffer {
  const key = createHmac("sha256", secret).update("delay-desk/waitlist-unsubscribe/v1").digest();
  return createHmac("sha256", key).update(body).digest();
}

export function signUnsubscribeToken(
  secret: string,
  claims: { shop: string; signupId: string },
): string {
  const body = Buffer.from(JSON.stringify({ s: claims.shop, w: claims.signupId })).toString(
    "base64url",
  );
  return `${body}.${mac(secret, body).toString("base64url")}`;
}

export type UnsubscribeCheck =
  | { ok: true; signupId: string }
  | { ok: false; reason: "malformed" | "bad-signature" | "other-shop" };

export function verifyUnsubscribeToken(
  secret: string,
  token: string,
  shop: string,
): UnsubscribeCheck {
  const [body, signature, extra] = token.split(".");
  if (!body || !signature || extra !== undefined) return { ok: false, reason: "malformed" };
  const given = Buffer.from(signature, "base64url");
  const wanted = mac(secret, body);
  if (given.length !== wanted.length || !timingSafeEqual(given, wanted))
    return { ok: false, reason: "bad-signature" };
  let json: unknown;
  try {
    json = JSON.parse(Buffer.from(body, "base64url").toString("utf8"));
  } catch {
    return { ok: false, reason: "malformed" };
  }
  const payload = payloadSchema.safeParse(json);
  if (!payload.success) return { ok: false, reason: "malformed" };
  if (payload.data.s !== shop) return { ok: false, reason: "other-shop" };
  return { ok: true, signupId: payload.data.w };
}

/** The link in the mail: the shop's own domain, forwarded by Shopify's app proxy. */
export function unsubscribeUrl(secret: string, claims: { shop: string; signupId: string }): string {
  const url = new URL(`https://${claims.shop}/apps/delay-desk/unsubscribe`);
  url.searchParams.set("token", signUnsubscribeToken(secret, claims));
  return url.toString();
}
