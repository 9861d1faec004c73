// The composition root: every service the app runs, built once per process with its dependencies
// (docs/background-work.md, "The composition root"). Routes reach it through app/db.server.ts,
// app/shopify.server.ts and appServices(); the hosts (scripts/app-server.ts for npm start, the demo
// and browser tests; scripts/dev-server.ts for npm run dev) start and stop its background work,
// and so do the tests and the bench, through the same start() and stop(). The server build has this
// file as a second entry (vite.config.ts), so the host starts the very instance its routes use.
import type { PrismaClient } from "@prisma/client";
import { RETENTION_SWEEP_MS, startRetentionSweep } from "./data-lifecycle/retention.server";
import { CONSENT_SWEEP_MS, startConsentSweep } from "./consent/consent-sweep.server";
import { claimNamedLease, releaseNamedLease } from "./leases/named-lease.server";
import { appEnv, type AppEnv } from "./env.server";
import { createJobKinds } from "./jobs/registry.server";
import type { JobKind, JobKindRegistry } from "./jobs/job-kind";
import { JobRunner, type JobRunnerOptions } from "./jobs/runner.server";
import { redactSecrets } from "./log-redaction";
import { smtpTransport, type MailTransport } from "./notices/mail-transport.server";
import {
  createOrderSync,
  orderSyncDeps,
  RECONCILE_INTERVAL_MS,
  type OrderSync,
  type OrderSyncDeps,
} from "./orders/sync.server";
import { newLeaseOwner } from "./leases/lease";
import { createPrismaClient } from "./prisma-client.server";
import { createShopifyApp, type ShopifyApp } from "./shopify-app.server";
import type { BackgroundAdmin } from "./auth/background-admin.server";
import { createPauseScheduler, type PauseScheduler } from "./storefront/pause-scheduler.server";
import { releaseDueJobs } from "./staff/job-gate.server";
import { createFlowSender, type FlowSender } from "./flow/flow-outbox.server";
import { periodicSweep, type PeriodicSweep } from "./periodic-sweep";
import { createWaitlistMailer, type SweepResult } from "./waitlist/waitlist-mailer.server";

export const PAUSE_SWEEP_MS = 60_000;
/** How often a money job whose undo window ended is handed to the runner (app/staff/). */
export const COUNTDOWN_SWEEP_MS = 1_000;
/** How often queued Shopify Flow triggers are sent (app/flow/flow-outbox.server.ts). */
export const FLOW_SWEEP_MS = 5_000;
/** How often due waitlist mails are looked for (app/waitlist/waitlist-mailer.server.ts): one indexed query. */
export const WAITLIST_SWEEP_MS = 2_000;

/** What a host, a test or the bench may tune; everything else is production's. */
export interface ServiceOptions {
  jobs?: Partial<
    Pick<
      JobRunnerOptions,
      "pollMs" | "maxAttempts" | "backoffMs" | "maxConcurrency" | "timeoutMs" | "leaseMs"
    >
  >;
  orderSync?: Partial<Omit<OrderSyncDeps, "db">>;
  pauseSweepMs?: number;
  countdownSweepMs?: number;
  flowSweepMs?: number;
  waitlistSweepMs?: number;
  /** Replaces the SMTP transport opened from SMTP_URL (null: mail is not configured). */
  mail?: MailTransport | null;
}

export interface StartOptions {
  /** false: no job runner in this process (browser tests that watch a job stay pending). */
  jobs?: boolean;
}

export interface AppServices {
  env: AppEnv;
  db: PrismaClient;
  shopify: ShopifyApp;
  backgroundAdmin: (shop: string) => BackgroundAdmin;
  jobKinds: JobKindRegistry;
  /** The e-mail notice kind, as registered (the notices page plans its jobs with it). */
  noticeKind: JobKind<unknown>;
  orderSync: OrderSync;
  jobs: JobRunner;
  pauses: PauseScheduler;
  /** Sends the Shopify Flow triggers the outbox holds. */
  flowTriggers: FlowSender;
  /** Sends the one "we're open again" mail to each due waitlist signup, over the same pooled transport. */
  waitlist: PeriodicSweep<SweepResult>;
  /** Starts the background work: job runner, periodic reconcile, pause sweep, retention sweep. */
  start(options?: StartOptions): void;
  /** Stops claiming new work, finishes what is in hand (queued tasks stay for other processes), closes mail. */
  stop(): Promise<void>;
}

function logError(what: string) {
  return (error: unknown) =>
    console.error(what, redactSecrets(error instanceof Error ? error.message : String(error)));
}

export function createAppServices(env: AppEnv, options: ServiceOptions = {}): AppServices {
  const db = createPrismaClient(env.DATABASE_URL);
  // This process, as it signs the leases it takes (decision 012).
  const owner = newLeaseOwner();
  const { shopify, backgroundAdmin } = createShopifyApp(env, db, {
    // A new install starts the shop's order import (a no-op once it has one; never throws). The
    // sync is built below; the library calls this only on a request, long after.
    afterInstall: (admin, shop) => orderSync.ensureOrderSync(admin, shop),
  });
  const adminFor = async (shop: string) => backgroundAdmin(shop);
  const smtp = env.SMTP_URL ? smtpTransport(env.SMTP_URL) : null;
  const mail = options.mail === undefined ? smtp : options.mail;
  const { registry: jobKinds, notice: noticeKind } = createJobKinds({
    db,
    mail,
    secret: env.SHOPIFY_API_SECRET,
    ...(env.NOTICE_SEND_CLAIM_MS !== undefined ? { sendClaimMs: env.NOTICE_SEND_CLAIM_MS } : {}),
    ...(env.ORDER_EDIT_CLAIM_MS !== undefined ? { editClaimMs: env.ORDER_EDIT_CLAIM_MS } : {}),
  });
  const orderSync = createOrderSync(
    orderSyncDeps(
      { db, adminFor },
      {
        owner,
        // One process per round queues the reconciles (the tasks would coalesce anyway).
        claimReconcileRound: () =>
          claimNamedLease(
            db,
            { shop: "", name: "reconcile-round" },
            owner,
            Math.max(1_000, (env.ORDER_RECONCILE_INTERVAL_MS ?? RECONCILE_INTERVAL_MS) - 1_000),
          ),
        ...(env.ORDER_RECONCILE_INTERVAL_MS !== undefined
          ? { reconcileIntervalMs: env.ORDER_RECONCILE_INTERVAL_MS }
          : {}),
        ...options.orderSync,
      },
    ),
  );
  const jobs = new JobRunner({
    db,
    registry: jobKinds,
    adminFor,
    owner,
    pollMs: 500,
    ...(env.JOB_LEASE_MS !== undefined ? { leaseMs: env.JOB_LEASE_MS } : {}),
    ...options.jobs,
  });
  const pauses = createPauseScheduler({
    db,
    adminFor,
    intervalMs: options.pauseSweepMs ?? PAUSE_SWEEP_MS,
    // One process at a time ends a shop's pause (a Shopify call each).
    lease: {
      claim: (shop) => claimNamedLease(db, { shop, name: "pause-end" }, owner, 60_000),
      release: (shop) => releaseNamedLease(db, { shop, name: "pause-end" }, owner),
    },
    onError: (shop, error, retryAt) =>
      console.error(
        `Ending the timed pause of ${shop} failed; ${retryAt ? `retrying at ${retryAt.toISOString()}` : "gave up (reason on its StorefrontState row)"}.`,
        redactSecrets(error instanceof Error ? error.message : String(error)),
      ),
  });
  const flowTriggers = createFlowSender({
    db,
    adminFor,
    intervalMs: options.flowSweepMs ?? FLOW_SWEEP_MS,
    onError: (shop, handle, error) =>
      console.warn(
        `Sending the Flow trigger ${handle} for ${shop} failed.`,
        redactSecrets(error instanceof Error ? error.message : String(error)),
      ),
  });
  const waitlistMailer = createWaitlistMailer({
    db,
    transport: () => mail,
    adminFor,
    secret: env.SHOPIFY_API_SECRET,
    owner,
  });
  const waitlist = periodicSweep(
    () =>
      waitlistMailer.sweep().catch((error: unknown) => {
        logError("Sending waitlist mails failed; retrying.")(error);
        return { mailed: 0, failed: 0 };
      }),
    options.waitlistSweepMs ?? WAITLIST_SWEEP_MS,
  );
  let stopRetention: (() => Promise<void>) | null = null;
  let stopConsent: (() => Promise<void>) | null = null;
  let countdowns: NodeJS.Timeout | null = null;
  let jobsStarted = false;
  // One conditional write per due job: processes sweeping at once release each job once.
  const releaseCountdowns = () =>
    releaseDueJobs(db)
      .then((released) => {
        if (released > 0) jobs.poke();
      })
      .catch(logError("Starting money jobs whose undo window ended failed; retrying."));

  return {
    env,
    db,
    shopify,
    backgroundAdmin,
    jobKinds,
    noticeKind,
    orderSync,
    jobs,
    pauses,
    flowTriggers,
    waitlist,
    start(startOptions = {}) {
      if (startOptions.jobs !== false) {
        jobs.start();
        jobsStarted = true;
      }
      orderSync.start();
      pauses.start();
      countdowns ??= setInterval(releaseCountdowns, options.countdownSweepMs ?? COUNTDOWN_SWEEP_MS);
      countdowns.unref();
      flowTriggers.start();
      waitlist.start();
      stopRetention ??= startRetentionSweep({
        db,
        // One prune per interval across all processes: the round's lease lasts the interval.
        claim: () =>
          claimNamedLease(db, { shop: "", name: "retention" }, owner, RETENTION_SWEEP_MS - 1_000),
        onError: logError("Pruning old webhook receipts failed; retrying in an hour."),
      });
      stopConsent ??= startConsentSweep({
        db,
        claim: () =>
          claimNamedLease(db, { shop: "", name: "consent-sweep" }, owner, CONSENT_SWEEP_MS - 1_000),
        onError: logError("Checking consent deadlines failed; retrying in 15 minutes."),
      });
    },
    async stop() {
      const sweepsEnded = Promise.all([
        stopRetention?.(),
        stopConsent?.(),
        pauses.stop(),
        flowTriggers.stop(),
        waitlist.stop(),
      ]);
      stopRetention = null;
      stopConsent = null;
      if (countdowns) clearInterval(countdowns);
      countdowns = null;
      orderSync.stop();
      if (jobsStarted) await jobs.stop();
      jobsStarted = false;
      await orderSync.settle();
      await sweepsEnded;
      smtp?.close();
    },
  };
}

declare global {
  // Vite's dev server re-imports modules on change; the root (its Prisma client, its queues) is
  // kept across those re-imports instead of being built again beside the running one.
  var __delayDeskServices: AppServices | undefined;
}

/**
 * The process's one root, built on first use from the validated environment. A test or the bench
 * that tunes timings builds it first with buildAppServices.
 */
export function appServices(): AppServices {
  return (globalThis.__delayDeskServices ??= createAppServices(appEnv()));
}

/** Builds the process's root with tuned options; it must not exist yet. */
export function buildAppServices(options: ServiceOptions): AppServices {
  if (globalThis.__delayDeskServices)
    throw new Error("The app's services are already built in this process.");
  globalThis.__delayDeskServices = createAppServices(appEnv(), options);
  return globalThis.__delayDeskServices;
}
