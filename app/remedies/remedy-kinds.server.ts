// The remedies as job kinds: their parameters (zod), their plan (which orders can take the remedy,
// with the money involved, read from the local copy of the orders so the confirmation page is
// instant; only the shipping cost back asks Shopify, which alone knows the refundable shipping)
// and their perform (one module per remedy). Register them on a JobKindRegistry.
import type { PrismaClient } from "@prisma/client";
import { z } from "zod";
import { defineJobKind, JobKindRegistry, type JobKind, type PlannedItem } from "../jobs/job-kind";
import { performAddOn } from "./free-add-on.server";
import { CANCELLABLE_FULFILLMENT_STATUSES, performCancel } from "./cancel-and-refund.server";
import { performFasterShipping } from "./faster-shipping.server";
import { performRefund, refundableAmountChanged } from "./refund.server";
import { planShippingRefunds } from "./shipping-refund-plan.server";
import { performThankYouCode } from "./thank-you-code.server";
import type { ThankYouMailer } from "./thank-you-mail.server";

const note = z.string().trim().max(255).default("Delay Desk: making it right for the wait");

// frozenAmounts: staff confirmed each order's amount (the job's items, frozen before the undo
// window); an order whose refundable amount changed since is skipped, not refunded at the new
// amount (app/staff/, docs/staff-and-money.md). Refunds a customer chose keep the default: they
// refund whatever is refundable.
const frozenAmounts = z.boolean().default(false);
export const refundParams = z.object({ notify: z.boolean().default(true), note, frozenAmounts });
export const cancelParams = z.object({
  frozenAmounts,
  notifyCustomer: z.boolean().default(true),
  reason: z.enum(["CUSTOMER", "INVENTORY", "OTHER", "STAFF"]).default("INVENTORY"),
  staffNote: note,
});
export const addOnParams = z.object({
  variantId: z.string().startsWith("gid://shopify/ProductVariant/"),
  quantity: z.number().int().min(1).max(5).default(1),
  notifyCustomer: z.boolean().default(true),
  staffNote: note,
});
export const shippingParams = z.discriminatedUnion("mode", [
  z.object({ mode: z.literal("refund"), notify: z.boolean().default(true), note, frozenAmounts }),
  z.object({
    mode: z.literal("upgrade"),
    title: z.string().trim().min(1).max(80).default("Express shipping (on us)"),
    notifyCustomer: z.boolean().default(true),
    staffNote: note,
  }),
]);
export const codeParams = z.object({
  percent: z.number().int().min(1).max(100).default(15),
  validDays: z.number().int().min(1).max(365).default(90),
});

// SQLite refuses more bound parameters than about a thousand in one statement: read in chunks.
const CHUNK = 500;

async function openOrders(
  db: PrismaClient,
  shop: string,
  orderIds: readonly string[],
  unfulfilledOnly: boolean,
): Promise<OpenOrder[]> {
  const rows: Array<OpenOrder & { createdAt: Date }> = [];
  for (let start = 0; start < orderIds.length; start += CHUNK) {
    rows.push(
      ...(await db.trackedOrder.findMany({
        where: {
          shop,
          id: { in: orderIds.slice(start, start + CHUNK) },
          cancelledAt: null,
          ...(unfulfilledOnly
            ? { displayFulfillmentStatus: { in: [...CANCELLABLE_FULFILLMENT_STATUSES] } }
            : {}),
        },
        select: {
          id: true,
          totalAmount: true,
          presentmentAmount: true,
          presentmentCurrencyCode: true,
          createdAt: true,
        },
      })),
    );
  }
  return rows.sort(
    (a, b) => a.createdAt.getTime() - b.createdAt.getTime() || (a.id < b.id ? -1 : 1),
  );
}

interface OpenOrder {
  id: string;
  totalAmount: string;
  presentmentAmount: string | null;
  presentmentCurrencyCode: string | null;
}

// A full refund gives back the order's total: shop money for staff, the buyer's own for them.
const withAmount = (rows: OpenOrder[]): PlannedItem[] =>
  rows.map((row) => ({
    orderId: row.id,
    amount: row.totalAmount,
    presentment:
      row.presentmentAmount && row.presentmentCurrencyCode
        ? { amount: row.presentmentAmount, currencyCode: row.presentmentCurrencyCode }
        : null,
  }));
const withoutAmount = (rows: Array<{ id: string }>): PlannedItem[] =>
  rows.map((row) => ({ orderId: row.id, amount: null }));

export interface RemedyOptions {
  /** How long an order edit claim holds (ORDER_EDIT_CLAIM_MS; default 2 min, order-edit-claim.ts). */
  editClaimMs?: number;
  /** With a mailer, the thank-you code is also mailed to the customer (the app's registry has one). */
  mailer?: ThankYouMailer;
}

export function remedyKinds(options: RemedyOptions = {}): readonly JobKind<unknown>[] {
  const claim = options.editClaimMs !== undefined ? { claimMs: options.editClaimMs } : {};
  return [
    defineJobKind({
      kind: "refund",
      label: "Full refund (order still ships)",
      params: refundParams,
      timelineKind: "remedy",
      plan: async ({ db, shop }, _params, ids) =>
        withAmount(await openOrders(db, shop, ids, false)),
      perform: (ctx, item, params) =>
        performRefund(ctx, item, {
          mode: "full",
          notify: params.notify,
          note: params.note,
          expectedAmount: params.frozenAmounts ? item.amount : null,
        }),
    }),
    defineJobKind({
      kind: "cancel_refund",
      label: "Cancel order and refund in full",
      params: cancelParams,
      timelineKind: "remedy",
      plan: async ({ db, shop }, _params, ids) => withAmount(await openOrders(db, shop, ids, true)),
      perform: async (ctx, item, params) => {
        const changed = params.frozenAmounts
          ? await refundableAmountChanged(ctx, item, item.amount)
          : null;
        return changed ?? performCancel(ctx, item, params);
      },
    }),
    defineJobKind({
      kind: "add_on",
      label: "Free add-on",
      params: addOnParams,
      timelineKind: "remedy",
      plan: async ({ db, shop }, _params, ids) =>
        withoutAmount(await openOrders(db, shop, ids, false)),
      perform: (ctx, item, params) => performAddOn(ctx, item, params, claim),
    }),
    defineJobKind({
      kind: "shipping",
      label: "Faster shipping or its cost back",
      params: shippingParams,
      timelineKind: "remedy",
      // The shipping cost back moves money: its amounts are Shopify's refundable shipping, so the
      // frozen list, the money limits and the audit see it (app/staff/). The upgrade moves none.
      // The shipping cost back asks Shopify for each order; its candidates are the open ones.
      candidates: async ({ db, shop }, params, ids) =>
        params.mode === "refund"
          ? (await openOrders(db, shop, ids, false)).map((row) => row.id)
          : null,
      plan: async ({ db, shop, admin }, params, ids) => {
        const open = await openOrders(db, shop, ids, false);
        if (params.mode === "upgrade") return withoutAmount(open);
        if (!admin)
          throw new Error("The shipping cost back is planned with Shopify's refund suggestion.");
        return planShippingRefunds(
          admin,
          open.map((row) => row.id),
        );
      },
      perform: (ctx, item, params) =>
        params.mode === "refund"
          ? performRefund(ctx, item, {
              mode: "shipping",
              notify: params.notify,
              note: params.note,
              expectedAmount: params.frozenAmounts ? item.amount : null,
            })
          : performFasterShipping(
              ctx,
              item,
              {
                title: params.title,
                notifyCustomer: params.notifyCustomer,
                staffNote: params.staffNote,
              },
              claim,
            ),
    }),
    defineJobKind({
      kind: "discount_code",
      label: "Thank-you discount code",
      params: codeParams,
      timelineKind: "remedy",
      plan: async ({ db, shop }, _params, ids) =>
        withoutAmount(await openOrders(db, shop, ids, false)),
      perform: (ctx, item, params) =>
        performThankYouCode(ctx, item, params, new Date(), options.mailer ?? null),
    }),
  ];
}

export const REMEDY_KINDS: readonly JobKind<unknown>[] = remedyKinds();

export function remedyRegistry(
  options: RemedyOptions = {},
  registry = new JobKindRegistry(),
): JobKindRegistry {
  for (const kind of remedyKinds(options)) registry.register(kind);
  return registry;
}
