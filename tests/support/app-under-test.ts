// Integration tests run the app's real loaders and actions against the Admin API simulator and a
// fresh SQLite file. The app reads its configuration at import, so route modules are imported
// only after the environment below is in place (importRoute).
import { startSimulator, type RunningSimulator } from "@delay-desk/simulator/index";
import type { SeedOptions } from "@delay-desk/simulator/seed";
import { freshDatabaseUrl } from "./database";
import { tomlScopes } from "../../scripts/app-config";

export const TEST_APP = {
  apiKey: "delay-desk-test-key",
  apiSecret: "delay-desk-test-secret",
  appUrl: "https://delay-desk.test",
} as const;

export interface AppUnderTest {
  simulator: RunningSimulator;
  shop: string;
  databaseUrl: string;
  /** A document request as Shopify admin makes it when it opens the app (token exchange path). */
  embeddedDocumentRequest(pathname: string, userId?: number): Request;
  /** A request as the embedded UI's fetch makes it, with App Bridge's bearer token. */
  bearerRequest(pathname: string, init?: RequestInit, userId?: number): Request;
  /** The same from another shop's admin: one of `otherShops` (SimulatorSettings). */
  bearerRequestFrom(shop: string, pathname: string): Request;
  /**
   * What token exchange (expiring=1) leaves behind when the merchant first opens the app: the
   * shop's offline session, through the app's own session storage. For tests that start as an
   * installed shop without exchanging a token first.
   */
  storeOfflineSession(): Promise<void>;
  close(): Promise<void>;
}

/** Simulator settings a test may change (its Shopify behaviour otherwise stays as documented). */
export interface SimulatorSettings {
  /** Expiring offline access token lifetime in seconds (Shopify: 3600). */
  accessTokenSeconds?: number;
  /** The rate-limit bucket's clock (ms); a faster one refills the bucket faster. */
  clock?: () => number;
  /** What the app asks for instead of shopify.app.toml's scopes (a scope taken away). */
  scopes?: string;
  /** More shops in the same simulator, to prove that one shop never sees another's data. */
  otherShops?: SeedOptions[];
}

export async function startAppUnderTest(
  shop: Partial<SeedOptions> = {},
  settings: SimulatorSettings = {},
): Promise<AppUnderTest> {
  const domain = shop.domain ?? "oak-and-hide.myshopify.com";
  const { scopes: askedScopes, otherShops = [], ...simulatorSettings } = settings;
  const scopes = askedScopes ?? tomlScopes();
  const simulator = await startSimulator({
    port: 0,
    app: { ...TEST_APP, scopes },
    shops: [{ orders: 60, seed: 7, ...shop, domain }, ...otherShops],
    ...simulatorSettings,
  });
  const databaseUrl = freshDatabaseUrl();
  Object.assign(process.env, {
    SHOPIFY_API_KEY: TEST_APP.apiKey,
    SHOPIFY_API_SECRET: TEST_APP.apiSecret,
    SHOPIFY_APP_URL: TEST_APP.appUrl,
    SCOPES: scopes,
    DATABASE_URL: databaseUrl,
    SHOPIFY_ADMIN_ORIGIN: simulator.origin,
  });
  // Shopify encodes host as standard base64 without padding (the library rejects base64url's - and _).
  const host = Buffer.from(`admin.shopify.com/store/${domain.replace(".myshopify.com", "")}`)
    .toString("base64")
    .replace(/=+$/, "");

  return {
    simulator,
    shop: domain,
    databaseUrl,
    embeddedDocumentRequest(pathname, userId) {
      const url = new URL(pathname, TEST_APP.appUrl);
      url.searchParams.set("embedded", "1");
      url.searchParams.set("shop", domain);
      url.searchParams.set("host", host);
      url.searchParams.set("id_token", simulator.mintSessionToken(domain, userId));
      return new Request(url, { headers: { accept: "text/html" } });
    },
    bearerRequest(pathname, init = {}, userId) {
      const headers = new Headers(init.headers);
      headers.set("Authorization", `Bearer ${simulator.mintSessionToken(domain, userId)}`);
      return new Request(new URL(pathname, TEST_APP.appUrl), { ...init, headers });
    },
    bearerRequestFrom(otherShop, pathname) {
      return new Request(new URL(pathname, TEST_APP.appUrl), {
        headers: { Authorization: `Bearer ${simulator.mintSessionToken(otherShop)}` },
      });
    },
    async storeOfflineSession() {
      const { sessionStorage } = await import("../../app/shopify.server");
      const { Session } = await import("@shopify/shopify-api");
      const pair = simulator.issueExpiringAccessToken(domain);
      await sessionStorage.storeSession(
        new Session({
          id: `offline_${domain}`,
          shop: domain,
          state: "",
          isOnline: false,
          accessToken: pair.accessToken,
          scope: pair.scope,
          expires: new Date(Date.now() + pair.expiresIn * 1000),
          refreshToken: pair.refreshToken,
          refreshTokenExpires: new Date(Date.now() + pair.refreshTokenExpiresIn * 1000),
        }),
      );
    },
    close: () => simulator.close(),
  };
}

/** Calls a Remix loader or action the way Remix does. */
export function callRoute<T>(
  fn: (args: {
    request: Request;
    params: Record<string, string>;
    context: Record<string, never>;
  }) => T,
  request: Request,
  params: Record<string, string> = {},
): T {
  return fn({ request, params, context: {} });
}

/** The Response a loader or action threw (as `authenticate.admin` throws its redirects and 401s). */
export async function thrownResponse(promise: Promise<unknown>): Promise<Response> {
  try {
    await promise;
  } catch (thrown) {
    if (thrown instanceof Response) return thrown;
    throw thrown;
  }
  throw new Error("expected the loader to throw a Response");
}
