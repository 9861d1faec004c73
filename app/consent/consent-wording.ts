// What a delay notice says about consent, fixed by the law and not by the merchant's template
// (render-notice.ts adds it beside the two choice links, so no edit can drop it). FTC: a notice
// asking for a yes states the deadline and what happens without one (the order is cancelled and
// refunded in full); a notice where silence is consent says so. UK/EU: the notice offers to end the
// contract with a full refund.
import { longDay } from "../notices/estimate-range";
import type { ConsentTerms } from "./consent-rules";

const WHY_YES = {
  long: "this delay is longer than 30 days",
  indefinite: "we cannot give you a firm date",
  renewed: "this is a further delay after the date we gave you",
} as const;

/** The paragraph the notice must carry for these terms; null when the law asks nothing. */
export function consentParagraph(terms: ConsentTerms, waitLabel: string): string | null {
  switch (terms.kind) {
    case "none":
      return null;
    case "silence":
      return `If you are happy to wait until ${longDay(terms.revisedDate)}, you do not need to do anything: unless you tell us otherwise, we will take it that you agree to the new date.`;
    case "yes":
      return `Because ${WHY_YES[terms.reason]}, we need your yes to keep your order: please click "${waitLabel}" by ${longDay(terms.deadline)}. If we do not hear from you by then, we will cancel your order and refund you in full, shipping included.`;
    case "end_contract":
      return `${terms.missed ? "We have missed" : "We will miss"} the delivery date we agreed (${longDay(terms.agreedDate)}), so you are entitled to end your contract with us: one click below cancels the order and refunds you in full, shipping included. If you would rather wait, click "${waitLabel}".`;
  }
}
