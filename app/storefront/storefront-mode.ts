// What each storefront mode means for the two things Shopify shows buyers: the notice the theme
// reads (app-data metafield) and the checkout pause's configuration (Validation metafield).
// Pure: the shop's time zone and `now` come in as arguments, so dates are tested with fixed clocks.
import { DateTime } from "luxon";
import {
  DEFAULT_PAUSE_MESSAGE,
  MAX_PAUSE_MESSAGE_LENGTH,
  PAUSE_CONFIG_VERSION,
  PAUSE_WITHOUT_END,
  type CheckoutPauseConfig,
  type HeldItem,
} from "../../extensions/checkout-pause/src/pause-rule";
import {
  NOTICE_VERSION,
  type NoticeEstimate,
  type NoticeItems,
  type NoticeMode,
  type StorefrontNotice,
} from "../../contracts/notice-metafield";

export type StorefrontMode = NoticeMode;
export const STOREFRONT_MODES = [
  "normal",
  "delayed",
  "paused",
] as const satisfies readonly StorefrontMode[];

/** The shop's storefront settings, as kept in StorefrontState. */
export interface StorefrontSettings {
  mode: StorefrontMode;
  /** Kept while paused, so resuming a delayed shop shows the same estimate again. */
  estimate: NoticeEstimate | null;
  /** A pause ends by itself at this instant; null = until further notice. */
  pausedUntil: Date | null;
  message: string | null;
  /** Products, variants and collections paused on their own, in every mode, until resumed. */
  heldItems: readonly HeldItem[];
  /** Whether the paused banner offers the waitlist form (the merchant's switch, on by default). */
  waitlist: boolean;
}

export const NORMAL_SETTINGS: StorefrontSettings = {
  mode: "normal",
  estimate: null,
  pausedUntil: null,
  message: null,
  heldItems: [],
  waitlist: true,
};

function isoSeconds(date: Date): string {
  return date.toISOString().replace(/\.\d{3}Z$/, "Z");
}

/**
 * The end of a pause as the calendar date buyers see. A pause that ends at midnight sharp has
 * its last paused day the day before, so buyers are told the last day they cannot order, never a
 * day on which ordering already works again.
 */
export function lastPausedDate(pausedUntil: Date, timeZone: string): string {
  const local = DateTime.fromJSDate(pausedUntil, { zone: timeZone });
  const endOfPause =
    local.hour === 0 && local.minute === 0 && local.second === 0 ? local.minus({ days: 1 }) : local;
  return endOfPause.toISODate() ?? "";
}

/**
 * The notice the theme reads. `items` (noticeItemsFor in held-items.ts) says what is paused on its
 * own and each lead-time rule's estimate, so a product's page shows its own.
 */
export function noticeFor(
  settings: StorefrontSettings,
  timeZone: string,
  now: Date,
  items?: NoticeItems,
): StorefrontNotice {
  const updatedAt = isoSeconds(now);
  const message = settings.message ?? undefined;
  const perItem = items ? { items } : {};
  switch (settings.mode) {
    case "delayed":
      if (!settings.estimate) throw new Error("A delayed storefront needs an estimate.");
      return {
        version: NOTICE_VERSION,
        mode: "delayed",
        estimate: settings.estimate,
        updatedAt,
        ...perItem,
        ...(message ? { message } : {}),
      };
    case "paused":
      return {
        version: NOTICE_VERSION,
        mode: "paused",
        pausedUntil: settings.pausedUntil ? lastPausedDate(settings.pausedUntil, timeZone) : null,
        updatedAt,
        ...perItem,
        ...(message ? { message } : {}),
        ...(settings.waitlist ? {} : { waitlist: false as const }),
      };
    case "normal":
      // The estimate is kept for the next delay but not shown: in normal mode the shop's own
      // promise stands, and a stale "1–2 weeks" would contradict it.
      return { version: NOTICE_VERSION, mode: "normal", updatedAt, ...perItem };
  }
}

/** The wall-clock end in the shop's zone, as the Function's input query compares it. */
export function pausedUntilLocal(pausedUntil: Date | null, timeZone: string): string {
  if (!pausedUntil) return PAUSE_WITHOUT_END;
  return DateTime.fromJSDate(pausedUntil, { zone: timeZone }).toFormat("yyyy-LL-dd'T'HH:mm:ss");
}

/** The sentence checkout shows a refused buyer (the Function's message), in the shop's words. */
export function checkoutMessage(settings: StorefrontSettings, timeZone: string): string {
  const base = settings.pausedUntil
    ? `We have paused new orders until ${DateTime.fromISO(lastPausedDate(settings.pausedUntil, timeZone)).setLocale("en-US").toFormat("LLLL d, yyyy")} so we can catch up on the ones we have.`
    : DEFAULT_PAUSE_MESSAGE;
  const full = settings.message ? `${base} ${settings.message}` : base;
  return full.length > MAX_PAUSE_MESSAGE_LENGTH
    ? `${full.slice(0, MAX_PAUSE_MESSAGE_LENGTH - 1)}…`
    : full;
}

export function pauseConfigFor(
  settings: StorefrontSettings,
  timeZone: string,
  exemptProductIds: readonly string[] = [],
): CheckoutPauseConfig {
  return {
    version: PAUSE_CONFIG_VERSION,
    paused: settings.mode === "paused",
    pausedUntilLocal: pausedUntilLocal(settings.pausedUntil, timeZone),
    message: checkoutMessage(settings, timeZone),
    exemptProductIds: [...exemptProductIds],
    heldItems: [...settings.heldItems],
    heldCollectionIds: settings.heldItems
      .filter((item) => item.kind === "collection")
      .map((item) => item.id),
  };
}

/** Whether the checkout validation has anything to refuse (it runs only while it does). */
export function checkoutHoldNeeded(config: CheckoutPauseConfig): boolean {
  return config.paused || config.heldItems.length > 0;
}

/** True when a timed pause has reached its end and should be lifted. */
export function isPauseDue(settings: StorefrontSettings, now: Date): boolean {
  return (
    settings.mode === "paused" &&
    settings.pausedUntil !== null &&
    settings.pausedUntil.getTime() <= now.getTime()
  );
}

/** `YYYY-MM-DDTHH:mm` (an <input type="datetime-local"> value) in the shop's zone → instant; null if no such local time. */
export function localInputToInstant(value: string, timeZone: string): Date | null {
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/.test(value)) return null;
  const local = DateTime.fromISO(value, { zone: timeZone });
  // Luxon moves a time in a DST gap forward; refuse it rather than pause for a different time.
  if (!local.isValid || local.toFormat("yyyy-LL-dd'T'HH:mm") !== value) return null;
  return local.toJSDate();
}

export function instantToLocalInput(instant: Date, timeZone: string): string {
  return DateTime.fromJSDate(instant, { zone: timeZone }).toFormat("yyyy-LL-dd'T'HH:mm");
}

/**
 * A buyer-facing range from the forecast's dates for an order placed today: conservative by
 * construction (the max is the conservative date), in weeks once it passes two weeks, because
 * "3–5 weeks" reads as honest where "19–33 days" reads as false precision.
 */
export function estimateFromForecast(
  today: string,
  likely: string | null,
  conservative: string | null,
): NoticeEstimate | null {
  if (!likely || !conservative) return null;
  const day = (iso: string) => DateTime.fromISO(iso, { zone: "UTC" }).toMillis() / 86_400_000;
  const minDays = Math.max(1, Math.round(day(likely) - day(today)));
  const maxDays = Math.max(minDays, Math.round(day(conservative) - day(today)));
  if (maxDays <= 14) return { min: minDays, max: Math.max(maxDays, minDays), unit: "days" };
  const min = Math.max(1, Math.floor(minDays / 7));
  return { min, max: Math.max(min, Math.ceil(maxDays / 7)), unit: "weeks" };
}

/** "2–3 weeks", as buyers read it. */
export function describeNoticeEstimate(estimate: NoticeEstimate): string {
  return `${estimate.min}–${estimate.max} ${estimate.unit}`;
}

/**
 * True when showing `shown` would promise buyers a shorter longest wait than the forecast's
 * conservative range for an order placed today (issue 13, point 5).
 */
export function promisesLessThanForecast(shown: NoticeEstimate, forecast: NoticeEstimate): boolean {
  const longest = (estimate: NoticeEstimate) =>
    estimate.unit === "weeks" ? estimate.max * 7 : estimate.max;
  return longest(shown) < longest(forecast);
}

/** Where "Resume" goes: the mode the shop was in before the pause, if it can still be shown. */
export function modeAfterPause(
  previousMode: string | null | undefined,
  estimate: NoticeEstimate | null,
): StorefrontMode {
  return previousMode === "delayed" && estimate ? "delayed" : "normal";
}
