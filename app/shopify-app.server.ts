// The only place that configures the Shopify library (style guide, habit 1). The composition root
// (app/services.server.ts) calls createShopifyApp once per process; routes reach the result through
// app/shopify.server.ts.
import "@shopify/shopify-app-remix/adapters/node";
import { AppDistribution, LogSeverity, shopifyApp } from "@shopify/shopify-app-remix/server";
import { PrismaSessionStorage } from "@shopify/shopify-app-session-storage-prisma";
import { routeAdminTrafficTo } from "./admin-origin.server";
import { API_VERSION } from "./api-version";
import { backgroundAdminFactory } from "./auth/background-admin.server";
import { refreshOfflineToken } from "./auth/refresh-offline-token.server";
import { RefreshingSessionStorage } from "./auth/refreshing-session-storage.server";
import { recordInstall } from "./data-lifecycle/shop-lifecycle.server";
import type { PrismaClient } from "@prisma/client";
import type { AppEnv } from "./env.server";
import type { AdminGraphql } from "./admin-api/graphql.server";
import { redactSecrets } from "./log-redaction";

const LOG_SEVERITY = {
  error: LogSeverity.Error,
  warning: LogSeverity.Warning,
  info: LogSeverity.Info,
  debug: LogSeverity.Debug,
} as const;

/** Install-time work the composition root hands in (the library calls it after auth). */
export interface InstallHooks {
  /** Runs once a shop has a new offline session: install and reinstall. Must not throw. */
  afterInstall?: (admin: AdminGraphql, shop: string) => Promise<unknown>;
}

export function createShopifyApp(env: AppEnv, prisma: PrismaClient, hooks: InstallHooks = {}) {
  if (env.SHOPIFY_ADMIN_ORIGIN) routeAdminTrafficTo(env.SHOPIFY_ADMIN_ORIGIN);

  const storage = new RefreshingSessionStorage({
    inner: new PrismaSessionStorage(prisma),
    db: prisma,
    refresh: (shop, refreshToken) =>
      refreshOfflineToken(
        { apiKey: env.SHOPIFY_API_KEY, apiSecret: env.SHOPIFY_API_SECRET },
        shop,
        refreshToken,
      ),
  });

  const shopify = shopifyApp({
    apiKey: env.SHOPIFY_API_KEY,
    apiSecretKey: env.SHOPIFY_API_SECRET,
    apiVersion: API_VERSION,
    scopes: env.SCOPES.split(",").map((scope) => scope.trim()),
    appUrl: env.SHOPIFY_APP_URL,
    authPathPrefix: "/auth",
    sessionStorage: storage,
    distribution: AppDistribution.AppStore,
    // Expiring offline tokens (60 minutes, with a 90-day refresh token): required for public apps
    // created from 2026-04-01, and from 2027-01-01 Shopify refuses Admin requests made with
    // non-expiring ones (https://shopify.dev/docs/apps/build/authentication-authorization/access-tokens/offline-access-tokens,
    // https://shopify.dev/docs/apps/build/authentication-authorization/migrate-to-expiring-offline-access-tokens).
    // The flag makes token exchange send expiring: true (src/server/authenticate/admin/strategies/token-exchange.ts).
    future: { unstable_newEmbeddedAuthStrategy: true, expiringOfflineAccessTokens: true },
    // Every library line is redacted before it is written. At debug the library logs App Bridge's
    // session token verbatim ("Attempting to authenticate session token", @shopify/shopify-app-remix
    // src/server/authenticate/admin/authenticate.ts, dist/esm/server/authenticate/admin/authenticate.mjs),
    // and with httpRequests on it would log every Admin request and response, customer emails included
    // (@shopify/shopify-api lib/clients/common.ts clientLoggerFactory): httpRequests stays off.
    // The console method per level is the library's own default (lib/config.ts defaultLogFunction).
    logger: {
      level: LOG_SEVERITY[env.LOG_LEVEL],
      httpRequests: false,
      log: (severity, message) => {
        const line = redactSecrets(message, { known: [env.SHOPIFY_API_SECRET] });
        if (severity === LogSeverity.Error) console.error(line);
        else if (severity === LogSeverity.Warning) console.warn(line);
        // The library writes info and debug to stdout (console.log/debug); kept, so LOG_LEVEL works as documented.
        // eslint-disable-next-line no-console
        else if (severity === LogSeverity.Info) console.log(line);
        // eslint-disable-next-line no-console
        else console.debug(line);
      },
    },
    // The library runs this after token exchange has stored a new offline session, i.e. on install
    // and reinstall (Shopify/shopify-app-js packages/apps/shopify-app-remix/src/server/authenticate/admin/helpers/trigger-after-auth-hook.ts,
    // called from strategies/token-exchange.ts handleAfterAuthHook; "A function to call after a
    // merchant installs your app", https://shopify.dev/docs/api/shopify-app-remix/v3/entrypoints/shopifyapp
    // hooks.afterAuth, with `admin` on the new session). Install-time work lives here, not in a
    // loader (loaders never write, docs/architecture.md): the install record, which outlives the
    // sessions app/uninstalled drops, then the shop's first order import.
    hooks: {
      afterAuth: async ({ session, admin }) => {
        await recordInstall(prisma, session.shop);
        await hooks.afterInstall?.(admin, session.shop);
      },
    },
    ...(env.SHOP_CUSTOM_DOMAIN ? { customShopDomains: [env.SHOP_CUSTOM_DOMAIN] } : {}),
  });

  /** The Admin API for background work: refreshes the offline token as it goes (auth/background-admin.server.ts). */
  const backgroundAdmin = backgroundAdminFactory({
    unauthenticatedAdmin: (shop) => shopify.unauthenticated.admin(shop),
    replaceRejected: (shop, rejectedAccessToken) =>
      storage.replaceRejected(shop, rejectedAccessToken),
  });
  return { shopify, backgroundAdmin };
}

export type ShopifyApp = ReturnType<typeof createShopifyApp>["shopify"];
