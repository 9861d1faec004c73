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

/** Children in Shopify's own order: by the number of their gid (few per parent, rarely unsorted). */
const byGidNumber = (a: { id: string }, b: { id: string }) => gidNumber(a.id) - gidNumber(b.id);
const byGid = (a: string, b: string) => gidNumber(a) - gidNumber(b);

/**
 * An order id's lines: its order line (null until it comes, and for ever if it never does) and
 * the children that named it, attached as they are read, so nothing is looked up again at the end.
 */
interface OrderEntry {
  order: OrderLine | null;
  lineItems: LineItemLine[];
  fulfillmentOrders: FulfillmentOrderLine[];
  /** Handed out by readyOrders(); `changed` when a line of it came after that. */
  handedOut: boolean;
  changed: boolean;
}

/** A line item id's collections, and the order entries its line item lines hang off. */
interface CollectionsEntry {
  ids: string[];
  owners: OrderEntry[];
}

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
  private readonly orders = new Map<string, OrderEntry>();
  private readonly collectionsByLineItem = new Map<string, CollectionsEntry>();
  /** Orders by the line their order line came on, for readyOrders(). */
  private readonly arrivals: { line: number; entry: OrderEntry }[] = [];
  private nextArrival = 0;
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
        const entry = this.entry(order.id);
        if (!entry.order) this.arrivals.push({ line: this.lines, entry });
        entry.order = order;
        this.touch(entry);
        return;
      }
      case "LineItem": {
        const item = readLineItemLine(line) ?? checked(line, type, lineItemLineSchema);
        const owner = this.entry(item.__parentId);
        owner.lineItems.push(item);
        this.touch(owner);
        this.collections(item.id).owners.push(owner);
        return;
      }
      case "FulfillmentOrder": {
        const fo =
          readFulfillmentOrderLine(line) ?? checked(line, type, fulfillmentOrderLineSchema);
        const owner = this.entry(fo.__parentId);
        owner.fulfillmentOrders.push(fo);
        this.touch(owner);
        return;
      }
      case "Collection": {
        const collection = readCollectionLine(line) ?? checked(line, type, collectionLineSchema);
        const entry = this.collections(collection.__parentId);
        entry.ids.push(collection.id);
        for (const owner of entry.owners) this.touch(owner);
        return;
      }
      default:
        throw new BulkLineError(`unexpected ${type}`);
    }
  }

  /** A line of an order already handed out: it must be handed out again at the end. */
  private touch(entry: OrderEntry): void {
    if (entry.handedOut) entry.changed = true;
  }

  private entry(orderId: string): OrderEntry {
    let entry = this.orders.get(orderId);
    if (!entry) {
      entry = {
        order: null,
        lineItems: [],
        fulfillmentOrders: [],
        handedOut: false,
        changed: false,
      };
      this.orders.set(orderId, entry);
    }
    return entry;
  }

  private collections(lineItemId: string): CollectionsEntry {
    let entry = this.collectionsByLineItem.get(lineItemId);
    if (!entry) {
      entry = { ids: [], owners: [] };
      this.collectionsByLineItem.set(lineItemId, entry);
    }
    return entry;
  }

  /** Every joined order, children in id order (Shopify's own order), whatever the line order was. */
  *orderList(): Generator<ImportedOrder> {
    for (const entry of this.orders.values()) {
      const order = this.assemble(entry);
      if (order) yield order;
    }
  }

  /**
   * The orders whose order line came at least `afterLines` lines ago, each once, while the file is
   * still being read, so they can be written while the rest is parsed. An order may still gain a
   * line after that (nothing in the file says when an order is complete): laterOrders() hands it
   * out again, so the last write of every order is the whole of it.
   */
  *readyOrders(afterLines: number): Generator<ImportedOrder> {
    const before = this.lines - afterLines;
    while (this.nextArrival < this.arrivals.length) {
      const arrival = this.arrivals[this.nextArrival];
      if (!arrival || arrival.line > before) return;
      this.nextArrival += 1;
      const order = this.assemble(arrival.entry);
      arrival.entry.handedOut = true;
      if (order) yield order;
    }
  }

  /** Once the file is read: the orders readyOrders() never handed out, or that changed since. */
  *laterOrders(): Generator<ImportedOrder> {
    for (const entry of this.orders.values()) {
      if (entry.handedOut && !entry.changed) continue;
      const order = this.assemble(entry);
      if (order) yield order;
    }
  }

  private assemble(entry: OrderEntry): ImportedOrder | null {
    const { order, lineItems: items, fulfillmentOrders: fos } = entry;
    if (!order) return null;
    if (items.length > 1) items.sort(byGidNumber);
    const lineItems: ImportedLineItem[] = items.map((item) => {
      const collections = this.collectionsByLineItem.get(item.id)?.ids ?? [];
      if (collections.length > 1) collections.sort(byGid);
      return {
        id: item.id,
        title: item.title,
        sku: item.sku,
        quantity: item.quantity,
        unfulfilledQuantity: item.unfulfilledQuantity,
        product: item.product
          ? { id: item.product.id, tags: item.product.tags, collectionIds: [...collections] }
          : null,
        ...(item.variant ? { variant: item.variant } : {}),
      };
    });
    if (fos.length > 1) fos.sort(byGidNumber);
    const fulfillmentOrders = fos.map((fo) => ({ status: fo.status, fulfillBy: fo.fulfillBy }));
    return { ...order, lineItems, fulfillmentOrders };
  }

  result(): JoinResult {
    let orders = 0;
    let orphans = 0;
    for (const entry of this.orders.values()) {
      if (entry.order) orders += 1;
      else orphans += entry.lineItems.length + entry.fulfillmentOrders.length;
    }
    // A collection under an orphaned line item (or none) is dropped with it.
    for (const { ids, owners } of this.collectionsByLineItem.values())
      if (!owners.some((owner) => owner.order)) orphans += ids.length;
    return {
      orders,
      orphans,
      refused: this.refused,
      refusedLines: [...this.refusedLines],
    };
  }
}
