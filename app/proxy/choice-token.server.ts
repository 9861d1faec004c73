// The per-order token in a notice's two links. Guest buyers have no customer id on the app proxy,
// so the link itself must prove which order it is about: a payload (shop, order, notice, expiry)
// signed with a key derived from the app secret. Derived, so a token's MAC can never be replayed
// as an app proxy or webhook signature, which use the secret directly.
import { createHmac, timingSafeEqual } from "node:crypto";
import { z } from "zod";

/** A notice's links stay good long enough for a customer who reads mail late; FTC delays run ~30 days. */
export const CHOICE_TOKEN_LIFETIME_DAYS = 60;

const payloadSchema = z.object({
  s: z.string().min(1), // shop domain
  o: z.string().min(1), // order GID
  n: z.string().min(1).nullable(), // notice id
  x: z.number().int(), // expiry, unix seconds
});

export interface ChoiceTokenClaims {
  shop: string;
  orderId: string;
  noticeId: string | null;
  expiresAt: Date;
}

export type TokenCheck =
  | { ok: true; claims: ChoiceTokenClaims }
  | { ok: false; reason: "malformed" | "bad-signature" | "expired" | "other-shop" };

function tokenKey(secret: string): Buffer {
  return createHmac("sha256", secret).update("delay-desk/choice-token/v1").digest();
}

function mac(secret: string, body: string): Buffer {
  return createHmac("sha256", tokenKey(secret)).update(body).digest();
}

export function signChoiceToken(secret: string, claims: ChoiceTokenClaims): string {
  const payload = {
    s: claims.shop,
    o: claims.orderId,
    n: claims.noticeId,
    x: Math.floor(claims.expiresAt.getTime() / 1000),
  };
  const body = Buffer.from(JSON.stringify(payload)).toString("base64url");
  return `${body}.${mac(secret, body).toString("base64url")}`;
}

export function verifyChoiceToken(
  secret: string,
  token: string,
  expected: { shop: string; now: Date },
): TokenCheck {
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
  const parsed = payloadSchema.safeParse(json);
  if (!parsed.success) return { ok: false, reason: "malformed" };
  const payload = parsed.data;
  // A token for one shop is useless on another, even though both share the app's secret.
  if (payload.s !== expected.shop) return { ok: false, reason: "other-shop" };
  if (payload.x * 1000 <= expected.now.getTime()) return { ok: false, reason: "expired" };
  return {
    ok: true,
    claims: {
      shop: payload.s,
      orderId: payload.o,
      noticeId: payload.n,
      expiresAt: new Date(payload.x * 1000),
    },
  };
}
