// Changing the storefront mode: the one domain function the storefront page, the dashboard's
// "pause sales" button and the pause's scheduled end all call. Order of work: read where to
// write, set the checkout pause (the hold that matters), then the notice buyers see, then record
// the new state and who asked, in one transaction. If Shopify refuses a write the database is
// left as it was, so the page never claims a mode the shop is not in.
import type { ModeChange, PrismaClient, StorefrontState } from "@prisma/client";
import type { AdminGraphql } from "../admin-api/graphql.server";
import { backlogWhere } from "../orders/backlog";
import { shopOutlook } from "../orders/shop-outlook";
import { loadShopSettings } from "../settings/shop-settings.server";
import type { ModeChangeRequest } from "./mode-form";
import { noticeEstimateSchema, type NoticeEstimate } from "../../contracts/notice-metafield";
import { markWaitlistDue } from "../waitlist/waitlist.server";
import { noticeItemsFor, parseHeldItems } from "./held-items";
import {
  configureCheckoutPause,
  loadStorefrontSetup,
  writeStorefrontNotice,
} from "./storefront-admin.server";
import {
  describeNoticeEstimate,
  estimateFromForecast,
  isPauseDue,
  modeAfterPause,
  noticeFor,
  NORMAL_SETTINGS,
  pauseConfigFor,
  promisesLessThanForecast,
  STOREFRONT_MODES,
  type StorefrontMode,
  type StorefrontSettings,
} from "./storefront-mode";

type Db = Pick<
  PrismaClient,
  | "storefrontState"
  | "modeChange"
  | "$transaction"
  | "trackedOrder"
  | "shopSettings"
  | "waitlistSignup"
>;

export interface Actor {
  /** Shopify staff user id (the session token's `sub`), or null for the schedule. */
  id: string | null;
  name: string | null;
}

export const SCHEDULE_ACTOR: Actor = { id: null, name: "schedule" };

function isMode(value: string): value is StorefrontMode {
  return STOREFRONT_MODES.some((mode) => mode === value);
}

export function settingsFromRow(row: StorefrontState | null): StorefrontSettings {
  if (!row) return NORMAL_SETTINGS;
  const estimate = noticeEstimateSchema.safeParse({
    min: row.estimateMin,
    max: row.estimateMax,
    unit: row.estimateUnit,
  });
  return {
    mode: isMode(row.mode) ? row.mode : "normal",
    estimate: estimate.success ? estimate.data : null,
    pausedUntil: row.pausedUntil,
    message: row.message,
    heldItems: parseHeldItems(row.heldItems),
    waitlist: row.waitlist,
  };
}

export async function loadStorefrontSettings(db: Db, shop: string): Promise<StorefrontSettings> {
  return settingsFromRow(await db.storefrontState.findUnique({ where: { shop } }));
}

/** The mode the last pause interrupted, from the log (StorefrontState keeps only the current one). */
async function modeBeforePause(db: Db, shop: string): Promise<string | null> {
  const entry = await db.modeChange.findFirst({
    where: { shop, toMode: "paused", NOT: { fromMode: "paused" } },
    orderBy: { createdAt: "desc" },
  });
  return entry?.fromMode ?? null;
}

/** The settings a request asks for, given the current ones. */
export async function targetSettings(
  db: Db,
  shop: string,
  current: StorefrontSettings,
  request: ModeChangeRequest,
): Promise<StorefrontSettings> {
  switch (request.intent) {
    case "normal":
      return { ...current, mode: "normal", pausedUntil: null, message: null };
    case "delayed":
      return {
        ...current,
        mode: "delayed",
        estimate: request.estimate,
        pausedUntil: null,
        message: request.message,
      };
    case "paused":
      return {
        ...current,
        mode: "paused",
        pausedUntil: request.pausedUntil,
        message: request.message,
      };
    case "resume": {
      const mode =
        current.mode === "paused"
          ? modeAfterPause(await modeBeforePause(db, shop), current.estimate)
          : current.mode;
      return { ...current, mode, pausedUntil: null, message: null };
    }
  }
}

export interface ApplyOptions {
  admin: AdminGraphql;
  db: Db;
  shop: string;
  target: StorefrontSettings;
  actor: Actor;
  now: Date;
  reason: string | null;
}

/** Writes the target settings to Shopify (pause, then notice) and then to the database, with a log row. */
export async function applyStorefrontSettings(options: ApplyOptions): Promise<StorefrontSettings> {
  const { admin, db, shop, target, actor, now } = options;
  const current = await loadStorefrontSettings(db, shop);
  const setup = await loadStorefrontSetup(admin);
  await configureCheckoutPause(admin, setup, pauseConfigFor(target, setup.timeZone));
  await writeNotice({ admin, db, shop, now }, setup, target);
  const data = {
    mode: target.mode,
    estimateMin: target.estimate?.min ?? null,
    estimateMax: target.estimate?.max ?? null,
    estimateUnit: target.estimate?.unit ?? null,
    pausedUntil: target.pausedUntil,
    message: target.message,
    heldItems: JSON.stringify(target.heldItems),
    waitlist: target.waitlist,
  };
  await db.$transaction([
    db.storefrontState.upsert({ where: { shop }, create: { shop, ...data }, update: data }),
    db.modeChange.create({
      data: {
        shop,
        fromMode: current.mode,
        toMode: target.mode,
        pausedUntil: target.pausedUntil,
        actorId: actor.id,
        actorName: actor.name,
        reason: options.reason,
        createdAt: now,
      },
    }),
    // Leaving a pause (by hand, on schedule or from Flow): the waitlist is owed its one mail,
    // in the same transaction as the resume (app/waitlist/waitlist-mailer.server.ts sends it).
    ...(current.mode === "paused" && target.mode !== "paused"
      ? [markWaitlistDue(db, shop, now)]
      : []),
  ]);
  return target;
}

/** The notice for these settings, with each product's own estimate from the shop's lead-time rules. */
async function writeNotice(
  options: { admin: AdminGraphql; db: Db; shop: string; now: Date },
  setup: { timeZone: string; installationId: string },
  settings: StorefrontSettings,
): Promise<void> {
  const { rules } = await loadShopSettings(options.db, options.shop, setup.timeZone);
  const notice = noticeFor(
    settings,
    setup.timeZone,
    options.now,
    noticeItemsFor(rules, settings.heldItems),
  );
  await writeStorefrontNotice(options.admin, setup.installationId, notice);
}

/**
 * Rewrites the notice after the lead-time rules changed (the settings page's save), so each
 * product's page shows its new estimate. The mode and what is held stay as they are.
 */
export async function refreshStorefrontNotice(options: {
  admin: AdminGraphql;
  db: Db;
  shop: string;
  now: Date;
}): Promise<void> {
  const setup = await loadStorefrontSetup(options.admin);
  await writeNotice(options, setup, await loadStorefrontSettings(options.db, options.shop));
}

/**
 * Turns the paused banner's waitlist form on or off. The notice is rewritten first (the form
 * disappears from the storefront), then the switch is stored; the mode, its log and the signups
 * already on the list stay as they are (they still get their one mail on resume).
 */
export async function setWaitlistOffered(options: {
  admin: AdminGraphql;
  db: Db;
  shop: string;
  now: Date;
  offered: boolean;
}): Promise<void> {
  const { db, shop, offered } = options;
  const setup = await loadStorefrontSetup(options.admin);
  const current = await loadStorefrontSettings(db, shop);
  await writeNotice(options, setup, { ...current, waitlist: offered });
  await db.storefrontState.upsert({
    where: { shop },
    create: { shop, waitlist: offered },
    update: { waitlist: offered },
  });
}

/**
 * A lead time shorter than the forecast's, refused: the storefront would promise buyers a wait
 * the shop very probably cannot keep. The merchant may override it with a reason, which is logged.
 */
export class LeadTimeBelowForecastError extends Error {
  constructor(
    readonly shown: NoticeEstimate,
    readonly forecast: NoticeEstimate,
  ) {
    super(
      `The forecast says an order placed today ships in ${describeNoticeEstimate(forecast)}. Showing ${describeNoticeEstimate(shown)} would promise buyers less than that. Show a longest wait of at least ${forecast.max} ${forecast.unit}, or tick "Show it anyway" and say why (your name and reason are logged).`,
    );
    this.name = "LeadTimeBelowForecastError";
  }
}

/** The log's wording of an override, so the storefront log says who promised less and why. */
export const OVERRIDE_PREFIX = "override:";

export function overrideReasonText(
  shown: NoticeEstimate,
  forecast: NoticeEstimate,
  why: string,
): string {
  return `${OVERRIDE_PREFIX} shows ${describeNoticeEstimate(shown)} against the forecast's ${describeNoticeEstimate(forecast)}. Why: ${why}`;
}

export async function changeStorefrontMode(
  options: Omit<ApplyOptions, "target" | "reason"> & { request: ModeChangeRequest },
): Promise<StorefrontSettings> {
  const { request } = options;
  const current = await loadStorefrontSettings(options.db, options.shop);
  let reason = request.source === "dashboard" ? "suggested on the dashboard" : null;
  if (request.intent === "delayed") {
    const { timeZone } = await loadStorefrontSetup(options.admin);
    const suggestion = await suggestedEstimate(options.db, options.shop, timeZone, options.now);
    if (suggestion && promisesLessThanForecast(request.estimate, suggestion.estimate)) {
      if (!request.overrideReason)
        throw new LeadTimeBelowForecastError(request.estimate, suggestion.estimate);
      reason = overrideReasonText(request.estimate, suggestion.estimate, request.overrideReason);
    }
  }
  const target = await targetSettings(options.db, options.shop, current, request);
  return applyStorefrontSettings({ ...options, target, reason });
}

/** The log's wording of pausing or resuming one product or collection (the mode stays). */
export const HELD_ITEMS_REASON_PREFIX = "on its own:";

/** True while the delay shown was set by an override (the latest change into it says so). */
async function delaySetByOverride(db: Db, shop: string): Promise<boolean> {
  const entry = await db.modeChange.findFirst({
    where: {
      shop,
      toMode: "delayed",
      // Pausing one product meanwhile does not change who set the delay.
      OR: [{ reason: null }, { NOT: { reason: { startsWith: HELD_ITEMS_REASON_PREFIX } } }],
    },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
  });
  return entry?.reason?.startsWith(OVERRIDE_PREFIX) ?? false;
}

/**
 * Lifts a timed pause whose end has passed, as the schedule (actor "schedule"). Returns true if
 * it did. Safe to call on every request and from the scheduler: a pause is lifted once, because
 * the second caller finds the shop no longer paused.
 */
export async function endDuePause(options: {
  admin: AdminGraphql;
  db: Db;
  shop: string;
  now: Date;
}): Promise<boolean> {
  const current = await loadStorefrontSettings(options.db, options.shop);
  if (!isPauseDue(current, options.now)) return false;
  const target = await targetSettings(options.db, options.shop, current, {
    intent: "resume",
    source: "storefront",
  });
  await applyStorefrontSettings({
    ...options,
    target,
    actor: SCHEDULE_ACTOR,
    reason: "the pause reached its end",
  });
  return true;
}

/** Shops with a timed pause that is due, for the scheduler. */
export async function shopsWithDuePause(db: Db, now: Date): Promise<string[]> {
  const rows = await db.storefrontState.findMany({
    where: { mode: "paused", pausedUntil: { lte: now } },
    select: { shop: true },
  });
  return rows.map((row) => row.shop);
}

export async function loadModeLog(db: Db, shop: string, take = 20): Promise<ModeChange[]> {
  return db.modeChange.findMany({
    where: { shop },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take,
  });
}

/**
 * The forecast's conservative range for an order placed now, to prefill the delay form. From two
 * aggregates of the tracked backlog (as the dashboard computes it); null before the first import.
 */
export async function suggestedEstimate(
  db: Db,
  shop: string,
  timeZone: string,
  now: Date,
): Promise<{ estimate: NoticeEstimate; cannotKeepPromise: boolean } | null> {
  const totals = await db.trackedOrder.aggregate({
    where: backlogWhere(shop),
    _count: { _all: true },
    _sum: { unitsRemaining: true },
  });
  if (totals._count._all === 0) return null;
  const { rules } = await loadShopSettings(db, shop, timeZone);
  const outlook = shopOutlook(
    { orders: totals._count._all, units: totals._sum.unitsRemaining ?? 0 },
    rules,
    now,
  );
  const estimate = estimateFromForecast(
    outlook.today,
    outlook.newOrders.likely,
    outlook.newOrders.conservative,
  );
  return estimate ? { estimate, cannotKeepPromise: outlook.cannotKeepPromise } : null;
}

/** The longest wait an estimate promises, in days, to compare estimates in different units. */
export function longestWaitDays(estimate: NoticeEstimate): number {
  return estimate.unit === "weeks" ? estimate.max * 7 : estimate.max;
}

export const FORECAST_ACTOR: Actor = { id: null, name: "forecast" };

/**
 * While the storefront shows a delay, keeps its estimate in step with the forecast, following the
 * product's rule "bad news sooner than good news": when the forecast's conservative range for a
 * new order has grown past what the banner says, the banner (and metafield) are lengthened at once
 * and the change is logged with actor "forecast"; a forecast that got better leaves the banner as
 * it is until the merchant changes it. A delay the merchant set by an explicit override stays as
 * they set it. Returns true when it changed the estimate.
 */
export async function keepDelayInStepWithForecast(options: {
  admin: AdminGraphql;
  db: Db;
  shop: string;
  now: Date;
}): Promise<boolean> {
  const { admin, db, shop, now } = options;
  const current = await loadStorefrontSettings(db, shop);
  if (current.mode !== "delayed" || !current.estimate) return false;
  // A merchant who overrode the forecast, with a logged reason, decided this knowingly; the
  // storefront page keeps warning them that the forecast says more.
  if (await delaySetByOverride(db, shop)) return false;
  const { timeZone } = await loadStorefrontSetup(admin);
  const suggestion = await suggestedEstimate(db, shop, timeZone, now);
  if (!suggestion || longestWaitDays(suggestion.estimate) <= longestWaitDays(current.estimate))
    return false;
  await applyStorefrontSettings({
    admin,
    db,
    shop,
    target: { ...current, estimate: suggestion.estimate },
    actor: FORECAST_ACTOR,
    now,
    reason: "the forecast got worse",
  });
  return true;
}
