// POST /admin/oauth/access_token, as Shopify answers @shopify/shopify-api's tokenExchange (and
// refreshToken): the app trades the session token admin gave it for an Admin API access token.
// The library sends JSON with client_id, client_secret, grant_type, subject_token,
// subject_token_type, requested_token_type and expiring ("1"/"0") for token exchange, and
// client_id, client_secret, refresh_token and grant_type "refresh_token" for a refresh
// (Shopify/shopify-app-js packages/apps/shopify-api/lib/auth/oauth/refresh-token.ts). An expiring
// offline answer adds expires_in, refresh_token and refresh_token_expires_in, the fields the
// library's createSession reads (lib/auth/oauth/create-session.ts).
import { timingSafeEqual } from "node:crypto";
import { z } from "zod";
import {
  ONLINE_TOKEN_SECONDS,
  findStaffMember,
  userScope,
  type AccessTokenRecord,
  type AccessTokenStore,
} from "./access-tokens";
import { verifySessionToken } from "./session-token";

export const TOKEN_EXCHANGE_GRANT_TYPE = "urn:ietf:params:oauth:grant-type:token-exchange";
export const ID_TOKEN_TYPE = "urn:ietf:params:oauth:token-type:id_token";
export const OFFLINE_TOKEN_TYPE = "urn:shopify:params:oauth:token-type:offline-access-token";
export const ONLINE_TOKEN_TYPE = "urn:shopify:params:oauth:token-type:online-access-token";

export interface AppCredentials {
  apiKey: string;
  apiSecret: string;
  scopes: string;
}

export interface TokenEndpointContext {
  shop: string;
  app: AppCredentials;
  tokens: AccessTokenStore;
  now: Date;
}

export interface TokenEndpointResponse {
  status: number;
  body: Record<string, unknown>;
}

const clientCredentials = z.object({ client_id: z.string(), client_secret: z.string() });

const tokenExchangeRequest = clientCredentials.extend({
  grant_type: z.literal(TOKEN_EXCHANGE_GRANT_TYPE),
  subject_token: z.string().min(1),
  subject_token_type: z.literal(ID_TOKEN_TYPE),
  requested_token_type: z.enum([OFFLINE_TOKEN_TYPE, ONLINE_TOKEN_TYPE]),
  // The library sends "1"/"0"; a form post might send a boolean-ish string or nothing.
  expiring: z.union([z.string(), z.number(), z.boolean()]).optional(),
});

const refreshRequest = clientCredentials.extend({
  grant_type: z.literal("refresh_token"),
  refresh_token: z.string().min(1),
});

const anyGrant = z.object({ grant_type: z.string() });

function oauthError(status: number, error: string, description: string): TokenEndpointResponse {
  return { status, body: { error, error_description: description } };
}

const INVALID_SUBJECT_TOKEN = oauthError(
  400,
  "invalid_subject_token",
  "Token exchange cannot be performed due to an invalid subject token.",
);
// RFC 6749 section 5.2: a client that fails authentication gets 401 invalid_client.
const INVALID_CLIENT = oauthError(
  401,
  "invalid_client",
  "Client authentication failed due to unknown client, no client authentication included, or unsupported authentication method.",
);

function sameSecret(given: string, expected: string): boolean {
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

function isTruthyFlag(value: string | number | boolean | undefined): boolean {
  return value === true || value === 1 || value === "1" || value === "true";
}

function offlineBody(record: AccessTokenRecord, now: number): Record<string, unknown> {
  return {
    access_token: record.token,
    scope: record.scope,
    ...(record.expiresAt === undefined
      ? {}
      : { expires_in: Math.round((record.expiresAt - now) / 1000) }),
    ...(record.refreshToken && record.refreshTokenExpiresAt !== undefined
      ? {
          refresh_token: record.refreshToken,
          refresh_token_expires_in: Math.round((record.refreshTokenExpiresAt - now) / 1000),
        }
      : {}),
  };
}

export function handleAccessTokenRequest(
  body: unknown,
  ctx: TokenEndpointContext,
): TokenEndpointResponse {
  const grant = anyGrant.safeParse(body);
  if (!grant.success)
    return oauthError(
      400,
      "invalid_request",
      "The request is missing a required parameter: grant_type.",
    );
  const credentials = clientCredentials.safeParse(body);
  if (
    !credentials.success ||
    credentials.data.client_id !== ctx.app.apiKey ||
    !sameSecret(credentials.data.client_secret, ctx.app.apiSecret)
  ) {
    return INVALID_CLIENT;
  }

  if (grant.data.grant_type === "refresh_token") {
    const request = refreshRequest.safeParse(body);
    if (!request.success)
      return oauthError(
        400,
        "invalid_request",
        "The request is missing a required parameter: refresh_token.",
      );
    const record = ctx.tokens.refresh(ctx.shop, ctx.app.apiKey, request.data.refresh_token);
    // RFC 6749 section 5.2: an invalid, expired or revoked refresh token is 400 invalid_grant.
    if (!record)
      return oauthError(
        400,
        "invalid_grant",
        "The provided refresh token is invalid, expired or revoked.",
      );
    return { status: 200, body: offlineBody(record, ctx.now.getTime()) };
  }
  if (grant.data.grant_type !== TOKEN_EXCHANGE_GRANT_TYPE) {
    return oauthError(
      400,
      "unsupported_grant_type",
      "The authorization grant type is not supported by the authorization server.",
    );
  }

  const request = tokenExchangeRequest.safeParse(body);
  if (!request.success) {
    const fields = request.error.issues.map((issue) => issue.path.join(".")).join(", ");
    return oauthError(
      400,
      "invalid_request",
      `The request is missing a required parameter or has an invalid value: ${fields}.`,
    );
  }
  const verified = verifySessionToken(
    request.data.subject_token,
    ctx.app.apiSecret,
    ctx.app.apiKey,
    ctx.now,
  );
  if (!verified.ok || verified.shop !== ctx.shop) return INVALID_SUBJECT_TOKEN;

  if (request.data.requested_token_type === OFFLINE_TOKEN_TYPE) {
    const record = ctx.tokens.issue({
      shop: ctx.shop,
      apiKey: ctx.app.apiKey,
      scope: ctx.app.scopes,
      kind: "offline",
      expiring: isTruthyFlag(request.data.expiring),
    });
    ctx.tokens.recordExchange(ctx.shop, record);
    return { status: 200, body: offlineBody(record, ctx.now.getTime()) };
  }

  const userId = Number(verified.payload.sub);
  const user = Number.isInteger(userId) ? findStaffMember(ctx.shop, userId) : undefined;
  if (!user) return INVALID_SUBJECT_TOKEN;
  // The token acts with the staff member's permissions, so the Admin API checks the narrowed
  // scopes on it; `scope` in the answer is still the app's grant, `associated_user_scope` the
  // member's share of it (the online token response values on
  // https://shopify.dev/docs/apps/build/authentication-authorization/access-tokens/token-exchange).
  const narrowed = userScope(ctx.app.scopes, user);
  const record = ctx.tokens.issue({
    shop: ctx.shop,
    apiKey: ctx.app.apiKey,
    scope: narrowed,
    kind: "online",
    userId: user.id,
  });
  return {
    status: 200,
    body: {
      access_token: record.token,
      scope: ctx.app.scopes,
      expires_in: ONLINE_TOKEN_SECONDS,
      associated_user_scope: narrowed,
      associated_user: {
        id: user.id,
        first_name: user.first_name,
        last_name: user.last_name,
        email: user.email,
        account_owner: user.account_owner,
        locale: user.locale,
        collaborator: user.collaborator,
        email_verified: user.email_verified,
      },
    },
  };
}
