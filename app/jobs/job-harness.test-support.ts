// Shared by the job and remedy tests (and the bench): a simulated shop, a fresh database holding
// its orders, a stored offline session, and job runners that reach the simulator through the
// app's real `backgroundAdmin(shop)`. Not a test itself.
import type { PrismaClient } from "@prisma/client";
import {
  startAppUnderTest,
  type AppUnderTest,
  type SimulatorSettings,
} from "../../tests/support/app-under-test";
import { insertTrackedOrders, trackedOrdersFromStore } from "../../tests/support/factories";
import type { SeedOptions } from "@delay-desk/simulator/seed";
import type { ShopStore } from "@delay-desk/simulator/store/shop-store";
import type { JobKindRegistry } from "./job-kind";
import { JobRunner, type JobRunnerOptions } from "./runner.server";

export interface JobHarness {
  app: AppUnderTest;
  db: PrismaClient;
  store: ShopStore;
  registry: JobKindRegistry;
  runner(options?: Partial<JobRunnerOptions>): JobRunner;
  close(): Promise<void>;
}

export async function startJobHarness(
  shop: Partial<SeedOptions> = {},
  settings: SimulatorSettings = {},
): Promise<JobHarness> {
  const app = await startAppUnderTest(shop, settings);
  const db = (await import("../db.server")).default;
  const { sessionStorage, backgroundAdmin } = await import("../shopify.server");
  const { Session } = await import("@shopify/shopify-api");
  const { remedyRegistry } = await import("../remedies/remedy-kinds.server");
  const store = app.simulator.stores.get(app.shop);
  if (!store) throw new Error("the simulator has no store for the test shop");
  // What token exchange (expiring=1) leaves behind when the merchant first opens the app.
  const pair = app.simulator.issueExpiringAccessToken(app.shop);
  await sessionStorage.storeSession(
    new Session({
      id: `offline_${app.shop}`,
      shop: app.shop,
      state: "",
      isOnline: false,
      accessToken: pair.accessToken,
      scope: pair.scope,
      expires: new Date(Date.now() + pair.expiresIn * 1000),
      refreshToken: pair.refreshToken,
      refreshTokenExpires: new Date(Date.now() + pair.refreshTokenExpiresIn * 1000),
    }),
  );
  await insertTrackedOrders(db, trackedOrdersFromStore(store));
  const registry = remedyRegistry();
  return {
    app,
    db,
    store,
    registry,
    runner: (options = {}) =>
      new JobRunner({
        db,
        registry,
        adminFor: async (domain) => backgroundAdmin(domain),
        pollMs: 20,
        backoffMs: () => 10,
        timeoutMs: 2_000,
        ...options,
      }),
    close: async () => {
      await db.$disconnect();
      await app.close();
    },
  };
}
