// Sending delay notices as a kind of job on the shared durable runner (app/jobs). One item per
// order. The Notice row is the claim: it is written (status "sending", with its revision) before
// the message leaves, so a second job, a retry or a restart finds it and never tells the same
// order the same thing under a new number. The Message-ID is derived from shop, order and
// revision: if a crash lands between the SMTP server's "250 OK" and our "sent", the resend
// carries the same Message-ID and the customer's mailbox files it once (docs/notices.md).
import { randomUUID } from "node:crypto";
import type { Notice, Prisma, PrismaClient, TrackedOrder } from "@prisma/client";
import { z } from "zod";
import { defineJobKind, type ItemOutcome, type JobKind, type PlannedItem } from "../jobs/job-kind";
import { toShopLocal } from "../promise/shop-clock";
import { choiceLinks } from "../proxy/choice-links.server";
import { loadShopSettings, type ShopSettings } from "../settings/shop-settings.server";
import type { AdminClient } from "../admin-api/graphql.server";
import type { MailTransport } from "./mail-transport.server";
import { composeMail } from "./compose-mail";
import {
  DEFAULT_SEND_CLAIM_MS,
  newSendClaimToken,
  sendClaimedBy,
  sendClaimFree,
  sendClaimReleased,
  waitForClaimMs,
} from "./notice-send-claim";
import { isNoticeKind, NOTICE_KIND_LABELS } from "./notice-kinds";
import { nextNotice, type NextNotice, type NoticeHistoryRow } from "./next-notice";
import { noticeItems, renderNotice } from "./render-notice";
import { OrderStatusBatcher, publishOrderStatus } from "./order-status-metafield.server";
import { gidId } from "../admin-api/gid";
import {
  consentTermsForNotice,
  recordConsentAsked,
  recordConsentAskedAll,
} from "../consent/consent.server";
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
  /** How long a performer's send claim holds (notice-send-claim.ts; default 2 min). */
  sendClaimMs?: number;
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

const DECIDE_CHUNK = 400;

/**
 * Items performed together (performBatch): two metafieldsSet calls' worth (25 each, Shopify's
 * limit), ten mails per pooled connection; small enough that a batch's settling transaction stays
 * short.
 */
export const NOTICE_BATCH_SIZE = 50;

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
  // In chunks: SQLite refuses a statement with more bound parameters than its limit (a job of a
  // few thousand orders would be one `IN` list).
  const chunks: string[][] = [];
  for (let start = 0; start < orderIds.length; start += DECIDE_CHUNK)
    chunks.push(orderIds.slice(start, start + DECIDE_CHUNK));
  const [parts, settings] = await Promise.all([
    Promise.all(
      chunks.map((ids) =>
        Promise.all([
          db.trackedOrder.findMany({ where: { shop, id: { in: ids } } }),
          db.notice.findMany({ where: { shop, orderId: { in: ids } }, select: HISTORY_SELECT }),
          db.customerChoice.findMany({ where: { shop, orderId: { in: ids } } }),
        ]),
      ),
    ),
    loadShopSettings(db, shop),
  ]);
  const orders = parts
    .flatMap(([o]) => o)
    .sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime() || a.id.localeCompare(b.id));
  const history = parts.flatMap(([, h]) => h);
  const choices = parts.flatMap(([, , c]) => c);
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

function alreadySent(notice: { id: string; revision: number }): ItemOutcome {
  return {
    status: "done",
    summary: `Already sent (revision ${notice.revision})`,
    detail: { noticeId: notice.id, revision: notice.revision, replay: true },
  };
}

/** An item's outcome, and what was sent when it sent one (for the order status page). */
interface Performed {
  outcome: ItemOutcome;
  sent?: { notice: Notice; choice: "wait" | "cancel" | null };
}

const kindOf = (row: { kind: string }) => (isNoticeKind(row.kind) ? row.kind : "first");

function isUniqueViolation(error: unknown): boolean {
  return typeof error === "object" && error !== null && "code" in error && error.code === "P2002";
}

export function noticeJobKind(deps: NoticeJobDeps): JobKind<unknown> {
  const now = deps.now ?? (() => new Date());
  const db = deps.db;
  const sendClaimMs = deps.sendClaimMs ?? DEFAULT_SEND_CLAIM_MS;

  // One batcher per Admin client (the runner keeps one client per shop).
  const batchers = new WeakMap<object, OrderStatusBatcher>();
  // Who created each job (the override event names them): read once per job, not per item.
  const creators = new Map<string, { createdBy: string | null; createdByName: string | null }>();
  async function creatorOf(jobId: string, shop: string) {
    const known = creators.get(jobId);
    if (known) return known;
    const job = await db.job.findFirst({
      where: { id: jobId, shop },
      select: { createdBy: true, createdByName: true },
    });
    const found = job ?? { createdBy: null, createdByName: null };
    if (creators.size > 100) creators.clear();
    creators.set(jobId, found);
    return found;
  }

  /** What rendering and the consent terms of one order's notices need, from one round of reads. */
  function orderScope(
    shop: string,
    order: TrackedOrder,
    orderNotices: readonly Notice[],
    settings: ShopSettings,
    params: NoticeJobParams,
  ) {
    // What the customer was told before a notice: the later and earlier dates say it.
    const toldBefore = (revision: number) =>
      orderNotices
        .filter((n) => n.status === "sent" && n.kind !== "shipped" && n.revision < revision)
        .sort((a, b) => b.revision - a.revision)[0] ?? null;
    // In the customer's language, else the shop's primary, else English (app/locale).
    const { reader, template: words } = noticeFor(order.customerLocale, jobTemplates(params));
    const { rules } = settings;
    // What the consent law asks of a notice (app/consent): decided from the notice row, so a
    // resend says the same deadline.
    const consentFor = (row: {
      kind: string;
      revision: number;
      estimateTo: string;
      createdAt: Date;
    }) =>
      consentTermsForNotice(
        settings.consentRuleSet,
        rules.timeZone,
        order,
        row,
        toldBefore(row.revision)?.estimateTo ?? null,
      );

    /** The message for a notice row: rendered and composed once, into the bytes every send uses. */
    async function compose(row: {
      id: string;
      kind: string;
      revision: number;
      estimateFrom: string;
      estimateTo: string;
      toEmail: string;
      messageId: string;
      createdAt: Date;
    }) {
      const kind = kindOf(row);
      const wording = words.wordings[kind];
      const before = toldBefore(row.revision);
      const rendered = renderNotice({
        consent: consentFor(row),
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
        range: { from: row.estimateFrom, to: row.estimateTo },
        // The wording depends on how far out the date is from the shop's today (estimate-range.ts).
        today: toShopLocal(now(), rules.timeZone).date,
        sender: params.sender,
        links: choiceLinks(deps.secret, { shop, orderId: order.id, noticeId: row.id, now: now() }),
      });
      const composed = await composeMail({
        from: { name: params.sender.name, address: params.replyTo },
        replyTo: params.replyTo,
        to: row.toEmail,
        subject: rendered.subject,
        text: rendered.text,
        html: rendered.html,
        messageId: row.messageId,
        date: now(),
      });
      return { raw: composed.raw, subject: rendered.subject };
    }
    return { reader, consentFor, compose };
  }

  /**
   * An order without this job's notice: what the guard and the rhythm decide, and if it is to be
   * sent, the new Notice row with its claim and its composed message (not yet written).
   */
  async function newNotice(
    shop: string,
    jobId: string,
    order: TrackedOrder,
    orderNotices: readonly Notice[],
    choice: "wait" | "cancel" | null,
    settings: ShopSettings,
    params: NoticeJobParams,
    claim: string,
  ) {
    const next = nextNotice(
      order,
      orderNotices,
      choice,
      { overrideReason: params.overrideReason, confirmBetter: params.confirmBetter },
      { now: now(), cadenceDays: settings.noticeCadenceDays },
    );
    if (!next.send && next.blocked) {
      return {
        outcome: {
          status: "skipped",
          reason: `A second revised date (${next.blocked.proposed.to}, after ${next.blocked.told.to}) needs a remedy or an override with a reason.`,
          detail: { blocked: "second-revision" },
        } satisfies ItemOutcome,
      };
    }
    if (!next.send)
      return {
        outcome: {
          status: "skipped",
          reason: next.reason,
          detail: { held: next.code },
        } satisfies ItemOutcome,
      };
    const decision = next.notice;
    // Numbered after every row, failed ones included: Notice is unique per shop, order and revision.
    const highest = orderNotices.reduce((max, n) => Math.max(max, n.revision), 0);
    const revision = Math.max(decision.revision, highest + 1);
    // The claim and the stored message in one write: the row is created with its id, its send
    // claim and the bytes every send of it will use (the links carry the id, so it is ours).
    const planned = {
      id: randomUUID(),
      kind: decision.kind,
      revision,
      estimateFrom: decision.range.from,
      estimateTo: decision.range.to,
      toEmail: order.email ?? "",
      messageId: noticeMessageId(shop, order.id, revision),
      // Wall time, as the column's default would be: the consent terms read "today" from it.
      createdAt: new Date(),
    };
    const scope = orderScope(shop, order, orderNotices, settings, params);
    const message = await scope.compose(planned);
    return {
      decision,
      scope,
      data: {
        ...planned,
        shop,
        orderId: order.id,
        jobId,
        subject: message.subject,
        language: scope.reader.language,
        rawMessage: message.raw,
        status: "sending",
        ...sendClaimedBy(claim, new Date(), sendClaimMs),
      } satisfies Prisma.NoticeUncheckedCreateInput,
    };
  }

  /** What a sent notice's item says, and what the order status page should now say. */
  function sentOutcome(
    row: Notice,
    change: string,
    choice: "wait" | "cancel" | null,
  ): Performed & { sent: NonNullable<Performed["sent"]> } {
    const kind = kindOf(row);
    return {
      outcome: {
        status: "done",
        summary:
          kind === "shipped"
            ? `"It has shipped" notice sent to ${row.toEmail}`
            : `${NOTICE_KIND_LABELS[kind]} (notice ${row.revision}) sent to ${row.toEmail}: ships ${row.estimateFrom} – ${row.estimateTo}`,
        detail: {
          noticeId: row.id,
          revision: row.revision,
          from: row.estimateFrom,
          to: row.estimateTo,
          change,
          toEmail: row.toEmail,
        },
      },
      // What the order status page should now say, from what this performer just sent.
      sent: { notice: row, choice },
    };
  }

  /** The order status page after a done item (concurrent writes share metafieldsSet calls). */
  async function withOrderStatus(
    admin: AdminClient,
    shop: string,
    orderId: string,
    { outcome, sent }: Performed,
  ): Promise<ItemOutcome> {
    if (outcome.status !== "done") return outcome;
    // The order status page says the same thing; concurrent items' writes share metafieldsSet
    // calls (up to Shopify's 25 per call) through the one batcher per Admin client.
    let batcher = batchers.get(admin);
    if (!batcher) {
      batcher = new OrderStatusBatcher(admin);
      batchers.set(admin, batcher);
    }
    const orderStatusPage = await publishOrderStatus(
      batcher,
      { db, secret: deps.secret, now },
      shop,
      orderId,
      sent ?? null,
    );
    return { ...outcome, detail: { ...outcome.detail, orderStatusPage } };
  }

  /**
   * A batch of one job's items in a constant number of statements: one round of reads for all
   * their orders, notices, answers and the rules; one insert of the new notices with their send
   * claims and messages; the mails sent at once through the pool; one write marking the sent ones;
   * their consent asks in one transaction. An item this path does not decide (its notice exists
   * already: a retry, a replay, a takeover; an override, which writes an event with its notice) is
   * left to `perform`. A crash anywhere leaves what `perform` picks up: rows "sending" under a
   * claim that runs out, with the stored bytes the resend uses (docs/notices.md).
   */
  async function performBatch(
    shop: string,
    items: readonly { id: string; orderId: string; jobId?: string }[],
    params: NoticeJobParams,
  ): Promise<Map<string, Performed>> {
    const done = new Map<string, Performed>();
    const jobId = items[0]?.jobId;
    const transport = deps.transport();
    if (!jobId || !transport || items.some((item) => item.jobId !== jobId)) return done;
    const orderIds = items.map((item) => item.orderId);
    const [orders, notices, choices, settings] = await Promise.all([
      db.trackedOrder.findMany({ where: { shop, id: { in: orderIds } } }),
      db.notice.findMany({ where: { shop, orderId: { in: orderIds } } }),
      db.customerChoice.findMany({ where: { shop, orderId: { in: orderIds } } }),
      loadShopSettings(db, shop),
    ]);
    const orderOf = new Map(orders.map((order) => [order.id, order]));
    const noticesOf = new Map<string, Notice[]>();
    for (const notice of notices)
      noticesOf.set(notice.orderId, [...(noticesOf.get(notice.orderId) ?? []), notice]);
    const choiceOf = new Map(
      choices.map((c) => [c.orderId, c.choice === "cancel" ? "cancel" : "wait"] as const),
    );
    const claim = newSendClaimToken();
    const fresh: Array<{
      item: { id: string; orderId: string };
      change: string;
      choice: "wait" | "cancel" | null;
      data: Awaited<ReturnType<typeof newNotice>> extends infer R
        ? R extends { data: infer D }
          ? D
          : never
        : never;
      consent: ReturnType<ReturnType<typeof orderScope>["consentFor"]>;
    }> = [];
    for (const item of items) {
      const order = orderOf.get(item.orderId);
      if (!order) {
        done.set(item.id, {
          outcome: { status: "skipped", reason: "Delay Desk no longer tracks this order." },
        });
        continue;
      }
      const orderNotices = noticesOf.get(order.id) ?? [];
      if (orderNotices.some((n) => n.jobId === jobId)) continue;
      const choice = choiceOf.get(order.id) ?? null;
      const planned = await newNotice(
        shop,
        jobId,
        order,
        orderNotices,
        choice,
        settings,
        params,
        claim,
      );
      if (planned.outcome) done.set(item.id, { outcome: planned.outcome });
      else if (!planned.decision.overridden)
        fresh.push({
          item,
          change: planned.decision.kind,
          choice,
          data: planned.data,
          consent: planned.scope.consentFor(planned.data),
        });
    }
    if (fresh.length === 0) return done;
    try {
      // One statement, all or nothing: a row another performer wrote first (unique per shop, job
      // and order) leaves every item of this batch to `perform`, which meets that row.
      await db.$transaction([db.notice.createMany({ data: fresh.map((f) => f.data) })]);
    } catch (error) {
      if (isUniqueViolation(error)) return done;
      throw error;
    }
    // Sent at once: the pool (mail-transport.server.ts) queues them for its few connections.
    const results = await Promise.all(
      fresh.map((f) =>
        transport.send({
          envelope: { from: params.replyTo, to: f.data.toEmail },
          raw: f.data.rawMessage,
          messageId: f.data.messageId,
        }),
      ),
    );
    const sentAt = now();
    const sent = fresh.filter((_, index) => results[index]?.ok);
    // Sent is a fact whoever's claim it was; the stored messages are no longer needed.
    if (sent.length > 0)
      await db.notice.updateMany({
        where: { shop, id: { in: sent.map((f) => f.data.id) }, status: { not: "sent" } },
        data: { status: "sent", sentAt, rawMessage: null, ...sendClaimReleased },
      });
    for (const [index, f] of fresh.entries()) {
      const result = results[index];
      if (!result || result.ok) continue;
      const reason = `${result.permanent ? "Refused by the mail server" : "Mail server unavailable (temporary)"}: ${result.reason}`;
      await db.notice.updateMany({
        where: { id: f.data.id, shop, sendingBy: claim, status: "sending" },
        data: { status: "failed", error: reason, ...sendClaimReleased },
      });
      done.set(f.item.id, {
        outcome: {
          status: "failed",
          reason,
          detail: { noticeId: f.data.id, permanent: result.permanent },
        },
      });
    }
    await recordConsentAskedAll(
      db,
      shop,
      sent.map((f) => ({
        noticeId: f.data.id,
        orderId: f.data.orderId,
        ruleSet: settings.consentRuleSet,
        terms: f.consent,
      })),
    );
    for (const f of sent) {
      const row: Notice = {
        ...f.data,
        status: "sent",
        sentAt,
        rawMessage: null,
        error: null,
        sendingBy: null,
        sendingUntil: null,
      };
      done.set(f.item.id, sentOutcome(row, f.change, f.choice));
    }
    return done;
  }

  async function perform(
    shop: string,
    item: { id: string; orderId: string; jobId?: string },
    params: NoticeJobParams,
    sleep: (ms: number) => Promise<void>,
  ): Promise<Performed> {
    const jobId =
      item.jobId ??
      (await db.jobItem.findFirst({ where: { id: item.id, shop }, select: { jobId: true } }))
        ?.jobId;
    if (!jobId) return { outcome: { status: "failed", reason: "The job item is gone." } };
    // Everything the decision, the revision, the earlier date and the consent terms need, in one
    // round of reads: the order, all its notices (the history), the customer's answer, the rules.
    const [order, orderNotices, choiceRow, settings] = await Promise.all([
      db.trackedOrder.findUnique({ where: { shop_id: { shop, id: item.orderId } } }),
      db.notice.findMany({ where: { shop, orderId: item.orderId } }),
      db.customerChoice.findUnique({ where: { shop_orderId: { shop, orderId: item.orderId } } }),
      loadShopSettings(db, shop),
    ]);
    if (!order)
      return { outcome: { status: "skipped", reason: "Delay Desk no longer tracks this order." } };
    const choice = choiceRow ? (choiceRow.choice === "cancel" ? "cancel" : "wait") : null;

    let notice = orderNotices.find((n) => n.jobId === jobId) ?? null;
    if (notice?.status === "sent") return { outcome: alreadySent(notice) };
    let change: string = "retry";
    // The send claim this performer holds, if it wrote the row itself (notice-send-claim.ts).
    let token: string | null = null;
    // The row as this performer just wrote it: the first look needs no read.
    let written: typeof notice = null;
    const scope = orderScope(shop, order, orderNotices, settings, params);

    if (!notice) {
      const mine = newSendClaimToken();
      const planned = await newNotice(
        shop,
        jobId,
        order,
        orderNotices,
        choice,
        settings,
        params,
        mine,
      );
      if (planned.outcome) return { outcome: planned.outcome };
      const { decision, data } = planned;
      change = decision.kind;
      try {
        if (decision.overridden) {
          const job = await creatorOf(jobId, shop);
          notice = await db.$transaction(async (tx) => {
            const created = await tx.notice.create({ data });
            await tx.orderEvent.create({
              data: {
                shop,
                orderId: order.id,
                kind: "override",
                actorId: job.createdBy,
                actorName: job.createdByName,
                detail: JSON.stringify({
                  reason: params.overrideReason,
                  noticeId: created.id,
                  revision: data.revision,
                  from: decision.range.from,
                  to: decision.range.to,
                }),
              },
            });
            return created;
          });
        } else {
          notice = await db.notice.create({ data });
        }
        token = mine;
        written = notice;
      } catch (error) {
        if (!isUniqueViolation(error)) throw error;
        // Another performer of this same item wrote its notice first (unique per shop, job and
        // order): that row is this item's notice, sent by whoever holds its send claim.
        notice = await db.notice.findFirst({ where: { shop, orderId: item.orderId, jobId } });
        if (!notice)
          return {
            outcome: {
              status: "failed",
              reason:
                "Another notice to this order was being written at the same moment. Retry to send this one.",
            },
          };
      }
    }

    const transport = deps.transport();
    const consent = scope.consentFor(notice);
    if (!transport) {
      await db.notice.updateMany({
        where: { id: notice.id, shop, status: { not: "sent" } },
        data: { status: "failed", error: "SMTP_URL is not configured", ...sendClaimReleased },
      });
      return {
        outcome: {
          status: "failed",
          reason: "Email is not configured (SMTP_URL). Set it and retry.",
        },
      };
    }
    const messageId = notice.messageId ?? noticeMessageId(shop, order.id, notice.revision);
    const row = notice;

    /** The message as stored on the row, composed now if no performer has yet (under our claim). */
    async function storedMessage(claim: string, raw: string | null): Promise<string | null> {
      if (raw) return raw;
      const composed = await scope.compose({ ...row, messageId });
      // Stored only while the claim is still ours; had it run out, the taker composes (or has).
      const stored = await db.notice.updateMany({
        where: { id: row.id, shop, sendingBy: claim, rawMessage: null },
        data: {
          rawMessage: composed.raw,
          subject: composed.subject,
          language: scope.reader.language,
        },
      });
      return stored.count === 1 ? composed.raw : null;
    }

    // Set once another performer's live claim was seen: its outcome is then this item's.
    let waited = false;
    for (;;) {
      if (!token) {
        // Take the send claim, unless another performer holds it (or has sent).
        const wall = new Date();
        const mine = newSendClaimToken();
        const latest = waited ? await db.notice.findFirst({ where: { id: row.id, shop } }) : null;
        if (latest?.status === "failed")
          return {
            outcome: {
              status: "failed",
              reason: latest.error ?? "The mail server did not take it.",
              detail: { noticeId: row.id },
            },
          };
        const claimed = await db.notice.updateMany({
          where: { id: row.id, shop, status: { not: "sent" }, ...sendClaimFree(wall) },
          data: { status: "sending", error: null, ...sendClaimedBy(mine, wall, sendClaimMs) },
        });
        if (claimed.count === 1) token = mine;
      }
      const current = written ?? (await db.notice.findFirst({ where: { id: row.id, shop } }));
      written = null;
      if (!current) return { outcome: { status: "failed", reason: "The notice is gone." } };
      if (current.status === "sent") return { outcome: alreadySent(current) };
      if (!token || current.sendingBy !== token) {
        // Another performer is sending it right now: its outcome is this item's.
        token = null;
        waited = true;
        await sleep(waitForClaimMs(current.sendingUntil, new Date()));
        continue;
      }
      const raw = await storedMessage(token, current.rawMessage);
      if (!raw) {
        token = null;
        continue;
      }
      const result = await transport.send({
        envelope: { from: params.replyTo, to: row.toEmail },
        raw,
        messageId,
      });
      if (!result.ok) {
        const reason = `${result.permanent ? "Refused by the mail server" : "Mail server unavailable (temporary)"}: ${result.reason}`;
        await db.notice.updateMany({
          where: { id: row.id, shop, sendingBy: token, status: "sending" },
          data: { status: "failed", error: reason, ...sendClaimReleased },
        });
        return {
          outcome: {
            status: "failed",
            reason,
            detail: { noticeId: row.id, permanent: result.permanent },
          },
        };
      }
      // Sent is a fact whoever's claim it was; the stored message is no longer needed.
      await db.notice.updateMany({
        where: { id: row.id, shop, status: { not: "sent" } },
        data: { status: "sent", sentAt: now(), messageId, rawMessage: null, ...sendClaimReleased },
      });
      break;
    }
    const ask = {
      noticeId: row.id,
      orderId: order.id,
      ruleSet: settings.consentRuleSet,
      terms: consent,
    };
    // Two performers that both sent (a claim taken over) record the same ask at once; on
    // PostgreSQL the loser's upsert meets the winner's row as a unique violation, and a second
    // try finds it.
    await recordConsentAsked(db, shop, ask).catch((error: unknown) => {
      if (!isUniqueViolation(error)) throw error;
      return recordConsentAsked(db, shop, ask);
    });
    return sentOutcome(row, change, choice);
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
    async perform(ctx, item, params) {
      const performed = await perform(ctx.shop, item, params, ctx.sleep);
      return withOrderStatus(ctx.admin, ctx.shop, item.orderId, performed);
    },
    batchSize: NOTICE_BATCH_SIZE,
    async performBatch(ctx, items, params) {
      const performed = await performBatch(ctx.shop, items, params);
      const byId = new Map(items.map((item) => [item.id, item.orderId]));
      const outcomes = await Promise.all(
        [...performed].map(
          async ([id, one]) =>
            [id, await withOrderStatus(ctx.admin, ctx.shop, byId.get(id) ?? "", one)] as const,
        ),
      );
      return new Map(outcomes);
    },
  });
}
