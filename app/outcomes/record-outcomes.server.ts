// The outcomes summary (OutcomeWeek), written where each event happens and in the same
// transaction as it, so the page never aggregates the orders (issue 15's page bounds at 100k):
//   - a forecast pass: orders seen late for the first time (counted in the pass's own write
//     transactions, app/orders/reforecast-rows.server.ts), orders that left the backlog shipped or
//     cancelled (recordFinishedOrders);
//   - the job runner's settle, once per item: a notice sent, a refund Shopify confirmed
//     (recordSettledItem);
//   - the customer's answer (recordChoiceOutcome).
// OrderOutcome remembers per order what was counted, so a retry, a second pass or a second
// performer counts nothing twice. Weeks are the shop's (its saved zone; the default rules' until
// the settings are saved, like the forecast). Every read and write is scoped by shop.
import { Prisma, type PrismaClient } from "@prisma/client";
import { z } from "zod";
import { toMinorUnits } from "../jobs/money";
import { DELAY_CLASSES } from "../orders/backlog";
import { rawDateTime } from "../orders/import/save-orders.server";
import { DEFAULT_SHOP_RULES } from "../promise/shop-rules";
import { savedTimeZone } from "../settings/shop-time-zone.server";
import { shopDayOf } from "../staff/shop-day";
import { METRICS, noticeMetric, weekOf } from "./outcome-metrics";

type Db = Pick<
  Prisma.TransactionClient,
  | "$executeRaw"
  | "$queryRaw"
  | "orderOutcome"
  | "shopSettings"
  | "trackedOrder"
  | "notice"
  | "jobItem"
>;
/** The forecast pass's client: it opens a short transaction per chunk. */
type Client = PrismaClient;

const CHUNK = 500;

interface Bump {
  week: string;
  metric: string;
  currency?: string;
  count: number;
  total?: number;
}

/** Adds to one week's figure (an upsert that adds, atomic on both databases). */
export async function bumpOutcome(db: Db, shop: string, bump: Bump): Promise<void> {
  const currency = bump.currency ?? "";
  const total = bump.total ?? 0;
  await db.$executeRaw`
    INSERT INTO "OutcomeWeek" ("shop", "week", "metric", "currency", "count", "total")
    VALUES (${shop}, ${bump.week}, ${bump.metric}, ${currency}, ${bump.count}, ${total})
    ON CONFLICT ("shop", "week", "metric", "currency") DO UPDATE SET
      "count" = "OutcomeWeek"."count" + excluded."count",
      "total" = "OutcomeWeek"."total" + excluded."total"`;
}

// Only the saved zone is read (never the whole rules): counting must not fail the event it
// counts. A shop without saved settings counts in the default rules' zone, as the forecast does.
async function shopZone(db: Db, shop: string): Promise<string> {
  return (await savedTimeZone(db, shop)) ?? DEFAULT_SHOP_RULES.timeZone;
}

/**
 * Called by the forecast pass for the orders leaving the backlog, before it marks them done: an
 * order it had forecast (a class, not one imported already finished) counts once, as shipped
 * (on time or not, by its frozen promise; its total kept if its customer chose to wait) or not.
 * The ship day is Shopify's updatedAt as synced (the fulfillment's), never after this pass.
 */
export async function recordFinishedOrders(
  db: Client,
  shop: string,
  ids: readonly string[],
  timeZone: string,
  now: Date,
): Promise<number> {
  let counted = 0;
  for (let start = 0; start < ids.length; start += CHUNK) {
    const rows = await db.trackedOrder.findMany({
      where: {
        shop,
        id: { in: ids.slice(start, start + CHUNK) },
        delayClass: { in: [...DELAY_CLASSES] },
      },
      select: {
        id: true,
        cancelledAt: true,
        displayFulfillmentStatus: true,
        updatedAt: true,
        frozenPromiseDate: true,
        promisedShipDate: true,
        totalAmount: true,
        currencyCode: true,
      },
    });
    if (rows.length === 0) continue;
    counted += await db.$transaction(async (tx) => {
      let fresh = 0;
      for (const row of rows) {
        const at = new Date(Math.min(row.updatedAt.getTime(), now.getTime()));
        const marked = await tx.orderOutcome.updateMany({
          where: { shop, orderId: row.id, finishedAt: null },
          data: { finishedAt: at },
        });
        const created =
          marked.count === 1
            ? 0
            : await tx.$executeRaw`
              INSERT INTO "OrderOutcome" ("shop", "orderId", "finishedAt")
              VALUES (${shop}, ${row.id}, ${rawDateTime(at)})
              ON CONFLICT ("shop", "orderId") DO NOTHING`;
        if (marked.count + created === 0) continue;
        fresh += 1;
        const shipped = row.cancelledAt === null && row.displayFulfillmentStatus === "FULFILLED";
        if (!shipped) continue;
        const week = weekOf(at, timeZone);
        await bumpOutcome(tx, shop, { week, metric: METRICS.shipped, count: 1 });
        const promised = row.frozenPromiseDate ?? row.promisedShipDate;
        if (promised && shopDayOf(at, timeZone) <= promised)
          await bumpOutcome(tx, shop, { week, metric: METRICS.shippedOnTime, count: 1 });
        const outcome = await tx.orderOutcome.findUnique({
          where: { shop_orderId: { shop, orderId: row.id } },
          select: { choice: true },
        });
        if (outcome?.choice === "wait")
          await bumpOutcome(tx, shop, {
            week,
            metric: METRICS.kept,
            currency: row.currencyCode,
            count: 1,
            total: toMinorUnits(row.totalAmount),
          });
      }
      return fresh;
    });
  }
  return counted;
}

/** In the transaction that records the customer's answer (a change of mind moves the order). */
export async function recordChoiceOutcome(
  tx: Db,
  shop: string,
  orderId: string,
  choice: "wait" | "cancel",
  at: Date,
): Promise<void> {
  const week = weekOf(at, await shopZone(tx, shop));
  const metric = (c: string) => (c === "cancel" ? METRICS.cancel : METRICS.wait);
  const before = await tx.orderOutcome.findUnique({
    where: { shop_orderId: { shop, orderId } },
    select: { choice: true, choiceWeek: true },
  });
  if (before?.choice === choice) return;
  if (before?.choice && before.choiceWeek)
    await bumpOutcome(tx, shop, {
      week: before.choiceWeek,
      metric: metric(before.choice),
      count: -1,
    });
  await tx.orderOutcome.upsert({
    where: { shop_orderId: { shop, orderId } },
    create: { shop, orderId, choice, choiceWeek: week },
    update: { choice, choiceWeek: week },
  });
  await bumpOutcome(tx, shop, { week, metric: metric(choice), count: 1 });
}

const noticeDetail = z.object({ noticeId: z.string() });
// What refund.server.ts reports: Shopify's refunded shop money.
const refundDetail = z.object({ amount: z.string(), currencyCode: z.string() });
const REFUND_KINDS = new Set(["refund", "shipping"]);

/**
 * In the job runner's settle transaction, once per item that ended done: a notice sent (by kind;
 * the first delay notice also closes the order's late-to-notice time) or money refunded, in the
 * amounts the money audit reports (app/staff/money-audit.server.ts): Shopify's refund for a refund,
 * the amount staff confirmed for a cancellation (orderCancel reports no sum).
 */
export async function recordSettledItem(
  tx: Db,
  job: { shop: string; kind: string },
  item: { id: string; orderId: string },
  detail: Record<string, unknown>,
  now = new Date(),
): Promise<void> {
  const { shop } = job;
  if (job.kind === "notice") {
    const parsed = noticeDetail.safeParse(detail);
    if (!parsed.success) return;
    const notice = await tx.notice.findFirst({
      where: { id: parsed.data.noticeId, shop, status: "sent" },
      select: { kind: true, sentAt: true },
    });
    if (!notice?.sentAt) return;
    const zone = await shopZone(tx, shop);
    await bumpOutcome(tx, shop, {
      week: weekOf(notice.sentAt, zone),
      metric: noticeMetric(notice.kind),
      count: 1,
    });
    if (notice.kind === "shipped") return;
    const sentAt = notice.sentAt;
    const marked = await tx.orderOutcome.updateMany({
      where: { shop, orderId: item.orderId, noticedAt: null },
      data: { noticedAt: sentAt },
    });
    if (marked.count === 0) {
      await tx.$executeRaw`
        INSERT INTO "OrderOutcome" ("shop", "orderId", "noticedAt")
        VALUES (${shop}, ${item.orderId}, ${rawDateTime(sentAt)})
        ON CONFLICT ("shop", "orderId") DO NOTHING`;
      return;
    }
    const outcome = await tx.orderOutcome.findUnique({
      where: { shop_orderId: { shop, orderId: item.orderId } },
      select: { lateAt: true, lateWeek: true },
    });
    if (outcome?.lateAt && outcome.lateWeek && sentAt >= outcome.lateAt)
      await bumpOutcome(tx, shop, {
        week: outcome.lateWeek,
        metric: METRICS.lateToNotice,
        count: 1,
        total: Math.round((sentAt.getTime() - outcome.lateAt.getTime()) / 1000),
      });
    return;
  }
  let amount: { amount: string; currencyCode: string } | null = null;
  if (REFUND_KINDS.has(job.kind)) {
    const parsed = refundDetail.safeParse(detail);
    amount = parsed.success ? parsed.data : null;
  } else if (job.kind === "cancel_refund") {
    const row = await tx.jobItem.findFirst({
      where: { id: item.id, shop },
      select: { amount: true },
    });
    const order = await tx.trackedOrder.findUnique({
      where: { shop_id: { shop, id: item.orderId } },
      select: { currencyCode: true },
    });
    amount = row?.amount && order ? { amount: row.amount, currencyCode: order.currencyCode } : null;
  }
  if (!amount) return;
  const zone = await shopZone(tx, shop);
  await bumpOutcome(tx, shop, {
    week: weekOf(now, zone),
    metric: METRICS.refund,
    currency: amount.currencyCode,
    count: 1,
    total: toMinorUnits(amount.amount),
  });
}

/**
 * recordSettledItem for the items one settle transaction settles together: a batch of notices in
 * a constant number of statements (the notices in one read, the zone once, one bump per week and
 * metric, the orders' first-notice marks in one conditional write that returns what it marked,
 * one insert for the orders not yet counted at all) rather than six per notice, the same counts
 * as item by item. The conditional write is what makes it once: of two transactions marking an
 * order, only the one whose write found `noticedAt` empty counts its late-to-notice time. Other
 * kinds are recorded one by one.
 */
export async function recordSettledItems(
  tx: Db,
  job: { shop: string; kind: string },
  entries: ReadonlyArray<{
    item: { id: string; orderId: string };
    detail: Record<string, unknown>;
  }>,
): Promise<void> {
  const { shop } = job;
  if (job.kind !== "notice") {
    for (const { item, detail } of entries) await recordSettledItem(tx, job, item, detail);
    return;
  }
  const asked = entries.flatMap(({ item, detail }) => {
    const parsed = noticeDetail.safeParse(detail);
    return parsed.success ? [{ orderId: item.orderId, noticeId: parsed.data.noticeId }] : [];
  });
  if (asked.length === 0) return;
  const rows = await tx.notice.findMany({
    where: { shop, id: { in: asked.map((a) => a.noticeId) }, status: "sent" },
    select: { id: true, kind: true, sentAt: true },
  });
  const noticeOf = new Map(rows.map((row) => [row.id, row]));
  const sent = asked.flatMap(({ orderId, noticeId }) => {
    const notice = noticeOf.get(noticeId);
    return notice?.sentAt ? [{ orderId, kind: notice.kind, sentAt: notice.sentAt }] : [];
  });
  if (sent.length === 0) return;
  const zone = await shopZone(tx, shop);
  const bumps = new Map<string, Bump>();
  const add = (bump: Bump) => {
    const key = `${bump.week}\u0000${bump.metric}`;
    const known = bumps.get(key);
    if (!known) bumps.set(key, { ...bump, total: bump.total ?? 0 });
    else {
      known.count += bump.count;
      known.total = (known.total ?? 0) + (bump.total ?? 0);
    }
  };
  for (const notice of sent)
    add({ week: weekOf(notice.sentAt, zone), metric: noticeMetric(notice.kind), count: 1 });
  // The order's first delay notice closes its late-to-notice time: the earliest in this batch
  // (as item by item, the first settled marks it), marked only where none was before.
  const firstOf = new Map<string, Date>();
  for (const notice of sent)
    if (notice.kind !== "shipped" && !firstOf.has(notice.orderId))
      firstOf.set(notice.orderId, notice.sentAt);
  const byInstant = new Map<number, string[]>();
  for (const [orderId, at] of firstOf)
    byInstant.set(at.getTime(), [...(byInstant.get(at.getTime()) ?? []), orderId]);
  const unmarked: Array<{ orderId: string; sentAt: Date }> = [];
  for (const [instant, orderIds] of byInstant) {
    const sentAt = new Date(instant);
    const marked = await tx.orderOutcome.updateManyAndReturn({
      where: { shop, orderId: { in: orderIds }, noticedAt: null },
      data: { noticedAt: sentAt },
      select: { orderId: true, lateAt: true, lateWeek: true },
    });
    const markedIds = new Set(marked.map((row) => row.orderId));
    for (const orderId of orderIds) if (!markedIds.has(orderId)) unmarked.push({ orderId, sentAt });
    for (const { lateAt, lateWeek } of marked)
      if (lateAt && lateWeek && sentAt >= lateAt)
        add({
          week: lateWeek,
          metric: METRICS.lateToNotice,
          count: 1,
          total: Math.round((sentAt.getTime() - lateAt.getTime()) / 1000),
        });
  }
  // No row, or one already marked (which this leaves as it is).
  if (unmarked.length > 0)
    await tx.$executeRaw`
      INSERT INTO "OrderOutcome" ("shop", "orderId", "noticedAt")
      VALUES ${Prisma.join(unmarked.map((u) => Prisma.sql`(${shop}, ${u.orderId}, ${rawDateTime(u.sentAt)})`))}
      ON CONFLICT ("shop", "orderId") DO NOTHING`;
  for (const bump of bumps.values()) await bumpOutcome(tx, shop, bump);
}
