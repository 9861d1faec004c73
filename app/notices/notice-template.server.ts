// The shop's one notice template (NoticeTemplate), or the default wording until it saves one.
import type { PrismaClient } from "@prisma/client";
import { DEFAULT_TEMPLATE } from "./render-notice";
import type { TemplateForm } from "./template-form";

export interface StoredTemplate extends TemplateForm {
  saved: boolean;
  updatedAt: string | null;
}

export async function loadNoticeTemplate(
  db: Pick<PrismaClient, "noticeTemplate">,
  shop: string,
): Promise<StoredTemplate> {
  const row = await db.noticeTemplate.findUnique({ where: { shop } });
  if (!row) return { ...DEFAULT_TEMPLATE, replyTo: "", saved: false, updatedAt: null };
  return {
    subject: row.subject,
    body: row.body,
    reason: row.reason,
    replyTo: row.replyTo,
    saved: true,
    updatedAt: row.updatedAt.toISOString(),
  };
}

export async function saveNoticeTemplate(
  db: Pick<PrismaClient, "noticeTemplate">,
  shop: string,
  template: TemplateForm,
  updatedBy: string | null,
): Promise<void> {
  const data = { ...template, updatedBy };
  await db.noticeTemplate.upsert({ where: { shop }, create: { shop, ...data }, update: data });
}
