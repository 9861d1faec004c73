// Mails a thank-you code to the order's customer through the merchant's own SMTP (Shopify sends
// no mail for a discount code it creates; docs/remedies-and-jobs.md). From the shop's named
// sender, reply-to the notices' human address. The Message-ID is derived from the job item, so a
// resend after a crash is the same message (mailboxes keep one per Message-ID), and the item's
// checkpoint records the send so a retry does not mail again. Scoped by shop.
import type { PrismaClient } from "@prisma/client";
import { gidId } from "../admin-api/gid";
import { composeMail } from "../notices/compose-mail";
import type { MailTransport } from "../notices/mail-transport.server";
import { loadShopSettings } from "../settings/shop-settings.server";
import { shopDayOf } from "../staff/shop-day";
import { thankYouMail } from "./thank-you-mail";

export type ThankYouMailResult =
  | { sent: true; messageId: string }
  | { sent: false; reason: string; retry: boolean };

export interface ThankYouMailer {
  send(input: {
    shop: string;
    orderId: string;
    itemId: string;
    code: string;
    percent: number;
    endsAt: Date;
    now: Date;
  }): Promise<ThankYouMailResult>;
}

export function thankYouMessageId(shop: string, orderId: string, itemId: string): string {
  return `<delay-desk.thanks.${gidId(orderId)}.${itemId}@${shop}>`;
}

export function thankYouMailer(db: PrismaClient, mail: MailTransport | null): ThankYouMailer {
  return {
    async send({ shop, orderId, itemId, code, percent, endsAt, now }) {
      if (!mail) return { sent: false, reason: "email is not configured (SMTP_URL)", retry: false };
      const [order, template, settings] = await Promise.all([
        db.trackedOrder.findUnique({
          where: { shop_id: { shop, id: orderId } },
          select: { name: true, email: true, customerFirstName: true },
        }),
        db.noticeTemplate.findUnique({ where: { shop }, select: { replyTo: true } }),
        loadShopSettings(db, shop),
      ]);
      if (!order?.email) return { sent: false, reason: "the order has no email", retry: false };
      if (!template)
        return {
          sent: false,
          reason: "no reply-to address yet (save the notice under Tell customers)",
          retry: false,
        };
      const sender = { name: settings.senderName ?? shop, role: settings.senderRole };
      const words = thankYouMail({
        orderName: order.name,
        customerFirstName: order.customerFirstName,
        code,
        percent,
        lastDay: shopDayOf(endsAt, settings.rules.timeZone),
        sender,
      });
      const messageId = thankYouMessageId(shop, orderId, itemId);
      const composed = await composeMail({
        from: { name: sender.name, address: template.replyTo },
        replyTo: template.replyTo,
        to: order.email,
        ...words,
        messageId,
        date: now,
      });
      const result = await mail.send(composed);
      return result.ok
        ? { sent: true, messageId }
        : { sent: false, reason: result.reason, retry: !result.permanent };
    },
  };
}
