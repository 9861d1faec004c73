// The shop's notice template (NoticeTemplate): the first notice's wording, the reason and the
// reply-to shared by every kind, the make-good, and the other kinds' wording as the merchant
// edited it. Until the shop saves, the default wording.
import type { PrismaClient } from "@prisma/client";
import {
  DEFAULT_MAKE_GOOD,
  DEFAULT_WORDINGS,
  parseStoredWordings,
  type NoticeKind,
  type Wording,
} from "./notice-kinds";
import { DEFAULT_TEMPLATE } from "./render-notice";
import type { EditableKind, TemplateForm, WordingForm } from "./template-form";

export interface StoredTemplate extends TemplateForm {
  saved: boolean;
  updatedAt: string | null;
  makeGood: string;
  /** Every kind's wording: the merchant's where saved, else the default. */
  wordings: Record<NoticeKind, Wording & { custom: boolean }>;
}

type TemplateDb = Pick<PrismaClient, "noticeTemplate">;

export async function loadNoticeTemplate(db: TemplateDb, shop: string): Promise<StoredTemplate> {
  const row = await db.noticeTemplate.findUnique({ where: { shop } });
  const stored = row ? parseStoredWordings(row.wordings) : {};
  const first = row ? { subject: row.subject, body: row.body } : DEFAULT_WORDINGS.first;
  const wordingOf = (kind: NoticeKind) => {
    const own = kind === "first" ? (row ? first : undefined) : stored[kind];
    return { ...(own ?? DEFAULT_WORDINGS[kind]), custom: own !== undefined };
  };
  const wordings: Record<NoticeKind, Wording & { custom: boolean }> = {
    first: wordingOf("first"),
    weekly: wordingOf("weekly"),
    later: wordingOf("later"),
    earlier: wordingOf("earlier"),
    shipped: wordingOf("shipped"),
  };
  if (!row)
    return {
      ...DEFAULT_TEMPLATE,
      replyTo: "",
      saved: false,
      updatedAt: null,
      makeGood: DEFAULT_MAKE_GOOD,
      wordings,
    };
  return {
    subject: row.subject,
    body: row.body,
    reason: row.reason,
    replyTo: row.replyTo,
    saved: true,
    updatedAt: row.updatedAt.toISOString(),
    makeGood: row.makeGood ?? DEFAULT_MAKE_GOOD,
    wordings,
  };
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
