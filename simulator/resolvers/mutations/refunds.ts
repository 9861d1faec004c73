// refundCreate with @idempotent(key:), required from API 2026-04. A retried key answers the
// original refund (or the original userErrors) without refunding again; the same key with other
// input is refused. Over-refunds and bad quantities are userErrors and change nothing.
import type { GraphQLResolveInfo } from "graphql";
import { z } from "zod";
import { parseGid } from "../../gid";
import { IdempotencyRegistry, KEY_PARAMETER_MISMATCH_MESSAGE } from "../../idempotency";
import type { OrderRecord } from "../../store/records";
import { refundsOf, type RefundRecord, type UserErrorRecord } from "../../store/refunds";
import type { FieldResolver, SimulatorContext } from "../define";
import {
  lineItemNumber,
  locationNumber,
  moneyToCents,
  refundLineItemInput,
} from "../suggested-refund";

const money = z
  .union([z.string(), z.number()])
  .refine((value) => Number.isFinite(Number(value)), "Money must be a decimal")
  .transform(moneyToCents);

const refundCreateArgs = z.object({
  input: z.object({
    orderId: z.string(),
    note: z.string().nullish(),
    notify: z.boolean().nullish(),
    allowOverRefunding: z.boolean().nullish(),
    currency: z.string().nullish(),
    discrepancyReason: z.string().nullish(),
    processedAt: z.string().nullish(),
    refundLineItems: z.array(refundLineItemInput).nullish(),
    refundDuties: z.array(z.unknown()).nullish(),
    refundMethods: z.array(z.unknown()).nullish(),
    shipping: z.object({ amount: money.nullish(), fullRefund: z.boolean().nullish() }).nullish(),
    transactions: z
      .array(
        z.object({
          amount: money,
          gateway: z.string(),
          kind: z.string(),
          orderId: z.string(),
          parentId: z.string().nullish(),
        }),
      )
      .nullish(),
  }),
});

interface RefundCreateResult {
  refund: RefundRecord | null;
  order: OrderRecord | null;
  userErrors: UserErrorRecord[];
}

const registry = new IdempotencyRegistry<RefundCreateResult>();

function create(context: SimulatorContext, rawArgs: Record<string, unknown>): RefundCreateResult {
  const { input } = refundCreateArgs.parse(rawArgs);
  const gid = parseGid(input.orderId);
  if (!gid || gid.type !== "Order")
    return {
      refund: null,
      order: null,
      userErrors: [{ field: ["orderId"], message: "Order does not exist" }],
    };
  const processedAt = input.processedAt ? Date.parse(input.processedAt) : undefined;
  const result = refundsOf(context.store).create({
    orderId: gid.id,
    note: input.note ?? null,
    notify: input.notify ?? false,
    allowOverRefunding: input.allowOverRefunding ?? false,
    currency: input.currency ?? null,
    lines: (input.refundLineItems ?? []).map((line) => ({
      lineItemId: lineItemNumber(line.lineItemId),
      quantity: line.quantity,
      restockType: line.restockType ?? "NO_RESTOCK",
      locationId: line.locationId ? locationNumber(line.locationId) : null,
    })),
    ...(input.shipping
      ? {
          shipping: {
            fullRefund: input.shipping.fullRefund ?? false,
            amountCents: input.shipping.amount ?? null,
          },
        }
      : {}),
    transactions: (input.transactions ?? []).map((transaction) => {
      const parent = transaction.parentId ? parseGid(transaction.parentId) : null;
      return {
        amountCents: transaction.amount,
        gateway: transaction.gateway,
        kind: transaction.kind,
        parentId: transaction.parentId
          ? parent && parent.type === "OrderTransaction"
            ? parent.id
            : -1
          : null,
      };
    }),
    ...(processedAt !== undefined && Number.isFinite(processedAt) ? { at: processedAt } : {}),
  });
  if ("userErrors" in result)
    return {
      refund: null,
      order: null,
      userErrors: result.userErrors.map(({ field, message }) => ({ field, message })),
    };
  return { refund: result.refund, order: result.order, userErrors: [] };
}

export function refundCreate(
  context: SimulatorContext,
  rawArgs: Record<string, unknown>,
  info: GraphQLResolveInfo,
): RefundCreateResult {
  const outcome = registry.run(context.store, info, rawArgs, () => create(context, rawArgs));
  if (outcome.kind === "mismatch")
    return {
      refund: null,
      order: null,
      userErrors: [{ field: null, message: KEY_PARAMETER_MISMATCH_MESSAGE }],
    };
  return outcome.result;
}

export const refundMutations: Record<string, FieldResolver<unknown>> = {
  refundCreate: (_root, rawArgs, context, info) => refundCreate(context, rawArgs, info),
};
