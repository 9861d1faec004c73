import { describe, expect, it } from "vitest";
import { refundInputFrom, type SuggestedRefund } from "./refund-input";

// A CAD shop, a buyer who paid in USD at 0.715 USD per CAD: every MoneyBag carries both.
// MoneyBag: "presentmentMoney: Amount in presentment currency. shopMoney: Amount in shop currency."
// (https://shopify.dev/docs/api/admin-graphql/latest/objects/MoneyBag)
const bag = (presentment: string, shop: string) => ({
  presentmentMoney: { amount: presentment, currencyCode: "USD" as const },
  shopMoney: { amount: shop, currencyCode: "CAD" as const },
});
const suggestion = (total: [string, string], shipping: [string, string]): SuggestedRefund => ({
  amountSet: bag(...total),
  shipping: { amountSet: bag(...shipping) },
  refundLineItems: [
    {
      lineItem: { id: "gid://shopify/LineItem/1" },
      quantity: 2,
      restockType: "CANCEL",
      location: { id: "gid://shopify/Location/2" },
    },
    {
      lineItem: { id: "gid://shopify/LineItem/2" },
      quantity: 0,
      restockType: "CANCEL",
      location: { id: "gid://shopify/Location/2" },
    },
    {
      lineItem: { id: "gid://shopify/LineItem/3" },
      quantity: 1,
      restockType: "NO_RESTOCK",
      location: null,
    },
  ],
  suggestedTransactions: [
    {
      amountSet: bag(...total),
      gateway: "shopify_payments",
      parentTransaction: { id: "gid://shopify/OrderTransaction/9" },
    },
  ],
});
const choice = {
  orderId: "gid://shopify/Order/1",
  notify: true,
  note: "sorry",
  shippingOnly: false,
};

describe("refundInputFrom", () => {
  it("refunds Shopify's presentment amounts in the presentment currency, restocking at the suggested location, with the suggested parent transaction", () => {
    // RefundInput.currency: "This must be the presentment currency, which is the currency used by
    // the customer. This is a required field for orders where the currency and presentment
    // currency differ." (https://shopify.dev/docs/api/admin-graphql/latest/input-objects/RefundInput)
    // RefundLineItemInput.locationId: "The intended location for restocking"; the suggestion's
    // RefundLineItem.location is "The inventory restock location".
    expect(refundInputFrom(suggestion(["61.00", "85.31"], ["8.00", "11.19"]), choice)).toEqual({
      orderId: "gid://shopify/Order/1",
      notify: true,
      note: "sorry",
      currency: "USD",
      refundLineItems: [
        {
          lineItemId: "gid://shopify/LineItem/1",
          quantity: 2,
          restockType: "CANCEL",
          locationId: "gid://shopify/Location/2",
        },
        { lineItemId: "gid://shopify/LineItem/3", quantity: 1, restockType: "NO_RESTOCK" },
      ],
      shipping: { amount: "8.00" },
      transactions: [
        {
          orderId: "gid://shopify/Order/1",
          parentId: "gid://shopify/OrderTransaction/9",
          amount: "61.00",
          gateway: "shopify_payments",
          kind: "REFUND",
        },
      ],
    });
  });

  it("returns null when nothing is left to refund, and refunds no lines when only shipping is asked", () => {
    expect(refundInputFrom(suggestion(["0.00", "0.00"], ["0.00", "0.00"]), choice)).toBeNull();
    expect(
      refundInputFrom(suggestion(["12.00", "16.78"], ["12.00", "16.78"]), {
        ...choice,
        shippingOnly: true,
      })?.refundLineItems,
    ).toEqual([]);
    expect(
      refundInputFrom(suggestion(["5.00", "6.99"], ["0.00", "0.00"]), {
        ...choice,
        shippingOnly: true,
      }),
    ).toBeNull();
  });
});
