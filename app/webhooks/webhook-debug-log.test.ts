// At LOG_LEVEL=debug the Shopify library logs each step of authenticate.webhook (HMAC check, session
// load: node_modules/@shopify/shopify-app-remix/dist/esm/server/authenticate/webhooks/authenticate.mjs
// and helpers/create-or-load-offline-session.mjs). Whatever is logged while webhooks of every kind
// arrive — genuine, forged, malformed, for a shop without a session — must hold no access or refresh
// token, no app secret, no HMAC and no customer email.
import type { OrderSync } from "../orders/sync.server";
import type { PrismaClient } from "@prisma/client";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { signedWebhookRequest, webhookHmac } from "@delay-desk/simulator/webhook-request";
import { startAppUnderTest, TEST_APP, type AppUnderTest } from "../../tests/support/app-under-test";
import { deliverToWebhookRoute } from "../../tests/support/webhook-delivery";

let app: AppUnderTest;
let db: PrismaClient;
let sync: OrderSync;
const EMAIL = "private.buyer@example.com";
const TOKEN = "shpat_debuglogcheck0123456789";
const REFRESH = "shprt_debuglogcheck0123456789";

beforeAll(async () => {
  app = await startAppUnderTest({ orders: 1, seed: 1 });
  process.env.LOG_LEVEL = "debug";
  db = (await import("../db.server")).default;
  sync = (await import("../services.server")).appServices().orderSync;
  await db.session.create({
    data: {
      id: "offline_logged.myshopify.com",
      shop: "logged.myshopify.com",
      state: "",
      isOnline: false,
      accessToken: TOKEN,
      refreshToken: REFRESH,
      scope: "read_orders",
    },
  });
  await db.orderSync.create({
    data: { shop: "gone.myshopify.com", kind: "bulk", status: "completed" },
  });
});

afterAll(async () => {
  await sync.drain();
  await db.$disconnect();
  await app.close();
});

describe("webhooks at LOG_LEVEL=debug", () => {
  it("log no token, secret, HMAC or customer email", async () => {
    const lines: string[] = [];
    const capture = (...args: unknown[]) =>
      void lines.push(
        args.map((a) => (typeof a === "string" ? a : (JSON.stringify(a) ?? String(a)))).join(" "),
      );
    const spies = (["log", "info", "debug", "warn"] as const).map((name) =>
      vi.spyOn(console, name).mockImplementation(capture),
    );
    const hmacs: string[] = [];
    try {
      const payload = {
        id: 9,
        admin_graphql_api_id: "gid://shopify/Order/9",
        email: EMAIL,
        customer: { email: EMAIL },
      };
      for (const shop of ["logged.myshopify.com", "gone.myshopify.com", "never.myshopify.com"]) {
        for (const secret of [TEST_APP.apiSecret, "forged"]) {
          const request = signedWebhookRequest({
            url: `${TEST_APP.appUrl}/webhooks/orders/create`,
            topic: "orders/create",
            shop,
            payload,
            apiSecret: secret,
          });
          hmacs.push(request.headers.get("x-shopify-hmac-sha256") ?? "");
          await deliverToWebhookRoute(request);
        }
      }
      const body = `{"email": "${EMAIL}",`;
      const malformed = signedWebhookRequest({
        url: `${TEST_APP.appUrl}/webhooks/orders/create`,
        topic: "orders/create",
        shop: "logged.myshopify.com",
        payload: null,
        apiSecret: TEST_APP.apiSecret,
      });
      const headers = new Headers(malformed.headers);
      headers.set("x-shopify-hmac-sha256", webhookHmac(body, TEST_APP.apiSecret));
      await deliverToWebhookRoute(new Request(malformed.url, { method: "POST", headers, body }));
      await sync.drain();
    } finally {
      for (const spy of spies) spy.mockRestore();
    }
    // The library did log at debug (the test would prove nothing at a quieter level).
    expect(lines.some((line) => /offline session/i.test(line))).toBe(true);
    const all = lines.join("\n");
    for (const secret of [TOKEN, REFRESH, TEST_APP.apiSecret, EMAIL, ...hmacs])
      expect(all).not.toContain(secret);
  });
});
