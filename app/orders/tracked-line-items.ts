// A tracked order's `lineItems` column, parsed. The column is JSON written by the import; a row
// written by an older import or by hand must fail here, loudly, not as a wrong promise later.
import { z } from "zod";
import type { PromiseLineItem } from "../promise/lead-time";

const trackedLineItemSchema = z.object({
  quantity: z.number().int().min(0),
  // Rows imported before per-product lead times carry neither; they match no product rule.
  productId: z.string().nullish(),
  variantId: z.string().nullish(),
  productTags: z.array(z.string()).default([]),
  collectionIds: z.array(z.string()).default([]),
});

const trackedLineItemsSchema = z.array(trackedLineItemSchema);

export function parseTrackedLineItems(json: string, orderId: string): PromiseLineItem[] {
  let raw: unknown;
  try {
    raw = JSON.parse(json);
  } catch {
    throw new Error(`Order ${orderId}: lineItems is not JSON`);
  }
  const parsed = trackedLineItemsSchema.safeParse(raw);
  if (!parsed.success)
    throw new Error(
      `Order ${orderId}: lineItems malformed (${parsed.error.issues[0]?.message ?? "?"})`,
    );
  return parsed.data;
}
