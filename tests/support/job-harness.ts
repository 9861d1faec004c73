// Shared by the job and remedy tests (and the bench): a simulated shop, a fresh database holding
// its orders and a stored offline session before each test (seedEachTest), and job runners that
// reach the simulator through the app's real `backgroundAdmin(shop)`.
import type { JobItem, PrismaClient } from "@prisma/client";
import { startAppUnderTest, type AppUnderTest, type SimulatorSettings } from "./app-under-test";
import { seedEachTest } from "./database";
import { insertTrackedOrders, trackedOrdersFromStore } from "./factories";
import type { SeedOptions } from "@delay-desk/simulator/seed";
import type { OrderRecord } from "@delay-desk/simulator/store/records";
import type { ShopStore } from "@delay-desk/simulator/store/shop-store";
import type { JobKindRegistry } from "../../app/jobs/job-kind";
import type { createJob, jobProgress } from "../../app/jobs/jobs.server";
import { JobRunner, type JobRunnerOptions } from "../../app/jobs/runner.server";
import { runJobsToEnd } from "./run-jobs";

export interface JobHarness {
  app: AppUnderTest;
  db: PrismaClient;
  store: ShopStore;
  registry: JobKindRegistry;
  runner(options?: Partial<JobRunnerOptions>): JobRunner;
  /**
   * Queues a job of a registered kind on these orders (started by staff member "1") and runs the
   * runner until no job is left; returns the job, its progress and its items.
   */
  runJob(kind: string, params: unknown, orders: readonly OrderRecord[]): Promise<FinishedJob>;
  close(): Promise<void>;
}

export interface FinishedJob {
  job: Awaited<ReturnType<typeof createJob>>;
  progress: Awaited<ReturnType<typeof jobProgress>>;
  items: JobItem[];
}

export async function startJobHarness(
  shop: Partial<SeedOptions> = {},
  settings: SimulatorSettings = {},
): Promise<JobHarness> {
  const app = await startAppUnderTest(shop, settings);
  const db = (await import("../../app/db.server")).default;
  const { backgroundAdmin } = await import("../../app/shopify.server");
  const { AdminClient } = await import("../../app/admin-api/graphql.server");
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
  const runner = (options: Partial<JobRunnerOptions> = {}) =>
    new JobRunner({
      db,
      registry,
      adminFor: async (domain) => backgroundAdmin(domain),
      pollMs: 20,
      backoffMs: () => 10,
      timeoutMs: 2_000,
      ...options,
    });
  return {
    app,
    db,
    store,
    registry,
    runner,
    async runJob(kind, params, orders) {
      const { createJob, jobProgress } = await import("../../app/jobs/jobs.server");
      const jobKind = registry.get(kind);
      if (!jobKind) throw new Error(`no job kind ${kind}`);
      const job = await createJob(db, {
        shop: app.shop,
        kind: jobKind,
        params,
        orderIds: orders.map((order) => `gid://shopify/Order/${order.id}`),
        createdBy: "1",
        // The shipping cost back plans from Shopify's own refund suggestion.
        admin: new AdminClient(backgroundAdmin(app.shop)),
      });
      await runJobsToEnd(runner(), db);
      return {
        job,
        progress: await jobProgress(db, app.shop, job.id),
        items: await db.jobItem.findMany({ where: { jobId: job.id } }),
      };
    },
    close: async () => {
      await db.$disconnect();
      await app.close();
    },
  };
}
