// orderCancel (2026-10 signature: orderId, reason, restock, refundMethod, notifyCustomer,
// staffNote; `refund` is deprecated but still read). The payload's `job` is polled with job(id:);
// errors come as orderCancelUserErrors with codes (and the deprecated userErrors without).
import { z } from "zod";
import { parseGid } from "../../gid";
import { refundsOf } from "../../store/refunds";
import { notSimulated, type FieldResolver } from "../define";

const orderCancelArgs = z.object({
  orderId: z.string(),
  reason: z.enum(["CUSTOMER", "DECLINED", "FRAUD", "INVENTORY", "OTHER", "STAFF"]),
  restock: z.boolean(),
  refund: z.boolean().nullish(),
  refundMethod: z
    .object({
      originalPaymentMethodsRefund: z.boolean().nullish(),
      storeCreditRefund: z.unknown().nullish(),
    })
    .nullish(),
  notifyCustomer: z.boolean().nullish(),
  staffNote: z.string().nullish(),
});

export const orderMutations: Record<string, FieldResolver<unknown>> = {
  orderCancel: (_root, rawArgs, context) => {
    const args = orderCancelArgs.parse(rawArgs);
    const ledger = refundsOf(context.store);
    const fail = (errors: { field: string[] | null; message: string; code?: string }[]) => ({
      job: null,
      jobResult: null,
      orderCancelUserErrors: errors.map((error) => ({
        field: error.field,
        message: error.message,
        code: error.code ?? "INVALID",
      })),
      userErrors: errors.map((error) => ({ field: error.field, message: error.message })),
    });
    // Ours, not Shopify's: a top-level NOT_SIMULATED error, never a userError that could pass for
    // Shopify's refusal.
    if (args.refundMethod?.storeCreditRefund)
      throw notSimulated("Mutation", "orderCancel", "(refundMethod.storeCreditRefund)");
    const gid = parseGid(args.orderId);
    if (!gid || gid.type !== "Order")
      return fail([{ field: ["orderId"], message: "Order not found", code: "NOT_FOUND" }]);
    const refund = args.refundMethod?.originalPaymentMethodsRefund ?? args.refund ?? false;
    const result = ledger.cancel({
      orderId: gid.id,
      reason: args.reason,
      refund,
      restock: args.restock,
      notifyCustomer: args.notifyCustomer ?? false,
      staffNote: args.staffNote ?? null,
    });
    if ("userErrors" in result) return fail(result.userErrors);
    return { job: ledger.newJob(), jobResult: null, orderCancelUserErrors: [], userErrors: [] };
  },
};
