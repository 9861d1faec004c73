// A new, unfulfilled line item for a variant: how the seed, a shopper's new order and an order
// edit's added line all create one, so the three stay the same shape.
import type { LineItemRecord, ProductRecord, VariantRecord } from "./records";

export function newLineItem(input: {
  id: number;
  orderId: number;
  product: ProductRecord;
  variant: VariantRecord;
  quantity: number;
  unitPriceCents: number;
  unitDiscountCents?: number;
}): LineItemRecord {
  const { product, variant } = input;
  return {
    __typename: "LineItem",
    id: input.id,
    orderId: input.orderId,
    productId: product.id,
    variantId: variant.id,
    title: product.title,
    variantTitle: variant.title,
    sku: variant.sku,
    vendor: product.vendor,
    quantity: input.quantity,
    fulfilledQuantity: 0,
    unitPriceCents: input.unitPriceCents,
    ...(input.unitDiscountCents !== undefined
      ? { unitDiscountCents: input.unitDiscountCents }
      : {}),
    requiresShipping: true,
  };
}
