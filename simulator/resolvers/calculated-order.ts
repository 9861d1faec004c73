// CalculatedOrder and CalculatedLineItem: the order as it will be once the staged edit is
// committed. Existing lines keep their LineItem ids; lines added in the edit get new ids.
import { z } from "zod";
import { connectionArgsSchema, paginate } from "../connection";
import { toGid } from "../gid";
import type { OrderCurrencies } from "../store/currency";
import type { OrderRecord } from "../store/records";
import {
  orderEditsOf,
  type AddedLineRecord,
  type CalculatedOrderRecord,
  type StagedDiscountRecord,
  type StagedShippingLineRecord,
} from "../store/order-edits";
import { refundableQuantity, refundsOf, unitPrice } from "../store/refunds";
import type { ShopStore } from "../store/shop-store";
import { defineType, hasTypename, type SimulatorContext } from "./define";
import { moneyBag, moneyV2 } from "./values";

type CalculatedLine = AddedLineRecord & { existing: boolean };

const byId = (record: { id: number }) => ({ id: record.id, value: record.id });
const lineItemsArgs = connectionArgsSchema.extend({ query: z.string().nullish() });

function orderOf(
  context: SimulatorContext,
  record: Pick<CalculatedOrderRecord, "orderId">,
): OrderRecord {
  const order = context.store.order(record.orderId);
  if (!order) throw new Error(`Simulator store is inconsistent: no order ${record.orderId}`);
  return order;
}

function existingLines(
  store: ShopStore,
  record: CalculatedOrderRecord,
  order: OrderRecord,
): CalculatedLine[] {
  const ledger = refundsOf(store);
  return order.lineItems.map((item) => ({
    __typename: "CalculatedLineItem",
    id: item.id,
    calculatedOrderId: record.id,
    variantId: item.variantId,
    quantity: refundableQuantity(ledger, order, item),
    unitPriceCents: unitPrice(item),
    discount: null,
    existing: true,
  }));
}

const added = (record: CalculatedOrderRecord): CalculatedLine[] =>
  record.added.map((line) => ({ ...line, existing: false }));
const lineTotal = (line: AddedLineRecord) =>
  line.quantity * (line.unitPriceCents - (line.discount?.unitDiscountCents ?? 0));

function currenciesOfLine(
  context: SimulatorContext,
  line: { calculatedOrderId: number },
): OrderCurrencies {
  const record = orderEditsOf(context.store).calculatedOrder(line.calculatedOrderId);
  if (!record)
    throw new Error(
      `Simulator store is inconsistent: no calculated order ${line.calculatedOrderId}`,
    );
  return orderOf(context, record).currencies;
}

export function stagedDiscount(discount: StagedDiscountRecord, currencies: OrderCurrencies) {
  return {
    __typename: "OrderStagedChangeAddLineItemDiscount",
    id: toGid("OrderStagedChangeAddLineItemDiscount", discount.id),
    description: discount.description,
    value:
      discount.percent !== null
        ? { __typename: "PricingPercentageValue", percentage: discount.percent }
        : { __typename: "MoneyV2", ...moneyV2(discount.fixedCents ?? 0, currencies.presentment) },
  };
}

function totals(context: SimulatorContext, record: CalculatedOrderRecord) {
  const order = orderOf(context, record);
  const subtotal =
    existingLines(context.store, record, order).reduce((sum, line) => sum + lineTotal(line), 0) +
    record.added.reduce((sum, line) => sum + lineTotal(line), 0);
  const shipping = record.shippingLines.reduce((sum, line) => sum + line.priceCents, 0);
  return { order, subtotal, total: subtotal + shipping };
}

export const calculatedOrderType = defineType(
  "CalculatedOrder",
  hasTypename<CalculatedOrderRecord>("CalculatedOrder"),
  {
    id: (record) => toGid("CalculatedOrder", record.id),
    committed: (record) => record.committed,
    originalOrder: (record, _args, context) => orderOf(context, record),
    lineItems: (record, rawArgs, context) => {
      const args = lineItemsArgs.parse(rawArgs);
      const lines = [
        ...existingLines(context.store, record, orderOf(context, record)),
        ...added(record),
      ];
      return paginate(
        args.reverse ? lines.reverse() : lines,
        args,
        "lineItems",
        byId,
        args.reverse ? -1 : 1,
      );
    },
    addedLineItems: (record, rawArgs) => {
      const args = connectionArgsSchema.parse(rawArgs);
      const lines = added(record);
      return paginate(
        args.reverse ? lines.reverse() : lines,
        args,
        "addedLineItems",
        byId,
        args.reverse ? -1 : 1,
      );
    },
    shippingLines: (record) => record.shippingLines,
    subtotalLineItemsQuantity: (record, _args, context) =>
      [...existingLines(context.store, record, orderOf(context, record)), ...record.added].reduce(
        (sum, line) => sum + line.quantity,
        0,
      ),
    subtotalPriceSet: (record, _args, context) =>
      moneyBag(totals(context, record).subtotal, orderOf(context, record).currencies),
    totalPriceSet: (record, _args, context) =>
      moneyBag(totals(context, record).total, orderOf(context, record).currencies),
    totalOutstandingSet: (record, _args, context) => {
      const { order, total } = totals(context, record);
      return moneyBag(
        total - order.receivedCents - refundsOf(context.store).totalRefundedCents(order.id),
        order.currencies,
      );
    },
    cartDiscountAmountSet: () => null,
    taxLines: () => [],
    notificationPreviewTitle: (_record, _args, context) =>
      `Your order from ${context.store.shop.name} has been updated`,
    notificationPreviewHtml: () => null,
  },
);

export const calculatedLineItemType = defineType(
  "CalculatedLineItem",
  hasTypename<CalculatedLine>("CalculatedLineItem"),
  {
    id: (line) => toGid("CalculatedLineItem", line.id),
    quantity: (line) => line.quantity,
    editableQuantity: (line) => line.quantity,
    editableQuantityBeforeChanges: (line) => (line.existing ? line.quantity : 0),
    title: (line, _args, context) => {
      const variant = context.store.variant(line.variantId);
      return (variant ? context.store.product(variant.productId)?.title : undefined) ?? "";
    },
    variantTitle: (line, _args, context) => {
      const title = context.store.variant(line.variantId)?.title ?? null;
      return title === "Default Title" ? null : title;
    },
    sku: (line, _args, context) => context.store.variant(line.variantId)?.sku ?? null,
    variant: (line, _args, context) => context.store.variant(line.variantId) ?? null,
    originalUnitPriceSet: (line, _args, context) =>
      moneyBag(line.unitPriceCents, currenciesOfLine(context, line)),
    discountedUnitPriceSet: (line, _args, context) =>
      moneyBag(
        line.unitPriceCents - (line.discount?.unitDiscountCents ?? 0),
        currenciesOfLine(context, line),
      ),
    editableSubtotalSet: (line, _args, context) =>
      moneyBag(lineTotal(line), currenciesOfLine(context, line)),
    uneditableSubtotalSet: (line, _args, context) => moneyBag(0, currenciesOfLine(context, line)),
    hasStagedLineItemDiscount: (line) => line.discount !== null,
    restockable: () => true,
    restocking: () => false,
    customAttributes: () => [],
    image: () => null,
    calculatedDiscountAllocations: () => [],
    stagedChanges: (line, _args, context) => {
      if (line.existing) return [];
      const variant = context.store.variant(line.variantId);
      return [
        { __typename: "OrderStagedChangeAddVariant", quantity: line.quantity, variant },
        ...(line.discount ? [stagedDiscount(line.discount, currenciesOfLine(context, line))] : []),
      ];
    },
  },
);

export const calculatedShippingLineType = defineType(
  "CalculatedShippingLine",
  hasTypename<StagedShippingLineRecord>("CalculatedShippingLine"),
  {
    id: (line) => toGid("CalculatedShippingLine", line.id),
    title: (line) => line.title,
    price: (line, _args, context) =>
      moneyBag(line.priceCents, orderOf(context, { orderId: line.orderId }).currencies),
    stagedStatus: (line) => line.status,
  },
);

export const orderEditSessionType = defineType(
  "OrderEditSession",
  hasTypename<{ __typename: "OrderEditSession"; id: number }>("OrderEditSession"),
  {
    id: (session) => toGid("OrderEditSession", session.id),
  },
);

export const orderEditSession = (record: CalculatedOrderRecord) => ({
  __typename: "OrderEditSession" as const,
  id: record.id,
});
