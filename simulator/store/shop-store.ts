// One simulated shop's data. Plain arrays (in creation order, i.e. ascending id) plus id lookups,
// so tests can compare an API answer with the records it came from.
import { randomUUID } from "node:crypto";
import type { ResolvedSeedOptions } from "./options";
import type {
  CollectionRecord,
  CustomerRecord,
  FulfillmentOrderRecord,
  LineItemRecord,
  LocationRecord,
  OrderRecord,
  ProductRecord,
  ShopRecord,
  VariantRecord,
} from "./records";

export interface ShopStoreData {
  shop: ShopRecord;
  locations: LocationRecord[];
  collections: CollectionRecord[];
  products: ProductRecord[];
  variants: VariantRecord[];
  customers: CustomerRecord[];
  orders: OrderRecord[];
}

/** A change other parts of the simulator react to (webhook delivery); `record` is the changed record. */
export interface StoreEvent {
  topic: string;
  record: { __typename: string };
}

/**
 * A change as listeners see it. `eventId` is shared by every change one action emits (a refund is
 * refunds/create and orders/updated): Shopify's X-Shopify-Event-Id is "a unique ID shared across all
 * deliveries produced by the same merchant action" (shopify.dev, Webhooks delivery structure).
 */
export interface EmittedStoreEvent extends StoreEvent {
  eventId: string;
  triggeredAt: Date;
}

export class ShopStore {
  readonly options: ResolvedSeedOptions;
  readonly shop: ShopRecord;
  readonly locations: readonly LocationRecord[];
  readonly collections: readonly CollectionRecord[];
  readonly products: readonly ProductRecord[];
  readonly variants: readonly VariantRecord[];
  readonly customers: readonly CustomerRecord[];
  private readonly orderList: OrderRecord[];
  private readonly listeners = new Set<(event: EmittedStoreEvent) => void>();

  private readonly collectionsById: Map<number, CollectionRecord>;
  private readonly productsById: Map<number, ProductRecord>;
  private readonly variantsById: Map<number, VariantRecord>;
  private readonly customersById: Map<number, CustomerRecord>;
  private readonly ordersById: Map<number, OrderRecord>;
  private readonly fulfillmentOrdersById = new Map<number, FulfillmentOrderRecord>();
  private readonly lineItemsById = new Map<number, LineItemRecord>();

  constructor(options: ResolvedSeedOptions, data: ShopStoreData) {
    this.options = options;
    this.shop = data.shop;
    this.locations = data.locations;
    this.collections = data.collections;
    this.products = data.products;
    this.variants = data.variants;
    this.customers = data.customers;
    this.orderList = data.orders;
    this.collectionsById = byId(data.collections);
    this.productsById = byId(data.products);
    this.variantsById = byId(data.variants);
    this.customersById = byId(data.customers);
    this.ordersById = byId(data.orders);
    for (const order of data.orders) {
      for (const fulfillmentOrder of order.fulfillmentOrders)
        this.fulfillmentOrdersById.set(fulfillmentOrder.id, fulfillmentOrder);
      for (const lineItem of order.lineItems) this.lineItemsById.set(lineItem.id, lineItem);
    }
  }

  get orders(): readonly OrderRecord[] {
    return this.orderList;
  }

  /** Adds a new order (ids above every existing one) with its line items and fulfillment orders. */
  addOrder(order: OrderRecord): void {
    this.orderList.push(order);
    this.ordersById.set(order.id, order);
    for (const fulfillmentOrder of order.fulfillmentOrders)
      this.fulfillmentOrdersById.set(fulfillmentOrder.id, fulfillmentOrder);
    for (const lineItem of order.lineItems) this.lineItemsById.set(lineItem.id, lineItem);
  }

  /** Indexes line items and fulfillment orders added to an existing order (an order edit's commit). */
  reindexOrder(order: OrderRecord): void {
    for (const fulfillmentOrder of order.fulfillmentOrders)
      this.fulfillmentOrdersById.set(fulfillmentOrder.id, fulfillmentOrder);
    for (const lineItem of order.lineItems) this.lineItemsById.set(lineItem.id, lineItem);
  }

  onChange(listener: (event: EmittedStoreEvent) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Reports the changes of one action (one mutation, one control): they share one event id. */
  emit(...events: StoreEvent[]): void {
    const eventId = randomUUID();
    const triggeredAt = new Date();
    for (const event of events) {
      for (const listener of this.listeners) listener({ ...event, eventId, triggeredAt });
    }
  }

  location(id: number): LocationRecord | undefined {
    return this.locations.find((location) => location.id === id);
  }
  /** Where stock goes back when a refund names no location. */
  primaryLocation(): LocationRecord {
    const primary = this.locations.find((location) => location.primary) ?? this.locations[0];
    if (!primary) throw new Error("Simulator store is inconsistent: the shop has no location");
    return primary;
  }
  collection(id: number): CollectionRecord | undefined {
    return this.collectionsById.get(id);
  }
  product(id: number): ProductRecord | undefined {
    return this.productsById.get(id);
  }
  variant(id: number): VariantRecord | undefined {
    return this.variantsById.get(id);
  }
  customer(id: number): CustomerRecord | undefined {
    return this.customersById.get(id);
  }
  order(id: number): OrderRecord | undefined {
    return this.ordersById.get(id);
  }
  fulfillmentOrder(id: number): FulfillmentOrderRecord | undefined {
    return this.fulfillmentOrdersById.get(id);
  }
  lineItem(id: number): LineItemRecord | undefined {
    return this.lineItemsById.get(id);
  }

  /** The record behind a GID's type and number, for `node(id:)`; undefined for unknown ids. */
  findNode(type: string, id: number): { __typename: string } | undefined {
    switch (type) {
      case "Shop":
        return id === this.shop.id ? this.shop : undefined;
      case "Order":
        return this.order(id);
      case "Location":
        return this.location(id);
      case "Product":
        return this.product(id);
      case "ProductVariant":
        return this.variant(id);
      case "Customer":
        return this.customer(id);
      case "Collection":
        return this.collection(id);
      case "FulfillmentOrder":
        return this.fulfillmentOrder(id);
      case "LineItem":
        return this.lineItem(id);
      default:
        return undefined;
    }
  }
}

function byId<T extends { id: number }>(records: readonly T[]): Map<number, T> {
  return new Map(records.map((record) => [record.id, record]));
}
