// When an expiring offline access token must be replaced, and what Shopify's token endpoint
// answers for one. Pure: no I/O.
import { z } from "zod";

// The library refreshes an offline token that expires within 5 minutes
// (@shopify/shopify-app-remix src/server/helpers/ensure-offline-token-is-not-expired.ts,
// WITHIN_MILLISECONDS_OF_EXPIRY); we use the same margin so its own refresh never has to run.
// Shopify: "Proactively refresh tokens a few minutes before they expire"
// (https://shopify.dev/changelog/offline-access-tokens-now-support-expiry-and-refresh).
export const REFRESH_MARGIN_MS = 5 * 60_000;

/** The library's offline session id for a shop (shopify-api lib/session/session-utils.ts getOfflineId). */
export function offlineSessionId(shop: string): string {
  return `offline_${shop}`;
}

/** True when a token that expires at `expires` (none = never) should be replaced before use at `now`. */
export function needsRefresh(
  expires: Date | undefined,
  now: number,
  marginMs = REFRESH_MARGIN_MS,
): boolean {
  return expires !== undefined && expires.getTime() - marginMs <= now;
}

// The refresh_token grant's answer, as @shopify/shopify-api's createSession reads it
// (Shopify/shopify-app-js packages/apps/shopify-api/lib/auth/oauth/create-session.ts).
export const refreshAnswerSchema = z.object({
  access_token: z.string().min(1),
  scope: z.string(),
  expires_in: z.number().positive(),
  refresh_token: z.string().min(1),
  refresh_token_expires_in: z.number().positive(),
});
export type RefreshAnswer = z.infer<typeof refreshAnswerSchema>;

export const oauthErrorSchema = z.object({
  error: z.string(),
  error_description: z.string().optional(),
});

/** The stored pair a refresh answer becomes, with absolute expiry times. */
export interface TokenPair {
  accessToken: string;
  scope: string;
  expires: Date;
  refreshToken: string;
  refreshTokenExpires: Date;
}

export function pairFromAnswer(answer: RefreshAnswer, now: number): TokenPair {
  return {
    accessToken: answer.access_token,
    scope: answer.scope,
    expires: new Date(now + answer.expires_in * 1000),
    refreshToken: answer.refresh_token,
    refreshTokenExpires: new Date(now + answer.refresh_token_expires_in * 1000),
  };
}
