// The staff member behind a request, as Shopify knows them: token exchange of the request's session
// token for an online access token (requested_token_type
// urn:shopify:params:oauth:token-type:online-access-token; the body is the one @shopify/shopify-api
// sends, Shopify/shopify-app-js packages/apps/shopify-api/lib/auth/oauth/token-exchange.ts, and
// the endpoint is https://shopify.dev/docs/apps/build/authentication-authorization/access-tokens/token-exchange).
// Only who they are and their scopes are kept; the online token itself is dropped, because the
// app's Admin calls stay on the shop's offline session (jobs run after the request is gone).
// An answer is kept for a minute per shop and staff member: the job page polls every second, and a
// permission Shopify withdraws reaches the app within that minute.
import { abstractFetch } from "@shopify/shopify-api/runtime";
import { appEnv } from "../env.server";
import { identityFrom, onlineTokenResponseSchema, type StaffIdentity } from "./staff-identity";

const KEEP_MS = 60_000;
const known = new Map<string, { identity: StaffIdentity; until: number }>();

/** The raw session token of a request: App Bridge's bearer header, or admin's `id_token` on first load. */
export function rawSessionToken(request: Request): string | null {
  const header = request.headers.get("authorization");
  const bearer = header?.match(/^Bearer (.+)$/i)?.[1];
  return bearer ?? new URL(request.url).searchParams.get("id_token");
}

/**
 * Who `userId` (the verified session token's `sub`) is, or null when Shopify did not say (the
 * exchange failed): callers that gate money treat null as "not allowed".
 */
export async function staffIdentity(
  request: Request,
  shop: string,
  userId: string,
  now: number = Date.now(),
): Promise<StaffIdentity | null> {
  const cacheKey = `${shop}\u0000${userId}`;
  const cached = known.get(cacheKey);
  if (cached && cached.until > now) return cached.identity;
  const token = rawSessionToken(request);
  if (!token) return null;
  const env = appEnv();
  try {
    const response = await abstractFetch(`https://${shop}/admin/oauth/access_token`, {
      method: "POST",
      headers: { "Content-Type": "application/json", Accept: "application/json" },
      body: JSON.stringify({
        client_id: env.SHOPIFY_API_KEY,
        client_secret: env.SHOPIFY_API_SECRET,
        grant_type: "urn:ietf:params:oauth:grant-type:token-exchange",
        subject_token: token,
        subject_token_type: "urn:ietf:params:oauth:token-type:id_token",
        requested_token_type: "urn:shopify:params:oauth:token-type:online-access-token",
        expiring: "0",
      }),
    });
    if (!response.ok) return null;
    const parsed = onlineTokenResponseSchema.safeParse(await response.json());
    if (!parsed.success) return null;
    const identity = identityFrom(parsed.data);
    // The token is for whoever signed the session token; a mismatch means it is not this request's.
    if (identity.id !== userId) return null;
    known.set(cacheKey, { identity, until: now + KEEP_MS });
    return identity;
  } catch {
    return null;
  }
}

/** The staff member of an authenticated admin request, or null (no `sub`, or Shopify did not say). */
export async function requestStaff(
  request: Request,
  shop: string,
  sub: string | undefined,
): Promise<StaffIdentity | null> {
  return sub ? staffIdentity(request, shop, sub) : null;
}
