// Joins the lines of an order-import bulk operation back into orders. Since API 2026-01 a child
// line (line item, fulfillment order, a line item's collection) is not guaranteed to follow its
// parent, or even to come after it, so nothing is decided until the last line is in: lines are
// parsed and kept in compact maps by parent id, and orders are assembled at the end. The file is
// never held as text; only the parsed fields the rows need.
import { z } from "zod";
import {
  fulfillmentOrderFieldsSchema,
  lineItemFieldsSchema,
  orderFieldsSchema,
  type ImportedLineItem,
  type ImportedOrder,
} from "../order-row";
import { gidId, gidType } from "../../admin-api/gid";

// The fragments' fields (order-row.ts), plus what a bulk line adds: its parent and, for a
// fulfillment order, the id the bulk query selects to tell the lines apart.
const orderLineSchema = orderFieldsSchema;
const lineItemLineSchema = lineItemFieldsSchema.extend({ __parentId: z.string() });
const fulfillmentOrderLineSchema = fulfillmentOrderFieldsSchema.extend({
  id: z.string(),
  __parentId: z.string(),
});
const collectionLineSchema = z.object({ id: z.string(), __parentId: z.string() });

type OrderLine = z.infer<typeof orderLineSchema>;
type LineItemLine = z.infer<typeof lineItemLineSchema>;
type FulfillmentOrderLine = z.infer<typeof fulfillmentOrderLineSchema>;

export class BulkLineError extends Error {
  override name = "BulkLineError";
}

function gidNumber(id: string): number {
  return Number(gidId(id));
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

export interface JoinResult {
  orders: number;
  /** Child lines whose parent never appeared (Shopify dropped it, or it was filtered out). */
  orphans: number;
}

export class BulkOrderJoiner {
  private readonly orders = new Map<string, OrderLine>();
  private readonly lineItemsByOrder = new Map<string, LineItemLine[]>();
  private readonly fulfillmentOrdersByOrder = new Map<string, FulfillmentOrderLine[]>();
  private readonly collectionsByLineItem = new Map<string, string[]>();
  lines = 0;

  /** Takes one parsed JSONL line. Unknown kinds of lines are an error: the query and this join must agree. */
  add(line: unknown): void {
    this.lines += 1;
    const id =
      typeof line === "object" && line !== null && "id" in line && typeof line.id === "string"
        ? line.id
        : null;
    const type = id ? gidType(id) : null;
    const parse = <T extends z.ZodTypeAny>(schema: T): z.infer<T> => {
      const parsed = schema.safeParse(line);
      if (!parsed.success)
        throw new BulkLineError(
          `Line ${this.lines} (${type ?? "?"}): ${parsed.error.issues[0]?.path.join(".") ?? ""} ${parsed.error.issues[0]?.message ?? ""}`,
        );
      return parsed.data;
    };
    switch (type) {
      case "Order": {
        const order = parse(orderLineSchema);
        this.orders.set(order.id, order);
        return;
      }
      case "LineItem": {
        const item = parse(lineItemLineSchema);
        push(this.lineItemsByOrder, item.__parentId, item);
        return;
      }
      case "FulfillmentOrder": {
        const fo = parse(fulfillmentOrderLineSchema);
        push(this.fulfillmentOrdersByOrder, fo.__parentId, fo);
        return;
      }
      case "Collection": {
        const collection = parse(collectionLineSchema);
        push(this.collectionsByLineItem, collection.__parentId, collection.id);
        return;
      }
      default:
        throw new BulkLineError(
          `Line ${this.lines}: unexpected ${type ?? "line without a Shopify id"}`,
        );
    }
  }

  /** Every joined order, children in id order (Shopify's own order), whatever the line order was. */
  *orderList(): Generator<ImportedOrder> {
    for (const order of this.orders.values()) {
      const lineItems: ImportedLineItem[] = (this.lineItemsByOrder.get(order.id) ?? [])
        .slice()
        .sort((a, b) => gidNumber(a.id) - gidNumber(b.id))
        .map((item) => ({
          id: item.id,
          title: item.title,
          sku: item.sku,
          quantity: item.quantity,
          unfulfilledQuantity: item.unfulfilledQuantity,
          product: item.product
            ? {
                id: item.product.id,
                tags: item.product.tags,
                collectionIds: [...(this.collectionsByLineItem.get(item.id) ?? [])].sort(
                  (a, b) => gidNumber(a) - gidNumber(b),
                ),
              }
            : null,
        }));
      const fulfillmentOrders = (this.fulfillmentOrdersByOrder.get(order.id) ?? [])
        .slice()
        .sort((a, b) => gidNumber(a.id) - gidNumber(b.id))
        .map((fo) => ({ status: fo.status, fulfillBy: fo.fulfillBy }));
      yield { ...order, lineItems, fulfillmentOrders };
    }
  }

  result(): JoinResult {
    let orphans = 0;
    for (const [orderId, items] of this.lineItemsByOrder)
      if (!this.orders.has(orderId)) orphans += items.length;
    for (const [orderId, fos] of this.fulfillmentOrdersByOrder)
      if (!this.orders.has(orderId)) orphans += fos.length;
    // A collection under an orphaned line item is dropped with it.
    const lineItemIds = new Set(
      [...this.lineItemsByOrder]
        .filter(([orderId]) => this.orders.has(orderId))
        .flatMap(([, items]) => items.map((item) => item.id)),
    );
    for (const [lineItemId, collections] of this.collectionsByLineItem)
      if (!lineItemIds.has(lineItemId)) orphans += collections.length;
    return { orders: this.orders.size, orphans };
  }
}
