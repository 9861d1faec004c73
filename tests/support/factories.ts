// Test data for the late-orders pages: TrackedOrder rows, either built one by one with sensible
// defaults or converted from the simulator's seeded store, the way the order import stores them
// (one row per order, line items as JSON with the product's tags and collections).
import type { Prisma, PrismaClient } from "@prisma/client";
import { customerLocaleOf, toShopCents } from "@delay-desk/simulator/store/currency";
import type { ShopStore } from "@delay-desk/simulator/store/shop-store";

export type TrackedOrderRow = Prisma.TrackedOrderCreateManyInput;

let sequence = 0;

export interface TrackedOrderLine {
  quantity: number;
  remaining?: number;
  productTags?: string[];
  collectionIds?: string[];
  title?: string;
}

/** One unfulfilled order: 1 unit, placed at `createdAt`, no Shopify promise. */
export function trackedOrder(
  shop: string,
  overrides: Partial<TrackedOrderRow> & { lines?: TrackedOrderLine[] } = {},
): TrackedOrderRow {
  sequence += 1;
  const { lines, ...rest } = overrides;
  const lineItems = (lines ?? [{ quantity: rest.unitsRemaining ?? 1 }]).map((line, index) => ({
    id: `gid://shopify/LineItem/${sequence * 10 + index}`,
    title: line.title ?? "Walnut & Leather Phone Case",
    sku: null,
    quantity: line.quantity,
    remaining: line.remaining ?? line.quantity,
    productId: `gid://shopify/Product/${index + 1}`,
    productTags: line.productTags ?? ["made-to-order"],
    collectionIds: line.collectionIds ?? [],
  }));
  const units = lineItems.reduce((sum, line) => sum + line.quantity, 0);
  const remaining = lineItems.reduce((sum, line) => sum + line.remaining, 0);
  const createdAt = rest.createdAt ?? new Date("2026-11-20T15:00:00Z");
  return {
    shop,
    id: `gid://shopify/Order/${9_000_000 + sequence}`,
    name: `#${1000 + sequence}`,
    createdAt,
    updatedAt: createdAt,
    displayFulfillmentStatus: "UNFULFILLED",
    displayFinancialStatus: "PAID",
    email: `customer${sequence}@example.com`,
    customerFirstName: "Ava",
    customerLastName: "Chen",
    totalAmount: "58.00",
    currencyCode: "USD",
    unitsOrdered: units,
    unitsRemaining: remaining,
    lineItems: JSON.stringify(lineItems),
    ...rest,
  };
}

const gid = (type: string, id: number) => `gid://shopify/${type}/${id}`;

/** Every order of a seeded simulator store, as the import would store it. */
export function trackedOrdersFromStore(store: ShopStore): TrackedOrderRow[] {
  return store.orders.map((order) => {
    const customer = order.customerId === null ? undefined : store.customer(order.customerId);
    const openFulfillBy = order.fulfillmentOrders
      .filter((fo) => fo.status !== "CLOSED" && fo.status !== "CANCELLED")
      .map((fo) => fo.fulfillBy)
      .filter((at): at is number => at !== null);
    const lineItems = order.lineItems.map((item) => {
      const product = store.product(item.productId);
      return {
        id: gid("LineItem", item.id),
        title: item.title,
        sku: item.sku,
        quantity: item.quantity,
        remaining: item.quantity - item.fulfilledQuantity,
        productId: gid("Product", item.productId),
        productTags: product?.tags ?? [],
        collectionIds: (product?.collectionIds ?? []).map((id) => gid("Collection", id)),
      };
    });
    return {
      shop: store.shop.myshopifyDomain,
      id: gid("Order", order.id),
      name: order.name,
      createdAt: new Date(order.createdAt),
      updatedAt: new Date(order.updatedAt),
      cancelledAt: order.cancelledAt === null ? null : new Date(order.cancelledAt),
      closedAt: order.closedAt === null ? null : new Date(order.closedAt),
      displayFulfillmentStatus: order.fulfillmentStatus,
      displayFinancialStatus: order.financialStatus,
      email: order.email,
      customerFirstName: customer?.firstName ?? null,
      customerLastName: customer?.lastName ?? null,
      // As sync stores it: currentTotalPriceSet.shopMoney, the shop's currency.
      totalAmount: (toShopCents(order.totalCents, order.currencies) / 100).toFixed(2),
      currencyCode: order.currencies.shop,
      presentmentAmount: (order.totalCents / 100).toFixed(2),
      presentmentCurrencyCode: order.currencies.presentment,
      customerLocale: order.customerLocale ?? customerLocaleOf(order.shippingAddress),
      unitsOrdered: lineItems.reduce((sum, item) => sum + item.quantity, 0),
      unitsRemaining:
        order.cancelledAt === null ? lineItems.reduce((sum, item) => sum + item.remaining, 0) : 0,
      fulfillBy: openFulfillBy.length > 0 ? new Date(Math.min(...openFulfillBy)) : null,
      lineItems: JSON.stringify(lineItems),
      tags: JSON.stringify(order.tags),
    };
  });
}

export async function insertTrackedOrders(
  db: Pick<PrismaClient, "trackedOrder">,
  rows: readonly TrackedOrderRow[],
): Promise<void> {
  // Chunks keep each INSERT under SQLite's bound-parameter limit.
  for (let start = 0; start < rows.length; start += 500) {
    await db.trackedOrder.createMany({ data: rows.slice(start, start + 500) });
  }
}

/** A Prisma client on a fresh, migrated test database, for service tests that need no Shopify. */
export async function openTestDatabase(): Promise<PrismaClient> {
  const { freshDatabaseUrl } = await import("./database");
  return openDatabase(freshDatabaseUrl());
}

/** A second Prisma client on a database the app under test also uses (browser tests seed through it). */
export async function openDatabase(databaseUrl: string): Promise<PrismaClient> {
  const { createPrismaClient } = await import("../../app/prisma-client.server");
  return createPrismaClient(databaseUrl);
}
