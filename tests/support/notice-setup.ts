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
