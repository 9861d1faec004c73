// The pure rules of what Delay Desk writes to fulfillment orders: the deadline instant for a
// conservative date, when a deadline is rewritten, and which holds are its own.
import { describe, expect, it } from "vitest";
import { parseLocalDate } from "../promise/local-date";
import { localDateOf } from "../promise/shop-clock";
import {
  HOLD_HANDLE,
  deadlineInstant,
  deadlineNeedsMove,
  deadlineShown,
  isLate,
  ownHolds,
  toHold,
  type ShopifyFulfillmentOrder,
} from "./fulfillment-truth";

const fo = (over: Partial<ShopifyFulfillmentOrder>): ShopifyFulfillmentOrder => ({
  id: "gid://shopify/FulfillmentOrder/1",
  status: "OPEN",
  fulfillBy: null,
  fulfillmentHolds: [],
  supportedActions: [{ action: "CREATE_FULFILLMENT" }, { action: "HOLD" }],
  ...over,
});

describe("deadlineInstant", () => {
  it("is the last second of the conservative day on the shop's clock, and reads back as that day", () => {
    expect(deadlineInstant(parseLocalDate("2027-01-15"), "America/New_York")).toBe(
      "2027-01-16T04:59:59Z",
    );
    // Summer time: UTC-4.
    expect(deadlineInstant(parseLocalDate("2027-07-01"), "America/New_York")).toBe(
      "2027-07-02T03:59:59Z",
    );
    const instant = deadlineInstant(parseLocalDate("2027-03-14"), "Asia/Kolkata");
    expect(localDateOf(instant, "Asia/Kolkata")).toBe("2027-03-14");
  });
});

describe("which orders and fulfillment orders are touched", () => {
  it("moves only late orders, and only when the conservative date differs from the one written", () => {
    expect(isLate("at_risk")).toBe(true);
    expect(isLate("overdue")).toBe(true);
    expect(isLate("on_track")).toBe(false);
    expect(isLate("done")).toBe(false);
    expect(deadlineNeedsMove("2027-01-15", null)).toBe(true);
    expect(deadlineNeedsMove("2027-01-15", "2027-01-15")).toBe(false);
    expect(deadlineNeedsMove("2027-01-22", "2027-01-15")).toBe(true);
    expect(deadlineNeedsMove(null, "2027-01-15")).toBe(false);
  });

  it("holds unshipped fulfillment orders that offer HOLD and lack its hold, and releases only its own holds", () => {
    const fos = [
      fo({ id: "a" }),
      fo({ id: "b", status: "ON_HOLD", fulfillmentHolds: [{ id: "h1", handle: HOLD_HANDLE }] }),
      fo({ id: "c", status: "ON_HOLD", fulfillmentHolds: [{ id: "h2", handle: "merchant" }] }),
      fo({ id: "d", status: "CLOSED", supportedActions: [] }),
      // The rest of a split shipment: still to ship, and Shopify offers HOLD on it.
      fo({ id: "e", status: "IN_PROGRESS" }),
      // Shopify does not offer HOLD here (say, a fulfillment service took it): not ours to force.
      fo({ id: "f", status: "IN_PROGRESS", supportedActions: [{ action: "CREATE_FULFILLMENT" }] }),
    ];
    expect(toHold(fos).map((f) => f.id)).toEqual(["a", "c", "e"]);
    expect(ownHolds(fos)).toEqual([{ fulfillmentOrderId: "b", holdId: "h1" }]);
  });

  it("sees a deadline as shown only when every unshipped fulfillment order has it", () => {
    const at = "2027-01-16T04:59:59Z";
    expect(deadlineShown([fo({ fulfillBy: at }), fo({ status: "CLOSED" })], at)).toBe(true);
    expect(deadlineShown([fo({ fulfillBy: at }), fo({ fulfillBy: null })], at)).toBe(false);
    // A partly shipped fulfillment order still has lines to ship by the deadline.
    expect(deadlineShown([fo({ fulfillBy: at }), fo({ status: "IN_PROGRESS" })], at)).toBe(false);
  });
});
