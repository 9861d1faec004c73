// What a delay notice says about consent, fixed by the law and not by the merchant's template
// (render-notice.ts adds it beside the two choice links, so no edit can drop it). FTC: a notice
// asking for a yes states the deadline and what happens without one (the order is cancelled and
// refunded in full); a notice where silence is consent says so. UK/EU: the notice offers to end the
// contract with a full refund. Said in the customer's language (app/locale/customer-texts.ts); the
// deadline names the shop's time zone, since the day ends at the shop's midnight.
import { longDay, type ReaderLocale } from "../notices/estimate-range";
import { customerTexts } from "../locale/customer-texts";
import { timeZoneName } from "../locale/format";
import type { ConsentTerms } from "./consent-rules";

export interface ConsentReader extends ReaderLocale {
  /** The shop's IANA time zone, named beside a deadline. */
  timeZone: string;
  /** When the notice is written: a zone's name can depend on the season. */
  at: Date;
}

const ENGLISH_UTC: ConsentReader = {
  language: "en",
  locale: "en",
  timeZone: "UTC",
  at: new Date(0),
};

/** The paragraph the notice must carry for these terms; null when the law asks nothing. */
export function consentParagraph(
  terms: ConsentTerms,
  waitLabel: string,
  reader: ConsentReader = ENGLISH_UTC,
): string | null {
  const words = customerTexts(reader.language).consent;
  const day = (date: string) => longDay(date, reader.locale);
  switch (terms.kind) {
    case "none":
      return null;
    case "silence":
      return words.silence(day(terms.revisedDate));
    case "yes":
      return words.yes(
        words.yesReason[terms.reason],
        waitLabel,
        day(terms.deadline),
        timeZoneName(reader.timeZone, reader.locale, reader.at),
      );
    case "end_contract":
      return words.endContract(terms.missed, day(terms.agreedDate), waitLabel);
  }
}
