// Storefront notices as the app writes them to the metafield (contracts/notice-metafield.ts), one
// per mode, for the tests that render the theme extension and the demo product page.
import type { StorefrontNotice } from "@delay-desk/contracts/notice-metafield";

const updatedAt = "2026-11-23T09:30:00Z";

export const SAMPLE_NOTICES = {
  normal: { version: 1, mode: "normal", estimate: { min: 3, max: 3, unit: "days" }, updatedAt },
  delayed: { version: 1, mode: "delayed", estimate: { min: 1, max: 2, unit: "weeks" }, updatedAt },
  paused: { version: 1, mode: "paused", pausedUntil: "2026-12-05", updatedAt },
  pausedOpenEnded: { version: 1, mode: "paused", pausedUntil: null, updatedAt },
} as const satisfies Record<string, StorefrontNotice>;
