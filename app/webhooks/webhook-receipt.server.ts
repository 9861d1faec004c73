// Shopify delivers a webhook at least once and retries with the same X-Shopify-Webhook-Id. The id
// is recorded before anything is done, in the same row-level uniqueness SQLite enforces, so two
// concurrent deliveries of one webhook cannot both pass.
import { Prisma, type PrismaClient } from "@prisma/client";

/** True the first time this shop sees this webhook id; false for a redelivery. */
export async function recordWebhookReceipt(db: Pick<PrismaClient, "webhookReceipt">, shop: string, webhookId: string, topic: string): Promise<boolean> {
  try {
    await db.webhookReceipt.create({ data: { shop, webhookId, topic } });
    return true;
  } catch (error) {
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") return false;
    throw error;
  }
}

/** Receipts older than Shopify's retry window (48 h) can go; kept a week to be safe. */
export async function forgetOldWebhookReceipts(db: Pick<PrismaClient, "webhookReceipt">, now = new Date()): Promise<number> {
  const { count } = await db.webhookReceipt.deleteMany({ where: { receivedAt: { lt: new Date(now.getTime() - 7 * 24 * 3_600_000) } } });
  return count;
}
