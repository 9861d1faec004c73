// Session tokens as Shopify admin mints them for an embedded app: an HS256 JWT signed with the
// app's API secret. The simulator plays Shopify admin, so it mints them (for the admin frame and
// App Bridge stand-in) and verifies them (for token exchange). node:crypto is enough for HS256.
import { createHmac, randomUUID, timingSafeEqual } from "node:crypto";
import { z } from "zod";

export interface MintSessionTokenOptions {
  shop: string;
  apiKey: string;
  apiSecret: string;
  userId: number | string;
  now?: Date;
  ttlSeconds?: number;
  /** Shopify's sid identifies the admin login session; stable per user unless given. */
  sessionId?: string;
}

// Shopify admin hands out tokens that live one minute; App Bridge fetches a new one before then.
export const SESSION_TOKEN_TTL_SECONDS = 60;
// The same leeway @shopify/shopify-api allows (JWT_PERMITTED_CLOCK_TOLERANCE), so a token the app
// accepts is one the simulator accepts.
export const CLOCK_TOLERANCE_SECONDS = 10;

const sessionTokenPayload = z.object({
  iss: z.string(),
  dest: z.string(),
  aud: z.string(),
  sub: z.string(),
  exp: z.number(),
  nbf: z.number(),
  iat: z.number(),
  jti: z.string(),
  sid: z.string(),
});
export type SessionTokenPayload = z.infer<typeof sessionTokenPayload>;

const jwtHeader = z.object({ alg: z.literal("HS256"), typ: z.string().optional() });

function base64url(input: string | Buffer): string {
  return Buffer.from(input).toString("base64url");
}

function sign(signingInput: string, secret: string): Buffer {
  return createHmac("sha256", secret).update(signingInput).digest();
}

function stableSessionId(shop: string, userId: string, apiSecret: string): string {
  return createHmac("sha256", apiSecret).update(`sid:${shop}:${userId}`).digest("hex").slice(0, 32);
}

export function mintSessionToken(options: MintSessionTokenOptions): string {
  const nowSeconds = Math.floor((options.now ?? new Date()).getTime() / 1000);
  const userId = String(options.userId);
  const payload: SessionTokenPayload = {
    iss: `https://${options.shop}/admin`,
    dest: `https://${options.shop}`,
    aud: options.apiKey,
    sub: userId,
    exp: nowSeconds + (options.ttlSeconds ?? SESSION_TOKEN_TTL_SECONDS),
    nbf: nowSeconds,
    iat: nowSeconds,
    jti: randomUUID(),
    sid: options.sessionId ?? stableSessionId(options.shop, userId, options.apiSecret),
  };
  const signingInput = `${base64url(JSON.stringify({ alg: "HS256", typ: "JWT" }))}.${base64url(JSON.stringify(payload))}`;
  return `${signingInput}.${sign(signingInput, options.apiSecret).toString("base64url")}`;
}

export type SessionTokenFailure =
  | "malformed"
  | "bad_signature"
  | "expired"
  | "not_yet_valid"
  | "wrong_audience";
export type VerifiedSessionToken =
  | { ok: true; payload: SessionTokenPayload; shop: string }
  | { ok: false; reason: SessionTokenFailure };

function parseJsonSegment(segment: string): unknown {
  try {
    return JSON.parse(Buffer.from(segment, "base64url").toString("utf8"));
  } catch {
    return undefined;
  }
}

/** Checks signature, algorithm, exp/nbf (with the library's leeway) and aud; returns the shop from dest. */
export function verifySessionToken(
  token: string,
  apiSecret: string,
  apiKey: string,
  now: Date = new Date(),
): VerifiedSessionToken {
  const parts = token.split(".");
  if (parts.length !== 3) return { ok: false, reason: "malformed" };
  const [headerPart, payloadPart, signaturePart] = parts as [string, string, string];
  if (!jwtHeader.safeParse(parseJsonSegment(headerPart)).success)
    return { ok: false, reason: "malformed" };

  const expected = sign(`${headerPart}.${payloadPart}`, apiSecret);
  const given = Buffer.from(signaturePart, "base64url");
  if (given.length !== expected.length || !timingSafeEqual(given, expected))
    return { ok: false, reason: "bad_signature" };

  const parsed = sessionTokenPayload.safeParse(parseJsonSegment(payloadPart));
  if (!parsed.success) return { ok: false, reason: "malformed" };
  const payload = parsed.data;
  const nowSeconds = Math.floor(now.getTime() / 1000);
  if (payload.exp + CLOCK_TOLERANCE_SECONDS <= nowSeconds) return { ok: false, reason: "expired" };
  if (payload.nbf - CLOCK_TOLERANCE_SECONDS > nowSeconds)
    return { ok: false, reason: "not_yet_valid" };
  if (payload.aud !== apiKey) return { ok: false, reason: "wrong_audience" };
  const shop = payload.dest.replace(/^https:\/\//, "");
  return { ok: true, payload, shop };
}
