// A signed payload for a link a customer carries (a notice's choice links, a waitlist mail's
// unsubscribe link): base64url JSON, a dot, and an HMAC under a key derived from the app secret for
// one purpose. Derived, so a token's MAC can never be replayed as an app proxy or webhook signature
// (those use the secret directly), nor as a token of another purpose.
import { createHmac, timingSafeEqual } from "node:crypto";
import type { z } from "zod";

function mac(secret: string, purpose: string, body: string): Buffer {
  const key = createHmac("sha256", secret).update(purpose).digest();
  return createHmac("sha256", key).update(body).digest();
}

export function signPayload(secret: string, purpose: string, payload: unknown): string {
  const body = Buffer.from(JSON.stringify(payload)).toString("base64url");
  return `${body}.${mac(secret, purpose, body).toString("base64url")}`;
}

export type OpenedPayload<T> =
  | { ok: true; payload: T }
  | { ok: false; reason: "malformed" | "bad-signature" };

/** The payload, once its signature is checked (in constant time) and its shape parsed. */
export function openSignedPayload<T>(
  secret: string,
  purpose: string,
  token: string,
  schema: z.ZodType<T>,
): OpenedPayload<T> {
  const [body, signature, extra] = token.split(".");
  if (!body || !signature || extra !== undefined) return { ok: false, reason: "malformed" };
  const given = Buffer.from(signature, "base64url");
  const wanted = mac(secret, purpose, body);
  if (given.length !== wanted.length || !timingSafeEqual(given, wanted))
    return { ok: false, reason: "bad-signature" };
  let json: unknown;
  try {
    json = JSON.parse(Buffer.from(body, "base64url").toString("utf8"));
  } catch {
    return { ok: false, reason: "malformed" };
  }
  const parsed = schema.safeParse(json);
  return parsed.success ? { ok: true, payload: parsed.data } : { ok: false, reason: "malformed" };
}
