// The first sync: every order of the shop (older than 60 days too; the app has read_all_orders)
// through one bulk operation. Started once; finished by whichever comes first, the
// bulk_operations/finish webhook or polling bulkOperation(id:). Finishing is claimed atomically on
// the OrderSync row (running → importing), so the two paths never import twice.
import type { OrderSync, PrismaClient } from "@prisma/client";
import { z } from "zod";
import { adminQuery, type AdminGraphql } from "../../admin-api/graphql.server";
import { inlineFragments } from "../../admin-api/inline-fragments";
import { TRACKED_ORDER_FRAGMENTS } from "../order-row";
import { importBulkFile, importReport, type ImportedFile } from "./import-bulk-file.server";

// The bulk query itself. Four connections, nested two deep (Shopify's limits are five and two).
// No `first`: a bulk query reads every record.
export const ORDER_IMPORT_BULK_QUERY = `#graphql
  query OrderImportBulk {
    orders {
      edges {
        node {
          ...TrackedOrderFields
          lineItems {
            edges {
              node {
                ...TrackedLineItemFields
                product {
                  collections {
                    edges {
                      node {
                        id
                      }
                    }
                  }
                }
              }
            }
          }
          fulfillmentOrders {
            edges {
              node {
                id
                ...TrackedFulfillmentOrderFields
              }
            }
          }
        }
      }
    }
  }
  ${TRACKED_ORDER_FRAGMENTS}` as const;

export const START_ORDER_IMPORT = `#graphql
  mutation OrderImportStart($query: String!) {
    bulkOperationRunQuery(query: $query) {
      bulkOperation {
        id
        status
      }
      userErrors {
        field
        message
        code
      }
    }
  }
`;

export const ORDER_IMPORT_STATUS = `#graphql
  query OrderImportStatus($id: ID!) {
    bulkOperation(id: $id) {
      id
      status
      errorCode
      objectCount
      url
      partialDataUrl
    }
    shop {
      ianaTimezone
    }
  }
`;

const startSchema = z.object({
  bulkOperationRunQuery: z.object({
    bulkOperation: z.object({ id: z.string(), status: z.string() }).nullable(),
    userErrors: z.array(
      z.object({
        field: z.array(z.string()).nullable(),
        message: z.string(),
        code: z.string().nullable(),
      }),
    ),
  }),
});

const statusSchema = z.object({
  bulkOperation: z
    .object({
      id: z.string(),
      status: z.string(),
      errorCode: z.string().nullable(),
      objectCount: z.string(),
      url: z.string().nullable(),
      partialDataUrl: z.string().nullable(),
    })
    .nullable(),
  shop: z.object({ ianaTimezone: z.string() }),
});

export type ReforecastHook = (
  db: PrismaClient,
  shop: string,
  now: Date,
  options: { fallbackTimeZone?: string },
) => Promise<unknown>;

export interface ImportDeps {
  /** Downloads the JSONL; default global fetch (the URL is a signed storage URL, no auth). */
  fetchFile?: (url: string) => Promise<Response>;
  now?: () => Date;
  /** Called after orders are saved; default reforecastShop (app/orders/reforecast.server.ts). */
  reforecast?: ReforecastHook;
}

async function defaultReforecast(...args: Parameters<ReforecastHook>): Promise<unknown> {
  const { reforecastShop } = await import("../reforecast.server");
  return reforecastShop(...args);
}

export class OrderImportError extends Error {
  override name = "OrderImportError";
}

/** The shop's bulk sync that is under way, if any. */
export function runningBulkSync(db: PrismaClient, shop: string): Promise<OrderSync | null> {
  return db.orderSync.findFirst({
    where: { shop, kind: "bulk", status: { in: ["running", "importing"] } },
    orderBy: { startedAt: "desc" },
  });
}

/** Starts the first sync (or a full re-sync); returns the running one if there already is one. */
export async function startOrderImport(
  db: PrismaClient,
  admin: AdminGraphql,
  shop: string,
): Promise<OrderSync> {
  const running = await runningBulkSync(db, shop);
  if (running) return running;
  const data = await adminQuery(admin, START_ORDER_IMPORT, startSchema, {
    query: inlineFragments(ORDER_IMPORT_BULK_QUERY),
  });
  const { bulkOperation, userErrors } = data.bulkOperationRunQuery;
  if (userErrors.length > 0 || !bulkOperation) {
    const error =
      userErrors.map((e) => `${e.message}${e.code ? ` (${e.code})` : ""}`).join("; ") ||
      "no bulk operation returned";
    await db.orderSync.create({
      data: { shop, kind: "bulk", status: "failed", error, finishedAt: new Date() },
    });
    throw new OrderImportError(`Could not start the order import: ${error}`);
  }
  return db.orderSync.create({
    data: { shop, kind: "bulk", status: "running", bulkOperationId: bulkOperation.id },
  });
}

export type FinishOutcome = "imported" | "pending" | "failed" | "not-ours" | "already-finished";

/**
 * Finishes the bulk sync of `bulkOperationId` if Shopify says it is done. Safe to call from the
 * webhook and the poller at once, and again after it finished.
 */
export async function finishOrderImport(
  db: PrismaClient,
  admin: AdminGraphql,
  shop: string,
  bulkOperationId: string,
  deps: ImportDeps = {},
): Promise<FinishOutcome> {
  const sync = await db.orderSync.findFirst({ where: { shop, kind: "bulk", bulkOperationId } });
  if (!sync) return "not-ours";
  if (sync.status !== "running") return "already-finished";
  const claimed = await db.orderSync.updateMany({
    where: { id: sync.id, status: "running" },
    data: { status: "importing" },
  });
  if (claimed.count !== 1) return "already-finished";

  try {
    const status = await adminQuery(admin, ORDER_IMPORT_STATUS, statusSchema, {
      id: bulkOperationId,
    });
    const operation = status.bulkOperation;
    if (operation && (operation.status === "CREATED" || operation.status === "RUNNING")) {
      await db.orderSync.update({ where: { id: sync.id }, data: { status: "running" } });
      return "pending";
    }
    if (!operation || operation.status !== "COMPLETED") {
      const error = operation
        ? `bulk operation ${operation.status.toLowerCase()}${operation.errorCode ? ` (${operation.errorCode})` : ""}`
        : "bulk operation not found";
      await db.orderSync.update({
        where: { id: sync.id },
        data: { status: "failed", error, finishedAt: new Date() },
      });
      return "failed";
    }
    const now = (deps.now ?? (() => new Date()))();
    let saved: ImportedFile = {
      count: 0,
      latestUpdatedAt: null,
      orphans: 0,
      refused: 0,
      refusedLines: [],
    };
    if (operation.url) {
      const response = await (deps.fetchFile ?? fetch)(operation.url);
      if (!response.ok || !response.body)
        throw new OrderImportError(`Downloading the bulk result failed: HTTP ${response.status}`);
      saved = await importBulkFile(db, shop, response.body, now);
    }
    await (deps.reforecast ?? defaultReforecast)(db, shop, now, {
      fallbackTimeZone: status.shop.ianaTimezone,
    });
    await db.orderSync.update({
      where: { id: sync.id },
      data: {
        status: "completed",
        ordersImported: saved.count,
        watermark: saved.latestUpdatedAt ?? sync.startedAt,
        finishedAt: new Date(),
        error: importReport(saved),
      },
    });
    return "imported";
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    await db.orderSync.update({
      where: { id: sync.id },
      data: { status: "failed", error: message, finishedAt: new Date() },
    });
    return "failed";
  }
}

export interface PollOptions {
  intervalMs?: number;
  /** Stop polling after this long; the webhook or the next page load can still finish it. */
  timeoutMs?: number;
  sleep?: (ms: number) => Promise<void>;
  /** The clock of the timeout. */
  clock?: () => number;
  /**
   * Tries to finish the import; default finishOrderImport at once. The sync queue
   * (orders/sync.server.ts) passes its own, so that finishing runs in the shop's queue.
   */
  finish?: () => Promise<unknown>;
}

const FINISHED: Partial<Record<string, FinishOutcome>> = {
  completed: "imported",
  failed: "failed",
};

/**
 * The one bulk poller, run by production (orders/sync.server.ts) and measured by the bench: every
 * interval it reads the OrderSync row and, while it is "running" (nobody holds the claim), tries
 * to finish it. Ends when the row is completed or failed, whichever path finished it; the
 * bulk_operations/finish webhook may win, which is fine.
 */
export async function pollOrderImport(
  db: PrismaClient,
  admin: AdminGraphql,
  shop: string,
  bulkOperationId: string,
  options: PollOptions & ImportDeps = {},
): Promise<FinishOutcome> {
  const sleep =
    options.sleep ?? ((ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms)));
  const clock = options.clock ?? Date.now;
  const finish =
    options.finish ?? (() => finishOrderImport(db, admin, shop, bulkOperationId, options));
  const status = async () =>
    (
      await db.orderSync.findFirst({
        where: { shop, bulkOperationId },
        select: { status: true },
      })
    )?.status ?? null;
  const deadline = clock() + (options.timeoutMs ?? 30 * 60_000);
  for (;;) {
    await sleep(options.intervalMs ?? 2_000);
    let now = await status();
    if (now === "running") {
      await finish();
      now = await status();
    }
    if (now === null) return "not-ours";
    const finished = FINISHED[now];
    if (finished) return finished;
    if (clock() > deadline) return "pending";
  }
}
