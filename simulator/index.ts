// The simulator's public API, used by the demo script, the app's integration tests and the bench.
import { createServer } from "node:http";
import {
  customerDataApprovalSchema,
  type CustomerDataApproval,
  type CustomerDataApprovalInput,
} from "./access-grant";
import { AccessTokenStore, DEFAULT_STAFF_ID, type TokenGrantRecord } from "./access-tokens";
import {
  BulkFiles,
  attachBulkOperations,
  bulkOperationsOf,
  type BulkRunOptions,
} from "./bulk/bulk-operations";
import { WebhookDispatcher, type WebhookSettings } from "./webhooks/dispatcher";
import { BucketRegistry } from "./leaky-bucket";
import { FaultInjector, type FaultRuleInput } from "./faults";
import { seedShop, type SeedOptions } from "./seed";
import {
  adminFramePath,
  createRequestListener,
  type SimulatedApp,
  type SimulatorState,
} from "./server";
import { mintSessionToken } from "./session-token";
import type { ShopStore } from "./store/shop-store";
import type { Outbox } from "./mail/outbox-page";

export interface SimulatorOptions {
  /** 0 = any free port; default 4100. */
  port?: number;
  /** Default "127.0.0.1". */
  host?: string;
  app: SimulatedApp;
  /** At least one. */
  shops: SeedOptions[];
  /** ms, for the rate-limit bucket only; default Date.now. Session and access tokens use real time. */
  clock?: () => number;
  log?: boolean;
  /** Webhook subscriptions (e.g. subscriptionsFromTomlFile("shopify.app.toml")), transport, retry delays. */
  webhooks?: Partial<WebhookSettings>;
  /** Bulk operation pacing and line shuffling (simulator/bulk). */
  bulk?: BulkRunOptions;
  /** Fault plan by shop domain (faults.ts); change it later through `faults` or /<shop>/simulator/faults. */
  faults?: Record<string, FaultRuleInput[]>;
  /** A local SMTP server's mailbox to show at /outbox (demo). */
  outbox?: Outbox;
  /** The app's protected-customer-data approval by shop domain; default every field (access-grant.ts). */
  customerData?: Record<string, CustomerDataApprovalInput>;
  /** Expiring offline access token lifetime in seconds (Shopify: 3600); tests may shorten it. */
  accessTokenSeconds?: number;
}

/** An expiring offline token pair, as the token endpoint returns it. */
export interface ExpiringTokenPair {
  accessToken: string;
  expiresIn: number;
  refreshToken: string;
  refreshTokenExpiresIn: number;
  scope: string;
}

export interface RunningSimulator {
  /** e.g. "http://127.0.0.1:4100" */
  origin: string;
  /** By shop domain. */
  stores: Map<string, ShopStore>;
  /** The simulated admin page that frames the app. */
  adminUrl(shop: string): string;
  /** An offline access token, as token exchange would give, for tests and the bench; `scope` defaults to the app's. */
  issueAccessToken(shop: string, scope?: string): string;
  /** An expiring offline token and its refresh token, as token exchange with expiring=1 gives. */
  issueExpiringAccessToken(shop: string): ExpiringTokenPair;
  /** Ends the shop's live expiring offline access tokens now (their refresh tokens stay valid). */
  expireAccessToken(shop: string): number;
  /** Every token exchange and refresh for the shop, oldest first (issued or refused). */
  tokenGrants(shop: string): readonly TokenGrantRecord[];
  mintSessionToken(shop: string, userId?: number): string;
  /** Webhook delivery: configure subscriptions/transport, inspect deliveries, await them. */
  webhooks: WebhookDispatcher;
  /** Injected 5xx, timeouts and dropped connections, per shop. */
  faults: FaultInjector;
  /** Changes the app's protected-customer-data approval on a shop (also POST /<shop>/simulator/customer-data). */
  setCustomerData(shop: string, approval: CustomerDataApprovalInput): void;
  /** Resolves when every bulk operation started so far has ended. */
  bulkOperationsIdle(): Promise<void>;
  close(): Promise<void>;
}

export { mintSessionToken } from "./session-token";
export type { SeedOptions } from "./seed";

export async function startSimulator(options: SimulatorOptions): Promise<RunningSimulator> {
  if (options.shops.length === 0) throw new Error("startSimulator needs at least one shop.");
  const stores = new Map<string, ShopStore>();
  for (const shopOptions of options.shops) {
    const domain = shopOptions.domain.toLowerCase();
    if (stores.has(domain)) throw new Error(`Shop ${domain} is listed twice.`);
    stores.set(domain, seedShop({ ...shopOptions, domain }));
  }
  const faults = new FaultInjector(options.faults);
  const customerData = new Map<string, CustomerDataApproval>();
  for (const [shop, approval] of Object.entries(options.customerData ?? {}))
    customerData.set(shop.toLowerCase(), customerDataApprovalSchema.parse(approval));
  const state: SimulatorState = {
    app: options.app,
    stores,
    tokens: new AccessTokenStore(
      Date.now,
      options.accessTokenSeconds === undefined
        ? {}
        : { accessTokenSeconds: options.accessTokenSeconds },
    ),
    buckets: new BucketRegistry(options.clock ?? Date.now),
    log: options.log ?? false,
    faults,
    customerData,
    ...(options.outbox ? { outbox: options.outbox } : {}),
  };

  const host = options.host ?? "127.0.0.1";
  let origin = "";
  const bulkFiles = new BulkFiles(() => origin);
  const webhooks = new WebhookDispatcher(
    { apiSecret: options.app.apiSecret, appUrl: options.app.appUrl },
    options.webhooks,
  );
  const stopWatching = [...stores.values()].map((store) => {
    attachBulkOperations(store, bulkFiles, options.bulk);
    return webhooks.watch(store);
  });
  state.bulkFiles = bulkFiles;
  state.webhooks = webhooks;
  const server = createServer(createRequestListener(state, () => origin));
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port ?? 4100, host, () => {
      server.off("error", reject);
      resolve();
    });
  });
  const address = server.address();
  if (address === null || typeof address === "string")
    throw new Error("The simulator is not listening on a TCP port.");
  const port = address.port;
  origin = `http://${host.includes(":") ? `[${host}]` : host}:${port}`;

  function knownShop(shop: string): string {
    const domain = shop.toLowerCase();
    if (!stores.has(domain)) throw new Error(`The simulator has no shop ${shop}.`);
    return domain;
  }

  return {
    origin,
    stores,
    adminUrl: (shop) => `${origin}${adminFramePath(state, knownShop(shop))}`,
    issueAccessToken: (shop, scope = options.app.scopes) =>
      state.tokens.issue({
        shop: knownShop(shop),
        apiKey: options.app.apiKey,
        scope,
        kind: "offline",
      }).token,
    issueExpiringAccessToken: (shop) => {
      const record = state.tokens.issue({
        shop: knownShop(shop),
        apiKey: options.app.apiKey,
        scope: options.app.scopes,
        kind: "offline",
        expiring: true,
      });
      const now = Date.now();
      return {
        accessToken: record.token,
        expiresIn: Math.round(((record.expiresAt ?? now) - now) / 1000),
        refreshToken: record.refreshToken ?? "",
        refreshTokenExpiresIn: Math.round(((record.refreshTokenExpiresAt ?? now) - now) / 1000),
        scope: record.scope,
      };
    },
    expireAccessToken: (shop) => state.tokens.expireAccessTokens(knownShop(shop)),
    tokenGrants: (shop) => state.tokens.grants(knownShop(shop)),
    mintSessionToken: (shop, userId = DEFAULT_STAFF_ID) =>
      mintSessionToken({
        shop: knownShop(shop),
        apiKey: options.app.apiKey,
        apiSecret: options.app.apiSecret,
        userId,
      }),
    webhooks,
    faults,
    setCustomerData: (shop, approval) => {
      customerData.set(knownShop(shop), customerDataApprovalSchema.parse(approval));
    },
    bulkOperationsIdle: async () => {
      for (const store of stores.values()) await bulkOperationsOf(store).whenIdle();
    },
    close: () =>
      new Promise<void>((resolve, reject) => {
        for (const stop of stopWatching) stop();
        server.close((error) => {
          bulkFiles.remove();
          if (error) reject(error);
          else resolve();
        });
        // Keep-alive sockets from the app's fetch would otherwise hold close() open.
        server.closeAllConnections();
      }),
  };
}
