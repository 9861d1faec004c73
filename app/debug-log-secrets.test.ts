// A merchant's whole day at LOG_LEVEL=debug, with the real Shopify library logger: the first admin
// load (token exchange), a bearer request, the order import, a delay notice mailed through a real
// SMTP server (with its signed wait-or-refund links), the shopper opening the cancel link through
// the signed app proxy, and the refund job it queues. Every console method and every write to
// process.stdout/stderr is captured, and none may hold a token, the app secret, a session token,
// the proxy signature, a signed choice link or its token, or a customer's email.
// Where the library logs at debug: @shopify/shopify-app-remix logs App Bridge's session token
// verbatim, from the Authorization header or the first load's `id_token=` ("Attempting to
// authenticate session token", node_modules/@shopify/shopify-app-remix/dist/esm/server/authenticate/admin/authenticate.mjs;
// source src/server/authenticate/admin/authenticate.ts in Shopify/shopify-app-js), and the decoded
// payload (authenticate/helpers/validate-session-token.mjs). With `logger.httpRequests` on,
// @shopify/shopify-api would log every Admin request and response body, customer emails included
// (node_modules/@shopify/shopify-api/dist/esm/lib/clients/common.mjs clientLoggerFactory; it strips
// only the access-token header, sanitizeHeaders). The app keeps httpRequests off and redacts every
// line it is given (app/log-redaction.ts, wired in app/shopify.server.ts); this test fails on the
// library's default logger.
// Signed inputs as Shopify makes them: the app proxy's `signature=`
// (https://shopify.dev/docs/apps/build/online-store/app-proxies/authenticate-app-proxies,
// simulator/storefront-proxy.ts), App Bridge session tokens as JWTs
// (https://shopify.dev/docs/apps/build/authentication-authorization/session-tokens).
import type { OrderSync } from "./orders/sync.server";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import type { PrismaClient } from "@prisma/client";
import { startMailServer, type RunningMailServer } from "@delay-desk/simulator/mail/mail-server";
import { signedProxyQuery } from "@delay-desk/simulator/storefront-proxy";
import {
  callRoute,
  startAppUnderTest,
  TEST_APP,
  type AppUnderTest,
} from "../tests/support/app-under-test";
import { openAppWithTomlWebhooks, settleOrderSync } from "../tests/support/webhook-delivery";
import { DEFAULT_TEMPLATE } from "./notices/render-notice";
import { runJobsToEnd } from "../tests/support/run-jobs";
import { saveSampleSender } from "../tests/support/notice-setup";

let app: AppUnderTest;
let mail: RunningMailServer;
let db: PrismaClient;
let sync: OrderSync;
const logged: string[] = [];
const restore: (() => void)[] = [];
const mintedSessionTokens: string[] = [];
const proxySignatures: string[] = [];

const text = (value: unknown): string =>
  typeof value === "string"
    ? value
    : value instanceof Error
      ? `${value.message}\n${value.stack ?? ""}`
      : (JSON.stringify(value) ?? String(value));

function captureOutput(): void {
  // console.error is left to tests/setup/fail-on-console-error.ts: any call fails this test.
  for (const method of ["log", "info", "warn", "debug", "trace"] as const) {
    const spy = vi.spyOn(console, method).mockImplementation((...args: unknown[]) => {
      logged.push(args.map(text).join(" "));
    });
    restore.push(() => spy.mockRestore());
  }
  for (const stream of [process.stdout, process.stderr]) {
    const spy = vi.spyOn(stream, "write").mockImplementation((chunk: string | Uint8Array) => {
      logged.push(typeof chunk === "string" ? chunk : Buffer.from(chunk).toString("utf8"));
      return true;
    });
    restore.push(() => spy.mockRestore());
  }
}

beforeAll(async () => {
  mail = await startMailServer();
  app = await startAppUnderTest({ orders: 12, seed: 21 });
  process.env.LOG_LEVEL = "debug";
  process.env.SMTP_URL = mail.url;
  // Every token the simulator mints for App Bridge, to look for each one in the log.
  const mint = app.simulator.mintSessionToken.bind(app.simulator);
  app.simulator.mintSessionToken = (shop, userId) => {
    const token = mint(shop, userId);
    mintedSessionTokens.push(token);
    return token;
  };
  db = (await import("./db.server")).default;
  sync = (await import("./services.server")).appServices().orderSync;
});

afterAll(async () => {
  for (const undo of restore) undo();
  await settleOrderSync(app.simulator, sync);
  sync.stop();
  await db.$disconnect();
  await app.close();
  await mail.close();
  delete process.env.SMTP_URL;
});

describe("a full flow at LOG_LEVEL=debug", () => {
  it("writes no token, secret, session token, proxy signature, signed choice link or customer email to any console method or stream", async () => {
    captureOutput();
    let cancelLink = "";
    try {
      // First admin load: token exchange, then the order import.
      await openAppWithTomlWebhooks(app);
      await settleOrderSync(app.simulator, sync);
      const store = app.simulator.stores.get(app.shop);
      if (!store) throw new Error("no store");
      const order = store.orders.find(
        (o) =>
          o.cancelledAt === null && o.receivedCents > 0 && o.fulfillmentStatus === "UNFULFILLED",
      );
      if (!order) throw new Error("no open paid order");
      const orderGid = `gid://shopify/Order/${order.id}`;
      await db.trackedOrder.update({
        where: { shop_id: { shop: app.shop, id: orderGid } },
        data: {
          delayClass: "at_risk",
          likelyShipDate: "2026-12-07",
          conservativeShipDate: "2026-12-18",
        },
      });

      // Bearer requests: save the notice, then send it to that order.
      await saveSampleSender(db, app.shop);
      const notices = await import("./routes/app.notices");
      const post = (fields: Record<string, string>) =>
        app.bearerRequest("/app/notices", { method: "POST", body: new URLSearchParams(fields) });
      expect(
        await callRoute(
          notices.action,
          post({
            intent: "save",
            subject: DEFAULT_TEMPLATE.subject,
            body: DEFAULT_TEMPLATE.body,
            reason: "Our kiln broke.",
            replyTo: "dawn@oakandhide.com",
          }),
        ),
      ).toEqual({ intent: "save", ok: true });
      // Sending is reviewed, then confirmed with the review's fingerprint.
      const review = await callRoute(
        notices.action,
        post({ intent: "review", target: "selection", orders: String(order.id) }),
      );
      if (review instanceof Response || review.intent !== "review") throw new Error("no review");
      const sent = await callRoute(
        notices.action,
        post({
          intent: "confirm",
          target: "selection",
          orders: String(order.id),
          fingerprint: review.plan.fingerprint,
        }),
      );
      expect(sent).toBeInstanceOf(Response);

      // The app's own job runner, from its composition root.
      const { jobs } = (await import("./services.server")).appServices();
      await runJobsToEnd(jobs, db);
      const received = mail.received().find((m) => m.to[0] === order.email);
      expect(received).toBeDefined();
      cancelLink =
        [...(received?.text ?? "").matchAll(/https:\/\/\S+/g)]
          .map((m) => m[0])
          .find((link) => link.includes("choice=cancel")) ?? "";
      expect(cancelLink).toContain("token=");

      // The shopper opens the cancel link; Shopify forwards it to the app proxy, signed.
      const proxy = await import("./routes/proxy.choice");
      const proxied = (method: string) => {
        const query = signedProxyQuery(new URL(cancelLink).searchParams, {
          shop: app.shop,
          secret: TEST_APP.apiSecret,
        });
        proxySignatures.push(query.get("signature") ?? "");
        return new Request(`${TEST_APP.appUrl}/proxy/choice?${query.toString()}`, {
          method,
          ...(method === "POST" ? { body: new URLSearchParams({ confirm: "cancel" }) } : {}),
        });
      };
      expect((await callRoute(proxy.loader, proxied("GET"))).status).toBe(200);
      expect(await (await callRoute(proxy.action, proxied("POST"))).text()).toContain(
        "being cancelled",
      );

      // The refund job the choice queued, on the app's runner and background admin.
      await runJobsToEnd(jobs, db);
      const job = await db.job.findFirst({ where: { shop: app.shop, kind: "cancel_refund" } });
      expect(job?.status).toBe("completed");
      expect(store.orders.find((o) => o.id === order.id)?.cancelledAt).not.toBeNull();
      await settleOrderSync(app.simulator, sync);
    } finally {
      for (const undo of restore.splice(0)) undo();
    }

    const session = await db.session.findUniqueOrThrow({ where: { id: `offline_${app.shop}` } });
    const grants = app.simulator
      .tokenGrants(app.shop)
      .flatMap((g) => [g.accessToken, g.refreshToken]);
    const store = app.simulator.stores.get(app.shop);
    const emails = (store?.orders ?? [])
      .map((o) => o.email)
      .filter((e): e is string => typeof e === "string" && e.length > 0);
    const choiceToken = new URL(cancelLink).searchParams.get("token") ?? "";
    const secrets = [
      session.accessToken,
      session.refreshToken,
      ...grants,
      TEST_APP.apiSecret,
      ...mintedSessionTokens,
      ...proxySignatures,
      cancelLink,
      choiceToken,
      ...emails,
    ].filter((s): s is string => typeof s === "string" && s.length > 0);
    expect(mintedSessionTokens.length).toBeGreaterThan(1);
    expect(proxySignatures).toHaveLength(2);
    expect(emails.length).toBeGreaterThan(0);
    // The library did talk at debug level, so there was something to check.
    expect(logged.some((line) => /Authenticating admin request/i.test(line))).toBe(true);
    const leaks = logged.flatMap((line) =>
      secrets
        .filter((secret) => line.includes(secret))
        .map((secret) => `${secret.slice(0, 12)}… in: ${line.slice(0, 300)}`),
    );
    expect(leaks).toEqual([]);
    expect(logged.filter((line) => /eyJ[\w-]{10,}/.test(line))).toEqual([]);
  });
});
