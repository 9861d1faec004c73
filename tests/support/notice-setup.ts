// What a test that sends a notice sets up first: the sample sender (a notice is signed by a person,
// the settings page's sender name and role), with the shop's rules in its time zone, the shop's
// saved notice (its reply-to lives there), and the late order a notice can reach (an email, a
// forecast date, not fulfilled, not cancelled).
import type { Prisma, PrismaClient } from "@prisma/client";
import { DEFAULT_SHOP_RULES, parseShopRules } from "../../app/promise/shop-rules";

export const SAMPLE_SENDER = { senderName: "Dawn Rivera", senderRole: "Operations manager" };

/** Saves the sample sender for the shop; a shop without settings gets the default rules. */
export async function saveSampleSender(
  db: PrismaClient,
  shop: string,
  { timeZone }: { timeZone?: string } = {},
): Promise<void> {
  const rules = timeZone ? parseShopRules({ ...DEFAULT_SHOP_RULES, timeZone }) : DEFAULT_SHOP_RULES;
  await db.shopSettings.upsert({
    where: { shop },
    create: { shop, rules: JSON.stringify(rules), ...SAMPLE_SENDER },
    update: SAMPLE_SENDER,
  });
}

/** Saves the shop's own notice (English) with a person's reply-to, as the composer would. */
export async function saveSampleNotice(
  db: PrismaClient,
  shop: string,
  { body, reason }: { body: string; reason: string },
): Promise<void> {
  await db.noticeTemplate.create({
    data: {
      shop,
      subject: "An update on your order {{order_name}}",
      body,
      reason,
      replyTo: "dawn@oakandhide.com",
    },
  });
}

/** The oldest late order a notice can reach, among those `where` picks; throws when none is. */
export async function oldestNoticeableOrder(
  db: PrismaClient,
  shop: string,
  where: Prisma.TrackedOrderWhereInput,
): Promise<{ id: string; numericId: string; email: string; name: string }> {
  const order = await db.trackedOrder.findFirst({
    where: {
      ...where,
      shop,
      email: { not: null },
      conservativeShipDate: { not: null },
      displayFulfillmentStatus: "UNFULFILLED",
      cancelledAt: null,
    },
    orderBy: { createdAt: "asc" },
  });
  if (!order?.email) throw new Error(`the seeded shop has no such late order with an email`);
  return {
    id: order.id,
    numericId: order.id.split("/").at(-1) ?? "",
    email: order.email,
    name: order.name,
  };
}

/** The calendar date (YYYY-MM-DD) of an instant on the shop's clock, by Intl (not the app's code). */
export function shopDate(at: Date, timeZone: string): string {
  return new Intl.DateTimeFormat("en-CA", {
    timeZone,
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
  }).format(at);
}

/** "Tuesday 1 December": how an English mail names a shop day. */
export function longShopDay(date: string): string {
  return new Intl.DateTimeFormat("en-GB", {
    timeZone: "UTC",
    weekday: "long",
    day: "numeric",
    month: "long",
  }).format(new Date(`${date}T00:00:00Z`));
}

/**
 * What the order's last notice had to say about its date, from what the app decided and stored:
 * the late end of the estimate it told (the notice row) against the shop's date when it was
 * written. A mail whose late end is that day says it is due to leave today (estimate-range.ts), so
 * a browser test that runs at any hour expects exactly the sentence for the case it finds.
 */
export async function lastNoticeDate(
  db: PrismaClient,
  shop: string,
  orderId: string,
  timeZone: string,
): Promise<{ estimateTo: string; day: string; today: boolean; past: boolean }> {
  const notice = await db.notice.findFirst({
    where: { shop, orderId },
    orderBy: { revision: "desc" },
  });
  if (!notice) throw new Error(`no notice for ${orderId}`);
  const written = shopDate(notice.createdAt, timeZone);
  return {
    estimateTo: notice.estimateTo,
    day: longShopDay(notice.estimateTo),
    today: notice.estimateTo === written,
    past: notice.estimateTo < written,
  };
}
