// What a notice job sends with, taken from the shop's saved notice and its named sender: the
// notices page's "Send notices" and Shopify Flow's "Send delay notice" queue the same job, so they
// build its params in one place.
import type { NoticeJobParams } from "./notice-job.server";
import type { StoredTemplate } from "./notice-template.server";

export function noticeJobParams(
  template: StoredTemplate & { primaryLocale: string | null },
  sender: NoticeJobParams["sender"],
  options: { overrideReason: string | null; confirmBetter: boolean },
): NoticeJobParams {
  return {
    template: { subject: template.subject, body: template.body, reason: template.reason },
    replyTo: template.replyTo,
    sender,
    wordings: {
      weekly: template.wordings.weekly,
      later: template.wordings.later,
      earlier: template.wordings.earlier,
      shipped: template.wordings.shipped,
    },
    makeGood: template.makeGood,
    primaryLocale: template.primaryLocale,
    translations: template.translations,
    ...options,
  };
}
