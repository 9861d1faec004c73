// Shopify delivers a webhook at least once. shopify.dev "Ignore duplicate webhooks"
// (https://shopify.dev/docs/apps/build/webhooks/ignore-duplicates) says to detect a duplicate by the
// X-Shopify-Event-Id header: the same value across more than one webhook indicates a duplicate, and
// several subscriptions to one topic receive the same event once each. One merchant action also
// reaches several topics with that one id (a fulfilment is orders/fulfilled and orders/updated;
// "Webhooks delivery structure": "shared across all deliveries produced by the same merchant
// action"), and each topic has its own handling, so the key is (shop, topic, eventId). The row is
// written before anything is done, under the table's primary key, so two concurrent deliveries of
// one event cannot both pass.
import { Prisma, type PrismaClient } from "@prisma/client";
import { databaseTargetOf } from "../prisma-client.server";
import { enqueueSyncTask } from "../orders/sync.server";

export interface WebhookReceipt {
  shop: string;
  topic: string;
  eventId: string;
  /** X-Shopify-Webhook-Id of the delivery that got through, to trace it in Shopify's logs. */
  webhookId: string;
}

/**
 * True the first time this shop sees this event on this topic; false for a duplicate. `andThen`
 * writes the work the delivery asks for in the same transaction, so a crash cannot leave a receipt
 * (which refuses Shopify's redelivery) without its work.
 */
export async function recordWebhookReceipt(
  db: PrismaClient,
  receipt: WebhookReceipt,
  andThen?: (tx: Prisma.TransactionClient) => Promise<unknown>,
): Promise<boolean> {
  try {
    await db.$transaction(async (tx) => {
      await tx.webhookReceipt.create({ data: receipt });
      await andThen?.(tx);
    });
    return true;
  } catch (error) {
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002")
      return false;
    throw error;
  }
}

/** Receipts older than Shopify's retry window (48 h) can go; kept a week to be safe. */
export async function forgetOldWebhookReceipts(
  db: Pick<PrismaClient, "webhookReceipt">,
  now = new Date(),
): Promise<number> {
  const { count } = await db.webhookReceipt.deleteMany({
    where: { receivedAt: { lt: new Date(now.getTime() - 7 * 24 * 3_600_000) } },
  });
  return count;
}

export interface QueuedTask {
  kind: "refresh" | "bulk_finish";
  target: string;
}

/**
 * recordWebhookReceipt with one sync task as its work (what the order webhooks ask for), in as few
 * round trips as the database allows, since it is all a webhook's answer waits on. PostgreSQL:
 * one statement, the receipt inserted unless there, and the task queued only when it was (a
 * statement is atomic, so a crash keeps both or neither). The task is written as enqueueSyncTask
 * (app/orders/sync.server.ts) writes it: new with queuedAt = runAfter = now, queued again only
 * its queuedAt moves. Prisma's interactive transaction took five round trips and held a pooled
 * connection across them. SQLite runs in the process: the transaction stays.
 */
export async function recordWebhookWithTask(
  db: PrismaClient,
  receipt: WebhookReceipt,
  task: QueuedTask,
): Promise<boolean> {
  if (databaseTargetOf(db)?.provider !== "postgresql")
    return recordWebhookReceipt(db, receipt, (tx) =>
      enqueueSyncTask(tx, receipt.shop, task.kind, task.target),
    );
  const now = new Date();
  const rows = await db.$queryRaw<Array<{ recorded: boolean }>>`
    WITH receipt AS (
      INSERT INTO "WebhookReceipt" ("shop", "topic", "eventId", "webhookId", "receivedAt")
      VALUES (${receipt.shop}, ${receipt.topic}, ${receipt.eventId}, ${receipt.webhookId}, ${now})
      ON CONFLICT ("shop", "topic", "eventId") DO NOTHING
      RETURNING 1
    ), task AS (
      INSERT INTO "SyncTask" ("shop", "kind", "target", "queuedAt", "runAfter")
      SELECT ${receipt.shop}, ${task.kind}, ${task.target}, ${now}, ${now}
      WHERE EXISTS (SELECT 1 FROM receipt)
      ON CONFLICT ("shop", "kind", "target") DO UPDATE SET "queuedAt" = excluded."queuedAt"
    )
    SELECT EXISTS (SELECT 1 FROM receipt) AS recorded`;
  return rows[0]?.recorded === true;
}
