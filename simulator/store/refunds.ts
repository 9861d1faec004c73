// Refunds and cancellations as Shopify makes them. A refund moves money only through its
// transactions (the app passes suggestedRefund's suggestedTransactions); its line items say what
// was given back and whether it returns to stock. State sits beside the seeded ShopStore in a
// WeakMap, so the seed stays untouched and each test's store starts with no refunds.
import { dropHolds } from "./fulfillment-holds";
import { describeMoney, isMultiCurrency } from "./currency";
import type { CancelReason, LineItemRecord, OrderRecord, TransactionRecord } from "./records";
import type { ShopStore } from "./shop-store";

export type RestockType = "CANCEL" | "RETURN" | "NO_RESTOCK" | "LEGACY_RESTOCK";

export interface RefundLineRecord {
  id: number;
  lineItemId: number;
  quantity: number;
  restockType: RestockType;
  restocked: boolean;
  /** Where the units went back to stock (RefundLineItem.location); null when not restocked. */
  locationId: number | null;
  /** Per unit, after line discounts. */
  unitPriceCents: number;
}

export interface RefundRecord {
  __typename: "Refund";
  id: number;
  orderId: number;
  createdAt: number;
  processedAt: number;
  note: string | null;
  /** Whether Shopify would have emailed the customer (it sends its own template). */
  notify: boolean;
  lines: RefundLineRecord[];
  shippingCents: number;
  transactionIds: number[];
  totalCents: number;
}

export interface JobRecord {
  __typename: "Job";
  id: string;
  /** How many times `job(id:)` has been read; the first payload says not done yet. */
  reads: number;
}

export interface RefundTransactionInput {
  amountCents: number;
  gateway: string;
  kind: string;
  parentId: number | null;
}

export interface RefundRequest {
  orderId: number;
  note?: string | null;
  notify?: boolean | null;
  /** `locationId` undefined = not named (Shopify then uses the primary location); -1 = an id that is not a location. */
  lines: {
    lineItemId: number;
    quantity: number;
    restockType: RestockType;
    locationId?: number | null;
  }[];
  /** RefundInput.currency: the currency of the amounts below. */
  currency?: string | null;
  /** undefined = none; "full" = everything not yet refunded. */
  shipping?: { fullRefund: boolean; amountCents: number | null };
  transactions: RefundTransactionInput[];
  allowOverRefunding?: boolean;
  at?: number;
}

export interface UserErrorRecord {
  field: string[] | null;
  message: string;
  code?: string;
}

export class RefundLedger {
  private readonly byOrder = new Map<number, RefundRecord[]>();
  private readonly byId = new Map<number, RefundRecord>();
  private readonly jobs = new Map<string, JobRecord>();
  private nextRefundId = 9_100_000_000;
  private nextLineId = 9_200_000_000;
  private nextJobId = 9_300_000_000;

  constructor(private readonly store: ShopStore) {}

  refundsOf(orderId: number): readonly RefundRecord[] {
    return this.byOrder.get(orderId) ?? [];
  }

  refund(id: number): RefundRecord | undefined {
    return this.byId.get(id);
  }

  refundedQuantity(lineItemId: number, orderId: number): number {
    let total = 0;
    for (const refund of this.refundsOf(orderId))
      for (const line of refund.lines) if (line.lineItemId === lineItemId) total += line.quantity;
    return total;
  }

  refundedShippingCents(orderId: number): number {
    return this.refundsOf(orderId).reduce((sum, refund) => sum + refund.shippingCents, 0);
  }

  totalRefundedCents(orderId: number): number {
    return this.refundsOf(orderId).reduce((sum, refund) => sum + refund.totalCents, 0);
  }

  newJob(): JobRecord {
    const job: JobRecord = {
      __typename: "Job",
      id: `gid://shopify/Job/${this.nextJobId++}`,
      reads: 0,
    };
    this.jobs.set(job.id, job);
    return job;
  }

  job(id: string): JobRecord | undefined {
    return this.jobs.get(id);
  }

  /** Validates everything first; nothing changes unless the whole refund is valid. */
  create(
    request: RefundRequest,
  ): { refund: RefundRecord; order: OrderRecord } | { userErrors: UserErrorRecord[] } {
    const order = this.store.order(request.orderId);
    if (!order) return { userErrors: [{ field: ["orderId"], message: "Order does not exist" }] };
    const errors: UserErrorRecord[] = [];
    // RefundInput.currency "must be the presentment currency, which is the currency used by the
    // customer. This is a required field for orders where the currency and presentment currency
    // differ" (https://shopify.dev/docs/api/admin-graphql/latest/input-objects/RefundInput). The
    // messages are ours: Shopify's exact wording is not documented.
    const presentment = order.currencies.presentment;
    if (
      request.currency !== undefined &&
      request.currency !== null &&
      request.currency !== presentment
    ) {
      errors.push({
        field: ["currency"],
        message: `Currency must be the order's presentment currency, ${presentment}, not ${request.currency}`,
      });
    } else if (
      (request.currency === undefined || request.currency === null) &&
      isMultiCurrency(order.currencies) &&
      request.transactions.length > 0
    ) {
      errors.push({
        field: ["currency"],
        message: `Currency is required: this order was paid in ${presentment} and the shop's currency is ${order.currencies.shop}`,
      });
    }
    const lines: RefundLineRecord[] = [];
    request.lines.forEach((input, index) => {
      const item = order.lineItems.find((candidate) => candidate.id === input.lineItemId);
      if (!item) {
        errors.push({
          field: ["refundLineItems", String(index), "lineItemId"],
          message: "Line item does not exist",
        });
        return;
      }
      if (input.quantity > refundableQuantity(this, order, item) || input.quantity < 0) {
        errors.push({
          field: ["refundLineItems", String(index), "quantity"],
          message: "Quantity cannot refund more items than were purchased",
        });
        return;
      }
      if (input.restockType === "LEGACY_RESTOCK") {
        errors.push({
          field: ["refundLineItems", String(index), "restockType"],
          message: "Restock type legacy_restock is not accepted for new refunds",
        });
        return;
      }
      const restocked = input.restockType !== "NO_RESTOCK";
      // "The intended location for restocking" (RefundLineItemInput.locationId); none named means the primary location.
      const location =
        input.locationId === undefined || input.locationId === null
          ? this.store.primaryLocation()
          : this.store.location(input.locationId);
      if (restocked && !location) {
        errors.push({
          field: ["refundLineItems", String(index), "locationId"],
          message: "Location does not exist",
        });
        return;
      }
      lines.push({
        id: 0,
        lineItemId: item.id,
        quantity: input.quantity,
        restockType: input.restockType,
        restocked,
        locationId: restocked ? (location?.id ?? null) : null,
        unitPriceCents: unitPrice(item),
      });
    });
    const shippingLeft = order.shippingCents - this.refundedShippingCents(order.id);
    let shippingCents = 0;
    if (request.shipping) {
      shippingCents =
        request.shipping.amountCents ?? (request.shipping.fullRefund ? shippingLeft : 0);
      if (shippingCents > shippingLeft)
        errors.push({
          field: ["shipping", "amount"],
          message: `Shipping refund amount ${describeMoney(shippingCents, presentment)} is greater than the refundable shipping ${describeMoney(shippingLeft, presentment)}`,
        });
    }
    for (const [index, transaction] of request.transactions.entries()) {
      if (transaction.kind !== "REFUND")
        errors.push({
          field: ["transactions", String(index), "kind"],
          message: `Kind ${transaction.kind.toLowerCase()} is not a valid transaction`,
        });
      const parent =
        transaction.parentId === null
          ? undefined
          : order.transactions.find((candidate) => candidate.id === transaction.parentId);
      if (
        transaction.parentId !== null &&
        (!parent || (parent.kind !== "SALE" && parent.kind !== "CAPTURE"))
      ) {
        errors.push({
          field: ["transactions"],
          message: "Transactions require a parent_id associated with the order",
        });
      }
      if (transaction.amountCents <= 0)
        errors.push({
          field: ["transactions", String(index), "amount"],
          message: "Amount must be greater than 0",
        });
    }
    const totalCents = request.transactions.reduce(
      (sum, transaction) => sum + transaction.amountCents,
      0,
    );
    if (!request.allowOverRefunding && totalCents > order.receivedCents) {
      errors.push({
        field: null,
        message: `Refund amount ${describeMoney(totalCents, presentment)} is greater than net payment received ${describeMoney(order.receivedCents, presentment)}`,
      });
    }
    if (errors.length > 0) return { userErrors: errors };
    if (lines.length === 0 && shippingCents === 0 && totalCents === 0)
      return {
        userErrors: [
          {
            field: null,
            message: "Refund must have at least one line item, shipping, or transaction",
          },
        ],
      };

    const at = request.at ?? Date.now();
    const transactions: TransactionRecord[] = request.transactions.map((input) => {
      const parent =
        input.parentId === null
          ? undefined
          : order.transactions.find((candidate) => candidate.id === input.parentId);
      return {
        __typename: "OrderTransaction",
        id: nextTransactionId(this.store),
        orderId: order.id,
        kind: "REFUND",
        status: "SUCCESS",
        gateway: parent?.gateway ?? input.gateway,
        amountCents: input.amountCents,
        processedAt: at,
        test: order.test,
      };
    });
    const refund: RefundRecord = {
      __typename: "Refund",
      id: this.nextRefundId++,
      orderId: order.id,
      createdAt: at,
      processedAt: at,
      note: request.note ?? null,
      notify: request.notify ?? false,
      lines: lines.map((line) => ({ ...line, id: this.nextLineId++ })),
      shippingCents,
      transactionIds: [],
      totalCents,
    };
    for (const transaction of transactions) {
      order.transactions.push(transaction);
      refund.transactionIds.push(transaction.id);
    }
    for (const line of refund.lines) restock(this.store, order, line);
    order.receivedCents -= totalCents;
    if (totalCents > 0)
      order.financialStatus = order.receivedCents <= 0 ? "REFUNDED" : "PARTIALLY_REFUNDED";
    touch(order, at);
    const list = this.byOrder.get(order.id) ?? [];
    list.push(refund);
    this.byOrder.set(order.id, list);
    this.byId.set(refund.id, refund);
    this.store.emit(
      { topic: "refunds/create", record: refund },
      { topic: "orders/updated", record: order },
    );
    return { refund, order };
  }

  /** orderCancel's checks and effect; the optional full refund goes through `create`. */
  cancel(input: {
    orderId: number;
    reason: CancelReason;
    refund: boolean;
    restock: boolean;
    notifyCustomer: boolean;
    staffNote: string | null;
    at?: number;
  }): { order: OrderRecord } | { userErrors: UserErrorRecord[] } {
    const order = this.store.order(input.orderId);
    if (!order)
      return {
        userErrors: [{ field: ["orderId"], message: "Order not found", code: "NOT_FOUND" }],
      };
    if (order.cancelledAt !== null)
      return {
        userErrors: [
          { field: ["orderId"], message: "Order has already been cancelled", code: "INVALID" },
        ],
      };
    if (order.lineItems.some((item) => item.fulfilledQuantity > 0))
      return {
        userErrors: [
          {
            field: ["orderId"],
            message: "Cannot cancel an order with fulfilled line items",
            code: "INVALID",
          },
        ],
      };
    if (order.financialStatus === "PENDING")
      return {
        userErrors: [
          {
            field: ["orderId"],
            message: "Cannot cancel an order with pending payments",
            code: "INVALID",
          },
        ],
      };
    const at = input.at ?? Date.now();
    const restockType: RestockType = input.restock ? "CANCEL" : "NO_RESTOCK";
    // Shopify restocks a cancelled order's units where they were to be fulfilled from.
    const lines = order.lineItems
      .map((item) => ({
        lineItemId: item.id,
        quantity: refundableQuantity(this, order, item),
        restockType,
        locationId: restockLocationId(order, item.id),
      }))
      .filter((line) => line.quantity > 0);
    if (input.refund && order.receivedCents > 0) {
      const transactions = suggestedTransactionsFor(order, order.receivedCents).map(
        (suggestion) => ({
          amountCents: suggestion.amountCents,
          gateway: suggestion.parent.gateway,
          kind: "REFUND",
          parentId: suggestion.parent.id,
        }),
      );
      const result = this.create({
        orderId: order.id,
        lines,
        currency: order.currencies.presentment,
        shipping: { fullRefund: true, amountCents: null },
        transactions,
        notify: input.notifyCustomer,
        note: input.staffNote,
        at,
      });
      if ("userErrors" in result)
        return { userErrors: result.userErrors.map((error) => ({ ...error, code: "INVALID" })) };
    } else if (input.restock) {
      for (const line of lines)
        restock(this.store, order, { id: 0, ...line, restocked: true, unitPriceCents: 0 });
    }
    order.cancelledAt = at;
    order.cancelReason = input.reason;
    order.closedAt = at;
    if (input.staffNote)
      order.note = order.note ? `${order.note}\n${input.staffNote}` : input.staffNote;
    // orderCancel's documented conditions name no fulfillment hold: a held order cancels, and its
    // fulfillment orders close with their holds (shopify.dev orderCancel).
    for (const fo of order.fulfillmentOrders) {
      fo.status = "CLOSED";
      fo.updatedAt = at;
      dropHolds(fo);
      for (const line of fo.lineItems) line.remainingQuantity = 0;
    }
    // An authorization that was never captured is released.
    if (order.financialStatus === "AUTHORIZED") order.financialStatus = "VOIDED";
    touch(order, at);
    this.store.emit(
      { topic: "orders/cancelled", record: order },
      { topic: "orders/updated", record: order },
    );
    return { order };
  }
}

const ledgers = new WeakMap<ShopStore, RefundLedger>();

export function refundsOf(store: ShopStore): RefundLedger {
  let ledger = ledgers.get(store);
  if (!ledger) {
    ledger = new RefundLedger(store);
    ledgers.set(store, ledger);
  }
  return ledger;
}

export function unitPrice(item: LineItemRecord): number {
  return item.unitPriceCents - (item.unitDiscountCents ?? 0);
}

export function refundableQuantity(
  ledger: RefundLedger,
  order: OrderRecord,
  item: LineItemRecord,
): number {
  if (order.cancelledAt !== null) return 0;
  return Math.max(0, item.quantity - ledger.refundedQuantity(item.id, order.id));
}

/** Money comes back on the transactions that took it, newest capture first. */
export function suggestedTransactionsFor(
  order: OrderRecord,
  amountCents: number,
): { amountCents: number; parent: TransactionRecord; maximumCents: number }[] {
  const refundedByGateway = order.transactions
    .filter((t) => t.kind === "REFUND" && t.status === "SUCCESS")
    .reduce((sum, t) => sum + t.amountCents, 0);
  let alreadyRefunded = refundedByGateway;
  const parents = order.transactions.filter(
    (t) => (t.kind === "SALE" || t.kind === "CAPTURE") && t.status === "SUCCESS",
  );
  const result: { amountCents: number; parent: TransactionRecord; maximumCents: number }[] = [];
  let left = amountCents;
  for (const parent of parents) {
    const used = Math.min(parent.amountCents, alreadyRefunded);
    alreadyRefunded -= used;
    const maximumCents = parent.amountCents - used;
    if (maximumCents <= 0) continue;
    const take = Math.min(left, maximumCents);
    if (take > 0) result.push({ amountCents: take, parent, maximumCents });
    left -= take;
  }
  return result;
}

function restock(store: ShopStore, order: OrderRecord, line: RefundLineRecord): void {
  if (line.restockType === "NO_RESTOCK") return;
  const item = order.lineItems.find((candidate) => candidate.id === line.lineItemId);
  const variant = item ? store.variant(item.variantId) : undefined;
  if (variant) variant.inventoryQuantity += line.quantity;
  // A cancelled unit leaves the fulfillment order: nobody should make or ship it any more.
  if (line.restockType !== "CANCEL") return;
  let left = line.quantity;
  for (const fo of order.fulfillmentOrders) {
    for (const foLine of fo.lineItems) {
      if (foLine.lineItemId !== line.lineItemId || left === 0) continue;
      const take = Math.min(left, foLine.remainingQuantity);
      foLine.remainingQuantity -= take;
      left -= take;
    }
    if (fo.status !== "CLOSED" && fo.lineItems.every((foLine) => foLine.remainingQuantity === 0)) {
      fo.status = "CLOSED";
      dropHolds(fo);
    }
  }
}

// Scanning every order per refund would be slow on 100k orders: scan once, then only the newest
// order (checkouts append orders, and take ids above every existing transaction).
const transactionCounters = new WeakMap<ShopStore, number>();
function nextTransactionId(store: ShopStore): number {
  let max = transactionCounters.get(store);
  if (max === undefined) {
    max = 7_700_000_000;
    for (const order of store.orders)
      for (const transaction of order.transactions) if (transaction.id > max) max = transaction.id;
  }
  for (const transaction of store.orders.at(-1)?.transactions ?? [])
    if (transaction.id > max) max = transaction.id;
  transactionCounters.set(store, max + 1);
  return max + 1;
}

/** The location a line item's units would be fulfilled from, so where they go back to stock. */
export function restockLocationId(order: OrderRecord, lineItemId: number): number | null {
  const fo = order.fulfillmentOrders.find((candidate) =>
    candidate.lineItems.some((line) => line.lineItemId === lineItemId),
  );
  return fo?.assignedLocationId ?? null;
}

// Shopify's DateTime has second precision; a change must move updatedAt past the old value.
export function touch(order: OrderRecord, at: number): void {
  order.updatedAt = Math.max(at, Math.floor(order.updatedAt / 1000) * 1000 + 1000);
}
