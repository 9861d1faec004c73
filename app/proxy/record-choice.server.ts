// A customer's answer to a delay notice, recorded once. Clicking twice changes nothing; a
// customer who said "I'll wait" may still change their mind and cancel (the law gives them that
// right until the order ships), but a cancel is final: its refund may already be on its way.
// A cancel queues the cancel-and-refund remedy on the job runner; an order that remedy cannot
// take (already partly shipped) becomes a request for staff, visible on the notices page.
import type { PrismaClient } from "@prisma/client";
import {
  dropPendingCancellation,
  holdWhileCancellationPending,
} from "../fulfillment/fulfillment-jobs.server";
import { answerConsent, settleAsksByCancel } from "../consent/consent.server";
import { recordChoiceOutcome } from "../outcomes/record-outcomes.server";
import { enqueueChoiceTrigger } from "../flow/flow-outbox.server";
import { createJob } from "../jobs/jobs.server";
import { REMEDY_KINDS } from "../remedies/remedy-kinds.server";

export type Choice = "wait" | "cancel";

export type ChoiceResult =
  | {
      status: "recorded" | "changed";
      choice: Choice;
      remedy: { jobId: string } | { staffRequest: string } | null;
    }
  | { status: "already"; choice: Choice };

function isUniqueViolation(error: unknown): boolean {
  return typeof error === "object" && error !== null && "code" in error && error.code === "P2002";
}

const asChoice = (value: string): Choice => (value === "cancel" ? "cancel" : "wait");

/** Queues the cancel-and-refund remedy for one order; returns the job id, or why it could not. */
export async function queueCancelRefund(
  db: PrismaClient,
  shop: string,
  orderId: string,
): Promise<{ jobId: string } | { staffRequest: string }> {
  const kind = REMEDY_KINDS.find((k) => k.kind === "cancel_refund");
  if (!kind)
    return { staffRequest: "The cancel-and-refund remedy is not available on this server." };
  try {
    const job = await createJob(db, {
      shop,
      kind,
      params: {
        notifyCustomer: true,
        reason: "CUSTOMER",
        staffNote: "Delay Desk: the customer chose a full refund instead of waiting",
      },
      orderIds: [orderId],
      createdBy: "customer",
    });
    return { jobId: job.id };
  } catch (error) {
    return { staffRequest: error instanceof Error ? error.message : String(error) };
  }
}

export interface ChoiceInput {
  shop: string;
  orderId: string;
  noticeId: string | null;
  choice: Choice;
}

export async function recordChoice(
  db: PrismaClient,
  input: ChoiceInput,
  queue = queueCancelRefund,
): Promise<ChoiceResult> {
  const { shop, orderId } = input;
  let outcome: "recorded" | "changed" | { already: Choice };
  try {
    outcome = await db.$transaction(async (tx) => {
      const existing = await tx.customerChoice.findUnique({
        where: { shop_orderId: { shop, orderId } },
      });
      if (existing && (existing.choice === input.choice || existing.choice === "cancel"))
        return { already: asChoice(existing.choice) };
      if (existing) {
        // Only if nobody changed it since the read: on PostgreSQL (READ COMMITTED) two clicks can
        // both read "wait", and both would change it, queueing two refunds. The second update
        // waits for the first, finds the row changed and matches nothing.
        const changed = await tx.customerChoice.updateMany({
          where: { shop, orderId, choice: existing.choice },
          data: { choice: input.choice, noticeId: input.noticeId, chosenAt: new Date() },
        });
        if (changed.count === 0) {
          const now = await tx.customerChoice.findUnique({
            where: { shop_orderId: { shop, orderId } },
          });
          return { already: asChoice(now?.choice ?? input.choice) };
        }
      } else
        await tx.customerChoice.create({
          data: { shop, orderId, choice: input.choice, noticeId: input.noticeId },
        });
      await tx.orderEvent.create({
        data: {
          shop,
          orderId,
          kind: "choice",
          actorId: "customer",
          actorName: "Customer",
          detail: JSON.stringify({
            choice: input.choice,
            noticeId: input.noticeId,
            changedFrom: existing?.choice ?? null,
          }),
        },
      });
      await enqueueChoiceTrigger(tx, { shop, orderId, choice: input.choice }); // Shopify Flow
      await recordChoiceOutcome(tx, shop, orderId, input.choice, new Date()); // the outcomes page
      return existing ? "changed" : "recorded";
    });
  } catch (error) {
    // Two clicks at the same moment: the other one recorded it.
    if (!isUniqueViolation(error)) throw error;
    const row = await db.customerChoice.findUnique({ where: { shop_orderId: { shop, orderId } } });
    return { status: "already", choice: asChoice(row?.choice ?? input.choice) };
  }
  if (typeof outcome === "object") {
    // A customer who said "I'll wait" before is asked again for a renewed delay (the FTC rule:
    // silence is no consent to it). The same click is their yes to the new date, so it is
    // recorded, and if the deadline had passed the order comes off the review list and its hold.
    if (outcome.already === "wait" && input.choice === "wait") {
      const consent = await answerConsent(db, shop, orderId, input.noticeId, new Date());
      if (consent.wasInReview)
        await dropPendingCancellation(db, shop, orderId, "customer_waits", "customer");
      if (consent.answered > 0) return { status: "recorded", choice: "wait", remedy: null };
    }
    return { status: "already", choice: outcome.already };
  }
  if (input.choice !== "cancel") {
    await answerConsent(db, shop, orderId, input.noticeId, new Date());
    // A customer who now waits drops any cancellation pending for them (a passed consent deadline
    // awaiting review): Delay Desk's fulfillment hold comes off so the order ships.
    await dropPendingCancellation(db, shop, orderId, "customer_waits", "customer");
    return { status: outcome, choice: input.choice, remedy: null };
  }
  await settleAsksByCancel(db, shop, orderId, new Date());

  // Held before the cancel is queued, so nobody ships what is being refunded meanwhile.
  await holdWhileCancellationPending(db, shop, orderId, "customer_refund", "customer");
  const remedy = await queue(db, shop, orderId);
  await db.orderEvent.create({
    data:
      "jobId" in remedy
        ? {
            shop,
            orderId,
            kind: "remedy_queued",
            actorId: "customer",
            actorName: "Customer",
            detail: JSON.stringify({ remedy: "cancel_refund", jobId: remedy.jobId }),
          }
        : {
            shop,
            orderId,
            kind: "cancel_request",
            actorId: "customer",
            actorName: "Customer",
            detail: JSON.stringify({ reason: remedy.staffRequest, status: "awaiting staff" }),
          },
  });
  return { status: outcome, choice: "cancel", remedy };
}

/** Customers who asked to cancel but whose order no remedy job took: for staff to handle by hand. */
export async function openCancelRequests(db: PrismaClient, shop: string) {
  const requests = await db.orderEvent.findMany({
    where: { shop, kind: "cancel_request" },
    orderBy: { createdAt: "desc" },
    take: 100,
  });
  const orders = await db.trackedOrder.findMany({
    where: { shop, id: { in: requests.map((r) => r.orderId) } },
    select: { id: true, name: true, cancelledAt: true },
  });
  return requests
    .map((r) => ({
      orderId: r.orderId,
      at: r.createdAt.toISOString(),
      order: orders.find((o) => o.id === r.orderId) ?? null,
    }))
    .filter((r) => !r.order?.cancelledAt);
}
