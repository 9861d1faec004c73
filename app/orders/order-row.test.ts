import { describe, expect, it } from "vitest";
import {
  earliestOpenFulfillBy,
  pagedOrderSchema,
  trackedOrderRow,
  type ImportedOrder,
} from "./order-row";

const order: ImportedOrder = {
  id: "gid://shopify/Order/1",
  name: "#1001",
  createdAt: "2026-11-01T10:00:00Z",
  updatedAt: "2026-11-03T10:00:00Z",
  cancelledAt: null,
  closedAt: null,
  displayFulfillmentStatus: "PARTIALLY_FULFILLED",
  displayFinancialStatus: "PAID",
  email: "ava@example.net",
  tags: ["gift"],
  customer: { firstName: "Ava", lastName: "Chen" },
  customerLocale: "en-CA",
  // A CAD shop, a buyer paying in USD: staff read shop money, the buyer their own.
  currentTotalPriceSet: {
    shopMoney: { amount: "104.00", currencyCode: "CAD" },
    presentmentMoney: { amount: "74.36", currencyCode: "USD" },
  },
  lineItems: [
    {
      id: "gid://shopify/LineItem/1",
      title: "Case",
      sku: "C-1",
      quantity: 2,
      unfulfilledQuantity: 2,
      product: {
        id: "gid://shopify/Product/9",
        tags: ["made-to-order"],
        collectionIds: ["gid://shopify/Collection/3"],
      },
      variant: { id: "gid://shopify/ProductVariant/91" },
    },
    {
      id: "gid://shopify/LineItem/2",
      title: "Balm",
      sku: null,
      quantity: 1,
      unfulfilledQuantity: 0,
      product: null,
      variant: null,
    },
  ],
  fulfillmentOrders: [
    { status: "CLOSED", fulfillBy: "2026-11-05T04:59:59Z" },
    { status: "OPEN", fulfillBy: "2026-11-15T04:59:59Z" },
    { status: "IN_PROGRESS", fulfillBy: "2026-11-12T04:59:59Z" },
    { status: "OPEN", fulfillBy: null },
  ],
};

describe("trackedOrderRow", () => {
  it("counts units from line items and takes the earliest open fulfillBy (closed ones promise nothing)", () => {
    const row = trackedOrderRow("oak.myshopify.com", order, new Date("2026-11-04T00:00:00Z"));
    expect(row).toMatchObject({
      shop: "oak.myshopify.com",
      id: order.id,
      unitsOrdered: 3,
      unitsRemaining: 2,
      fulfillBy: new Date("2026-11-12T04:59:59Z"),
      totalAmount: "104.00",
      currencyCode: "CAD",
      presentmentAmount: "74.36",
      presentmentCurrencyCode: "USD",
      customerLocale: "en-CA",
      customerFirstName: "Ava",
      tags: '["gift"]',
    });
    expect(JSON.parse(row.lineItems)).toEqual([
      {
        id: "gid://shopify/LineItem/1",
        title: "Case",
        sku: "C-1",
        quantity: 2,
        remaining: 2,
        productId: "gid://shopify/Product/9",
        variantId: "gid://shopify/ProductVariant/91",
        productTags: ["made-to-order"],
        collectionIds: ["gid://shopify/Collection/3"],
      },
      {
        id: "gid://shopify/LineItem/2",
        title: "Balm",
        sku: null,
        quantity: 1,
        remaining: 0,
        productId: null,
        productTags: [],
        collectionIds: [],
      },
    ]);
  });

  it("has no promise date when no open fulfillment order carries one", () => {
    expect(
      earliestOpenFulfillBy([
        { status: "CLOSED", fulfillBy: "2026-11-05T04:59:59Z" },
        { status: "CANCELLED", fulfillBy: "2026-11-01T00:00:00Z" },
      ]),
    ).toBeNull();
    expect(earliestOpenFulfillBy([])).toBeNull();
  });

  it("reads a paged order into the same shape, and says when line items were cut short", () => {
    const paged = {
      ...order,
      lineItems: {
        nodes: order.lineItems.map((i) => ({
          ...i,
          product: i.product
            ? {
                id: i.product.id,
                tags: i.product.tags,
                collections: { nodes: i.product.collectionIds.map((id) => ({ id })) },
              }
            : null,
        })),
        pageInfo: { hasNextPage: true },
      },
      fulfillmentOrders: { nodes: order.fulfillmentOrders },
    };
    expect(pagedOrderSchema.parse(paged)).toEqual({ order, lineItemsComplete: false });
  });
});
