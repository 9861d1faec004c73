// A thank-you discount code for the customer's next order: one code per order, usable once, by
// that customer only. The code is derived from the item's idempotency key, so a retry asks for
// the same code, and Shopify's uniqueness rule (userError code TAKEN) stops a second one: for a
// code no one else could have chosen, TAKEN means our earlier request went through.
// A percentage, not a fixed amount: a percentage "doesn't have a currency attached", while a fixed
// amount is in the shop's currency and converted at the buyer's checkout at that day's rate
// (https://help.shopify.com/en/manual/payments/shopify-payments/multi-currency/discounts).
import { createHash } from "node:crypto";
import { z } from "zod";
import type { ItemOutcome, ItemToPerform, PerformContext } from "../jobs/job-kind";
import type { ThankYouMailer } from "./thank-you-mail.server";
import { describeUserErrors, userErrorSchema } from "./user-errors";

export const CODE_STATE = `#graphql
  query RemedyThankYouCodeState($id: ID!) {
    order(id: $id) { id customer { id } }
  }
`;

export const DISCOUNT_CODE_CREATE = `#graphql
  mutation RemedyDiscountCodeBasicCreate($discount: DiscountCodeBasicInput!) {
    discountCodeBasicCreate(basicCodeDiscount: $discount) {
      codeDiscountNode { id }
      userErrors { field message code }
    }
  }
`;

const stateData = z.object({
  order: z.object({ id: z.string(), customer: z.object({ id: z.string() }).nullable() }).nullable(),
});
const createData = z.object({
  discountCodeBasicCreate: z
    .object({
      codeDiscountNode: z.object({ id: z.string() }).nullable(),
      userErrors: z.array(userErrorSchema.extend({ code: z.string().nullable().optional() })),
    })
    .nullable(),
});

export interface ThankYouCodeOptions {
  percent: number;
  validDays: number;
}

const mailedSchema = z.object({ mailed: z.string() });

export function thankYouCode(idempotencyKey: string): string {
  return `THANKS-${createHash("sha256").update(idempotencyKey).digest("hex").slice(0, 8).toUpperCase()}`;
}

export async function performThankYouCode(
  ctx: PerformContext,
  item: ItemToPerform,
  options: ThankYouCodeOptions,
  now: Date,
  mailer: ThankYouMailer | null = null,
): Promise<ItemOutcome> {
  const code = thankYouCode(item.idempotencyKey);
  const state = await ctx.admin.request(CODE_STATE, stateData, { id: item.orderId });
  if (!state.order) return { status: "skipped", reason: "Order not found in Shopify (deleted?)" };
  if (!state.order.customer)
    return { status: "skipped", reason: "Guest order: no customer to give a personal code to" };
  const endsAt = new Date(now.getTime() + options.validDays * 86_400_000);
  const result = await ctx.admin.request(DISCOUNT_CODE_CREATE, createData, {
    discount: {
      title: `Thank you for waiting (${code})`,
      code,
      startsAt: now.toISOString(),
      endsAt: endsAt.toISOString(),
      context: { customers: { add: [state.order.customer.id] } },
      customerGets: { value: { percentage: options.percent / 100 }, items: { all: true } },
      appliesOncePerCustomer: true,
      usageLimit: 1,
    },
  });
  const payload = result.discountCodeBasicCreate;
  const taken = payload?.userErrors.some((e) => e.code === "TAKEN" && e.field?.includes("code"));
  if (!taken && !payload?.codeDiscountNode)
    return {
      status: "failed",
      reason: describeUserErrors("the discount code", payload?.userErrors ?? []),
    };
  const created = taken
    ? `Discount code ${code} (created by an earlier try)`
    : `Discount code ${code}: ${options.percent} % off the next order`;
  const detail = {
    code,
    ...(payload?.codeDiscountNode ? { discountId: payload.codeDiscountNode.id } : {}),
    endsAt: endsAt.toISOString(),
  };
  if (!mailer) return { status: "done", summary: created, detail };
  // The code reaches the customer by mail; a retry after the send finds it in the checkpoint.
  const before = mailedSchema.safeParse(ctx.previous);
  const mailed = before.success
    ? { sent: true as const, messageId: before.data.mailed }
    : await mailer.send({
        shop: ctx.shop,
        orderId: item.orderId,
        itemId: item.id,
        code,
        percent: options.percent,
        endsAt,
        now,
      });
  if (mailed.sent) {
    await ctx.checkpoint({ mailed: mailed.messageId });
    return {
      status: "done",
      summary: `${created}, mailed to the customer`,
      detail: { ...detail, mailed: true },
    };
  }
  if (mailed.retry)
    return {
      status: "failed",
      reason: `Discount code ${code} was created, but the mail to the customer was not sent (${mailed.reason}). Retry to send it.`,
    };
  return {
    status: "done",
    summary: `${created}; not mailed: ${mailed.reason}`,
    detail: { ...detail, mailed: false, notMailed: mailed.reason },
  };
}
