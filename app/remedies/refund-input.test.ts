import { describe, expect, it } from "vitest";
import { sumMoney, toCents } from "../jobs/money";
import { refundInputFrom, type SuggestedRefund } from "./refund-input";

const money = (amount: string) => ({ shopMoney: { amount, currencyCode: "USD" } });
const suggestion = (total: string, shipping: string): SuggestedRefund => ({
  amountSet: money(total),
  shipping: { amountSet: money(shipping) },
  refundLineItems: [
    { lineItem: { id: "gid://shopify/LineItem/1" }, quantity: 2, restockType: "CANCEL" },
    { lineItem: { id: "gid://shopify/LineItem/2" }, quantity: 0, restockType: "CANCEL" },
  ],
  suggestedTransactions: [{ amountSet: money(total), gateway: "shopify_payments", parentTransaction: { id: "gid://shopify/OrderTransaction/9" } }],
});
const choice = { orderId: "gid://shopify/Order/1", notify: true, note: "sorry", shippingOnly: false };

describe("refundInputFrom", () => {
  it("uses Shopify's amounts, lines, shipping and parent transaction", () => {
    expect(refundInputFrom(suggestion("84.50", "12.00"), choice)).toEqual({
      orderId: "gid://shopify/Order/1",
      notify: true,
      note: "sorry",
      refundLineItems: [{ lineItemId: "gid://shopify/LineItem/1", quantity: 2, restockType: "CANCEL" }],
      shipping: { amount: "12.00" },
      transactions: [{ orderId: "gid://shopify/Order/1", parentId: "gid://shopify/OrderTransaction/9", amount: "84.50", gateway: "shopify_payments", kind: "REFUND" }],
    });
  });

  it("returns null when nothing is left to refund, and refunds no lines when only shipping is asked", () => {
    expect(refundInputFrom(suggestion("0.00", "0.00"), choice)).toBeNull();
    expect(refundInputFrom(suggestion("12.00", "12.00"), { ...choice, shippingOnly: true })?.refundLineItems).toEqual([]);
    expect(refundInputFrom(suggestion("5.00", "0.00"), { ...choice, shippingOnly: true })).toBeNull();
  });
});

describe("money", () => {
  it("adds decimal strings exactly", () => {
    expect(sumMoney(["0.10", "0.20", null, "1"])).toBe("1.30");
    expect(toCents("12.5")).toBe(1250);
    expect(() => toCents("12,50")).toThrow();
  });
});
