// Order edits as Shopify stages them: orderEditBegin opens a calculated order; each orderEdit*
// mutation stages a change on it; orderEditCommit applies them all to the order at once. Nothing
// touches the order before commit, and a committed calculated order takes no more changes.
import { toPresentmentPrice } from "./currency";
import type { LineItemRecord, OrderRecord, ShippingLineRecord } from "./records";
import { touch, type UserErrorRecord } from "./refunds";
import type { ShopStore } from "./shop-store";
import { newLineItem } from "./line-items";

/** A MoneyInput as an order edit takes it: cents and the currency it claims to be in. */
export interface EditMoney {
  cents: number;
  currencyCode: string;
}

/**
 * Prices in an order edit are charged to the buyer, so they are in the order's presentment
 * currency: Shopify edits "an order after it's paid in a different currency" in that currency
 * (https://help.shopify.com/en/manual/fulfillment/managing-orders/editing-orders/considerations,
 * "Currency"). The simulator refuses any other currency; the wording of the error is ours.
 */
export function editCurrencyError(
  order: OrderRecord,
  money: EditMoney,
  field: string[],
): UserErrorRecord | null {
  if (money.currencyCode === order.currencies.presentment) return null;
  return {
    field,
    message: `The currency ${money.currencyCode} does not match the order's currency ${order.currencies.presentment}.`,
    code: "INVALID",
  };
}

export interface AddedLineRecord {
  __typename: "CalculatedLineItem";
  id: number;
  calculatedOrderId: number;
  variantId: number;
  quantity: number;
  unitPriceCents: number;
  discount: StagedDiscountRecord | null;
}

export interface StagedDiscountRecord {
  __typename: "OrderStagedChangeAddLineItemDiscount";
  id: number;
  description: string;
  percent: number | null;
  fixedCents: number | null;
  /** Per unit, capped at the unit price. */
  unitDiscountCents: number;
}

export interface StagedShippingLineRecord {
  __typename: "CalculatedShippingLine";
  id: number;
  orderId: number;
  /** The order's shipping line it changes, or null for one added in this edit. */
  shippingLineId: number | null;
  title: string;
  priceCents: number;
  status: "ADDED" | "NONE";
}

export interface CalculatedOrderRecord {
  __typename: "CalculatedOrder";
  id: number;
  orderId: number;
  createdAt: number;
  committed: boolean;
  added: AddedLineRecord[];
  shippingLines: StagedShippingLineRecord[];
  notifyCustomer: boolean;
  staffNote: string | null;
}

/** What orders/edited reports: the committed edit and the line items it added. */
export interface OrderEditEvent {
  __typename: "OrderEditEvent";
  edit: CalculatedOrderRecord;
  addedLineItemIds: number[];
  committedAt: number;
}

export class OrderEdits {
  private readonly calculated = new Map<number, CalculatedOrderRecord>();
  private readonly edited = new Set<number>();
  private nextId = 9_400_000_000;

  constructor(private readonly store: ShopStore) {}

  calculatedOrder(id: number): CalculatedOrderRecord | undefined {
    return this.calculated.get(id);
  }

  wasEdited(orderId: number): boolean {
    return this.edited.has(orderId);
  }

  begin(orderId: number): CalculatedOrderRecord | { userErrors: UserErrorRecord[] } {
    const order = this.store.order(orderId);
    if (!order) return { userErrors: [{ field: ["id"], message: "The order does not exist." }] };
    if (order.cancelledAt !== null)
      return {
        userErrors: [
          { field: ["id"], message: "The order cannot be edited because it has been cancelled." },
        ],
      };
    const record: CalculatedOrderRecord = {
      __typename: "CalculatedOrder",
      id: this.nextId++,
      orderId,
      createdAt: Date.now(),
      committed: false,
      added: [],
      shippingLines: order.shippingLines.map((line) => ({
        __typename: "CalculatedShippingLine",
        id: line.id,
        orderId,
        shippingLineId: line.id,
        title: line.title,
        priceCents: line.priceCents,
        status: "NONE",
      })),
      notifyCustomer: false,
      staffNote: null,
    };
    this.calculated.set(record.id, record);
    return record;
  }

  /** The open calculated order, or the userErrors Shopify gives for a missing or closed one. */
  open(id: number): CalculatedOrderRecord | { userErrors: UserErrorRecord[] } {
    const record = this.calculated.get(id);
    if (!record)
      return { userErrors: [{ field: ["id"], message: "The calculated order does not exist." }] };
    if (record.committed)
      return {
        userErrors: [
          { field: ["id"], message: "The calculated order has already been committed." },
        ],
      };
    return record;
  }

  addVariant(
    record: CalculatedOrderRecord,
    variantId: number,
    quantity: number,
    allowDuplicates: boolean,
  ): AddedLineRecord | { userErrors: UserErrorRecord[] } {
    const variant = this.store.variant(variantId);
    if (!variant)
      return { userErrors: [{ field: ["variantId"], message: "The variant does not exist." }] };
    if (quantity < 1)
      return { userErrors: [{ field: ["quantity"], message: "Quantity must be greater than 0." }] };
    const order = this.orderOf(record);
    const duplicate =
      order.lineItems.some((item) => item.variantId === variantId) ||
      record.added.some((line) => line.variantId === variantId);
    if (duplicate && !allowDuplicates)
      return {
        userErrors: [
          {
            field: ["variantId"],
            message: "The variant is already on the order. Set allowDuplicates to add it again.",
          },
        ],
      };
    const line: AddedLineRecord = {
      __typename: "CalculatedLineItem",
      id: this.nextId++,
      calculatedOrderId: record.id,
      variantId,
      quantity,
      unitPriceCents: toPresentmentPrice(variant.priceCents, order.currencies),
      discount: null,
    };
    record.added.push(line);
    return line;
  }

  addDiscount(
    record: CalculatedOrderRecord,
    lineId: number,
    discount: { description: string; percent: number | null; fixed: EditMoney | null },
  ): AddedLineRecord | { userErrors: UserErrorRecord[] } {
    const wrongCurrency = discount.fixed
      ? editCurrencyError(this.orderOf(record), discount.fixed, [
          "discount",
          "fixedValue",
          "currencyCode",
        ])
      : null;
    if (wrongCurrency) return { userErrors: [wrongCurrency] };
    const fixedCents = discount.fixed?.cents ?? null;
    const line = record.added.find((candidate) => candidate.id === lineId);
    // Only lines added in this edit are simulated here; discounting existing lines is not.
    if (!line)
      return {
        userErrors: [
          {
            field: ["lineItemId"],
            message:
              "The line item does not exist on this calculated order, or it was not added in this edit.",
          },
        ],
      };
    if ((discount.percent === null) === (fixedCents === null))
      return {
        userErrors: [
          { field: ["discount"], message: "Provide exactly one of percentValue or fixedValue." },
        ],
      };
    if (discount.percent !== null && (discount.percent <= 0 || discount.percent > 100))
      return {
        userErrors: [
          {
            field: ["discount", "percentValue"],
            message: "Percent value must be greater than 0 and at most 100.",
          },
        ],
      };
    if (fixedCents !== null && fixedCents <= 0)
      return {
        userErrors: [
          { field: ["discount", "fixedValue"], message: "Fixed value must be greater than 0." },
        ],
      };
    if (line.discount)
      return {
        userErrors: [
          { field: ["lineItemId"], message: "The line item already has a staged discount." },
        ],
      };
    const unitDiscountCents =
      discount.percent !== null
        ? Math.round((line.unitPriceCents * discount.percent) / 100)
        : Math.min(line.unitPriceCents, fixedCents ?? 0);
    line.discount = {
      __typename: "OrderStagedChangeAddLineItemDiscount",
      id: this.nextId++,
      description: discount.description,
      percent: discount.percent,
      fixedCents,
      unitDiscountCents,
    };
    return line;
  }

  addShippingLine(
    record: CalculatedOrderRecord,
    title: string,
    price: EditMoney,
  ): StagedShippingLineRecord | { userErrors: UserErrorRecord[] } {
    const priceCents = price.cents;
    const wrongCurrency = editCurrencyError(this.orderOf(record), price, [
      "shippingLine",
      "price",
      "currencyCode",
    ]);
    if (wrongCurrency) return { userErrors: [wrongCurrency] };
    if (!title.trim())
      return {
        userErrors: [
          { field: ["shippingLine", "title"], message: "Title can't be blank", code: "INVALID" },
        ],
      };
    if (priceCents < 0)
      return {
        userErrors: [
          {
            field: ["shippingLine", "price"],
            message: "Price must be greater than or equal to 0",
            code: "INVALID",
          },
        ],
      };
    const line: StagedShippingLineRecord = {
      __typename: "CalculatedShippingLine",
      id: this.nextId++,
      orderId: record.orderId,
      shippingLineId: null,
      title,
      priceCents,
      status: "ADDED",
    };
    record.shippingLines.push(line);
    return line;
  }

  updateShippingLine(
    record: CalculatedOrderRecord,
    id: number,
    change: { title?: string | null; price?: EditMoney | null },
  ): StagedShippingLineRecord | { userErrors: UserErrorRecord[] } {
    const line = record.shippingLines.find((candidate) => candidate.id === id);
    const wrongCurrency = change.price
      ? editCurrencyError(this.orderOf(record), change.price, [
          "shippingLine",
          "price",
          "currencyCode",
        ])
      : null;
    if (wrongCurrency) return { userErrors: [wrongCurrency] };
    const priceCents = change.price?.cents ?? null;
    if (!line)
      return {
        userErrors: [
          {
            field: ["shippingLineId"],
            message: "The shipping line does not exist on this calculated order.",
            code: "INVALID",
          },
        ],
      };
    if (change.title !== null && change.title !== undefined && !change.title.trim())
      return {
        userErrors: [
          { field: ["shippingLine", "title"], message: "Title can't be blank", code: "INVALID" },
        ],
      };
    if (priceCents !== null && priceCents < 0)
      return {
        userErrors: [
          {
            field: ["shippingLine", "price"],
            message: "Price must be greater than or equal to 0",
            code: "INVALID",
          },
        ],
      };
    if (change.title) line.title = change.title;
    if (priceCents !== null) line.priceCents = priceCents;
    return line;
  }

  /** Applies every staged change to the order in one step. */
  commit(
    record: CalculatedOrderRecord,
    notifyCustomer: boolean,
    staffNote: string | null,
    at = Date.now(),
  ): OrderRecord | { userErrors: UserErrorRecord[] } {
    const order = this.orderOf(record);
    if (order.cancelledAt !== null)
      return {
        userErrors: [
          { field: ["id"], message: "The order cannot be edited because it has been cancelled." },
        ],
      };
    let lineItemId = nextId(
      this.store.orders.flatMap((o) => o.lineItems.map((item) => item.id)),
      14_000_000_000,
    );
    let foLineId = nextId(
      this.store.orders.flatMap((o) =>
        o.fulfillmentOrders.flatMap((fo) => fo.lineItems.map((line) => line.id)),
      ),
      15_000_000_000,
    );
    let shippingId = nextId(
      this.store.orders.flatMap((o) => o.shippingLines.map((line) => line.id)),
      4_400_000_000,
    );
    const newItems: LineItemRecord[] = record.added.map((line) => {
      const variant = this.store.variant(line.variantId);
      const product = variant ? this.store.product(variant.productId) : undefined;
      if (!variant || !product)
        throw new Error(`Simulator store is inconsistent: no variant ${line.variantId}`);
      return newLineItem({
        id: lineItemId++,
        orderId: order.id,
        product,
        variant,
        quantity: line.quantity,
        unitPriceCents: line.unitPriceCents,
        ...(line.discount ? { unitDiscountCents: line.discount.unitDiscountCents } : {}),
      });
    });
    order.lineItems.push(...newItems);
    const openFo = order.fulfillmentOrders.find(
      (fo) =>
        fo.status === "OPEN" ||
        fo.status === "IN_PROGRESS" ||
        fo.status === "SCHEDULED" ||
        fo.status === "ON_HOLD",
    );
    if (newItems.length > 0) {
      const foLines = newItems.map((item) => ({
        __typename: "FulfillmentOrderLineItem" as const,
        id: foLineId++,
        lineItemId: item.id,
        totalQuantity: item.quantity,
        remainingQuantity: item.quantity,
      }));
      if (openFo) {
        openFo.lineItems.push(...foLines);
        openFo.updatedAt = at;
      } else {
        order.fulfillmentOrders.push({
          __typename: "FulfillmentOrder",
          id: nextId(
            this.store.orders.flatMap((o) => o.fulfillmentOrders.map((fo) => fo.id)),
            6_600_000_000,
          ),
          orderId: order.id,
          status: "OPEN",
          requestStatus: "UNSUBMITTED",
          createdAt: at,
          updatedAt: at,
          fulfillAt: at,
          fulfillBy: null,
          assignedLocationId: this.store.primaryLocation().id,
          lineItems: foLines,
        });
      }
    }
    for (const staged of record.shippingLines) {
      if (staged.shippingLineId === null) {
        const line: ShippingLineRecord = {
          __typename: "ShippingLine",
          id: shippingId++,
          orderId: order.id,
          title: staged.title,
          code: "custom",
          source: "shopify",
          priceCents: staged.priceCents,
        };
        order.shippingLines.push(line);
      } else {
        const existing = order.shippingLines.find((line) => line.id === staged.shippingLineId);
        if (existing) {
          existing.title = staged.title;
          existing.priceCents = staged.priceCents;
        }
      }
    }
    order.subtotalCents += newItems.reduce(
      (sum, item) => sum + item.quantity * (item.unitPriceCents - (item.unitDiscountCents ?? 0)),
      0,
    );
    order.shippingCents = order.shippingLines.reduce((sum, line) => sum + line.priceCents, 0);
    order.totalCents = order.subtotalCents + order.shippingCents;
    if (order.totalCents > order.receivedCents && order.financialStatus === "PAID")
      order.financialStatus = "PARTIALLY_PAID";
    if (staffNote) order.note = order.note ? `${order.note}\n${staffNote}` : staffNote;
    record.committed = true;
    record.notifyCustomer = notifyCustomer;
    record.staffNote = staffNote;
    this.store.reindexOrder(order);
    this.edited.add(order.id);
    touch(order, at);
    const edited: OrderEditEvent = {
      __typename: "OrderEditEvent",
      edit: record,
      addedLineItemIds: newItems.map((item) => item.id),
      committedAt: at,
    };
    this.store.emit(
      { topic: "orders/edited", record: edited },
      { topic: "orders/updated", record: order },
    );
    return order;
  }

  orderOf(record: CalculatedOrderRecord): OrderRecord {
    const order = this.store.order(record.orderId);
    if (!order) throw new Error(`Simulator store is inconsistent: no order ${record.orderId}`);
    return order;
  }
}

function nextId(values: Iterable<number>, floor: number): number {
  let max = floor;
  for (const value of values) if (value > max) max = value;
  return max + 1;
}

const edits = new WeakMap<ShopStore, OrderEdits>();

export function orderEditsOf(store: ShopStore): OrderEdits {
  let value = edits.get(store);
  if (!value) {
    value = new OrderEdits(store);
    edits.set(store, value);
  }
  return value;
}
