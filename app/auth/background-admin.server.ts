// The Admin API for work outside a request (job runner, reconcile, timed pauses, the sync queue
// behind webhooks). The library refreshes an expiring offline token only when it builds an admin
// context (unauthenticated.admin → ensureValidOfflineSession), never on a 401, so a client kept
// across an hour of work would start failing. This one builds a fresh context for every call (one
// session read; the refresh, when due, happens in RefreshingSessionStorage) and, if Shopify still
// answers 401 — the token ended before its expires_in said — replaces the token once and retries.
// A 401 means the request did not run, so the retry cannot act twice.
import { HttpResponseError, type Session } from "@shopify/shopify-api";
import type { AdminGraphql } from "../admin-api/graphql.server";

export interface GraphqlOptions {
  variables?: Record<string, unknown>;
  signal?: AbortSignal;
}

export interface BackgroundAdminDeps {
  unauthenticatedAdmin: (shop: string) => Promise<{
    session: Session;
    admin: { graphql: (query: string, options?: GraphqlOptions) => Promise<Response> };
  }>;
  replaceRejected: (shop: string, rejectedAccessToken: string) => Promise<Session>;
}

export interface BackgroundAdmin extends AdminGraphql {
  graphql: (query: string, options?: GraphqlOptions) => Promise<Response>;
}

function isUnauthorized(error: unknown): boolean {
  return error instanceof HttpResponseError && error.response.code === 401;
}

export function backgroundAdminFactory(
  deps: BackgroundAdminDeps,
): (shop: string) => BackgroundAdmin {
  return (shop) => ({
    graphql: async (query, options) => {
      const { session, admin } = await deps.unauthenticatedAdmin(shop);
      try {
        return await admin.graphql(query, options);
      } catch (error) {
        if (!isUnauthorized(error) || !session.accessToken) throw error;
        await deps.replaceRejected(shop, session.accessToken);
        return (await deps.unauthenticatedAdmin(shop)).admin.graphql(query, options);
      }
    },
  });
}
