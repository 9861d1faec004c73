// Notices in the customer's language. The shop's template (NoticeTemplate's subject, body,
// wordings, reason, make-good) is in the shop's primary language — or English when the primary is
// a language Delay Desk does not write. Every other language has its own wording, edited by the
// merchant per kind (NoticeTemplate.translations); a kind the merchant has not written in that
// language uses Delay Desk's own wording in it (default-wordings.ts). Which language an order gets
// is app/locale/language.ts: the order's customerLocale, else the shop's primary, else English.
import { z } from "zod";
import {
  CUSTOMER_LANGUAGES,
  customerLocale,
  isCustomerLanguage,
  languageOf,
  type CustomerLanguage,
  type CustomerLocale,
} from "../locale/language";
import { LANGUAGE_DEFAULTS } from "./default-wordings";
import { NOTICE_KINDS, type NoticeKind, type Wording } from "./notice-kinds";

const wordingSchema = z.object({ subject: z.string().min(1), body: z.string().min(1) });

const translationSchema = z.object({
  reason: z.string().min(1).optional(),
  makeGood: z.string().min(1).optional(),
  wordings: z
    .object({
      first: wordingSchema,
      weekly: wordingSchema,
      later: wordingSchema,
      earlier: wordingSchema,
      shipped: wordingSchema,
    })
    .partial()
    .default({}),
});
export type StoredTranslation = z.infer<typeof translationSchema>;

export const storedTranslationsSchema = z
  .object({
    en: translationSchema,
    fr: translationSchema,
    de: translationSchema,
    es: translationSchema,
  })
  .partial();
export type StoredTranslations = z.infer<typeof storedTranslationsSchema>;

/** NoticeTemplate.translations, parsed; anything unreadable counts as not written. */
export function parseStoredTranslations(json: string): StoredTranslations {
  let raw: unknown;
  try {
    raw = JSON.parse(json);
  } catch {
    return {};
  }
  const parsed = storedTranslationsSchema.safeParse(raw);
  return parsed.success ? parsed.data : {};
}

/** The language the shop's own template is written in. */
export function templateLanguage(shopPrimaryLocale: string | null | undefined): CustomerLanguage {
  const primary = languageOf(shopPrimaryLocale);
  return primary && isCustomerLanguage(primary) ? primary : "en";
}

/** The shop's template in its own language, as the job and the composer carry it. */
export interface PrimaryTemplate {
  wordings: Record<NoticeKind, Wording>;
  reason: string;
  makeGood: string;
}

export interface LanguageTemplate extends PrimaryTemplate {
  language: CustomerLanguage;
  /** Per kind: written by the merchant (true) or Delay Desk's default in this language. */
  custom: Record<NoticeKind, boolean>;
}

/** Everything a notice in `language` says that the merchant chose. */
export function templateIn(
  language: CustomerLanguage,
  input: {
    primary: PrimaryTemplate & { custom?: Partial<Record<NoticeKind, boolean>> };
    primaryLocale: string | null | undefined;
    translations: StoredTranslations;
  },
): LanguageTemplate {
  if (language === templateLanguage(input.primaryLocale)) {
    const custom = Object.fromEntries(
      NOTICE_KINDS.map((kind) => [kind, input.primary.custom?.[kind] ?? true]),
    );
    return { ...input.primary, language, custom: completeKinds(custom) };
  }
  const own = input.translations[language];
  const defaults = LANGUAGE_DEFAULTS[language];
  const wordings = completeWordings((kind) => own?.wordings[kind] ?? defaults.wordings[kind]);
  return {
    language,
    wordings,
    reason: own?.reason ?? defaults.reason,
    makeGood: own?.makeGood ?? defaults.makeGood,
    custom: completeKinds(
      Object.fromEntries(NOTICE_KINDS.map((kind) => [kind, own?.wordings[kind] !== undefined])),
    ),
  };
}

function completeWordings(of: (kind: NoticeKind) => Wording): Record<NoticeKind, Wording> {
  return {
    first: of("first"),
    weekly: of("weekly"),
    later: of("later"),
    earlier: of("earlier"),
    shipped: of("shipped"),
  };
}

function completeKinds(flags: Record<string, boolean>): Record<NoticeKind, boolean> {
  return {
    first: flags.first ?? false,
    weekly: flags.weekly ?? false,
    later: flags.later ?? false,
    earlier: flags.earlier ?? false,
    shipped: flags.shipped ?? false,
  };
}

/** The language and formats one order's notice is written in, and the wording to use. */
export function noticeFor(
  orderLocale: string | null | undefined,
  input: {
    primary: PrimaryTemplate;
    primaryLocale: string | null | undefined;
    translations: StoredTranslations;
  },
): { reader: CustomerLocale; template: LanguageTemplate } {
  const reader = customerLocale(orderLocale, input.primaryLocale);
  return { reader, template: templateIn(reader.language, input) };
}

/** The languages the composer offers, the shop's own first. */
export function editableLanguages(primaryLocale: string | null | undefined): CustomerLanguage[] {
  const own = templateLanguage(primaryLocale);
  return [own, ...CUSTOMER_LANGUAGES.filter((language) => language !== own)];
}

/** What a notice job carries (notice-job.server.ts params), as the templates it needs. */
export function jobTemplates(params: {
  template: { subject: string; body: string; reason: string };
  wordings: Partial<Record<Exclude<NoticeKind, "first">, Wording>>;
  makeGood: string | null;
  primaryLocale?: string | null;
  translations?: StoredTranslations;
}): { primary: PrimaryTemplate; primaryLocale: string | null; translations: StoredTranslations } {
  const own = LANGUAGE_DEFAULTS[templateLanguage(params.primaryLocale)];
  return {
    primary: {
      wordings: {
        first: { subject: params.template.subject, body: params.template.body },
        weekly: params.wordings.weekly ?? own.wordings.weekly,
        later: params.wordings.later ?? own.wordings.later,
        earlier: params.wordings.earlier ?? own.wordings.earlier,
        shipped: params.wordings.shipped ?? own.wordings.shipped,
      },
      reason: params.template.reason,
      makeGood: params.makeGood ?? own.makeGood,
    },
    primaryLocale: params.primaryLocale ?? null,
    translations: params.translations ?? {},
  };
}
