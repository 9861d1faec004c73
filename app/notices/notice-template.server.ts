// The shop's notice template (NoticeTemplate): the first notice's wording, the reason and the
// reply-to shared by every kind, the make-good, and the other kinds' wording as the merchant
// edited it. Until the shop saves, the default wording.
import type { PrismaClient } from "@prisma/client";
import {
  DEFAULT_MAKE_GOOD,
  DEFAULT_REASON,
  DEFAULT_WORDINGS,
  parseStoredWordings,
  type NoticeKind,
  type Wording,
} from "./notice-kinds";
import type { AdminGraphql } from "../admin-api/graphql.server";
import type { CustomerLanguage } from "../locale/language";
import { shopPrimaryLocale } from "../locale/shop-locale.server";
import { LANGUAGE_DEFAULTS } from "./default-wordings";
import {
  parseStoredTranslations,
  templateLanguage,
  type StoredTranslations,
} from "./notice-translations";
import type { EditableKind, TemplateForm, TranslationForm, WordingForm } from "./template-form";

export interface StoredTemplate extends TemplateForm {
  saved: boolean;
  updatedAt: string | null;
  makeGood: string;
  /** Every kind's wording: the merchant's where saved, else the default. */
  wordings: Record<NoticeKind, Wording & { custom: boolean }>;
  /** The merchant's wording in the other languages (notice-translations.ts). */
  translations: StoredTranslations;
}

type TemplateDb = Pick<PrismaClient, "noticeTemplate">;

/**
 * The shop's template; until saved, Delay Desk's wording in `language`, the shop's primary
 * (notice-translations.ts, templateLanguage).
 */
export async function loadNoticeTemplate(
  db: TemplateDb,
  shop: string,
  language: CustomerLanguage = "en",
): Promise<StoredTemplate> {
  const row = await db.noticeTemplate.findUnique({ where: { shop } });
  const stored = row ? parseStoredWordings(row.wordings) : {};
  const defaults = language === "en" ? null : LANGUAGE_DEFAULTS[language];
  const defaultWordings = defaults?.wordings ?? DEFAULT_WORDINGS;
  const first = row ? { subject: row.subject, body: row.body } : defaultWordings.first;
  const wordingOf = (kind: NoticeKind) => {
    const own = kind === "first" ? (row ? first : undefined) : stored[kind];
    return { ...(own ?? defaultWordings[kind]), custom: own !== undefined };
  };
  const translations = row ? parseStoredTranslations(row.translations) : {};
  const wordings: Record<NoticeKind, Wording & { custom: boolean }> = {
    first: wordingOf("first"),
    weekly: wordingOf("weekly"),
    later: wordingOf("later"),
    earlier: wordingOf("earlier"),
    shipped: wordingOf("shipped"),
  };
  if (!row)
    return {
      subject: defaultWordings.first.subject,
      body: defaultWordings.first.body,
      reason: defaults?.reason ?? DEFAULT_REASON,
      replyTo: "",
      saved: false,
      updatedAt: null,
      makeGood: defaults?.makeGood ?? DEFAULT_MAKE_GOOD,
      wordings,
      translations,
    };
  return {
    subject: row.subject,
    body: row.body,
    reason: row.reason,
    replyTo: row.replyTo,
    saved: true,
    updatedAt: row.updatedAt.toISOString(),
    makeGood: row.makeGood ?? defaults?.makeGood ?? DEFAULT_MAKE_GOOD,
    wordings,
    translations,
  };
}

/** The template with the shop's primary locale from Shopify, as a notice job carries both. */
export async function loadShopNoticeTemplate(
  db: TemplateDb,
  admin: AdminGraphql,
  shop: string,
): Promise<StoredTemplate & { primaryLocale: string | null }> {
  const primaryLocale = await shopPrimaryLocale(admin);
  const template = await loadNoticeTemplate(db, shop, templateLanguage(primaryLocale));
  return { ...template, primaryLocale };
}

export async function saveNoticeTemplate(
  db: TemplateDb,
  shop: string,
  template: TemplateForm,
  updatedBy: string | null,
): Promise<void> {
  const data = { ...template, updatedBy };
  await db.noticeTemplate.upsert({ where: { shop }, create: { shop, ...data }, update: data });
}

/** Saves one kind's wording; false while the shop has not saved its first notice (no reply-to). */
export async function saveNoticeWording(
  db: TemplateDb,
  shop: string,
  kind: EditableKind,
  wording: WordingForm,
  updatedBy: string | null,
): Promise<boolean> {
  const row = await db.noticeTemplate.findUnique({ where: { shop } });
  if (!row) return false;
  const wordings = {
    ...parseStoredWordings(row.wordings),
    [kind]: { subject: wording.subject, body: wording.body },
  };
  await db.noticeTemplate.update({
    where: { shop },
    data: {
      wordings: JSON.stringify(wordings),
      ...(wording.makeGood === undefined ? {} : { makeGood: wording.makeGood }),
      updatedBy,
    },
  });
  return true;
}

/**
 * Saves one kind's wording in a language other than the shop's own; false while the shop has not
 * saved its own notice (the reply-to lives there).
 */
export async function saveNoticeTranslation(
  db: TemplateDb,
  shop: string,
  language: CustomerLanguage,
  kind: NoticeKind,
  wording: TranslationForm,
  updatedBy: string | null,
): Promise<boolean> {
  const row = await db.noticeTemplate.findUnique({ where: { shop } });
  if (!row) return false;
  const translations = parseStoredTranslations(row.translations);
  const current = translations[language] ?? { wordings: {} };
  translations[language] = {
    ...current,
    ...(wording.reason === undefined ? {} : { reason: wording.reason }),
    ...(wording.makeGood === undefined ? {} : { makeGood: wording.makeGood }),
    wordings: { ...current.wordings, [kind]: { subject: wording.subject, body: wording.body } },
  };
  await db.noticeTemplate.update({
    where: { shop },
    data: { translations: JSON.stringify(translations), updatedBy },
  });
  return true;
}
