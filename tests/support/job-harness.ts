// Shared by the job and remedy tests (and the bench): a simulated shop, a fresh database holding
// its orders and a stored offline session before each test (seedEachTest), and job runners that
// reach the simulator through the app's real `backgroundAdmin(shop)`.
import type { PrismaClient } from "@prisma/client";
import { startAppUnderTest, type AppUnderTest, type SimulatorSettings } from "./app-under-test";
import { seedEachTest } from "./database";
import { insertTrackedOrders, trackedOrdersFromStore } from "./factories";
import type { SeedOptions } from "@delay-desk/simulator/seed";
import type { ShopStore } from "@delay-desk/simulator/store/shop-store";
import type { JobKindRegistry } from "../../app/jobs/job-kind";
import { JobRunner, type JobRunnerOptions } from "../../app/jobs/runner.server";

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
  const db = (await import("../../app/db.server")).default;
  const { backgroundAdmin } = await import("../../app/shopify.server");
  const { remedyRegistry } = await import("../../app/remedies/remedy-kinds.server");
  const store = app.simulator.stores.get(app.shop);
  if (!store) throw new Error("the simulator has no store for the test shop");
  const seed = async () => {
    await app.storeOfflineSession();
    await insertTrackedOrders(db, trackedOrdersFromStore(store));
  };
  await seed();
  // Each test gets the same start on its fresh database: the session and the store's orders as
  // they are in the simulator now.
  seedEachTest(seed);
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
