// The simulator's plain in-memory records. Money is kept in integer cents and times in epoch
// milliseconds: 100k orders must fit in memory, and the resolvers format them on the way out.
// Order amounts are in the order's presentment currency (see currency.ts); catalogue prices and
// customers' totals are in the shop's currency.
// Every record carries `__typename`, which is how the GraphQL type resolver picks the concrete
// type behind `Node` and other interfaces.

import type { OrderCurrencies } from "./currency";

export type ShopPlan = "STANDARD" | "ADVANCED" | "PLUS";

export interface AddressRecord {
  firstName: string;
  lastName: string;
  company: string | null;
  address1: string;
  address2: string | null;
  city: string;
  province: string;
  provinceCode: string;
  zip: string;
  country: string;
  countryCode: string;
  phone: string | null;
}

export interface ShopRecord {
  __typename: "Shop";
  id: number;
  name: string;
  email: string;
  myshopifyDomain: string;
  primaryDomainHost: string;
  ianaTimezone: string;
  /** The shop's own currency (ISO 4217), the one its catalogue is priced in. */
  currencyCode: string;
  /** Currencies buyers may pay in besides the shop's own (Shop.enabledPresentmentCurrencies). */
  presentmentCurrencies: string[];
  plan: ShopPlan;
  createdAt: number;
  billingAddress: AddressRecord;
  shopOwnerName: string;
  /**
   * The shop's languages (QueryRoot.shopLocales: "the locales enabled on a shop", one `primary`,
   * "the default locale for the shop"). English alone, primary and published, when absent.
   */
  locales?: ShopLocaleRecord[];
}

export interface ShopLocaleRecord {
  /** ISO code ("en", "fr", "pt-BR"). */
  locale: string;
  primary: boolean;
  /** "Whether the locale is visible to buyers." */
  published: boolean;
}

export interface LocationRecord {
  __typename: "Location";
  id: number;
  name: string;
  /** The shop's primary location: where Shopify restocks when no location is named. */
  primary: boolean;
  address: AddressRecord;
}

export interface ProductRecord {
  __typename: "Product";
  id: number;
  title: string;
  handle: string;
  vendor: string;
  productType: string;
  description: string;
  tags: string[];
  status: "ACTIVE" | "DRAFT" | "ARCHIVED";
  createdAt: number;
  updatedAt: number;
  publishedAt: number | null;
  optionName: string;
  variantIds: number[];
  collectionIds: number[];
  /** Days the workshop needs to make one; 0 for items kept in stock. */
  makeDays: number;
}

export interface VariantRecord {
  __typename: "ProductVariant";
  id: number;
  productId: number;
  title: string;
  sku: string;
  priceCents: number;
  position: number;
  inventoryQuantity: number;
  createdAt: number;
  updatedAt: number;
}

export interface CollectionRecord {
  __typename: "Collection";
  id: number;
  title: string;
  handle: string;
  updatedAt: number;
}

export interface CustomerRecord {
  __typename: "Customer";
  id: number;
  firstName: string;
  lastName: string;
  email: string;
  phone: string | null;
  tags: string[];
  createdAt: number;
  updatedAt: number;
  address: AddressRecord;
  acceptsMarketing: boolean;
  orderIds: number[];
  amountSpentCents: number;
}

export interface LineItemRecord {
  __typename: "LineItem";
  id: number;
  orderId: number;
  productId: number;
  variantId: number;
  title: string;
  variantTitle: string;
  sku: string;
  vendor: string;
  quantity: number;
  fulfilledQuantity: number;
  unitPriceCents: number;
  /** Per-unit line discount (an order edit's orderEditAddLineItemDiscount); absent = none. */
  unitDiscountCents?: number;
  requiresShipping: boolean;
}

export interface ShippingLineRecord {
  __typename: "ShippingLine";
  id: number;
  orderId: number;
  title: string;
  code: string;
  source: string;
  priceCents: number;
}

export type TransactionKind = "AUTHORIZATION" | "CAPTURE" | "SALE" | "VOID" | "REFUND";
export type TransactionStatus = "SUCCESS" | "PENDING" | "FAILURE";

export interface TransactionRecord {
  __typename: "OrderTransaction";
  id: number;
  orderId: number;
  kind: TransactionKind;
  status: TransactionStatus;
  gateway: string;
  amountCents: number;
  processedAt: number;
  test: boolean;
}

export type FulfillmentOrderStatus =
  | "OPEN"
  | "IN_PROGRESS"
  | "CLOSED"
  | "CANCELLED"
  | "SCHEDULED"
  | "ON_HOLD";

export interface FulfillmentOrderLineItemRecord {
  __typename: "FulfillmentOrderLineItem";
  id: number;
  lineItemId: number;
  totalQuantity: number;
  remainingQuantity: number;
}

export type FulfillmentHoldReason =
  | "AWAITING_PAYMENT"
  | "AWAITING_RETURN_ITEMS"
  | "HIGH_RISK_OF_FRAUD"
  | "INCORRECT_ADDRESS"
  | "INVENTORY_OUT_OF_STOCK"
  | "ONLINE_STORE_POST_PURCHASE_CROSS_SELL"
  | "OTHER"
  | "UNKNOWN_DELIVERY_DATE";

/** A hold placed with fulfillmentOrderHold (store/fulfillment-holds.ts); every hold is the app's own. */
export interface FulfillmentHoldRecord {
  __typename: "FulfillmentHold";
  id: number;
  fulfillmentOrderId: number;
  reason: FulfillmentHoldReason;
  reasonNotes: string | null;
  /** "" when none was given, as Shopify defaults it. */
  handle: string;
  createdAt: number;
}

export interface FulfillmentOrderRecord {
  __typename: "FulfillmentOrder";
  id: number;
  orderId: number;
  status: FulfillmentOrderStatus;
  requestStatus: "UNSUBMITTED";
  createdAt: number;
  updatedAt: number;
  fulfillAt: number | null;
  fulfillBy: number | null;
  /** The location that fulfils it (FulfillmentOrder.assignedLocation), and where its units go back to stock. */
  assignedLocationId: number;
  lineItems: FulfillmentOrderLineItemRecord[];
  /** Active holds (FulfillmentOrder.fulfillmentHolds); absent = none. */
  holds?: FulfillmentHoldRecord[];
  /** The status to return to when the last hold is released (OPEN or SCHEDULED). */
  statusBeforeHold?: FulfillmentOrderStatus;
}

export interface FulfillmentTrackingRecord {
  __typename: "FulfillmentTrackingInfo";
  company: string | null;
  number: string | null;
  url: string | null;
}

/** A fulfillment made with fulfillmentCreate (store/fulfillments.ts). */
export interface FulfillmentRecord {
  __typename: "Fulfillment";
  id: number;
  orderId: number;
  name: string;
  status: "SUCCESS";
  createdAt: number;
  locationId: number;
  fulfillmentOrderIds: number[];
  /** Order line items and the units of each this fulfillment shipped. */
  lineItems: { lineItemId: number; quantity: number }[];
  trackingInfo: FulfillmentTrackingRecord[];
  notifyCustomer: boolean;
}

export type FinancialStatus =
  | "PAID"
  | "AUTHORIZED"
  | "PENDING"
  | "VOIDED"
  | "PARTIALLY_PAID"
  | "REFUNDED"
  | "PARTIALLY_REFUNDED"
  | "EXPIRED";
export type FulfillmentStatus = "UNFULFILLED" | "PARTIALLY_FULFILLED" | "FULFILLED";
export type CancelReason = "CUSTOMER" | "DECLINED" | "FRAUD" | "INVENTORY" | "OTHER" | "STAFF";

export interface OrderRecord {
  __typename: "Order";
  id: number;
  /**
   * Order.customerLocale, "the customer's language and region preference at the time of purchase":
   * the storefront language the buyer checked out in. When absent, from the address
   * (store/currency.ts, customerLocaleOf).
   */
  customerLocale?: string;
  number: number;
  name: string;
  email: string | null;
  customerId: number | null;
  createdAt: number;
  updatedAt: number;
  processedAt: number;
  closedAt: number | null;
  cancelledAt: number | null;
  cancelReason: CancelReason | null;
  test: boolean;
  tags: string[];
  note: string | null;
  sourceName: string;
  /** The shop's and the buyer's currency and the rate between them; every *Cents below is presentment money. */
  currencies: OrderCurrencies;
  financialStatus: FinancialStatus;
  fulfillmentStatus: FulfillmentStatus;
  shippingAddress: AddressRecord;
  lineItems: LineItemRecord[];
  shippingLines: ShippingLineRecord[];
  fulfillmentOrders: FulfillmentOrderRecord[];
  /** Fulfillments created through the API (Order.fulfillments); absent = none. */
  fulfillments?: FulfillmentRecord[];
  transactions: TransactionRecord[];
  subtotalCents: number;
  shippingCents: number;
  totalCents: number;
  /** What the customer actually paid so far (captured/sold, minus refunds). */
  receivedCents: number;
}
