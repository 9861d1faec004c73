// orderEditBegin / orderEditAddVariant / orderEditAddLineItemDiscount / orderEditAddShippingLine /
// orderEditUpdateShippingLine / orderEditCommit. Ids may be the CalculatedOrder's or the
// OrderEditSession's (they share the number here, as the docs allow either on commit).
import { z } from "zod";
import { parseGid } from "../../gid";
import { orderEditsOf, type CalculatedOrderRecord } from "../../store/order-edits";
import type { UserErrorRecord } from "../../store/refunds";
import { orderEditSession, stagedDiscount } from "../calculated-order";
import type { FieldResolver, SimulatorContext } from "../define";
import { moneyToCents } from "../suggested-refund";

const moneyInput = z.object({
  amount: z
    .union([z.string(), z.number()])
    .refine((value) => Number.isFinite(Number(value)))
    .transform(moneyToCents),
  currencyCode: z.string(),
});
const editMoney = (money: z.infer<typeof moneyInput>) => ({
  cents: money.amount,
  currencyCode: money.currencyCode,
});
const idOnly = z.object({ id: z.string() });
const addVariantArgs = z.object({
  id: z.string(),
  variantId: z.string(),
  quantity: z.number().int(),
  allowDuplicates: z.boolean().nullish(),
  locationId: z.string().nullish(),
});
const discountArgs = z.object({
  id: z.string(),
  lineItemId: z.string(),
  discount: z.object({
    description: z.string().nullish(),
    percentValue: z.number().nullish(),
    fixedValue: moneyInput.nullish(),
  }),
});
const addShippingArgs = z.object({
  id: z.string(),
  shippingLine: z.object({ title: z.string(), price: moneyInput }),
});
const updateShippingArgs = z.object({
  id: z.string(),
  shippingLineId: z.string(),
  shippingLine: z.object({ title: z.string().nullish(), price: moneyInput.nullish() }),
});
const commitArgs = z.object({
  id: z.string(),
  notifyCustomer: z.boolean().nullish(),
  staffNote: z.string().nullish(),
});

function numberOf(id: string, ...types: string[]): number {
  const gid = parseGid(id);
  return gid && types.includes(gid.type) ? gid.id : -1;
}

const isErrors = (value: object): value is { userErrors: UserErrorRecord[] } =>
  "userErrors" in value;

function openCalculated(
  context: SimulatorContext,
  id: string,
): CalculatedOrderRecord | { userErrors: UserErrorRecord[] } {
  return orderEditsOf(context.store).open(numberOf(id, "CalculatedOrder", "OrderEditSession"));
}

const plainErrors = (errors: UserErrorRecord[]) =>
  errors.map(({ field, message }) => ({ field, message }));
const codedErrors = (errors: UserErrorRecord[]) =>
  errors.map(({ field, message, code }) => ({ field, message, code: code ?? "INVALID" }));

export const orderEditMutations: Record<string, FieldResolver<unknown>> = {
  orderEditBegin: (_root, rawArgs, context) => {
    const result = orderEditsOf(context.store).begin(numberOf(idOnly.parse(rawArgs).id, "Order"));
    if (isErrors(result))
      return {
        calculatedOrder: null,
        orderEditSession: null,
        userErrors: plainErrors(result.userErrors),
      };
    return { calculatedOrder: result, orderEditSession: orderEditSession(result), userErrors: [] };
  },
  orderEditAddVariant: (_root, rawArgs, context) => {
    const args = addVariantArgs.parse(rawArgs);
    const calculated = openCalculated(context, args.id);
    if (isErrors(calculated))
      return {
        calculatedLineItem: null,
        calculatedOrder: null,
        orderEditSession: null,
        userErrors: plainErrors(calculated.userErrors),
      };
    const line = orderEditsOf(context.store).addVariant(
      calculated,
      numberOf(args.variantId, "ProductVariant"),
      args.quantity,
      args.allowDuplicates ?? false,
    );
    if (isErrors(line))
      return {
        calculatedLineItem: null,
        calculatedOrder: null,
        orderEditSession: null,
        userErrors: plainErrors(line.userErrors),
      };
    return {
      calculatedLineItem: { ...line, existing: false },
      calculatedOrder: calculated,
      orderEditSession: orderEditSession(calculated),
      userErrors: [],
    };
  },
  orderEditAddLineItemDiscount: (_root, rawArgs, context) => {
    const args = discountArgs.parse(rawArgs);
    const empty = {
      addedDiscountStagedChange: null,
      calculatedLineItem: null,
      calculatedOrder: null,
      orderEditSession: null,
    };
    const calculated = openCalculated(context, args.id);
    if (isErrors(calculated)) return { ...empty, userErrors: plainErrors(calculated.userErrors) };
    const line = orderEditsOf(context.store).addDiscount(
      calculated,
      numberOf(args.lineItemId, "CalculatedLineItem"),
      {
        description: args.discount.description ?? "",
        percent: args.discount.percentValue ?? null,
        fixed: args.discount.fixedValue ? editMoney(args.discount.fixedValue) : null,
      },
    );
    if (isErrors(line)) return { ...empty, userErrors: plainErrors(line.userErrors) };
    return {
      addedDiscountStagedChange: line.discount
        ? stagedDiscount(line.discount, orderEditsOf(context.store).orderOf(calculated).currencies)
        : null,
      calculatedLineItem: { ...line, existing: false },
      calculatedOrder: calculated,
      orderEditSession: orderEditSession(calculated),
      userErrors: [],
    };
  },
  orderEditAddShippingLine: (_root, rawArgs, context) => {
    const args = addShippingArgs.parse(rawArgs);
    const empty = { calculatedOrder: null, calculatedShippingLine: null, orderEditSession: null };
    const calculated = openCalculated(context, args.id);
    if (isErrors(calculated)) return { ...empty, userErrors: codedErrors(calculated.userErrors) };
    const line = orderEditsOf(context.store).addShippingLine(
      calculated,
      args.shippingLine.title,
      editMoney(args.shippingLine.price),
    );
    if (isErrors(line)) return { ...empty, userErrors: codedErrors(line.userErrors) };
    return {
      calculatedOrder: calculated,
      calculatedShippingLine: line,
      orderEditSession: orderEditSession(calculated),
      userErrors: [],
    };
  },
  orderEditUpdateShippingLine: (_root, rawArgs, context) => {
    const args = updateShippingArgs.parse(rawArgs);
    const empty = { calculatedOrder: null, orderEditSession: null };
    const calculated = openCalculated(context, args.id);
    if (isErrors(calculated)) return { ...empty, userErrors: codedErrors(calculated.userErrors) };
    const line = orderEditsOf(context.store).updateShippingLine(
      calculated,
      numberOf(args.shippingLineId, "CalculatedShippingLine", "ShippingLine"),
      {
        title: args.shippingLine.title ?? null,
        price: args.shippingLine.price ? editMoney(args.shippingLine.price) : null,
      },
    );
    if (isErrors(line)) return { ...empty, userErrors: codedErrors(line.userErrors) };
    return {
      calculatedOrder: calculated,
      orderEditSession: orderEditSession(calculated),
      userErrors: [],
    };
  },
  orderEditCommit: (_root, rawArgs, context) => {
    const args = commitArgs.parse(rawArgs);
    const calculated = openCalculated(context, args.id);
    if (isErrors(calculated))
      return { order: null, successMessages: null, userErrors: plainErrors(calculated.userErrors) };
    const order = orderEditsOf(context.store).commit(
      calculated,
      args.notifyCustomer ?? false,
      args.staffNote ?? null,
    );
    if (isErrors(order))
      return { order: null, successMessages: null, userErrors: plainErrors(order.userErrors) };
    return { order, successMessages: ["Order updated"], userErrors: [] };
  },
};
