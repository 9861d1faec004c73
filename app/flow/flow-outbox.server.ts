// Flow triggers, durably: an event is written to the FlowTrigger outbox in the same transaction
// as the change it announces (the forecast pass, the customer's answer), so a crash loses neither
// or both, and the request that made the change never waits for Shopify. The sender sends the
// outbox with flowTriggerReceive: one row at a time under a short lease (several processes may
// sweep), retried with backoff on a transient failure, given up with the reason on Shopify's
// userErrors. A crash between Shopify's answer and the "sent" write resends the row once the
// lease ends: Flow may see that event twice, which is the at-least-once Shopify's own webhooks
// also give.
import type { Prisma, PrismaClient } from "@prisma/client";
import { AdminClient, type AdminGraphql } from "../admin-api/graphql.server";
import { TransientAdminError } from "../admin-api/admin-errors";
import { periodicSweep, type PeriodicSweep } from "../periodic-sweep";
import { retryDelay } from "../retry-delay";
import {
  choiceTriggerOf,
  delayTriggerOf,
  FLOW_TRIGGER_PAYLOAD_LIMIT_BYTES,
  type FlowTriggerEvent,
  type ForecastChange,
} from "./flow-triggers";
import { FLOW_TRIGGER_RECEIVE_MUTATION, flowTriggerReceiveData } from "./flow-trigger-receive";

type Tx = Pick<Prisma.TransactionClient, "flowTrigger" | "trackedOrder">;

/** Writes one event to the outbox; the same event (dedupeKey) a second time changes nothing. */
export async function enqueueFlowTrigger(
  tx: Pick<Prisma.TransactionClient, "flowTrigger">,
  shop: string,
  event: FlowTriggerEvent,
): Promise<void> {
  // An upsert, not create-and-catch: on PostgreSQL a failed INSERT aborts the whole transaction.
  await tx.flowTrigger.upsert({
    where: { shop_dedupeKey: { shop, dedupeKey: event.dedupeKey } },
    create: {
      shop,
      handle: event.handle,
      dedupeKey: event.dedupeKey,
      orderId: event.orderId,
      payload: JSON.stringify(event.payload),
    },
    update: {},
  });
}

const READ_CHUNK = 500;

/**
 * Called by the forecast pass before it writes the new classes: compares them with the stored
 * ones and queues "order became at risk" / "order became overdue" for each order entering one.
 */
export async function enqueueDelayTriggers(
  tx: Tx,
  shop: string,
  rows: ReadonlyArray<{
    id: string;
    delayClass: string;
    promisedShipDate: string;
    conservativeShipDate: string | null;
  }>,
  now: Date,
): Promise<number> {
  const late = rows.filter((row) => row.delayClass === "at_risk" || row.delayClass === "overdue");
  let queued = 0;
  for (let start = 0; start < late.length; start += READ_CHUNK) {
    const chunk = late.slice(start, start + READ_CHUNK);
    const stored = await tx.trackedOrder.findMany({
      where: { shop, id: { in: chunk.map((row) => row.id) } },
      select: { id: true, delayClass: true },
    });
    const before = new Map(stored.map((row) => [row.id, row.delayClass]));
    queued += await enqueueDelayTransitions(
      tx,
      shop,
      chunk.map((row) => ({ ...row, before: before.get(row.id) ?? null, after: row.delayClass })),
      now,
    );
  }
  return queued;
}

/**
 * enqueueDelayTriggers for a caller that already read the stored classes (the reforecast reads
 * them with the rows it forecasts, and passes only the rows whose class changed).
 */
export async function enqueueDelayTransitions(
  tx: Pick<Prisma.TransactionClient, "flowTrigger">,
  shop: string,
  changes: readonly ForecastChange[],
  now: Date,
): Promise<number> {
  let queued = 0;
  for (let start = 0; start < changes.length; start += READ_CHUNK) {
    const events: FlowTriggerEvent[] = [];
    for (const change of changes.slice(start, start + READ_CHUNK)) {
      const event = delayTriggerOf(change, now);
      if (event) events.push(event);
    }
    if (events.length === 0) continue;
    // One multi-row INSERT per chunk: a first forecast of a large backlog may queue thousands.
    // The keys carry this pass's instant, so no row of this pass can already exist.
    await tx.flowTrigger.createMany({
      data: events.map((event) => ({
        shop,
        handle: event.handle,
        dedupeKey: event.dedupeKey,
        orderId: event.orderId,
        payload: JSON.stringify(event.payload),
      })),
    });
    queued += events.length;
  }
  return queued;
}

/** Called where a customer's answer is recorded, in its transaction. */
export async function enqueueChoiceTrigger(
  tx: Tx,
  input: { shop: string; orderId: string; choice: "wait" | "cancel" },
): Promise<void> {
  const order = await tx.trackedOrder.findUnique({
    where: { shop_id: { shop: input.shop, id: input.orderId } },
    select: { conservativeShipDate: true },
  });
  await enqueueFlowTrigger(
    tx,
    input.shop,
    choiceTriggerOf({ ...input, expectedShipDate: order?.conservativeShipDate ?? null }),
  );
}

export interface FlowSenderOptions {
  db: PrismaClient;
  adminFor: (shop: string) => Promise<AdminGraphql>;
  clock?: () => Date;
  intervalMs?: number;
  /** Rows per sweep. */
  batch?: number;
  /** Tries before a row is given up (default 10, about 8 hours of backoff). */
  maxAttempts?: number;
  onError?: (shop: string, handle: string, error: unknown) => void;
}

/** Its tick() returns the number of triggers Shopify took. */
export type FlowSender = PeriodicSweep<number>;

const LEASE_MS = 60_000;

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

export function createFlowSender(options: FlowSenderOptions): FlowSender {
  const { db } = options;
  const clock = options.clock ?? (() => new Date());
  const maxAttempts = options.maxAttempts ?? 10;

  async function sendOne(
    row: { id: string; shop: string; handle: string; orderId: string | null; payload: string },
    attempts: number,
    now: Date,
  ): Promise<boolean> {
    const payload: unknown = JSON.parse(row.payload);
    const fail = (reason: string) =>
      db.flowTrigger.update({
        where: { id: row.id },
        data: { status: "failed", lastError: reason, leaseUntil: null, attempts: attempts + 1 },
      });
    if (
      typeof payload !== "object" ||
      payload === null ||
      Buffer.byteLength(row.payload, "utf8") >= FLOW_TRIGGER_PAYLOAD_LIMIT_BYTES
    ) {
      await fail(
        `The payload is not under Flow's limit of ${FLOW_TRIGGER_PAYLOAD_LIMIT_BYTES} bytes.`,
      );
      return false;
    }
    try {
      const admin = new AdminClient(await options.adminFor(row.shop));
      const data = await admin.request(FLOW_TRIGGER_RECEIVE_MUTATION, flowTriggerReceiveData, {
        handle: row.handle,
        payload,
      });
      const errors = data.flowTriggerReceive?.userErrors ?? [
        { field: null, message: "Shopify returned no result." },
      ];
      if (errors.length > 0) {
        await fail(errors.map((e) => e.message).join("; "));
        return false;
      }
      await db.$transaction([
        db.flowTrigger.update({
          where: { id: row.id },
          data: { status: "sent", sentAt: now, leaseUntil: null, attempts: attempts + 1 },
        }),
        ...(row.orderId
          ? [
              db.orderEvent.create({
                data: {
                  shop: row.shop,
                  orderId: row.orderId,
                  kind: "flow_trigger",
                  actorId: "system",
                  actorName: "Delay Desk",
                  detail: JSON.stringify({
                    summary: `Shopify Flow told: ${row.handle.replaceAll("-", " ")}`,
                    handle: row.handle,
                  }),
                },
              }),
            ]
          : []),
      ]);
      return true;
    } catch (error) {
      options.onError?.(row.shop, row.handle, error);
      const tries = attempts + 1;
      if (!(error instanceof TransientAdminError) || tries >= maxAttempts) {
        await fail(messageOf(error));
        return false;
      }
      await db.flowTrigger.update({
        where: { id: row.id },
        data: {
          attempts: tries,
          lastError: messageOf(error),
          leaseUntil: null,
          nextTryAt: new Date(
            now.getTime() + retryDelay(tries, { baseMs: 60_000, capMs: 3_600_000 }),
          ),
        },
      });
      return false;
    }
  }

  const sweep = async (): Promise<number> => {
    const now = clock();
    const due = await db.flowTrigger.findMany({
      where: {
        status: "pending",
        nextTryAt: { lte: now },
        OR: [{ leaseUntil: null }, { leaseUntil: { lt: now } }],
      },
      orderBy: { createdAt: "asc" },
      // flowTriggerReceive costs 10 points: 10 a sweep (every 5 s) is 20 points a second, under half
      // of a standard shop's restore rate of 50 (shopify.dev, API rate limits), so a first
      // import's flood of triggers never takes the bucket the merchant's pages need.
      take: options.batch ?? 10,
    });
    let sent = 0;
    for (const row of due) {
      // Only the process whose conditional write matched sends this row.
      const claimed = await db.flowTrigger.updateMany({
        where: {
          id: row.id,
          status: "pending",
          OR: [{ leaseUntil: null }, { leaseUntil: { lt: now } }],
        },
        data: { leaseUntil: new Date(now.getTime() + LEASE_MS) },
      });
      if (claimed.count === 0) continue;
      if (await sendOne(row, row.attempts, now)) sent += 1;
    }
    return sent;
  };

  return periodicSweep(sweep, options.intervalMs);
}
