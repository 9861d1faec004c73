// The sample shop's settings several tests start from (no database: pure tests import this too):
// a notice job's params as the notices page queues them, and a small workshop's rules.
import type { NoticeJobParams } from "../../app/notices/notice-job.server";
import { DEFAULT_TEMPLATE } from "../../app/notices/render-notice";
import type { ShopRulesInput } from "../../app/promise/shop-rules";

/**
 * A notice job's params: the default wording, signed by Dawn Rivera of Oak & Hide, with no
 * kind-specific wording (each kind's default, app/notices/notice-kinds.ts) and no make-good.
 */
export function noticeParams(overrides: Partial<NoticeJobParams> = {}): NoticeJobParams {
  return {
    template: DEFAULT_TEMPLATE,
    replyTo: "dawn@oakandhide.com",
    sender: { name: "Dawn Rivera", role: "Operations manager", shopName: "Oak & Hide Workshop" },
    overrideReason: null,
    confirmBetter: false,
    wordings: {},
    makeGood: null,
    ...overrides,
  };
}

/**
 * A small leather-case workshop in New York: 2 business days' lead (5 for engraved), 4 units a
 * weekday, exact output (cv 0), 14:00 cut-off, Thanksgiving week closed.
 */
export const SMALL_WORKSHOP_RULES: ShopRulesInput = {
  timeZone: "America/New_York",
  defaultLeadTimeBusinessDays: 2,
  productTagOverrides: [{ tag: "engraved", leadTimeBusinessDays: 5 }],
  cutOffTime: "14:00",
  openWeekdays: [1, 2, 3, 4, 5],
  closures: [{ label: "Thanksgiving week", from: "2026-11-23", to: "2026-11-27" }],
  capacity: {
    unit: "units",
    perWeekday: { mon: 4, tue: 4, wed: 4, thu: 4, fri: 4, sat: 0, sun: 0 },
    coefficientOfVariation: 0,
  },
};
