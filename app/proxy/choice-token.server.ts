// The per-order token in a notice's two links. Guest buyers have no customer id on the app proxy,
// so the link itself must prove which order it is about: a payload (shop, order, notice, expiry)
// signed for this purpose (signed-token.server.ts).
import { z } from "zod";
import { openSignedPayload, signPayload } from "./signed-token.server";

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

const PURPOSE = "delay-desk/choice-token/v1";

export function signChoiceToken(secret: string, claims: ChoiceTokenClaims): string {
  const payload = {
    s: claims.shop,
    o: claims.orderId,
    n: claims.noticeId,
    x: Math.floor(claims.expiresAt.getTime() / 1000),
  };
  return signPayload(secret, PURPOSE, payload);
}

export function verifyChoiceToken(
  secret: string,
  token: string,
  expected: { shop: string; now: Date },
): TokenCheck {
  const opened = openSignedPayload(secret, PURPOSE, token, payloadSchema);
  if (!opened.ok) return opened;
  const payload = opened.payload;
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
