// Everything the composer page shows: the template, the sender, who would receive it (a selection
// or a class, with counts), a preview for one order, recent notice jobs and customers' cancel
// requests awaiting staff. Kept out of the route so the route stays thin.
import type { PrismaClient } from "@prisma/client";
import { choiceLinks } from "../proxy/choice-links.server";
import { openCancelRequests } from "../proxy/record-choice.server";
import { toShopLocal } from "../promise/shop-clock";
import { loadShopSettings } from "../settings/shop-settings.server";
import { consentTermsForNotice } from "../consent/consent.server";
import { estimateRangeOf } from "./estimate-range";
import { NOTICE_JOB_KIND } from "./notice-job.server";
import { loadNoticeTemplate } from "./notice-template.server";
import { noticeItems, renderNotice, type RenderedNotice } from "./render-notice";
import { countOrdersWithoutUpdate } from "./stale-orders.server";
import { loadOrderSummary } from "../orders/order-summary.server";
import type { NoticeKind } from "./notice-kinds";
import { shippedSinceTold } from "./send-notices.server";
import { gidId, toGid } from "../admin-api/gid";
import type { CustomerLanguage } from "../locale/language";
import { buyerTotal } from "../proxy/buyer-money";
import { editableLanguages, templateIn, templateLanguage } from "./notice-translations";

const gid = (numeric: string) => toGid("Order", numeric);
const numeric = gidId;

export function parseOrderList(raw: string | null): string[] {
  return (raw ?? "")
    .split(",")
    .map((s) => s.trim())
    .filter((s) => /^\d{1,20}$/.test(s))
    .map(gid);
}

export async function loadComposer(
  db: PrismaClient,
  input: {
    shop: string;
    shopName: string;
    secret: string;
    selection: string[];
    previewId: string | null;
    /** Which kind of notice the editor and the preview show. */
    kind: NoticeKind;
    /** Which language the editor and the preview show; the shop's own when omitted. */
    language?: CustomerLanguage;
    /** The shop's primary locale (shopLocales): the language of its own template. */
    primaryLocale?: string | null;
    now: Date;
  },
) {
  const ownLanguage = templateLanguage(input.primaryLocale);
  const language = input.language ?? ownLanguage;
  const { shop } = input;
  const [template, settings, selected, counts, jobs, cancelRequests, stale, shipped] =
    await Promise.all([
      loadNoticeTemplate(db, shop, ownLanguage),
      loadShopSettings(db, shop),
      db.trackedOrder.findMany({
        where: { shop, id: { in: input.selection } },
        select: { id: true, name: true },
      }),
      // The per-shop summary's counts (kept by the database with every row), not a scan.
      loadOrderSummary(db, shop),
      db.job.findMany({
        where: { shop, kind: NOTICE_JOB_KIND },
        orderBy: { createdAt: "desc" },
        take: 5,
        select: { id: true, status: true, createdAt: true },
      }),
      openCancelRequests(db, shop),
      countOrdersWithoutUpdate(db, shop, input.now),
      shippedSinceTold(db, shop),
    ]);
  const previewOrder =
    (input.previewId
      ? await db.trackedOrder.findUnique({ where: { shop_id: { shop, id: input.previewId } } })
      : null) ??
    (selected[0]
      ? await db.trackedOrder.findUnique({ where: { shop_id: { shop, id: selected[0].id } } })
      : null) ??
    (await db.trackedOrder.findFirst({
      where: {
        shop,
        cancelledAt: null,
        delayClass: { in: ["overdue", "at_risk"] },
        conservativeShipDate: { not: null },
      },
      orderBy: { createdAt: "asc" },
    }));

  let preview: (RenderedNotice & { orderName: string; to: string | null }) | null = null;
  const kind = input.kind;
  const before = previewOrder
    ? await db.notice.findFirst({
        where: { shop, orderId: previewOrder.id, status: "sent", kind: { not: "shipped" } },
        orderBy: { revision: "desc" },
      })
    : null;
  const told = before ? { from: before.estimateFrom, to: before.estimateTo } : null;
  // A shipped order has no forecast left; its preview shows the range it was told.
  const range = previewOrder ? (estimateRangeOf(previewOrder) ?? told) : null;
  // The wording in the language shown: the shop's own template, or that language's.
  const inLanguage = templateIn(language, {
    primary: template,
    primaryLocale: input.primaryLocale,
    translations: template.translations,
  });
  if (previewOrder && range) {
    const wording = inLanguage.wordings[kind];
    const links = choiceLinks(input.secret, {
      shop,
      orderId: previewOrder.id,
      noticeId: null,
      now: input.now,
    });
    preview = {
      ...renderNotice({
        kind,
        template: { subject: wording.subject, body: wording.body, reason: inLanguage.reason },
        previous: told,
        overrideReason: kind === "later" ? "(the override reason you give when sending)" : null,
        makeGood: inLanguage.makeGood,
        reader: {
          language,
          locale: language,
          timeZone: settings.rules.timeZone,
          at: input.now,
        },
        refundTotal: buyerTotal(previewOrder, language),
        order: {
          name: previewOrder.name,
          customerFirstName: previewOrder.customerFirstName,
          items: noticeItems(previewOrder.lineItems),
        },
        range,
        today: toShopLocal(input.now, settings.rules.timeZone).date,
        sender: {
          name: settings.senderName ?? "(your name: set it in Settings)",
          role: settings.senderRole,
          shopName: input.shopName,
        },
        links,
        // The law's paragraph as the job would write it today (app/consent).
        consent: consentTermsForNotice(
          settings.consentRuleSet,
          settings.rules.timeZone,
          previewOrder,
          { kind, estimateTo: range.to, createdAt: input.now },
          told?.to ?? null,
        ),
      }),
      orderName: previewOrder.name,
      to: previewOrder.email,
    };
  }
  return {
    template,
    language,
    languages: editableLanguages(input.primaryLocale),
    /** The wording in a language other than the shop's own (null when showing the shop's own). */
    translation: language === ownLanguage ? null : inLanguage,
    sender: { name: settings.senderName, role: settings.senderRole },
    selection: selected.map((o) => ({ id: numeric(o.id), name: o.name })),
    counts: {
      at_risk: counts.counts.at_risk,
      overdue: counts.counts.overdue,
      shipped: shipped.length,
    },
    kind,
    preview,
    previewOrderId: previewOrder ? numeric(previewOrder.id) : null,
    jobs: jobs.map((j) => ({ id: j.id, status: j.status, createdAt: j.createdAt.toISOString() })),
    cancelRequests: cancelRequests.map((r) => ({
      orderId: numeric(r.orderId),
      name: r.order?.name ?? r.orderId,
      at: r.at,
    })),
    noUpdate: stale.count,
    cadenceDays: stale.cadenceDays,
  };
}
