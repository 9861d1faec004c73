// Fast readers for the four kinds of line the import's bulk query produces. A 100k-order file has
// about 500,000 lines, and zod's safeParse cost about 50 µs a line there (25 s of a 45 s import),
// so each line is first read by these plain checks; a line they refuse goes to the zod schemas of
// order-row.ts, which stay the authority (their message names the field, and a line they accept is
// taken). The readers only ever refuse more than zod, never less: each builds a fresh object of
// exactly the fragment's fields, typed by the schemas' own types.
import type { z } from "zod";
import type {
  fulfillmentOrderFieldsSchema,
  lineItemFieldsSchema,
  orderFieldsSchema,
} from "../order-row";

export type OrderLine = z.infer<typeof orderFieldsSchema>;
export type LineItemLine = z.infer<typeof lineItemFieldsSchema> & { __parentId: string };
export type FulfillmentOrderLine = z.infer<typeof fulfillmentOrderFieldsSchema> & {
  id: string;
  __parentId: string;
};
export interface CollectionLine {
  id: string;
  __parentId: string;
}

type Fields = Record<string, unknown>;

function isFields(value: unknown): value is Fields {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

const text = (value: unknown): value is string => typeof value === "string";
const textOrNull = (value: unknown): value is string | null =>
  value === null || typeof value === "string";

function textList(value: unknown): string[] | null {
  if (!Array.isArray(value)) return null;
  const out: string[] = [];
  for (const item of value) {
    if (typeof item !== "string") return null;
    out.push(item);
  }
  return out;
}

function money(value: unknown): { amount: string; currencyCode: string } | null {
  if (!isFields(value)) return null;
  const { amount, currencyCode } = value;
  return text(amount) && text(currencyCode) ? { amount, currencyCode } : null;
}

export function readOrderLine(line: Fields): OrderLine | null {
  const { id, name, createdAt, updatedAt, cancelledAt, closedAt, displayFulfillmentStatus } = line;
  const { displayFinancialStatus, email, customer, customerLocale, currentTotalPriceSet } = line;
  const tags = textList(line.tags);
  if (
    !text(id) ||
    !text(name) ||
    !text(createdAt) ||
    !text(updatedAt) ||
    !textOrNull(cancelledAt) ||
    !textOrNull(closedAt) ||
    !text(displayFulfillmentStatus) ||
    !textOrNull(displayFinancialStatus) ||
    !textOrNull(email) ||
    !textOrNull(customerLocale) ||
    tags === null ||
    !isFields(currentTotalPriceSet)
  )
    return null;
  let buyer: OrderLine["customer"] = null;
  if (customer !== null) {
    if (!isFields(customer)) return null;
    const { firstName, lastName } = customer;
    if (!textOrNull(firstName) || !textOrNull(lastName)) return null;
    buyer = { firstName, lastName };
  }
  const shopMoney = money(currentTotalPriceSet.shopMoney);
  const presentmentMoney = money(currentTotalPriceSet.presentmentMoney);
  if (!shopMoney || !presentmentMoney) return null;
  return {
    id,
    name,
    createdAt,
    updatedAt,
    cancelledAt,
    closedAt,
    displayFulfillmentStatus,
    displayFinancialStatus,
    email,
    tags,
    customer: buyer,
    customerLocale,
    currentTotalPriceSet: { shopMoney, presentmentMoney },
  };
}

export function readLineItemLine(line: Fields): LineItemLine | null {
  const { id, title, sku, quantity, unfulfilledQuantity, product, variant, __parentId } = line;
  if (
    !text(id) ||
    !text(title) ||
    !textOrNull(sku) ||
    !Number.isInteger(quantity) ||
    typeof quantity !== "number" ||
    !Number.isInteger(unfulfilledQuantity) ||
    typeof unfulfilledQuantity !== "number" ||
    !text(__parentId)
  )
    return null;
  let item: LineItemLine["product"] = null;
  if (product !== null) {
    if (!isFields(product) || !text(product.id)) return null;
    const tags = textList(product.tags);
    if (tags === null) return null;
    item = { id: product.id, tags };
  }
  // Absent in a file from a bulk query that did not ask for it (see lineItemFieldsSchema).
  let variantOf: LineItemLine["variant"] = variant === null ? null : undefined;
  if (variant !== null && variant !== undefined) {
    if (!isFields(variant) || !text(variant.id)) return null;
    variantOf = { id: variant.id };
  }
  return {
    id,
    title,
    sku,
    quantity,
    unfulfilledQuantity,
    product: item,
    variant: variantOf,
    __parentId,
  };
}

export function readFulfillmentOrderLine(line: Fields): FulfillmentOrderLine | null {
  const { id, status, fulfillBy, __parentId } = line;
  if (!text(id) || !text(status) || !textOrNull(fulfillBy) || !text(__parentId)) return null;
  return { id, status, fulfillBy, __parentId };
}

export function readCollectionLine(line: Fields): CollectionLine | null {
  const { id, __parentId } = line;
  return text(id) && text(__parentId) ? { id, __parentId } : null;
}

export { isFields };
