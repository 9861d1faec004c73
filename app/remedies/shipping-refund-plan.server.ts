// The plan of the shipping cost back: for each order, the shipping Shopify would refund now, asked
// of Shopify itself, because the local copy of the orders keeps no shipping and only Shopify knows
// what is left after earlier refunds, discounts and shipping tax. The amount is
// Order.suggestedRefund(refundShipping: true).amountSet, the very suggestion the job refunds from
// (refund.server.ts, SHIPPING_REFUND_SUGGESTION): "refundShipping: Whether to refund the full
// shipping amount", "amountSet: The total monetary value to be refunded in shop and presentment
// currencies" (https://shopify.dev/docs/api/admin-graphql/latest/objects/Order#field-Order.fields.suggestedRefund,
// https://shopify.dev/docs/api/admin-graphql/latest/objects/SuggestedRefund). So the frozen list,
// the money limits and what the job refunds are one number, in both currencies (decision 008).
import { z } from "zod";
import type { AdminClient } from "../admin-api/graphql.server";
import { currencyCodeSchema } from "../admin-api/enums";
import type { PlannedItem } from "../jobs/job-kind";
import { toMinorUnits } from "../jobs/money";

export const SHIPPING_REFUND_PLAN = `#graphql
  query RemedyShippingRefundPlan($ids: [ID!]!) {
    nodes(ids: $ids) {
      ... on Order {
        id
        cancelledAt
        suggestedRefund(refundShipping: true) {
          amountSet { shopMoney { amount currencyCode } presentmentMoney { amount currencyCode } }
        }
      }
    }
  }
`;

const moneyV2 = z.object({ amount: z.string(), currencyCode: currencyCodeSchema });
const planData = z.object({
  nodes: z.array(
    z
      .object({
        id: z.string().optional(),
        cancelledAt: z.string().nullable().optional(),
        suggestedRefund: z
          .object({ amountSet: z.object({ shopMoney: moneyV2, presentmentMoney: moneyV2 }) })
          .nullable()
          .optional(),
      })
      .nullable(),
  ),
});

// 50 orders cost about 250 points (five objects each), well under a query's limit of 1,000
// (https://shopify.dev/docs/api/usage/limits#graphql-admin-api-rate-limits).
const BATCH = 50;

/**
 * Each order that has shipping left to refund, with that amount in shop and presentment money, in
 * the order given. An order Shopify does not find, a cancelled one, or one with nothing left to
 * refund is left out (it cannot take the remedy).
 */
export async function planShippingRefunds(
  admin: AdminClient,
  orderIds: readonly string[],
): Promise<PlannedItem[]> {
  const found = new Map<string, PlannedItem>();
  for (let start = 0; start < orderIds.length; start += BATCH) {
    const data = await admin.request(SHIPPING_REFUND_PLAN, planData, {
      ids: orderIds.slice(start, start + BATCH),
    });
    for (const node of data.nodes) {
      const money = node?.suggestedRefund?.amountSet;
      if (!node?.id || node.cancelledAt || !money) continue;
      if (toMinorUnits(money.shopMoney.amount) <= 0) continue;
      found.set(node.id, {
        orderId: node.id,
        amount: money.shopMoney.amount,
        presentment: {
          amount: money.presentmentMoney.amount,
          currencyCode: money.presentmentMoney.currencyCode,
        },
      });
    }
  }
  return orderIds.flatMap((id) => {
    const item = found.get(id);
    return item ? [item] : [];
  });
}
