// The refresh_token grant, sent exactly as @shopify/shopify-api's auth.refreshToken sends it
// (Shopify/shopify-app-js packages/apps/shopify-api/lib/auth/oauth/refresh-token.ts: JSON
// { client_id, client_secret, refresh_token, grant_type: "refresh_token" } to
// https://<shop>/admin/oauth/access_token). It goes through the library's runtime fetch, so the
// simulator seam (admin-origin.server.ts) applies. The Remix package keeps its `api` object
// private, which is why this is not a call to the library itself.
import { HttpResponseError } from "@shopify/shopify-api";
import { abstractFetch } from "@shopify/shopify-api/runtime";
import { oauthErrorSchema, refreshAnswerSchema, type RefreshAnswer } from "./offline-token";

export interface AppCredentials {
  apiKey: string;
  apiSecret: string;
}

/** Shopify refused the refresh token itself (400 invalid_grant): retrying it cannot help. */
export class RefreshTokenRefused extends Error {
  override name = "RefreshTokenRefused";
  constructor(
    readonly shop: string,
    readonly error: string,
  ) {
    super(`Shopify refused the offline refresh token of ${shop} (${error}).`);
  }
}

async function readJson(response: Response): Promise<unknown> {
  try {
    return await response.json();
  } catch {
    return null;
  }
}

/**
 * Trades `refreshToken` for a new pair. Throws RefreshTokenRefused on invalid_grant, and the
 * library's HttpResponseError for any other failed answer (5xx: transient; callers retry). Never
 * puts a token in an error message.
 */
export async function refreshOfflineToken(
  app: AppCredentials,
  shop: string,
  refreshToken: string,
): Promise<RefreshAnswer> {
  const response = await abstractFetch(`https://${shop}/admin/oauth/access_token`, {
    method: "POST",
    headers: { "Content-Type": "application/json", Accept: "application/json" },
    body: JSON.stringify({
      client_id: app.apiKey,
      client_secret: app.apiSecret,
      refresh_token: refreshToken,
      grant_type: "refresh_token",
    }),
  });
  const body = await readJson(response);
  if (!response.ok) {
    const oauthError = oauthErrorSchema.safeParse(body);
    if (response.status === 400 && oauthError.success && oauthError.data.error === "invalid_grant")
      throw new RefreshTokenRefused(shop, oauthError.data.error);
    throw new HttpResponseError({
      message: `Refreshing the offline token of ${shop} failed: ${response.status} ${oauthError.success ? oauthError.data.error : response.statusText}`,
      code: response.status,
      statusText: response.statusText,
    });
  }
  const answer = refreshAnswerSchema.safeParse(body);
  if (!answer.success) {
    throw new HttpResponseError({
      message: `Refreshing the offline token of ${shop} gave an unexpected answer.`,
      code: 502,
      statusText: "Bad Gateway",
    });
  }
  return answer.data;
}
