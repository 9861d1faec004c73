// Sending delay notices as a kind of job on the shared durable runner (app/jobs). One item per
// order. The Notice row is the claim: it is written (status "sending", with its revision) before
// the message leaves, so a second job, a retry or a restart finds it and never tells the same
// order the same thing under a new number. The Message-ID is derived from shop, order and
// revision: if a crash lands between the SMTP server's "250 OK" and our "sent", the resend
// carries the same Message-ID and the customer's mailbox files it once (docs/notices.md).
import type { PrismaClient } from "@prisma/client";
import { z } from "zod";
import { defineJobKind, type ItemOutcome, type JobKind, type PlannedItem } from "../jobs/job-kind";
import { toShopLocal } from "../promise/shop-clock";
import { choiceLinks } from "../proxy/choice-links.server";
import { loadShopSettings } from "../settings/shop-settings.server";
import type { MailTransport } from "./mail-transport.server";
import { isNoticeKind, NOTICE_KIND_LABELS } from "./notice-kinds";
import { nextNotice, type NextNotice, type NoticeHistoryRow } from "./next-notice";
import { noticeItems, renderNotice } from "./render-notice";
import { publishOrderStatusAfter } from "./order-status-metafield.server";
import { gidId } from "../admin-api/gid";
import { consentTermsForNotice, recordConsentAsked } from "../consent/consent.server";
import { buyerTotal } from "../proxy/buyer-money";
import { jobTemplates, noticeFor, storedTranslationsSchema } from "./notice-translations";

export const NOTICE_JOB_KIND = "notice";

export const noticeJobParamsSchema = z.object({
  template: z.object({ subject: z.string().min(1), body: z.string().min(1), reason: z.string() }),
  replyTo: z.string().email(),
  sender: z.object({
    name: z.string().min(1),
    role: z.string().nullable(),
    shopName: z.string().min(1),
  }),
  overrideReason: z.string().nullable().default(null),
  confirmBetter: z.boolean().default(false),
  // The other kinds' wording at the time of sending (notice-kinds.ts); a kind missing here, as in
  // jobs queued before kinds existed, uses the default wording.
  wordings: z
    .object({
      weekly: z.object({ subject: z.string().min(1), body: z.string().min(1) }),
      later: z.object({ subject: z.string().min(1), body: z.string().min(1) }),
      earlier: z.object({ subject: z.string().min(1), body: z.string().min(1) }),
      shipped: z.object({ subject: z.string().min(1), body: z.string().min(1) }),
    })
    .partial()
    .default({}),
  makeGood: z.string().nullable().default(null),
  // The customer's language (notice-translations.ts): the shop's primary locale (shopLocales) and
  // the merchant's wording in each other language; absent in jobs queued before languages.
  primaryLocale: z.string().nullable().optional(),
  translations: storedTranslationsSchema.optional(),
});
export type NoticeJobParams = z.infer<typeof noticeJobParamsSchema>;

export interface NoticeJobDeps {
  db: PrismaClient;
  /** null when SMTP_URL is not configured: every item then fails with a reason saying so. */
  transport: () => MailTransport | null;
  /** The app secret: signs the choice links. */
  secret: string;
  now?: () => Date;
}

export function noticeMessageId(shop: string, orderId: string, revision: number): string {
  const orderNumber = gidId(orderId);
  return `<delay-desk.${orderNumber}.r${revision}@${shop}>`;
}

export { eligibility, type Eligibility } from "./next-notice";

export interface OrderDecision {
  orderId: string;
  name: string;
  next: NextNotice;
}

/** The order's notices as the rhythm and the guard read them (failed ones count for neither). */
const HISTORY_SELECT = {
  orderId: true,
  jobId: true,
  revision: true,
  kind: true,
  estimateFrom: true,
  estimateTo: true,
  status: true,
  sentAt: true,
  createdAt: true,
} as const;

/**
 * What a notice would do to each order now: the composer's review, its confirm step and the
 * job's plan all call this, so the list confirmed is the list the job sends.
 */
export async function decideForOrders(
  db: PrismaClient,
  shop: string,
  orderIds: readonly string[],
  options: { overrideReason: string | null; confirmBetter: boolean; now: Date },
): Promise<OrderDecision[]> {
  const ids = [...orderIds];
  const [orders, history, choices, settings] = await Promise.all([
    db.trackedOrder.findMany({ where: { shop, id: { in: ids } }, orderBy: { createdAt: "asc" } }),
    db.notice.findMany({ where: { shop, orderId: { in: ids } }, select: HISTORY_SELECT }),
    db.customerChoice.findMany({ where: { shop, orderId: { in: ids } } }),
    loadShopSettings(db, shop),
  ]);
  const choiceOf = new Map(
    choices.map((c) => [c.orderId, c.choice === "cancel" ? "cancel" : "wait"] as const),
  );
  const historyOf = new Map<string, NoticeHistoryRow[]>();
  for (const row of history)
    historyOf.set(row.orderId, [...(historyOf.get(row.orderId) ?? []), row]);
  return orders.map((order) => ({
    orderId: order.id,
    name: order.name,
    next: nextNotice(
      order,
      historyOf.get(order.id) ?? [],
      choiceOf.get(order.id) ?? null,
      options,
      {
        now: options.now,
        cadenceDays: settings.noticeCadenceDays,
      },
    ),
  }));
}

function isUniqueViolation(error: unknown): boolean {
  return typeof error === "object" && error !== null && "code" in error && error.code === "P2002";
}

export function noticeJobKind(deps: NoticeJobDeps): JobKind<unknown> {
  const now = deps.now ?? (() => new Date());
  const db = deps.db;

  async function perform(
    shop: string,
    item: { id: string; orderId: string },
    params: NoticeJobParams,
  ): Promise<ItemOutcome> {
    const jobItem = await db.jobItem.findFirst({
      where: { id: item.id, shop },
      select: { jobId: true },
    });
    if (!jobItem) return { status: "failed", reason: "The job item is gone." };
    const job = await db.job.findFirst({
      where: { id: jobItem.jobId, shop },
      select: { createdBy: true, createdByName: true },
    });
    const order = await db.trackedOrder.findUnique({
      where: { shop_id: { shop, id: item.orderId } },
    });
    if (!order) return { status: "skipped", reason: "Delay Desk no longer tracks this order." };

    let notice = await db.notice.findFirst({
      where: { shop, orderId: item.orderId, jobId: jobItem.jobId },
    });
    if (notice?.status === "sent") {
      return {
        status: "done",
        summary: `Already sent (revision ${notice.revision})`,
        detail: { noticeId: notice.id, revision: notice.revision, replay: true },
      };
    }
    let change: string = "retry";
    if (!notice) {
      const [decided] = await decideForOrders(db, shop, [order.id], {
        overrideReason: params.overrideReason,
        confirmBetter: params.confirmBetter,
        now: now(),
      });
      const next = decided?.next;
      if (!next) return { status: "skipped", reason: "Delay Desk no longer tracks this order." };
      if (!next.send && next.blocked) {
        return {
          status: "skipped",
          reason: `A second revised date (${next.blocked.proposed.to}, after ${next.blocked.told.to}) needs a remedy or an override with a reason.`,
          detail: { blocked: "second-revision" },
        };
      }
      if (!next.send)
        return { status: "skipped", reason: next.reason, detail: { held: next.code } };
      const decision = next.notice;
      change = decision.kind;
      // Numbered after every row, failed ones included: Notice is unique per shop, order and revision.
      const highest = await db.notice.aggregate({
        where: { shop, orderId: order.id },
        _max: { revision: true },
      });
      const revision = Math.max(decision.revision, (highest._max.revision ?? 0) + 1);
      try {
        notice = await db.$transaction(async (tx) => {
          const created = await tx.notice.create({
            data: {
              shop,
              orderId: order.id,
              jobId: jobItem.jobId,
              revision,
              kind: decision.kind,
              estimateFrom: decision.range.from,
              estimateTo: decision.range.to,
              toEmail: order.email ?? "",
              subject: "",
              status: "sending",
              messageId: noticeMessageId(shop, order.id, revision),
            },
          });
          if (decision.overridden) {
            await tx.orderEvent.create({
              data: {
                shop,
                orderId: order.id,
                kind: "override",
                actorId: job?.createdBy ?? null,
                actorName: job?.createdByName ?? null,
                detail: JSON.stringify({
                  reason: params.overrideReason,
                  noticeId: created.id,
                  revision,
                  from: decision.range.from,
                  to: decision.range.to,
                }),
              },
            });
          }
          return created;
        });
      } catch (error) {
        if (isUniqueViolation(error))
          return {
            status: "failed",
            reason:
              "Another notice to this order was being written at the same moment. Retry to send this one.",
          };
        throw error;
      }
    }

    const transport = deps.transport();
    const links = choiceLinks(deps.secret, {
      shop,
      orderId: order.id,
      noticeId: notice.id,
      now: now(),
    });
    const kind = isNoticeKind(notice.kind) ? notice.kind : "first";
    // What the customer was told before this notice: the later and earlier dates say it.
    const before = await db.notice.findFirst({
      where: {
        shop,
        orderId: order.id,
        status: "sent",
        kind: { not: "shipped" },
        revision: { lt: notice.revision },
      },
      orderBy: { revision: "desc" },
    });
    // In the customer's language, else the shop's primary, else English (app/locale).
    const { reader, template: words } = noticeFor(order.customerLocale, jobTemplates(params));
    const wording = words.wordings[kind];
    // The wording depends on how far out the date is from the shop's today (estimate-range.ts).
    const settings = await loadShopSettings(db, shop);
    const { rules } = settings;
    // What the consent law asks of this notice (app/consent): decided from the notice row, so a
    // resend says the same deadline.
    const consent = consentTermsForNotice(
      settings.consentRuleSet,
      rules.timeZone,
      order,
      notice,
      before?.estimateTo ?? null,
    );
    const rendered = renderNotice({
      consent,
      kind,
      template: { subject: wording.subject, body: wording.body, reason: words.reason },
      previous: before ? { from: before.estimateFrom, to: before.estimateTo } : null,
      overrideReason: params.overrideReason,
      makeGood: words.makeGood,
      reader: { ...reader, timeZone: rules.timeZone, at: now() },
      refundTotal: buyerTotal(order, reader.locale),
      order: {
        name: order.name,
        customerFirstName: order.customerFirstName,
        items: noticeItems(order.lineItems),
      },
      range: { from: notice.estimateFrom, to: notice.estimateTo },
      today: toShopLocal(now(), rules.timeZone).date,
      sender: params.sender,
      links,
    });
    if (!transport) {
      await db.notice.update({
        where: { id: notice.id },
        data: { status: "failed", error: "SMTP_URL is not configured" },
      });
      return { status: "failed", reason: "Email is not configured (SMTP_URL). Set it and retry." };
    }
    await db.notice.update({
      where: { id: notice.id },
      data: {
        status: "sending",
        subject: rendered.subject,
        error: null,
        language: reader.language,
      },
    });
    const messageId = notice.messageId ?? noticeMessageId(shop, order.id, notice.revision);
    const result = await transport.send({
      from: { name: params.sender.name, address: params.replyTo },
      replyTo: params.replyTo,
      to: notice.toEmail,
      subject: rendered.subject,
      text: rendered.text,
      html: rendered.html,
      messageId,
    });
    if (!result.ok) {
      const reason = `${result.permanent ? "Refused by the mail server" : "Mail server unavailable (temporary)"}: ${result.reason}`;
      await db.notice.update({
        where: { id: notice.id },
        data: { status: "failed", error: reason },
      });
      return {
        status: "failed",
        reason,
        detail: { noticeId: notice.id, permanent: result.permanent },
      };
    }
    await db.notice.update({
      where: { id: notice.id },
      data: { status: "sent", sentAt: now(), messageId },
    });
    await recordConsentAsked(db, shop, {
      noticeId: notice.id,
      orderId: order.id,
      ruleSet: settings.consentRuleSet,
      terms: consent,
    });
    return {
      status: "done",
      summary:
        kind === "shipped"
          ? `"It has shipped" notice sent to ${notice.toEmail}`
          : `${NOTICE_KIND_LABELS[kind]} (notice ${notice.revision}) sent to ${notice.toEmail}: ships ${notice.estimateFrom} – ${notice.estimateTo}`,
      detail: {
        noticeId: notice.id,
        revision: notice.revision,
        from: notice.estimateFrom,
        to: notice.estimateTo,
        change,
        toEmail: notice.toEmail,
      },
    };
  }

  return defineJobKind<NoticeJobParams>({
    kind: NOTICE_JOB_KIND,
    label: "Delay notice",
    params: noticeJobParamsSchema,
    timelineKind: "notice",
    async plan(ctx, params, orderIds): Promise<PlannedItem[]> {
      const decided = await decideForOrders(db, ctx.shop, orderIds, {
        overrideReason: params.overrideReason,
        confirmBetter: params.confirmBetter,
        now: now(),
      });
      return decided.filter((d) => d.next.send).map((d) => ({ orderId: d.orderId, amount: null }));
    },
    perform: async (ctx, item, params) =>
      publishOrderStatusAfter(
        ctx,
        { db, secret: deps.secret, now },
        item.orderId,
        await perform(ctx.shop, item, params),
      ),
  });
}
