// End to end over real HTTP against startSimulator({ port: 0 }) with a small seeded shop.
import "@shopify/shopify-api/adapters/node";
import { ApiVersion, RequestedTokenType, shopifyApi } from "@shopify/shopify-api";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { z } from "zod";
import { startSimulator, type RunningSimulator } from "./index";
import { mintSessionToken, verifySessionToken } from "./session-token";

const shop = "oak-and-hide.myshopify.com";
const app = {
  apiKey: "key-123",
  apiSecret: "secret-456",
  appUrl: "https://delay-desk.test",
  scopes:
    "read_all_orders,write_orders,read_products,read_customers,read_merchant_managed_fulfillment_orders",
};

let now = 1_000_000;
const clock = { now: () => now, advance: (ms: number) => (now += ms) };
let sim: RunningSimulator;
let token: string;

beforeAll(async () => {
  sim = await startSimulator({
    port: 0,
    app,
    clock: clock.now,
    shops: [
      { domain: shop, orders: 50, seed: 5 },
      { domain: "second-shop.myshopify.com", orders: 5, plan: "PLUS" },
    ],
  });
  token = sim.issueAccessToken(shop);
});
afterAll(async () => {
  await sim?.close();
});

const costSchema = z.object({
  requestedQueryCost: z.number(),
  actualQueryCost: z.number().nullable(),
  throttleStatus: z.object({
    maximumAvailable: z.number(),
    currentlyAvailable: z.number(),
    restoreRate: z.number(),
  }),
});
const graphqlResponse = z.object({
  data: z.unknown().optional(),
  errors: z
    .array(z.object({ message: z.string(), extensions: z.record(z.unknown()).optional() }))
    .optional(),
  extensions: z.object({ cost: costSchema }).passthrough(),
});

async function graphql(
  query: string,
  variables?: Record<string, unknown>,
  options: { token?: string | null; shop?: string; version?: string } = {},
) {
  const headers: Record<string, string> = { "Content-Type": "application/json" };
  const accessToken = options.token === undefined ? token : options.token;
  if (accessToken) headers["X-Shopify-Access-Token"] = accessToken;
  return fetch(
    `${sim.origin}/${options.shop ?? shop}/admin/api/${options.version ?? "2026-10"}/graphql.json`,
    {
      method: "POST",
      headers,
      body: JSON.stringify({ query, variables }),
    },
  );
}

async function graphqlOk(query: string, variables?: Record<string, unknown>) {
  const response = await graphql(query, variables);
  expect(response.status).toBe(200);
  const raw: unknown = await response.json();
  const parsed = graphqlResponse.safeParse(raw);
  if (!parsed.success)
    throw new Error(`Unexpected response: ${JSON.stringify(raw).slice(0, 2000)}`);
  return parsed.data;
}

describe("GET /health and /", () => {
  it("lists the shops with their plan and order count", async () => {
    const response = await fetch(`${sim.origin}/health`);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({
      ok: true,
      apiVersion: "2026-10",
      shops: [
        { domain: shop, name: sim.stores.get(shop)?.shop.name, plan: "STANDARD", orders: 50 },
        { domain: "second-shop.myshopify.com", name: expect.any(String), plan: "PLUS", orders: 5 },
      ],
    });
  });

  it("links each shop's admin frame from the index page", async () => {
    const page = await (await fetch(`${sim.origin}/`)).text();
    expect(page).toContain(`href="/${shop}/admin/apps/${app.apiKey}"`);
    expect(sim.adminUrl(shop)).toBe(`${sim.origin}/${shop}/admin/apps/${app.apiKey}`);
  });

  it("answers 404 to unknown routes", async () => {
    expect((await fetch(`${sim.origin}/nope`)).status).toBe(404);
    expect((await fetch(`${sim.origin}/${shop}/admin/nope`)).status).toBe(404);
  });
});

describe("POST /<shop>/admin/api/2026-10/graphql.json", () => {
  it("answers 401 with Shopify's body for a missing, unknown or other shop's token", async () => {
    const expected = {
      errors: "[API] Invalid API key or access token (unrecognized login or wrong password)",
    };
    for (const attempt of [
      null,
      "shpat_made_up",
      sim.issueAccessToken("second-shop.myshopify.com"),
    ]) {
      const response = await graphql("{ shop { name } }", undefined, { token: attempt });
      expect(response.status).toBe(401);
      expect(await response.json()).toEqual(expected);
    }
  });

  // 401 Unauthorized: "The necessary authentication credentials are not present in the request or
  // are incorrect." (https://shopify.dev/docs/api/usage/response-codes); an expiring offline token
  // stops working after its expires_in
  // (https://shopify.dev/changelog/offline-access-tokens-now-support-expiry-and-refresh).
  it("answers 401 with Shopify's body once POST /simulator/access-token/expire ends the token, and the refresh token then gives a working one", async () => {
    const pair = sim.issueExpiringAccessToken(shop);
    expect(pair.expiresIn).toBe(3600);
    expect(
      (await graphql("{ shop { name } }", undefined, { token: pair.accessToken })).status,
    ).toBe(200);
    const control = await fetch(`${sim.origin}/${shop}/simulator/access-token/expire`, {
      method: "POST",
    });
    expect(await control.json()).toEqual({ expired: 1 });
    const rejected = await graphql("{ shop { name } }", undefined, { token: pair.accessToken });
    expect(rejected.status).toBe(401);
    expect(await rejected.json()).toEqual({
      errors: "[API] Invalid API key or access token (unrecognized login or wrong password)",
    });
    // The classic token of beforeAll never expires.
    expect((await graphql("{ shop { name } }")).status).toBe(200);
    const refreshed = await fetch(`${sim.origin}/${shop}/admin/oauth/access_token`, {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify({
        client_id: app.apiKey,
        client_secret: app.apiSecret,
        refresh_token: pair.refreshToken,
        grant_type: "refresh_token",
      }),
    });
    const body = z
      .object({ access_token: z.string(), expires_in: z.number() })
      .parse(await refreshed.json());
    expect(body.expires_in).toBe(3600);
    expect(
      (await graphql("{ shop { name } }", undefined, { token: body.access_token })).status,
    ).toBe(200);
  });

  it("answers 404 for an unknown shop and for another API version", async () => {
    expect(
      (await graphql("{ shop { name } }", undefined, { shop: "nobody.myshopify.com" })).status,
    ).toBe(404);
    const response = await graphql("{ shop { name } }", undefined, { version: "2025-01" });
    expect(response.status).toBe(404);
    expect(JSON.stringify(await response.json())).toContain("only Admin API version 2026-10");
  });

  it("answers 400 without a query", async () => {
    const response = await fetch(`${sim.origin}/${shop}/admin/api/2026-10/graphql.json`, {
      method: "POST",
      headers: { "Content-Type": "application/json", "X-Shopify-Access-Token": token },
      body: JSON.stringify({ variables: {} }),
    });
    expect(response.status).toBe(400);
  });

  it("runs a query on the seeded store and reports its cost", async () => {
    const before = (await graphqlOk("{ shop { id } }")).extensions.cost.throttleStatus
      .currentlyAvailable;
    const body = await graphqlOk("{ shop { name } }");
    expect(body.data).toEqual({ shop: { name: sim.stores.get(shop)?.shop.name } });
    expect(body.extensions.cost).toEqual({
      requestedQueryCost: 1,
      actualQueryCost: 1,
      throttleStatus: { maximumAvailable: 2000, currentlyAvailable: before - 1, restoreRate: 100 },
    });
  });

  it("charges the requested cost, then refunds down to the nodes returned", async () => {
    const before = (await graphqlOk("{ shop { id } }")).extensions.cost.throttleStatus
      .currentlyAvailable;
    const body = await graphqlOk("query($n: Int!) { orders(first: $n) { nodes { id } } }", {
      n: 100,
    });
    // 50 orders exist: requested 2 + 100, actual 2 + 50.
    expect(body.extensions.cost.requestedQueryCost).toBe(102);
    expect(body.extensions.cost.actualQueryCost).toBe(52);
    expect(body.extensions.cost.throttleStatus.currentlyAvailable).toBe(before - 52);
  });

  it("answers validation errors with 200, the errors and a cost extension", async () => {
    const body = await graphqlOk("{ shop { notAField } }");
    expect(body.errors?.[0]?.message).toContain("notAField");
    expect(body.data).toBeUndefined();
    expect(body.extensions.cost.requestedQueryCost).toBe(0);
  });

  it("refuses a query above 1000 points with MAX_COST_EXCEEDED and charges nothing", async () => {
    const before = (await graphqlOk("{ shop { id } }")).extensions.cost.throttleStatus
      .currentlyAvailable;
    const body = await graphqlOk(
      "{ orders(first: 250) { nodes { lineItems(first: 250) { nodes { id } } } } }",
    );
    expect(body.data).toBeUndefined();
    expect(body.errors).toEqual([
      {
        message: expect.stringMatching(
          /^Query cost is 63252, which exceeds the single query max cost limit \(1000\)\./,
        ),
        extensions: {
          code: "MAX_COST_EXCEEDED",
          cost: 63252,
          maxCost: 1000,
          documentation: "https://shopify.dev/api/usage/limits#rate-limits",
        },
      },
    ]);
    expect(body.extensions.cost.requestedQueryCost).toBe(63252);
    expect(body.extensions.cost.throttleStatus.currentlyAvailable).toBe(before);
  });

  it("charges a mutation 10 points", async () => {
    const body = await graphqlOk(
      `mutation { tagsAdd(id: "gid://shopify/Order/1", tags: ["late"]) { userErrors { message } } }`,
    );
    expect(body.extensions.cost.requestedQueryCost).toBe(10);
  });

  it("throttles when the bucket runs dry, then restores over time (fake clock)", async () => {
    // order 1 + customer 1 + lineItems (2 + 3) = 7 per order; 2 + 100 x 7 = 702 requested.
    const heavy =
      "{ orders(first: 100) { nodes { id customer { id } lineItems(first: 3) { nodes { id } } } } }";
    let available = (await graphqlOk("{ shop { id } }")).extensions.cost.throttleStatus
      .currentlyAvailable;
    let throttled: z.infer<typeof graphqlResponse> | undefined;
    for (let attempt = 0; attempt < 20 && !throttled; attempt += 1) {
      const body = await graphqlOk(heavy);
      const cost = body.extensions.cost;
      expect(cost.requestedQueryCost).toBe(702);
      if (body.errors?.[0]?.extensions?.code === "THROTTLED") {
        throttled = body;
        break;
      }
      expect(cost.actualQueryCost).toBeLessThan(702);
      expect(cost.throttleStatus.currentlyAvailable).toBe(
        available - (cost.actualQueryCost ?? NaN),
      );
      available = cost.throttleStatus.currentlyAvailable;
    }
    if (!throttled) throw new Error("never throttled");
    expect(available).toBeLessThan(702);
    expect(throttled).toEqual({
      errors: [
        {
          message: "Throttled",
          extensions: {
            code: "THROTTLED",
            documentation: "https://shopify.dev/api/usage/rate-limits",
          },
        },
      ],
      extensions: {
        cost: {
          requestedQueryCost: 702,
          actualQueryCost: null,
          throttleStatus: {
            maximumAvailable: 2000,
            currentlyAvailable: available,
            restoreRate: 100,
          },
        },
      },
    });

    clock.advance(1000);
    const after = await graphqlOk("{ shop { id } }");
    expect(after.extensions.cost.throttleStatus.currentlyAvailable).toBe(available + 100 - 1);
    clock.advance(60_000);
    const restored = await graphqlOk(heavy);
    expect(restored.errors).toBeUndefined();
  });

  it("keeps a separate bucket per shop, sized by its plan", async () => {
    const other = sim.issueAccessToken("second-shop.myshopify.com");
    const response = await graphql("{ shop { id } }", undefined, {
      token: other,
      shop: "second-shop.myshopify.com",
    });
    const body = graphqlResponse.parse(await response.json());
    expect(body.extensions.cost.throttleStatus).toEqual({
      maximumAvailable: 20000,
      currentlyAvailable: 19999,
      restoreRate: 1000,
    });
  });
});

describe("POST /<shop>/admin/oauth/access_token with @shopify/shopify-api", () => {
  // The library's own tokenExchange and GraphQL client, pointed at the simulator the way the app
  // is (only the host of https://<shop>/... changes).
  function library() {
    return shopifyApi({
      apiKey: app.apiKey,
      apiSecretKey: app.apiSecret,
      apiVersion: ApiVersion.October26,
      hostName: "delay-desk.test",
      isEmbeddedApp: true,
      logger: { log: () => undefined },
    });
  }

  async function withRewrittenFetch<T>(run: () => Promise<T>): Promise<T> {
    const { abstractFetch, setAbstractFetchFunc } = await import("@shopify/shopify-api/runtime");
    const upstream = abstractFetch;
    setAbstractFetchFunc((input, init) =>
      upstream(String(input).replace(/^https:\/\//, `${sim.origin}/`), init),
    );
    try {
      return await run();
    } finally {
      setAbstractFetchFunc(upstream);
    }
  }

  it("exchanges a session token for offline and online tokens that then work", async () => {
    await withRewrittenFetch(async () => {
      const shopify = library();
      const sessionToken = sim.mintSessionToken(shop, 1);
      const { session } = await shopify.auth.tokenExchange({
        shop,
        sessionToken,
        requestedTokenType: RequestedTokenType.OfflineAccessToken,
      });
      expect(session.accessToken).toMatch(/^shpat_/);
      expect(session.scope).toBe(app.scopes);
      const client = new shopify.clients.Graphql({ session });
      const result = await client.request("{ shop { name } }");
      expect(result.data).toEqual({ shop: { name: sim.stores.get(shop)?.shop.name } });

      const online = await shopify.auth.tokenExchange({
        shop,
        sessionToken,
        requestedTokenType: RequestedTokenType.OnlineAccessToken,
      });
      expect(online.session.isOnline).toBe(true);
      expect(online.session.onlineAccessInfo?.associated_user).toMatchObject({
        id: 1,
        first_name: "Dawn",
        last_name: "Rivera",
      });
    });
  });

  it("refuses a session token with a bad signature (HTTP 400 invalid_subject_token)", async () => {
    const forged = mintSessionToken({
      shop,
      apiKey: app.apiKey,
      apiSecret: "not-the-secret",
      userId: 1,
    });
    const response = await fetch(`${sim.origin}/${shop}/admin/oauth/access_token`, {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify({
        client_id: app.apiKey,
        client_secret: app.apiSecret,
        grant_type: "urn:ietf:params:oauth:grant-type:token-exchange",
        subject_token: forged,
        subject_token_type: "urn:ietf:params:oauth:token-type:id_token",
        requested_token_type: "urn:shopify:params:oauth:token-type:offline-access-token",
      }),
    });
    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({ error: "invalid_subject_token" });
  });

  it("refuses a wrong client secret", async () => {
    const response = await fetch(`${sim.origin}/${shop}/admin/oauth/access_token`, {
      method: "POST",
      headers: { "Content-Type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams({
        client_id: app.apiKey,
        client_secret: "guess",
        grant_type: "urn:ietf:params:oauth:grant-type:token-exchange",
        subject_token: sim.mintSessionToken(shop),
        subject_token_type: "urn:ietf:params:oauth:token-type:id_token",
        requested_token_type: "urn:shopify:params:oauth:token-type:offline-access-token",
      }),
    });
    expect(response.status).toBe(401);
    expect(await response.json()).toMatchObject({ error: "invalid_client" });
  });
});

describe("the simulated admin", () => {
  it("serves the admin frame page with a valid id_token and hmac for the app", async () => {
    const response = await fetch(sim.adminUrl(shop));
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toContain("text/html");
    const page = await response.text();
    expect(page).toContain(sim.stores.get(shop)?.shop.name.replace(/&/g, "&amp;"));
    expect(page).toContain("Delay Desk");
    const src = /<iframe[^>]* src="([^"]+)"/.exec(page)?.[1]?.replace(/&amp;/g, "&") ?? "";
    const url = new URL(src);
    expect(url.origin + url.pathname).toBe(`${app.appUrl}/app`);
    const shopify = shopifyApi({
      apiKey: app.apiKey,
      apiSecretKey: app.apiSecret,
      apiVersion: ApiVersion.October26,
      hostName: "delay-desk.test",
      isEmbeddedApp: true,
      logger: { log: () => undefined },
    });
    expect(await shopify.utils.validateHmac(Object.fromEntries(url.searchParams))).toBe(true);
    const payload = await shopify.session.decodeSessionToken(
      url.searchParams.get("id_token") ?? "",
    );
    expect(payload.dest).toBe(`https://${shop}`);
    expect(payload.sub).toBe("1");
  });

  it("frames the app with its own query from the admin URL, signed with admin's parameters", async () => {
    const page = await (
      await fetch(`${sim.adminUrl(shop)}/app/remedies?remedy=shipping&class=overdue&user=3`)
    ).text();
    const src = /<iframe[^>]* src="([^"]+)"/.exec(page)?.[1]?.replace(/&amp;/g, "&") ?? "";
    const frame = new URL(src);
    expect(frame.pathname).toBe("/app/remedies");
    expect(frame.searchParams.get("remedy")).toBe("shipping");
    expect(frame.searchParams.get("class")).toBe("overdue");
    expect(frame.searchParams.get("user")).toBeNull();
    expect(frame.searchParams.get("embedded")).toBe("1");
    const library = shopifyApi({
      apiKey: app.apiKey,
      apiSecretKey: app.apiSecret,
      apiVersion: ApiVersion.October26,
      hostName: "delay-desk.test",
      isEmbeddedApp: true,
      logger: { log: () => undefined },
    });
    // Shopify's library checks the HMAC over every parameter, the app's own included.
    expect(await library.utils.validateHmac(Object.fromEntries(frame.searchParams))).toBe(true);
  });

  it("frames a deeper app path and another staff member when asked", async () => {
    const page = await (await fetch(`${sim.adminUrl(shop)}/app/orders?user=3`)).text();
    const src = /<iframe[^>]* src="([^"]+)"/.exec(page)?.[1]?.replace(/&amp;/g, "&") ?? "";
    expect(new URL(src).pathname).toBe("/app/orders");
    expect(page).toContain("Priya Shah");
    expect((await fetch(`${sim.origin}/${shop}/admin/apps/another-app`)).status).toBe(404);
  });

  it("hands out fresh session tokens for the logged-in staff member", async () => {
    const response = await fetch(`${sim.origin}/${shop}/admin/session-token?user=3`, {
      method: "POST",
    });
    expect(response.headers.get("access-control-allow-origin")).toBe("*");
    const { idToken } = z.object({ idToken: z.string() }).parse(await response.json());
    expect(verifySessionToken(idToken, app.apiSecret, app.apiKey)).toMatchObject({
      ok: true,
      shop,
      payload: { sub: "3" },
    });
    expect(
      (await fetch(`${sim.origin}/${shop}/admin/session-token?user=99`, { method: "POST" })).status,
    ).toBe(404);
  });

  it("serves the App Bridge stand-in as JavaScript with CORS *", async () => {
    const response = await fetch(`${sim.origin}/cdn/app-bridge.js`);
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toContain("text/javascript");
    expect(response.headers.get("access-control-allow-origin")).toBe("*");
    expect(await response.text()).toContain("window.shopify");
  });
});
