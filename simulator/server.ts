// The simulator's HTTP front: node:http, no framework. Every Shopify route is prefixed by the shop
// domain, because the app's runtime fetch rewrites https://<shop>/<path> to <origin>/<shop>/<path>.
import { receivedFlowTriggers } from "./flow/flow-records";
import { randomUUID } from "node:crypto";
import type { IncomingMessage, ServerResponse } from "node:http";
import { z } from "zod";
import { handleCustomerDataControl } from "./access-controls";
import { FULL_CUSTOMER_DATA, grantFor, type CustomerDataApproval } from "./access-grant";
import {
  DEFAULT_STAFF_ID,
  findStaffMember,
  staffFor,
  type AccessTokenStore,
} from "./access-tokens";
import { embeddedAppUrl, renderAdminFramePage, renderIndexPage } from "./admin-frame";
import { appBridgeStandInScript } from "./app-bridge-standin";
import { MAX_QUERY_COST, actualQueryCost, maxCostExceededError, requestedQueryCost } from "./cost";
import { prepareRequest, runRequest } from "./execute";
import type { BucketRegistry, ThrottleStatus } from "./leaky-bucket";
import { SIMULATED_API_VERSION, adminSchema } from "./schema";
import { mintSessionToken } from "./session-token";
import type { BulkFiles } from "./bulk/bulk-operations";
import { handleControl } from "./controls";
import { handleFaultControl, type FaultInjector } from "./faults";
import type { ShopStore } from "./store/shop-store";
import {
  handleStorefrontRequest,
  serveStorefrontAsset,
  STOREFRONT_ASSET_PREFIX,
} from "./storefront/routes";
import { forwardAppProxy } from "./storefront-proxy";
import { renderAdminOrderPage } from "./admin-order-page";
import { pickableResources } from "./resource-picker";
import { renderOrderStatusPage } from "./storefront/order-status-page";
import { renderOutboxPage, type Outbox } from "./mail/outbox-page";
import { handleAccessTokenRequest } from "./token-exchange";
import type { WebhookDispatcher } from "./webhooks/dispatcher";

export interface SimulatedApp {
  apiKey: string;
  apiSecret: string;
  appUrl: string;
  scopes: string;
}

export interface SimulatorState {
  app: SimulatedApp;
  stores: Map<string, ShopStore>;
  tokens: AccessTokenStore;
  buckets: BucketRegistry;
  log: boolean;
  /** Bulk operation results (GET /bulk/<token>.jsonl) and webhook delivery; see simulator/bulk, simulator/webhooks. */
  bulkFiles?: BulkFiles;
  webhooks?: WebhookDispatcher;
  /** Injected 5xx, timeouts and dropped connections; see faults.ts. */
  faults?: FaultInjector;
  /** The local SMTP server's mailbox, shown at /outbox (simulator/mail). */
  outbox?: Outbox;
  /** The app's protected-customer-data approval by shop; absent = every field (a dev store). */
  customerData?: Map<string, CustomerDataApproval>;
}

export const INVALID_TOKEN_BODY = {
  errors: "[API] Invalid API key or access token (unrecognized login or wrong password)",
};
const THROTTLED_ERROR = {
  message: "Throttled",
  extensions: { code: "THROTTLED", documentation: "https://shopify.dev/api/usage/rate-limits" },
};
const MAX_BODY_BYTES = 10 * 1024 * 1024;

export interface QueryCostExtension {
  requestedQueryCost: number;
  /** null when the query did not run (throttled, or over the single-query limit), as on Shopify. */
  actualQueryCost: number | null;
  throttleStatus: ThrottleStatus;
}

class HttpError extends Error {
  constructor(
    readonly status: number,
    readonly body: unknown,
  ) {
    super(`HTTP ${status}`);
  }
}

interface Reply {
  status: number;
  body: string;
  headers: Record<string, string>;
  /** An injected fault: destroy the socket after this many ms instead of answering. */
  abortAfterMs?: number;
  /** An injected fault: answer only after this many ms. */
  answerAfterMs?: number;
}

function json(status: number, body: unknown, headers: Record<string, string> = {}): Reply {
  return {
    status,
    body: JSON.stringify(body),
    headers: { "Content-Type": "application/json; charset=utf-8", ...headers },
  };
}

function html(body: string): Reply {
  return { status: 200, body, headers: { "Content-Type": "text/html; charset=utf-8" } };
}

async function readBody(request: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request) {
    const buffer = Buffer.isBuffer(chunk) ? chunk : Buffer.from(String(chunk));
    size += buffer.length;
    if (size > MAX_BODY_BYTES) throw new HttpError(413, { errors: "Request body too large" });
    chunks.push(buffer);
  }
  return Buffer.concat(chunks).toString("utf8");
}

function mediaType(request: IncomingMessage): string {
  return (request.headers["content-type"] ?? "").split(";")[0]?.trim().toLowerCase() ?? "";
}

const graphqlBody = z.object({
  query: z.string().min(1),
  variables: z.record(z.unknown()).nullish(),
  operationName: z.string().nullish(),
});
type GraphqlBody = z.infer<typeof graphqlBody>;

const MISSING_QUERY = { errors: { query: "Required parameter missing or invalid" } };

function parseGraphqlBody(request: IncomingMessage, raw: string): GraphqlBody {
  // Shopify also takes a bare query with Content-Type application/graphql.
  if (mediaType(request) === "application/graphql") {
    if (!raw.trim()) throw new HttpError(400, MISSING_QUERY);
    return { query: raw };
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(raw);
  } catch {
    throw new HttpError(400, MISSING_QUERY);
  }
  const body = graphqlBody.safeParse(parsed);
  if (!body.success) throw new HttpError(400, MISSING_QUERY);
  return body.data;
}

function parseFormOrJson(request: IncomingMessage, raw: string): unknown {
  if (mediaType(request) === "application/x-www-form-urlencoded")
    return Object.fromEntries(new URLSearchParams(raw));
  try {
    return JSON.parse(raw);
  } catch {
    return undefined;
  }
}

function accessTokenHeader(request: IncomingMessage): string | undefined {
  const value = request.headers["x-shopify-access-token"];
  return Array.isArray(value) ? value[0] : value;
}

function costExtension(
  requested: number,
  actual: number | null,
  throttleStatus: ThrottleStatus,
): { cost: QueryCostExtension } {
  return { cost: { requestedQueryCost: requested, actualQueryCost: actual, throttleStatus } };
}

async function handleGraphql(
  state: SimulatorState,
  request: IncomingMessage,
  shop: string,
  store: ShopStore,
  version: string,
): Promise<Reply> {
  const versionHeader = { "X-Shopify-API-Version": SIMULATED_API_VERSION };
  if (request.method !== "POST")
    return json(405, { errors: "GraphQL requests must be POSTed" }, { Allow: "POST" });
  if (version !== SIMULATED_API_VERSION) {
    return json(404, {
      errors: `Not Found: this simulator serves only Admin API version ${SIMULATED_API_VERSION}, not ${version}`,
    });
  }
  const token = accessTokenHeader(request);
  const record = token ? state.tokens.find(shop, token) : undefined;
  if (!record) return json(401, INVALID_TOKEN_BODY);

  const body = parseGraphqlBody(request, await readBody(request));
  const variables = body.variables ?? {};
  const bucket = state.buckets.bucketFor(record.apiKey, shop, store.shop.plan);

  const prepared = prepareRequest(body.query, body.operationName);
  if ("errors" in prepared) {
    return json(
      200,
      { errors: prepared.errors, extensions: costExtension(0, 0, bucket.status()) },
      versionHeader,
    );
  }
  const costInput = {
    schema: adminSchema(),
    document: prepared.document,
    operation: prepared.operation,
    variables,
  };
  const requested = requestedQueryCost(costInput);
  if (requested > MAX_QUERY_COST) {
    return json(
      200,
      {
        errors: [maxCostExceededError(requested)],
        extensions: costExtension(requested, null, bucket.status()),
      },
      versionHeader,
    );
  }
  if (!bucket.tryTake(requested)) {
    return json(
      200,
      { errors: [THROTTLED_ERROR], extensions: costExtension(requested, null, bucket.status()) },
      versionHeader,
    );
  }
  const fault = state.faults?.next(shop, prepared.operation);
  if (fault?.before) {
    bucket.refund(requested);
    return fault.before;
  }

  let result: Awaited<ReturnType<typeof runRequest>>;
  try {
    // The token's scopes are what token exchange granted: the app's configured scopes.
    const access = grantFor({
      scope: record.scope,
      apiKey: record.apiKey,
      customerData: state.customerData?.get(shop) ?? FULL_CUSTOMER_DATA,
      now: store.options.now.getTime(),
    });
    result = await runRequest(store, prepared, variables, body.operationName ?? undefined, access);
  } catch (error) {
    bucket.refund(requested);
    const requestId = randomUUID();
    if (state.log)
      process.stderr.write(
        `simulator: internal error ${requestId}: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
      );
    return json(
      200,
      {
        errors: [
          {
            message: `Internal error. Looks like something went wrong on our end.\nRequest ID: ${requestId} (include this in support requests).`,
            extensions: {
              code: "INTERNAL_SERVER_ERROR",
              requestId,
              simulatorError: error instanceof Error ? error.message : String(error),
            },
          },
        ],
        extensions: costExtension(requested, 0, bucket.status()),
      },
      versionHeader,
    );
  }
  const actual = actualQueryCost({ ...costInput, data: result.data ?? null });
  bucket.refund(requested - actual);
  const reply = json(
    200,
    {
      ...(result.errors ? { errors: result.errors } : {}),
      ...(result.data !== undefined ? { data: result.data } : {}),
      extensions: {
        ...(result.extensions ?? {}),
        ...costExtension(requested, actual, bucket.status()),
      },
    },
    versionHeader,
  );
  if (fault?.abortAfterMs !== undefined) return { ...reply, abortAfterMs: fault.abortAfterMs };
  if (fault?.answerAfterMs !== undefined) return { ...reply, answerAfterMs: fault.answerAfterMs };
  return reply;
}

function staffFromQuery(shop: string, url: URL): number {
  const raw = url.searchParams.get("user");
  const id = raw === null ? DEFAULT_STAFF_ID : Number(raw);
  if (!Number.isInteger(id) || !findStaffMember(shop, id))
    throw new HttpError(404, { errors: `No staff member ${raw ?? ""} in ${shop}` });
  return id;
}

export function adminFramePath(state: SimulatorState, shop: string): string {
  return `/${shop}/admin/apps/${encodeURIComponent(state.app.apiKey)}`;
}

function handleAdminFrame(
  state: SimulatorState,
  shop: string,
  store: ShopStore,
  url: URL,
  appPath: string,
): Reply {
  const userId = staffFromQuery(shop, url);
  const staff = findStaffMember(shop, userId);
  const idToken = mintSessionToken({
    shop,
    apiKey: state.app.apiKey,
    apiSecret: state.app.apiSecret,
    userId,
  });
  const appFrameUrl = embeddedAppUrl({
    appUrl: state.app.appUrl,
    shop,
    apiSecret: state.app.apiSecret,
    idToken,
    path: appPath || "/app",
    // `user` picks the simulated staff member; the rest is the app's own query.
    query: Object.fromEntries([...url.searchParams].filter(([key]) => key !== "user")),
  });
  return html(
    renderAdminFramePage({
      shop,
      shopName: store.shop.name,
      staffName: staff ? `${staff.first_name} ${staff.last_name}` : "",
      userId,
      appFrameUrl,
      appOrigin: new URL(state.app.appUrl).origin,
      sessionTokenPath: `/${shop}/admin/session-token`,
      resourcePickerPath: `/${shop}/admin/resource-picker`,
      storefrontUrl: `/${shop}/storefront`,
      staff: staffFor(shop).map((member) => {
        const href = new URL(url.toString());
        href.searchParams.set("user", String(member.id));
        return {
          id: member.id,
          name: `${member.first_name} ${member.last_name}`,
          title: member.title,
          href: `${href.pathname}${href.search}`,
        };
      }),
    }),
  );
}

const CORS_ANY = { "Access-Control-Allow-Origin": "*" };

function handleHealth(state: SimulatorState): Reply {
  const shops = [...state.stores.values()].map((store) => ({
    domain: store.shop.myshopifyDomain,
    name: store.shop.name,
    plan: store.shop.plan,
    orders: store.orders.length,
  }));
  return json(200, { ok: true, apiVersion: SIMULATED_API_VERSION, shops });
}

const SHOP_ROUTE = /^\/([a-z0-9][a-z0-9-]*\.myshopify\.com)(\/.*)?$/i;

async function route(
  state: SimulatorState,
  request: IncomingMessage,
  origin: string,
): Promise<Reply> {
  const url = new URL(request.url ?? "/", origin);
  const method = request.method ?? "GET";
  const path = url.pathname;

  if (path === "/health" && method === "GET") return handleHealth(state);
  if (path === "/" && method === "GET") {
    return html(
      renderIndexPage(
        [...state.stores.values()].map((store) => ({
          domain: store.shop.myshopifyDomain,
          name: store.shop.name,
          adminUrl: adminFramePath(state, store.shop.myshopifyDomain),
          storefrontUrl: `/${store.shop.myshopifyDomain}/storefront`,
        })),
      ),
    );
  }
  if (path === "/cdn/app-bridge.js" && method === "GET") {
    return {
      status: 200,
      body: appBridgeStandInScript(),
      headers: {
        "Content-Type": "text/javascript; charset=utf-8",
        "Cache-Control": "no-cache",
        ...CORS_ANY,
      },
    };
  }

  if (path === "/outbox" && method === "GET")
    return html(renderOutboxPage(state.outbox, url, origin));

  if (path.startsWith(STOREFRONT_ASSET_PREFIX) && method === "GET")
    return serveStorefrontAsset(path.slice(STOREFRONT_ASSET_PREFIX.length));

  const shopMatch = SHOP_ROUTE.exec(path);
  if (!shopMatch) return json(404, { errors: "Not Found" });
  const shop = (shopMatch[1] ?? "").toLowerCase();
  const rest = shopMatch[2] ?? "/";
  const store = state.stores.get(shop);
  if (!store) return json(404, { errors: "Not Found" });

  // NOT a Shopify route: what the simulated Flow received from the app (demo and debugging).
  if (rest === "/flow/triggers" && method === "GET")
    return json(200, { triggers: receivedFlowTriggers(store) });

  if (rest.startsWith("/storefront/apps/")) {
    const proxied = await forwardAppProxy({
      request,
      shop,
      subpath: rest.slice("/storefront".length),
      url,
      app: state.app,
    });
    if (proxied) return proxied;
  }
  // What the simulated admin's resource picker lists (resource-picker.ts; not a Shopify route).
  if (rest === "/admin/resource-picker" && method === "GET") {
    const resources = pickableResources(
      store,
      url.searchParams.get("type"),
      url.searchParams.get("query") ?? "",
    );
    if (resources === null)
      return json(400, { errors: "type must be product, variant or collection" });
    return json(200, { resources });
  }
  // The admin's order page, where the app's shopify://admin/orders/<id> links land.
  const adminOrder = /^\/admin\/orders\/(\d+)$/.exec(rest);
  if (adminOrder && method === "GET") {
    const page = renderAdminOrderPage(store, Number(adminOrder[1]));
    return page ? html(page) : json(404, { errors: "Not Found" });
  }
  // The customer's order status page with Delay Desk's block (storefront/order-status-page.ts).
  if (rest === "/account/order-status" && method === "GET") {
    const page = await renderOrderStatusPage(store, url.searchParams.get("name") ?? "", origin);
    return page ? html(page) : json(404, { errors: "Not Found" });
  }
  if (rest === "/storefront" || rest.startsWith("/storefront/")) {
    const reply = await handleStorefrontRequest({
      store,
      request,
      path: rest.slice("/storefront".length),
      url,
      root: `/${shop}/storefront`,
    });
    if (reply) return reply;
  }

  const graphql = /^\/admin\/api\/([^/]+)\/graphql\.json$/.exec(rest);
  if (graphql) return handleGraphql(state, request, shop, store, graphql[1] ?? "");

  if (rest === "/admin/oauth/access_token" && method === "POST") {
    const body = parseFormOrJson(request, await readBody(request));
    const response = handleAccessTokenRequest(body, {
      shop,
      app: state.app,
      tokens: state.tokens,
      now: new Date(),
    });
    return json(response.status, response.body);
  }

  if (rest === "/admin/session-token") {
    // The stand-in asks here directly when the app is opened outside the admin frame.
    if (method === "OPTIONS")
      return {
        status: 204,
        body: "",
        headers: { ...CORS_ANY, "Access-Control-Allow-Methods": "POST" },
      };
    if (method === "POST") {
      const userId = staffFromQuery(shop, url);
      return json(
        200,
        {
          idToken: mintSessionToken({
            shop,
            apiKey: state.app.apiKey,
            apiSecret: state.app.apiSecret,
            userId,
          }),
        },
        CORS_ANY,
      );
    }
  }

  if (rest === "/simulator/customer-data" && state.customerData)
    return handleCustomerDataControl(
      state.customerData,
      shop,
      method,
      method === "GET" ? "" : await readBody(request),
    );
  if (rest === "/simulator/access-token/expire" && method === "POST") {
    return json(200, { expired: state.tokens.expireAccessTokens(shop) });
  }

  if (rest === "/simulator/faults" && state.faults)
    return handleFaultControl(
      state.faults,
      shop,
      method,
      method === "GET" ? "" : await readBody(request),
    );

  if (rest.startsWith("/simulator/") && state.webhooks) {
    const control = handleControl(
      store,
      state.webhooks,
      method,
      rest,
      method === "GET" ? "" : await readBody(request),
    );
    if (control) return control;
  }

  const frame = /^\/admin\/apps\/([^/]+)(\/.*)?$/.exec(rest);
  if (frame && method === "GET" && decodeURIComponent(frame[1] ?? "") === state.app.apiKey) {
    return handleAdminFrame(state, shop, store, url, frame[2] ?? "");
  }
  return json(404, { errors: "Not Found" });
}

/** The node:http request listener for a simulator whose base URL is `origin()`. */
export function createRequestListener(
  state: SimulatorState,
  origin: () => string,
): (request: IncomingMessage, response: ServerResponse) => void {
  return (request, response) => {
    const started = Date.now();
    const requestId = randomUUID();
    if (state.bulkFiles?.serve(request, response)) return;
    route(state, request, origin())
      .catch((error: unknown) => {
        if (error instanceof HttpError) return json(error.status, error.body);
        if (state.log)
          process.stderr.write(
            `simulator: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
          );
        // shopify.dev API reference, "Sample error codes": HTTP/1.1 500 Internal Server Error
        // { "errors": "An unexpected error occurred" }
        return json(500, { errors: "An unexpected error occurred" });
      })
      .then((reply) => {
        if (reply.abortAfterMs !== undefined) {
          // The client sees a timeout or a reset, never an answer; unref so tests can exit.
          setTimeout(() => request.socket.destroy(), reply.abortAfterMs).unref();
          if (state.log)
            process.stdout.write(
              `${request.method ?? "?"} ${request.url ?? ""} fault: socket destroyed after ${reply.abortAfterMs}ms\n`,
            );
          return;
        }
        const answer = () => {
          // A client that gave up on a slow answer has closed its socket: nothing to write to.
          if (request.socket.destroyed) return;
          response.writeHead(reply.status, {
            ...reply.headers,
            "X-Request-Id": requestId,
            "Content-Length": Buffer.byteLength(reply.body),
          });
          response.end(reply.body);
          if (state.log)
            process.stdout.write(
              `${request.method ?? "?"} ${request.url ?? ""} ${reply.status} ${Date.now() - started}ms\n`,
            );
        };
        if (reply.answerAfterMs === undefined) answer();
        else setTimeout(answer, reply.answerAfterMs).unref();
      });
  };
}
