// The shop's side of the lifecycle: installed (the first session), uninstalled (app/uninstalled),
// erased (shop/redact, 48 hours after uninstall: shopify.dev "Privacy law compliance",
// https://shopify.dev/docs/apps/build/compliance/privacy-law-compliance). Shopify delivers each
// webhook at least once, so every step is idempotent.
import type { Prisma, PrismaClient } from "@prisma/client";
import type { ModelName } from "./model-treatment";

/** Called when the app gets a session for the shop (afterAuth); a reinstall clears uninstalledAt. */
export async function recordInstall(
  db: PrismaClient,
  shop: string,
  now = new Date(),
): Promise<void> {
  const existing = await db.shopInstall.findUnique({ where: { shop } });
  if (!existing) {
    await db.shopInstall.upsert({
      where: { shop },
      create: { shop, installedAt: now },
      update: {},
    });
  } else if (existing.uninstalledAt !== null) {
    await db.shopInstall.update({
      where: { shop },
      data: { installedAt: now, uninstalledAt: null },
    });
  }
}

export const UNINSTALLED_REASON = "The app was uninstalled from the shop";

export interface Uninstall {
  sessions: number;
  jobsCancelled: number;
  itemsSkipped: number;
}

/**
 * app/uninstalled: the credentials go at once (useless and must not linger), the shop's jobs stop
 * (an item already talking to Shopify settles with Shopify's answer; nothing new starts), and the
 * install record keeps the date for the compliance webhooks still to come.
 */
export async function uninstallShop(
  db: PrismaClient,
  shop: string,
  now = new Date(),
): Promise<Uninstall> {
  return db.$transaction(async (tx) => {
    const { count: sessions } = await tx.session.deleteMany({ where: { shop } });
    const open = await tx.job.findMany({
      // Held money jobs too (app/staff/): a job waiting out its undo window must not start later.
      where: {
        shop,
        status: { in: ["awaiting_approval", "countdown", "pending", "running", "paused"] },
      },
      select: { id: true },
    });
    const jobIds = open.map((job) => job.id);
    const { count: itemsSkipped } = await tx.jobItem.updateMany({
      where: { shop, jobId: { in: jobIds }, status: { in: ["pending", "running"] } },
      data: { status: "skipped", error: UNINSTALLED_REASON },
    });
    const { count: jobsCancelled } = await tx.job.updateMany({
      where: { shop, id: { in: jobIds } },
      data: { status: "cancelled", finishedAt: now },
    });
    await tx.shopInstall.upsert({
      where: { shop },
      create: { shop, installedAt: now, uninstalledAt: now },
      update: {},
    });
    await tx.shopInstall.updateMany({
      where: { shop, uninstalledAt: null },
      data: { uninstalledAt: now },
    });
    return { sessions, jobsCancelled, itemsSkipped };
  });
}

type Eraser = (tx: Prisma.TransactionClient, shop: string) => Promise<{ count: number }>;

// One entry per model of model-treatment.ts: the type makes a missing one a compile error, and
// model-treatment.test.ts makes a model missing from that list a test failure.
const ERASERS: Record<ModelName, Eraser> = {
  Session: (tx, shop) => tx.session.deleteMany({ where: { shop } }),
  ShopSettings: (tx, shop) => tx.shopSettings.deleteMany({ where: { shop } }),
  TrackedOrder: (tx, shop) => tx.trackedOrder.deleteMany({ where: { shop } }),
  ShopOrderSummary: (tx, shop) => tx.shopOrderSummary.deleteMany({ where: { shop } }),
  WebhookReceipt: (tx, shop) => tx.webhookReceipt.deleteMany({ where: { shop } }),
  OrderSync: (tx, shop) => tx.orderSync.deleteMany({ where: { shop } }),
  StorefrontState: (tx, shop) => tx.storefrontState.deleteMany({ where: { shop } }),
  ModeChange: (tx, shop) => tx.modeChange.deleteMany({ where: { shop } }),
  Job: (tx, shop) => tx.job.deleteMany({ where: { shop } }),
  JobItem: (tx, shop) => tx.jobItem.deleteMany({ where: { shop } }),
  OrderEvent: (tx, shop) => tx.orderEvent.deleteMany({ where: { shop } }),
  NoticeTemplate: (tx, shop) => tx.noticeTemplate.deleteMany({ where: { shop } }),
  Notice: (tx, shop) => tx.notice.deleteMany({ where: { shop } }),
  CustomerChoice: (tx, shop) => tx.customerChoice.deleteMany({ where: { shop } }),
  OrderFulfillmentState: (tx, shop) => tx.orderFulfillmentState.deleteMany({ where: { shop } }),
  ConsentRequest: (tx, shop) => tx.consentRequest.deleteMany({ where: { shop } }),
  ShopInstall: (tx, shop) => tx.shopInstall.deleteMany({ where: { shop } }),
  DataRequest: (tx, shop) => tx.dataRequest.deleteMany({ where: { shop } }),
  SyncTask: (tx, shop) => tx.syncTask.deleteMany({ where: { shop } }),
  Lease: (tx, shop) => tx.lease.deleteMany({ where: { shop } }),
  JobGate: (tx, shop) => tx.jobGate.deleteMany({ where: { shop } }),
  StaffRules: (tx, shop) => tx.staffRules.deleteMany({ where: { shop } }),
  FlowTrigger: (tx, shop) => tx.flowTrigger.deleteMany({ where: { shop } }),
  FlowActionRun: (tx, shop) => tx.flowActionRun.deleteMany({ where: { shop } }),
  OutcomeWeek: (tx, shop) => tx.outcomeWeek.deleteMany({ where: { shop } }),
  OrderOutcome: (tx, shop) => tx.orderOutcome.deleteMany({ where: { shop } }),
  WaitlistSignup: (tx, shop) => tx.waitlistSignup.deleteMany({ where: { shop } }),
};

/** shop/redact: every row the app holds for the shop, in every table, in one transaction. */
export async function eraseShop(db: PrismaClient, shop: string): Promise<Record<string, number>> {
  return db.$transaction(
    async (tx) => {
      const counts: Record<string, number> = {};
      for (const [model, erase] of Object.entries(ERASERS))
        counts[model] = (await erase(tx, shop)).count;
      return counts;
    },
    { timeout: 120_000 },
  );
}
