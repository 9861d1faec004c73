// Refund, Job, and what refunds, cancellations and order edits change on Order and LineItem. The
// Order and LineItem resolvers in order.ts describe the seeded state; these override the fields
// that remedies move (refunds, totals refunded, refundable quantities, line discounts, edited).
import { z } from "zod";
import { connectionArgsSchema, paginate } from "../connection";
import { parseGid, toGid } from "../gid";
import type { LineItemRecord, OrderRecord } from "../store/records";
import { discountsOf } from "./mutations/discounts";
import { orderEditsOf } from "../store/order-edits";
import {
  refundableQuantity,
  refundsOf,
  unitPrice,
  type JobRecord,
  type RefundRecord,
} from "../store/refunds";
import { defineType, hasTypename, type FieldResolver, type SimulatorContext } from "./define";
import { suggestedRefund } from "./suggested-refund";
import { iso, moneyBag } from "./values";

const firstArgs = z.object({ first: z.number().int().nullish() });
const idArgs = z.object({ id: z.string() });
const byId = (record: { id: number }) => ({ id: record.id, value: record.id });
const emptyConnection = {
  edges: [],
  nodes: [],
  pageInfo: { hasNextPage: false, hasPreviousPage: false, startCursor: null, endCursor: null },
};

function orderOf(context: SimulatorContext, orderId: number): OrderRecord {
  const order = context.store.order(orderId);
  if (!order) throw new Error(`Simulator store is inconsistent: no order ${orderId}`);
  return order;
}

function refundLineItems(refund: RefundRecord, context: SimulatorContext) {
  const order = orderOf(context, refund.orderId);
  return refund.lines.flatMap((line) => {
    const item = order.lineItems.find((candidate) => candidate.id === line.lineItemId);
    if (!item) return [];
    return [
      {
        id: toGid("RefundLineItem", line.id),
        lineItem: item,
        quantity: line.quantity,
        restockType: line.restockType,
        restocked: line.restocked,
        location:
          line.locationId === null ? null : (context.store.location(line.locationId) ?? null),
        priceSet: moneyBag(line.unitPriceCents, order.currencies),
        subtotalSet: moneyBag(line.unitPriceCents * line.quantity, order.currencies),
        totalTaxSet: moneyBag(0, order.currencies),
      },
    ];
  });
}

export const refundType = defineType("Refund", hasTypename<RefundRecord>("Refund"), {
  id: (refund) => toGid("Refund", refund.id),
  legacyResourceId: (refund) => String(refund.id),
  createdAt: (refund) => iso(refund.createdAt),
  updatedAt: (refund) => iso(refund.createdAt),
  processedAt: (refund) => iso(refund.processedAt),
  note: (refund) => refund.note,
  order: (refund, _args, context) => orderOf(context, refund.orderId),
  totalRefundedSet: (refund, _args, context) =>
    moneyBag(refund.totalCents, orderOf(context, refund.orderId).currencies),
  duties: () => [],
  return: () => null,
  staffMember: () => null,
  refundLineItems: (refund, rawArgs, context) => {
    const args = connectionArgsSchema.parse(rawArgs);
    const lines = refundLineItems(refund, context).map((line, index) => ({ ...line, key: index }));
    const list = args.reverse ? [...lines].reverse() : lines;
    const connection = paginate(
      list,
      args,
      "refundLineItems",
      (line) => ({ id: line.key, value: line.key }),
      args.reverse ? -1 : 1,
    );
    const strip = ({ key: _key, ...line }: (typeof lines)[number]) => line;
    return {
      ...connection,
      nodes: connection.nodes.map(strip),
      edges: connection.edges.map((edge) => ({ cursor: edge.cursor, node: strip(edge.node) })),
    };
  },
  refundShippingLines: (refund, rawArgs, context) => {
    const args = connectionArgsSchema.parse(rawArgs);
    const order = orderOf(context, refund.orderId);
    const line = order.shippingLines[0];
    const items =
      refund.shippingCents > 0 && line
        ? [
            {
              id: refund.id,
              node: {
                id: toGid("RefundShippingLine", refund.id),
                shippingLine: line,
                subtotalAmountSet: moneyBag(refund.shippingCents, order.currencies),
                taxAmountSet: moneyBag(0, order.currencies),
              },
            },
          ]
        : [];
    const connection = paginate(items, args, "refundShippingLines", byId);
    return {
      ...connection,
      nodes: connection.nodes.map((item) => item.node),
      edges: connection.edges.map((edge) => ({ cursor: edge.cursor, node: edge.node.node })),
    };
  },
  transactions: (refund, rawArgs, context) => {
    const args = connectionArgsSchema.parse(rawArgs);
    const order = orderOf(context, refund.orderId);
    const list = order.transactions.filter((transaction) =>
      refund.transactionIds.includes(transaction.id),
    );
    return paginate(
      args.reverse ? [...list].reverse() : list,
      args,
      "transactions",
      byId,
      args.reverse ? -1 : 1,
    );
  },
  orderAdjustments: (_refund, rawArgs) => {
    connectionArgsSchema.parse(rawArgs);
    return emptyConnection;
  },
});

export const jobType = defineType("Job", hasTypename<JobRecord>("Job"), {
  id: (job) => job.id,
  // The payload that starts a job reports it running; the first poll finds it done.
  done: (job) => job.reads > 0,
  query: (job) => (job.reads > 0 ? {} : null),
});

/** Order fields that refunds, cancellations and edits change. */
export function withRemedyOrderFields(
  fields: Readonly<Record<string, FieldResolver<unknown>>>,
): Record<string, FieldResolver<unknown>> {
  const order = (source: unknown): OrderRecord => {
    if (!hasTypename<OrderRecord>("Order")(source)) throw new Error("Order field on a non-order");
    return source;
  };
  return {
    ...fields,
    refunds: (source, rawArgs, context) => {
      const args = firstArgs.parse(rawArgs);
      const list = refundsOf(context.store).refundsOf(order(source).id);
      return args.first === null || args.first === undefined ? list : list.slice(0, args.first);
    },
    totalRefundedSet: (source, _args, context) =>
      moneyBag(
        refundsOf(context.store).totalRefundedCents(order(source).id),
        order(source).currencies,
      ),
    totalRefundedShippingSet: (source, _args, context) =>
      moneyBag(
        refundsOf(context.store).refundedShippingCents(order(source).id),
        order(source).currencies,
      ),
    suggestedRefund: (source, rawArgs, context) =>
      suggestedRefund(context.store, order(source), rawArgs),
    edited: (source, _args, context) => orderEditsOf(context.store).wasEdited(order(source).id),
    // receivedCents is net of refunds, so money given back does not become money owed.
    totalOutstandingSet: (source, _args, context) => {
      const record = order(source);
      return moneyBag(
        record.cancelledAt !== null
          ? 0
          : Math.max(
              0,
              record.totalCents -
                record.receivedCents -
                refundsOf(context.store).totalRefundedCents(record.id),
            ),
        record.currencies,
      );
    },
  };
}

/** LineItem fields that refunds and order-edit discounts change. */
export function withRemedyLineItemFields(
  fields: Readonly<Record<string, FieldResolver<unknown>>>,
): Record<string, FieldResolver<unknown>> {
  const lineItem = (source: unknown): LineItemRecord => {
    if (!hasTypename<LineItemRecord>("LineItem")(source))
      throw new Error("LineItem field on a non-line item");
    return source;
  };
  const refundable = (source: unknown, context: SimulatorContext) => {
    const item = lineItem(source);
    return refundableQuantity(refundsOf(context.store), orderOf(context, item.orderId), item);
  };
  const currencies = (source: unknown, context: SimulatorContext) =>
    orderOf(context, lineItem(source).orderId).currencies;
  return {
    ...fields,
    currentQuantity: (source, _args, context) => refundable(source, context),
    refundableQuantity: (source, _args, context) => refundable(source, context),
    discountedUnitPriceSet: (source, _args, context) =>
      moneyBag(unitPrice(lineItem(source)), currencies(source, context)),
    discountedUnitPriceAfterAllDiscountsSet: (source, _args, context) =>
      moneyBag(unitPrice(lineItem(source)), currencies(source, context)),
    discountedTotalSet: (source, _args, context) =>
      moneyBag(
        unitPrice(lineItem(source)) * lineItem(source).quantity,
        currencies(source, context),
      ),
    totalDiscountSet: (source, _args, context) =>
      moneyBag(
        (lineItem(source).unitDiscountCents ?? 0) * lineItem(source).quantity,
        currencies(source, context),
      ),
    unfulfilledDiscountedTotalSet: (source, _args, context) => {
      const item = lineItem(source);
      return moneyBag(
        unitPrice(item) * (item.quantity - item.fulfilledQuantity),
        currencies(source, context),
      );
    },
  };
}

/** `job(id:)`, and `node(id:)` for refunds, jobs, calculated orders and discount nodes. */
export function withRemedyQueryFields(
  fields: Readonly<Record<string, FieldResolver<unknown>>>,
): Record<string, FieldResolver<unknown>> {
  const baseNode = fields["node"];
  const job = (id: string, context: SimulatorContext) => {
    const record = refundsOf(context.store).job(id);
    if (record) record.reads += 1;
    return record ?? null;
  };
  return {
    ...fields,
    job: (_root, rawArgs, context) => job(idArgs.parse(rawArgs).id, context),
    node: (root, rawArgs, context, info) => {
      const id = idArgs.parse(rawArgs).id;
      const gid = parseGid(id);
      if (gid?.type === "Refund") return refundsOf(context.store).refund(gid.id) ?? null;
      if (gid?.type === "Job") return job(id, context);
      if (gid?.type === "CalculatedOrder") {
        // "January 1, 2026 (version 2026-01): CalculatedOrders for committed order edits will no
        // longer be returned" (https://shopify.dev/changelog/deprecation-notice-calculatedorder-for-committed-order-edits).
        const calculated = orderEditsOf(context.store).calculatedOrder(gid.id);
        return calculated && !calculated.committed ? calculated : null;
      }
      if (gid?.type === "DiscountCodeNode") return discountsOf(context.store).node(gid.id) ?? null;
      return baseNode ? baseNode(root, rawArgs, context, info) : null;
    },
  };
}
