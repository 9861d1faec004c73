import { describe, expect, it } from "vitest";
import { AccessTokenStore } from "./access-tokens";
import { mintSessionToken } from "./session-token";
import {
  ID_TOKEN_TYPE,
  OFFLINE_TOKEN_TYPE,
  ONLINE_TOKEN_TYPE,
  TOKEN_EXCHANGE_GRANT_TYPE,
  handleAccessTokenRequest,
  type TokenEndpointContext,
} from "./token-exchange";

const shop = "oak-and-hide.myshopify.com";
const app = { apiKey: "key-123", apiSecret: "secret-456", scopes: "read_orders,write_orders" };
const now = new Date("2026-11-23T10:00:00Z");

function context(tokens = new AccessTokenStore(() => now.getTime())): TokenEndpointContext {
  return { shop, app, tokens, now };
}

function exchangeBody(overrides: Record<string, unknown> = {}) {
  return {
    client_id: app.apiKey,
    client_secret: app.apiSecret,
    grant_type: TOKEN_EXCHANGE_GRANT_TYPE,
    subject_token: mintSessionToken({
      shop,
      apiKey: app.apiKey,
      apiSecret: app.apiSecret,
      userId: 1,
      now,
    }),
    subject_token_type: ID_TOKEN_TYPE,
    requested_token_type: OFFLINE_TOKEN_TYPE,
    expiring: "0",
    ...overrides,
  };
}

function refreshBody(refreshToken: unknown) {
  return {
    client_id: app.apiKey,
    client_secret: app.apiSecret,
    grant_type: "refresh_token",
    refresh_token: refreshToken,
  };
}

const invalidSubject = {
  status: 400,
  body: {
    error: "invalid_subject_token",
    error_description: "Token exchange cannot be performed due to an invalid subject token.",
  },
};

describe("token exchange", () => {
  it("gives an offline token that the store then accepts for that shop only", () => {
    const ctx = context();
    const response = handleAccessTokenRequest(exchangeBody(), ctx);
    expect(response.status).toBe(200);
    expect(response.body).toEqual({
      access_token: expect.stringMatching(/^shpat_[0-9a-f]{32}$/),
      scope: app.scopes,
    });
    const token = String(response.body.access_token);
    expect(ctx.tokens.find(shop, token)).toMatchObject({ kind: "offline", shop });
    expect(ctx.tokens.find("other.myshopify.com", token)).toBeUndefined();
    // Shopify keeps one non-expiring offline token per app and shop.
    expect(handleAccessTokenRequest(exchangeBody(), ctx).body.access_token).toBe(token);
  });

  // Online tokens carry the staff member and only the scopes their permissions allow: "requesting
  // this access mode always returns an access token restricted to the scopes available to the
  // user" (https://shopify.dev/docs/apps/build/authentication-authorization/access-tokens/online-access-tokens);
  // the response's fields (access_token, scope, expires_in, associated_user_scope, associated_user
  // with id, names, email, email_verified, account_owner, locale, collaborator) are the "Online
  // access token response values" of
  // https://shopify.dev/docs/apps/build/authentication-authorization/access-tokens/token-exchange.
  it("gives an online token whose associated_user_scope drops what the staff member may not do", () => {
    const subject = mintSessionToken({
      shop,
      apiKey: app.apiKey,
      apiSecret: app.apiSecret,
      userId: 3,
      now,
    });
    const response = handleAccessTokenRequest(
      exchangeBody({ subject_token: subject, requested_token_type: ONLINE_TOKEN_TYPE }),
      context(),
    );
    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({
      access_token: expect.stringMatching(/^shpua_/),
      scope: app.scopes,
      expires_in: 86399,
      // Priya (customer support) has no refund permission: she keeps read_orders only.
      associated_user_scope: "read_orders",
      associated_user: {
        id: 3,
        first_name: "Priya",
        last_name: "Shah",
        account_owner: false,
        locale: "en",
        collaborator: false,
        email_verified: true,
      },
    });
  });

  it("gives the account owner an online token with every app scope and account_owner true", () => {
    const ctx = context();
    const subject = mintSessionToken({
      shop,
      apiKey: app.apiKey,
      apiSecret: app.apiSecret,
      userId: 2,
      now,
    });
    const response = handleAccessTokenRequest(
      exchangeBody({ subject_token: subject, requested_token_type: ONLINE_TOKEN_TYPE }),
      ctx,
    );
    expect(response.body).toMatchObject({
      scope: app.scopes,
      associated_user_scope: app.scopes,
      associated_user: { id: 2, account_owner: true },
    });
    // The Admin API checks the online token against the member's own scopes.
    const record = ctx.tokens.find(shop, String(response.body.access_token));
    expect(record).toMatchObject({ kind: "online", userId: 2, scope: app.scopes });
  });

  // Shopify's expiring offline tokens: access token 60 minutes (expires_in 3600), refresh token 90
  // days (refresh_token_expires_in), a new pair on every refresh.
  // https://shopify.dev/changelog/offline-access-tokens-now-support-expiry-and-refresh
  // https://shopify.dev/docs/apps/build/authentication-authorization/access-tokens/offline-access-tokens
  // Field names as @shopify/shopify-api reads them: Shopify/shopify-app-js
  // packages/apps/shopify-api/lib/auth/oauth/create-session.ts (expires_in, refresh_token,
  // refresh_token_expires_in) and refresh-token.ts (grant_type "refresh_token").
  it("gives an expiring offline token (3600 s) with a 90-day refresh token; each refresh returns a new pair", () => {
    const ctx = context();
    const response = handleAccessTokenRequest(exchangeBody({ expiring: "1" }), ctx);
    expect(response).toEqual({
      status: 200,
      body: {
        access_token: expect.stringMatching(/^shpat_/),
        scope: app.scopes,
        expires_in: 3600,
        refresh_token: expect.stringMatching(/^shprt_/),
        refresh_token_expires_in: 90 * 24 * 3600,
      },
    });
    const first = refreshBody(response.body.refresh_token);
    const refreshed = handleAccessTokenRequest(first, ctx);
    expect(refreshed.status).toBe(200);
    expect(refreshed.body).toMatchObject({
      expires_in: 3600,
      refresh_token_expires_in: 7776000,
      scope: app.scopes,
    });
    expect(refreshed.body.access_token).not.toBe(response.body.access_token);
    expect(refreshed.body.refresh_token).not.toBe(response.body.refresh_token);
    expect(ctx.tokens.find(shop, String(refreshed.body.access_token))).toMatchObject({
      kind: "offline",
    });
  });

  // "An app can retry its previously stored refresh token until it starts using the replacement
  // refresh token … When an app uses the replacement refresh token, the preceding refresh token is
  // retired." https://shopify.dev/changelog/more-resilient-refreshes-for-expiring-offline-access-tokens
  // The refusal: 400 invalid_grant, as RFC 6749 section 5.2 defines for an invalid, expired or
  // revoked refresh token and as apps report Shopify answering
  // (https://nango.dev/blog/shopify-oauth-refresh-token-invalid-grant); shopify.dev shows no body,
  // so error_description is ours.
  it("keeps the traded refresh token usable until its replacement is first traded, then answers 400 invalid_grant", () => {
    const ctx = context();
    const original = String(
      handleAccessTokenRequest(exchangeBody({ expiring: "1" }), ctx).body.refresh_token,
    );
    const lost = handleAccessTokenRequest(refreshBody(original), ctx);
    // The answer was lost: the app retries with the refresh token it still has stored.
    const retried = handleAccessTokenRequest(refreshBody(original), ctx);
    expect(retried.status).toBe(200);
    expect(retried.body.refresh_token).not.toBe(lost.body.refresh_token);
    // The app uses the replacement it saved: the original is retired.
    expect(handleAccessTokenRequest(refreshBody(retried.body.refresh_token), ctx).status).toBe(200);
    expect(handleAccessTokenRequest(refreshBody(original), ctx)).toEqual({
      status: 400,
      body: {
        error: "invalid_grant",
        error_description: "The provided refresh token is invalid, expired or revoked.",
      },
    });
    expect(ctx.tokens.grants(shop).map((g) => g.outcome)).toEqual([
      "issued",
      "issued",
      "issued",
      "issued",
      "invalid_grant",
    ]);
  });

  it("refuses a refresh token past its 90 days, one for another shop, and one never issued", () => {
    let clock = now.getTime();
    const tokens = new AccessTokenStore(() => clock);
    const ctx = { ...context(tokens), now };
    const pair = handleAccessTokenRequest(exchangeBody({ expiring: "1" }), ctx);
    expect(handleAccessTokenRequest(refreshBody("shprt_made_up"), ctx)).toMatchObject({
      status: 400,
      body: { error: "invalid_grant" },
    });
    expect(
      handleAccessTokenRequest(refreshBody(pair.body.refresh_token), {
        ...ctx,
        shop: "other.myshopify.com",
      }),
    ).toMatchObject({ status: 400, body: { error: "invalid_grant" } });
    clock += 90 * 24 * 3600 * 1000;
    expect(handleAccessTokenRequest(refreshBody(pair.body.refresh_token), ctx)).toMatchObject({
      status: 400,
      body: { error: "invalid_grant" },
    });
  });

  it("ends a shop's live expiring access tokens on expireAccessTokens, and only that shop's", () => {
    const ctx = context();
    const pair = handleAccessTokenRequest(exchangeBody({ expiring: "1" }), ctx);
    const classic = String(handleAccessTokenRequest(exchangeBody(), ctx).body.access_token);
    const otherShop = ctx.tokens.issue({
      shop: "other.myshopify.com",
      apiKey: app.apiKey,
      scope: app.scopes,
      kind: "offline",
      expiring: true,
    });
    expect(ctx.tokens.expireAccessTokens(shop)).toBe(1);
    expect(ctx.tokens.find(shop, String(pair.body.access_token))).toBeUndefined();
    expect(ctx.tokens.find(shop, classic)).toBeDefined();
    expect(ctx.tokens.find("other.myshopify.com", otherShop.token)).toBeDefined();
    // The refresh token still works: that is how the app recovers.
    expect(handleAccessTokenRequest(refreshBody(pair.body.refresh_token), ctx).status).toBe(200);
  });

  it("rejects a subject token signed with another secret", () => {
    const forged = mintSessionToken({
      shop,
      apiKey: app.apiKey,
      apiSecret: "not-the-secret",
      userId: 1,
      now,
    });
    expect(handleAccessTokenRequest(exchangeBody({ subject_token: forged }), context())).toEqual(
      invalidSubject,
    );
  });

  it("rejects a subject token for another app (aud)", () => {
    const token = mintSessionToken({
      shop,
      apiKey: "another-app",
      apiSecret: app.apiSecret,
      userId: 1,
      now,
    });
    expect(handleAccessTokenRequest(exchangeBody({ subject_token: token }), context())).toEqual(
      invalidSubject,
    );
  });

  it("rejects an expired subject token", () => {
    const old = mintSessionToken({
      shop,
      apiKey: app.apiKey,
      apiSecret: app.apiSecret,
      userId: 1,
      now: new Date(now.getTime() - 5 * 60_000),
    });
    expect(handleAccessTokenRequest(exchangeBody({ subject_token: old }), context())).toEqual(
      invalidSubject,
    );
  });

  it("rejects a subject token for another shop (dest)", () => {
    const token = mintSessionToken({
      shop: "other.myshopify.com",
      apiKey: app.apiKey,
      apiSecret: app.apiSecret,
      userId: 1,
      now,
    });
    expect(handleAccessTokenRequest(exchangeBody({ subject_token: token }), context())).toEqual(
      invalidSubject,
    );
  });

  it("rejects a wrong client secret or client id before looking at the token", () => {
    expect(
      handleAccessTokenRequest(exchangeBody({ client_secret: "guess" }), context()),
    ).toMatchObject({ status: 401, body: { error: "invalid_client" } });
    expect(handleAccessTokenRequest(exchangeBody({ client_id: "other" }), context())).toMatchObject(
      { status: 401, body: { error: "invalid_client" } },
    );
  });

  it("rejects unknown grants and malformed requests", () => {
    expect(
      handleAccessTokenRequest(exchangeBody({ grant_type: "password" }), context()),
    ).toMatchObject({ status: 400, body: { error: "unsupported_grant_type" } });
    expect(
      handleAccessTokenRequest(exchangeBody({ requested_token_type: "urn:x" }), context()),
    ).toMatchObject({ status: 400, body: { error: "invalid_request" } });
    expect(handleAccessTokenRequest("not an object", context())).toMatchObject({
      status: 400,
      body: { error: "invalid_request" },
    });
  });
});
