// Property: whatever reaches a webhook route — malformed, oversized or hostile headers and bodies,
// signed with the app's secret or not — the answer is a 4xx with a reason (or a 2xx for a genuine
// delivery), never a 5xx, and a refused request writes nothing. Shopify signs only the raw body
// (shopify.dev "Deliver webhooks through HTTPS", https://shopify.dev/docs/apps/build/webhooks/subscribe/https),
// so an attacker holding one signed body controls every header: the generator below signs its
// bodies with the real secret half of the time. Headers are those of shopify.dev "Webhooks delivery
// structure" (https://shopify.dev/docs/apps/build/webhooks/delivery-structure).
import type { OrderSync } from "../orders/sync.server";
import type { PrismaClient } from "@prisma/client";
import fc from "fast-check";
import { readdirSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { webhookHmac } from "@delay-desk/simulator/webhook-request";
import { startAppUnderTest, TEST_APP, type AppUnderTest } from "../../tests/support/app-under-test";
import { WEBHOOK_TOPICS } from "./webhook-binding";

let app: AppUnderTest;
let db: PrismaClient;
let sync: OrderSync;

// Installed once (an import ran), uninstalled since: no session, so no Admin call is ever made.
const UNINSTALLED = "gone-quiet.myshopify.com";
const ROUTES_DIR = path.resolve(import.meta.dirname, "../routes");

beforeAll(async () => {
  app = await startAppUnderTest({ orders: 1, seed: 1 });
  db = (await import("../db.server")).default;
  sync = (await import("../services.server")).appServices().orderSync;
});

// Each test on a fresh database: a shop that was installed once (its import ran), now without session.
beforeEach(async () => {
  await db.orderSync.create({ data: { shop: UNINSTALLED, kind: "bulk", status: "completed" } });
});

afterAll(async () => {
  await sync.drain();
  await db.$disconnect();
  await app.close();
});

async function rowCounts(): Promise<number[]> {
  return Promise.all([
    db.session.count(),
    db.webhookReceipt.count(),
    db.orderSync.count(),
    db.trackedOrder.count(),
    db.job.count(),
    db.orderEvent.count(),
    db.shopSettings.count(),
  ]);
}

const printable = (maxLength: number) =>
  fc.string({
    unit: fc.constantFrom(..." !\"#$%&'()*+,-./0123456789:;<=>?@ABCXYZ[\\]^_`abcxyz{|}~"),
    maxLength,
  });
const topics = [...WEBHOOK_TOPICS];

const shopHeader = fc.oneof(
  { arbitrary: fc.constant(UNINSTALLED), weight: 3 },
  fc.constant("never-installed.myshopify.com"),
  fc.constant("oak-and-hide.myshopify.com"), // the simulator's shop, installed nowhere in this file
  fc.constant("evil.example.com"),
  fc.constant(`${"a".repeat(300)}.myshopify.com`),
  printable(80),
);
const topicHeader = fc.oneof(fc.constantFrom(...topics), printable(40));
const jsonBody = fc.oneof(
  fc.json({ maxDepth: 4 }),
  fc
    .record(
      {
        admin_graphql_api_id: fc.oneof(
          fc.constant("gid://shopify/Order/1"),
          fc.constant("gid://shopify/Shop/1"),
          printable(30),
        ),
        shop_domain: shopHeader,
        myshopify_domain: shopHeader,
      },
      { requiredKeys: [] },
    )
    .map((value) => JSON.stringify(value)),
);
// A body that passes for the uninstalled shop on order and compliance routes.
const plausible = JSON.stringify({
  id: 5,
  shop_id: 1,
  shop_domain: UNINSTALLED,
  admin_graphql_api_id: "gid://shopify/Order/5",
});
const body = fc.oneof(
  { arbitrary: fc.constant(plausible), weight: 2 },
  jsonBody,
  printable(200),
  fc.constant('{"id": 1,'),
  fc.constant(JSON.stringify({ blob: "x".repeat(300_000) })),
  fc.constant(""),
);
// The route's own topic most of the time, so deliveries get past the header checks to the body's.
const delivery = fc.constantFrom(...topics).chain((route) =>
  fc.record({
    route: fc.constant(route),
    topic: fc.option(
      fc.oneof({ arbitrary: fc.constant(route), weight: 4 }, { arbitrary: topicHeader, weight: 1 }),
      { nil: undefined, freq: 10 },
    ),
    shop: fc.option(shopHeader, { nil: undefined, freq: 10 }),
    body,
    signed: fc.boolean(),
    eventId: fc.option(printable(60), { nil: undefined, freq: 5 }),
    webhookId: fc.option(printable(60), { nil: undefined, freq: 10 }),
    apiVersion: fc.option(fc.oneof(fc.constant("2026-10"), printable(20)), {
      nil: undefined,
      freq: 10,
    }),
  }),
);

type Delivery = typeof delivery extends fc.Arbitrary<infer T> ? T : never;

function requestOf(d: Delivery): Request {
  const headers = new Headers({ "Content-Type": "application/json" });
  if (d.topic !== undefined) headers.set("X-Shopify-Topic", d.topic);
  if (d.shop !== undefined) headers.set("X-Shopify-Shop-Domain", d.shop);
  if (d.eventId !== undefined) headers.set("X-Shopify-Event-Id", d.eventId);
  if (d.webhookId !== undefined) headers.set("X-Shopify-Webhook-Id", d.webhookId);
  if (d.apiVersion !== undefined) headers.set("X-Shopify-API-Version", d.apiVersion);
  headers.set(
    "X-Shopify-Hmac-Sha256",
    webhookHmac(d.body, d.signed ? TEST_APP.apiSecret : "a-guessed-secret"),
  );
  return new Request(`${TEST_APP.appUrl}/webhooks/${d.route}`, {
    method: "POST",
    headers,
    body: d.body,
  });
}

async function answer(route: string, request: Request): Promise<{ status: number; text: string }> {
  const module: unknown = await import(`../routes/webhooks.${route.replace("/", ".")}.tsx`);
  if (
    typeof module !== "object" ||
    module === null ||
    !("action" in module) ||
    typeof module.action !== "function"
  )
    throw new Error(`no action for ${route}`);
  try {
    const response: unknown = await module.action({ request, params: {}, context: {} });
    if (!(response instanceof Response)) return { status: 500, text: "not a Response" };
    return { status: response.status, text: await response.text() };
  } catch (thrown) {
    if (thrown instanceof Response) return { status: thrown.status, text: await thrown.text() };
    // Anything else thrown out of an action is what Remix turns into a 500.
    return { status: 500, text: thrown instanceof Error ? thrown.message : String(thrown) };
  }
}

describe("every webhook route, under hostile input", () => {
  it("covers every app/routes/webhooks.*.tsx", () => {
    const files = readdirSync(ROUTES_DIR).filter(
      (f) => /^webhooks\..+\.tsx$/.test(f) && !f.endsWith(".test.tsx"),
    );
    expect(
      files
        .map((f) =>
          f
            .replace(/^webhooks\./, "")
            .replace(/\.tsx$/, "")
            .replace(".", "/"),
        )
        .sort(),
    ).toEqual([...topics].sort());
  });

  it("answers 4xx with a reason or 2xx, never 5xx, and a refusal writes no row", async () => {
    const warn = vi.spyOn(console, "warn").mockImplementation(() => undefined);
    const seen = new Set<number>();
    try {
      await fc.assert(
        fc.asyncProperty(delivery, async (d) => {
          const before = await rowCounts();
          const { status, text } = await answer(d.route, requestOf(d));
          await sync.drain();
          seen.add(status);
          expect(status, text).toBeLessThan(500);
          expect(status).toBeGreaterThanOrEqual(200);
          if (status >= 400) {
            // 405 is the library's own (a non-POST); every other refusal says why.
            expect(text.length, `status ${status} without a reason`).toBeGreaterThan(0);
            expect(await rowCounts()).toEqual(before);
          }
        }),
        { numRuns: 300, seed: 20261201 },
      );
      // The generator reached every kind of answer, not only the first refusal.
      expect([...seen].sort()).toEqual(expect.arrayContaining([200, 400, 401, 404]));
    } finally {
      warn.mockRestore();
    }
  });

  it("refuses every unsigned delivery with 4xx, whatever the headers", async () => {
    await fc.assert(
      fc.asyncProperty(delivery, async (d) => {
        const { status } = await answer(d.route, requestOf({ ...d, signed: false }));
        expect(status).toBeGreaterThanOrEqual(400);
        expect(status).toBeLessThan(500);
      }),
      { numRuns: 150, seed: 7 },
    );
  });
});
