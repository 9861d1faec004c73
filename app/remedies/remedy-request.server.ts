// What the confirmation page shows and what its form starts: which remedy, for which orders (a
// selection of ids or a whole class), and the parameters staff chose. Parsed with zod from the
// URL and the form; the orders are always re-read from this shop's rows, never trusted as sent.
import type { PrismaClient } from "@prisma/client";
import { z } from "zod";
import type { AdminClient } from "../admin-api/graphql.server";
import { appServices } from "../services.server";
import { sumMoney } from "../jobs/money";
import { shopCurrencyOf } from "./staff-money.server";
import { ordersWhere } from "../orders/list-orders.server";
import { ORDER_FILTERS } from "../orders/orders-view";

export const REMEDIES = ["refund", "cancel_refund", "add_on", "shipping", "discount_code"] as const;
export type Remedy = (typeof REMEDIES)[number];

const MAX_ORDERS = 5_000;

export const selectionSchema = z.object({
  remedy: z.enum(REMEDIES),
  ids: z
    .string()
    .optional()
    .transform((text) =>
      text
        ? text
            .split(",")
            .map((id) => id.trim())
            .filter((id) => id.startsWith("gid://shopify/Order/"))
        : [],
    ),
  class: z.enum(ORDER_FILTERS).optional(),
});
export type Selection = z.infer<typeof selectionSchema>;

export function parseSelection(params: URLSearchParams): Selection | null {
  const parsed = selectionSchema.safeParse({
    remedy: params.get("remedy") ?? undefined,
    ids: params.get("ids") ?? undefined,
    class: params.get("class") ?? undefined,
  });
  return parsed.success && (parsed.data.ids.length > 0 || parsed.data.class) ? parsed.data : null;
}

export async function selectedOrderIds(
  db: PrismaClient,
  shop: string,
  selection: Selection,
): Promise<string[]> {
  if (selection.ids.length > 0) {
    // A selection comes from one page of the table (at most 50 rows), well under SQLite's parameter cap.
    const rows = await db.trackedOrder.findMany({
      where: { shop, id: { in: selection.ids.slice(0, 500) } },
      select: { id: true },
    });
    return rows.map((row) => row.id);
  }
  const rows = await db.trackedOrder.findMany({
    where: ordersWhere(shop, { filter: selection.class ?? "all", q: "" }),
    select: { id: true },
    take: MAX_ORDERS,
    orderBy: { createdAt: "asc" },
  });
  return rows.map((row) => row.id);
}

export interface Preview {
  remedy: Remedy;
  label: string;
  selected: number;
  /** Orders that can take the remedy; with `partial`, those that may (Shopify has the last word). */
  count: number;
  /** Shop money (the orders' shopMoney) in the shop's currency; null before any order is synced. */
  amount: string;
  currencyCode: string | null;
  /**
   * Set when the plan asks Shopify for every order and the selection is larger than one Admin
   * call: `amount` is Shopify's for the first `asked` of the `count` orders; the job asks for the
   * rest when it is started, and leaves out the orders with nothing to refund.
   */
  partial: { asked: number } | null;
  /** The first orders and their money, as the job would take them. */
  first: Array<{ orderId: string; name: string; amount: string | null }>;
}

/**
 * How many orders the page asks Shopify about before staff confirm: one call of the shipping
 * plan's batch (planShippingRefunds, about 250 points). The whole selection (up to 5,000 orders,
 * 25,000 points) would take minutes of a standard shop's 100 points a second.
 */
export const PREVIEW_ASKS_SHOPIFY = 50;
const FIRST_ROWS = 10;

/**
 * The count and money staff confirm: the job's own plan, so the page and the job cannot disagree;
 * for a plan that asks Shopify per order, the local candidates and the first PREVIEW_ASKS_SHOPIFY.
 */
export async function previewRemedy(
  db: PrismaClient,
  shop: string,
  selection: Selection,
  admin: AdminClient,
): Promise<Preview> {
  const kind = appServices().jobKinds.get(selection.remedy);
  if (!kind) throw new Error(`Unknown remedy ${selection.remedy}`);
  const ids = await selectedOrderIds(db, shop, selection);
  const params = kind.params.parse(defaultParams(selection.remedy));
  const ctx = { shop, db, admin };
  const candidates = (await kind.candidates?.(ctx, params, ids)) ?? null;
  const asked =
    candidates && candidates.length > PREVIEW_ASKS_SHOPIFY
      ? candidates.slice(0, PREVIEW_ASKS_SHOPIFY)
      : null;
  const planned = await kind.plan(ctx, params, asked ?? candidates ?? ids);
  const names = await db.trackedOrder.findMany({
    where: { shop, id: { in: planned.slice(0, FIRST_ROWS).map((p) => p.orderId) } },
    select: { id: true, name: true },
  });
  const nameOf = new Map(names.map((row) => [row.id, row.name]));
  return {
    remedy: selection.remedy,
    label: kind.label,
    selected: ids.length,
    count: asked && candidates ? candidates.length : planned.length,
    amount: sumMoney(planned.map((p) => p.amount)),
    currencyCode: await shopCurrencyOf(db, shop),
    partial: asked ? { asked: asked.length } : null,
    first: planned.slice(0, FIRST_ROWS).map((p) => ({
      orderId: p.orderId,
      name: nameOf.get(p.orderId) ?? p.orderId,
      amount: p.amount,
    })),
  };
}

// Parameters the plan needs before staff have filled the form (the plan does not depend on them
// except through their shape).
function defaultParams(remedy: Remedy): unknown {
  if (remedy === "add_on") return { variantId: "gid://shopify/ProductVariant/0" };
  if (remedy === "shipping") return { mode: "refund" };
  return {};
}

const checkbox = z
  .string()
  .optional()
  .transform((value) => value === "on" || value === "true");

export const remedyFormSchema = z.object({
  notify: checkbox,
  note: z.string().trim().max(255).optional(),
  variantId: z.string().optional(),
  shippingMode: z.enum(["refund", "upgrade"]).optional(),
  shippingTitle: z.string().trim().max(80).optional(),
  percent: z.coerce.number().int().min(1).max(100).optional(),
});

/** The job's parameters from the confirmation form, in the shape the remedy's zod schema takes. */
export function remedyParams(remedy: Remedy, form: z.infer<typeof remedyFormSchema>): unknown {
  const note = form.note && form.note.length > 0 ? form.note : undefined;
  switch (remedy) {
    case "refund":
      return { notify: form.notify, note };
    case "cancel_refund":
      return { notifyCustomer: form.notify, staffNote: note };
    case "add_on":
      return { variantId: form.variantId, notifyCustomer: form.notify, staffNote: note };
    case "shipping":
      return form.shippingMode === "upgrade"
        ? {
            mode: "upgrade",
            title: form.shippingTitle || undefined,
            notifyCustomer: form.notify,
            staffNote: note,
          }
        : { mode: "refund", notify: form.notify, note };
    case "discount_code":
      return { percent: form.percent };
  }
}
