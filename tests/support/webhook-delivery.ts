// Webhooks as Shopify reaches the app in integration tests: each delivery goes to the route for
// its topic, and a test waits until everything a delivery set off (bulk imports, further
// deliveries, the order-sync queue) has finished.
import path from "node:path";
import type { PrismaClient } from "@prisma/client";
import { afterAll, afterEach, beforeAll, beforeEach } from "vitest";
import { z } from "zod";
import type { SeedOptions } from "@delay-desk/simulator/seed";
import type { ShopStore } from "@delay-desk/simulator/store/shop-store";
import { subscriptionsFromTomlFile } from "@delay-desk/simulator/webhooks/toml-subscriptions";
import type { OrderSync } from "../../app/orders/sync.server";
import { callRoute, startAppUnderTest, type AppUnderTest } from "./app-under-test";

const PROJECT_ROOT = path.resolve(import.meta.dirname, "../..");

const routeModule = z.object({ action: z.function() });

/** Posts a signed delivery to `app/routes/webhooks.<topic>.tsx`; a thrown Response is the answer. */
export async function deliverToWebhookRoute(request: Request): Promise<Response> {
  const topic = request.headers.get("x-shopify-topic") ?? "";
  const module = routeModule.parse(
    await import(`../../app/routes/webhooks.${topic.replace("/", ".")}.tsx`),
  );
  try {
    const response: unknown = await callRoute(module.action, request);
    return response instanceof Response ? response : new Response(null, { status: 500 });
  } catch (thrown) {
    if (thrown instanceof Response) return thrown;
    throw thrown;
  }
}

interface SettlingSimulator {
  bulkOperationsIdle(): Promise<void>;
  webhooks: { whenIdle(): Promise<void> };
}

/** A few rounds, because a finished bulk import sends a webhook whose handler queues more sync. */
export async function settleOrderSync(
  simulator: SettlingSimulator,
  sync: { drain(): Promise<void> },
): Promise<void> {
  for (let round = 0; round < 4; round++) {
    await simulator.bulkOperationsIdle();
    await simulator.webhooks.whenIdle();
    await sync.drain();
  }
}

/**
 * The app as a merchant first meets it: the simulator delivers shopify.app.toml's webhooks to the
 * app's routes, and the first admin page load exchanges the token and starts the import.
 */
export async function openAppWithTomlWebhooks(app: AppUnderTest): Promise<void> {
  const subscriptions = subscriptionsFromTomlFile(path.join(PROJECT_ROOT, "shopify.app.toml"));
  app.simulator.webhooks.configure({
    subscriptions,
    transport: deliverToWebhookRoute,
    retryDelaysMs: [5, 10],
  });
  const { loader } = await import("../../app/routes/app");
  await callRoute(loader, app.embeddedDocumentRequest("/app"));
}

/**
 * Each test of the file starts on its fresh database as the merchant first opens the app
 * (openAppWithTomlWebhooks: the token exchanged, the import started and settled), and what a test
 * set off is settled before the next test's reset. `started` reads the app and sync queue the
 * file started in beforeAll.
 */
export function openAppBeforeEachTest(
  started: () => { app: AppUnderTest; sync: { drain(): Promise<void> } },
): void {
  const settle = () => settleOrderSync(started().app.simulator, started().sync);
  beforeEach(async () => {
    await openAppWithTomlWebhooks(started().app);
    await settle();
  });
  afterEach(settle);
}

export interface OpenedApp {
  app: AppUnderTest;
  db: PrismaClient;
  sync: OrderSync;
  /** The simulated shop's records. */
  store: ShopStore;
}

/**
 * The whole lifecycle of a file whose tests each meet the app as a merchant first opens it: the
 * app and its order-sync queue started once (beforeAll; `prepare` changes the simulator first,
 * e.g. what customer data Shopify withholds), opened on each test's fresh database
 * (openAppBeforeEachTest), and stopped after the last (what was set off settled first).
 * `started` receives the parts as soon as they run.
 */
export function openAppForEachTestOfFile(
  shop: Partial<SeedOptions>,
  started: (opened: OpenedApp) => void,
  prepare: (app: AppUnderTest) => void = () => {},
): void {
  let opened: OpenedApp | undefined;
  const running = (): OpenedApp => {
    if (!opened) throw new Error("the app did not start (beforeAll failed)");
    return opened;
  };
  beforeAll(async () => {
    const app = await startAppUnderTest(shop);
    prepare(app);
    const sync = (await import("../../app/services.server")).buildAppServices({
      orderSync: { pollIntervalMs: 20 },
    }).orderSync;
    const db = (await import("../../app/db.server")).default;
    const store = app.simulator.stores.get(app.shop);
    if (!store) throw new Error("no store");
    opened = { app, db, sync, store };
    started(opened);
  });
  openAppBeforeEachTest(() => running());
  afterAll(async () => {
    if (!opened) return;
    await settleOrderSync(opened.app.simulator, opened.sync);
    opened.sync.stop();
    await opened.db.$disconnect();
    await opened.app.close();
  });
}
