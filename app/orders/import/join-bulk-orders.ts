// Joins the lines of an order-import bulk operation back into orders. shopify.dev "Perform bulk
// operations with the GraphQL Admin API" (https://shopify.dev/docs/api/usage/bulk-operations/queries):
// the result is JSONL, one node a line, and each node of a nested connection is a line of its own
// carrying `__parentId`, the id of the node it hangs off. Since API 2026-01 a child line (line item,
// fulfillment order, a line item's collection) is not guaranteed to follow its parent, or even to
// come after it, so nothing is decided until the last line is in: lines are parsed and kept in
// compact maps by parent id, and orders are assembled at the end. The file is never held as text;
// only the parsed fields the rows need.
//
// A line that is not JSON, or not a line this query produces, is counted and reported (the first
// few with their line number and reason, never their text: it holds customer data) and the rest
// of the file is still imported.
import { z } from "zod";
import {
  fulfillmentOrderFieldsSchema,
  lineItemFieldsSchema,
  orderFieldsSchema,
  type ImportedLineItem,
  type ImportedOrder,
} from "../order-row";
import { gidType } from "../../admin-api/gid";
import {
  isFields,
  readCollectionLine,
  readFulfillmentOrderLine,
  readLineItemLine,
  readOrderLine,
  type FulfillmentOrderLine,
  type LineItemLine,
  type OrderLine,
} from "./bulk-line-readers";

// The authority on each kind of line (the fast readers only ever refuse more).
const lineItemLineSchema = lineItemFieldsSchema.extend({ __parentId: z.string() });
const fulfillmentOrderLineSchema = fulfillmentOrderFieldsSchema.extend({
  id: z.string(),
  __parentId: z.string(),
});
const collectionLineSchema = z.object({ id: z.string(), __parentId: z.string() });

/** How many refused lines are described in the report; the rest are counted. */
const DESCRIBED = 5;

/** The number after a gid's last "/", for Shopify's own order of children. */
function gidNumber(id: string): number {
  return Number(id.slice(id.lastIndexOf("/") + 1));
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

const byNumber = <T extends { n: number }>(a: T, b: T) => a.n - b.n;

/** A line the fast reader refused, by the schema: its data, or the schema's reason. */
function checked<T>(line: unknown, type: string, schema: z.ZodType<T, z.ZodTypeDef, unknown>): T {
  const parsed = schema.safeParse(line);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0];
  throw new BulkLineError(`${type} ${issue?.path.join(".") ?? ""} ${issue?.message ?? ""}`);
}

export interface JoinResult {
  orders: number;
  /** Child lines whose parent never appeared (Shopify dropped it, or it was filtered out). */
  orphans: number;
  /** Lines that were not JSON or not a line of this query, left out. */
  refused: number;
  /** The first few refused lines: "line 17: not JSON". */
  refusedLines: string[];
}

export class BulkLineError extends Error {
  override name = "BulkLineError";
}

export class BulkOrderJoiner {
  private readonly orders = new Map<string, OrderLine>();
  private readonly lineItemsByOrder = new Map<string, Array<{ n: number; line: LineItemLine }>>();
  private readonly fulfillmentOrdersByOrder = new Map<
    string,
    Array<{ n: number; line: FulfillmentOrderLine }>
  >();
  private readonly collectionsByLineItem = new Map<string, Array<{ n: number; id: string }>>();
  private refused = 0;
  private readonly refusedLines: string[] = [];
  lines = 0;

  private refuse(lineNumber: number, reason: string): void {
    this.refused += 1;
    if (this.refusedLines.length < DESCRIBED)
      this.refusedLines.push(`line ${lineNumber}: ${reason}`);
  }

  /** One line's text as the file has it; a blank line is skipped, a line that is not JSON refused. */
  addText(text: string, lineNumber: number): void {
    if (text.length === 0 || !text.trim()) return;
    let value: unknown;
    try {
      value = JSON.parse(text);
    } catch {
      this.lines += 1;
      this.refuse(lineNumber, "not JSON");
      return;
    }
    this.add(value, lineNumber);
  }

  /** One parsed line. A line this query does not produce is refused and reported. */
  add(line: unknown, lineNumber = this.lines + 1): void {
    this.lines += 1;
    try {
      this.take(line);
    } catch (error) {
      if (!(error instanceof BulkLineError)) throw error;
      this.refuse(lineNumber, error.message);
    }
  }

  private take(line: unknown): void {
    const id = isFields(line) && typeof line.id === "string" ? line.id : null;
    const type = id ? gidType(id) : null;
    if (!isFields(line) || type === null) throw new BulkLineError("not a line with a Shopify id");
    // The fast reader first; the schema decides when it refuses (and says why).
    switch (type) {
      case "Order": {
        const order = readOrderLine(line) ?? checked(line, type, orderFieldsSchema);
        this.orders.set(order.id, order);
        return;
      }
      case "LineItem": {
        const item = readLineItemLine(line) ?? checked(line, type, lineItemLineSchema);
        push(this.lineItemsByOrder, item.__parentId, { n: gidNumber(item.id), line: item });
        return;
      }
      case "FulfillmentOrder": {
        const fo =
          readFulfillmentOrderLine(line) ?? checked(line, type, fulfillmentOrderLineSchema);
        push(this.fulfillmentOrdersByOrder, fo.__parentId, { n: gidNumber(fo.id), line: fo });
        return;
      }
      case "Collection": {
        const collection = readCollectionLine(line) ?? checked(line, type, collectionLineSchema);
        push(this.collectionsByLineItem, collection.__parentId, {
          n: gidNumber(collection.id),
          id: collection.id,
        });
        return;
      }
      default:
        throw new BulkLineError(`unexpected ${type}`);
    }
  }

  /** Every joined order, children in id order (Shopify's own order), whatever the line order was. */
  *orderList(): Generator<ImportedOrder> {
    for (const order of this.orders.values()) {
      const items = this.lineItemsByOrder.get(order.id) ?? [];
      if (items.length > 1) items.sort(byNumber);
      const lineItems: ImportedLineItem[] = items.map(({ line: item }) => {
        const collections = this.collectionsByLineItem.get(item.id);
        if (collections && collections.length > 1) collections.sort(byNumber);
        return {
          id: item.id,
          title: item.title,
          sku: item.sku,
          quantity: item.quantity,
          unfulfilledQuantity: item.unfulfilledQuantity,
          product: item.product
            ? {
                id: item.product.id,
                tags: item.product.tags,
                collectionIds: collections ? collections.map((c) => c.id) : [],
              }
            : null,
          ...(item.variant ? { variant: item.variant } : {}),
        };
      });
      const fos = this.fulfillmentOrdersByOrder.get(order.id) ?? [];
      if (fos.length > 1) fos.sort(byNumber);
      const fulfillmentOrders = fos.map(({ line }) => ({
        status: line.status,
        fulfillBy: line.fulfillBy,
      }));
      yield { ...order, lineItems, fulfillmentOrders };
    }
  }

  result(): JoinResult {
    let orphans = 0;
    const lineItemIds = new Set<string>();
    for (const [orderId, items] of this.lineItemsByOrder) {
      if (!this.orders.has(orderId)) orphans += items.length;
      else for (const { line } of items) lineItemIds.add(line.id);
    }
    for (const [orderId, fos] of this.fulfillmentOrdersByOrder)
      if (!this.orders.has(orderId)) orphans += fos.length;
    // A collection under an orphaned line item is dropped with it.
    for (const [lineItemId, collections] of this.collectionsByLineItem)
      if (!lineItemIds.has(lineItemId)) orphans += collections.length;
    return {
      orders: this.orders.size,
      orphans,
      refused: this.refused,
      refusedLines: [...this.refusedLines],
    };
  }
}
