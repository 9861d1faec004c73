// Tests for contracts/order-status-metafield.ts, the contract the app writes on an order and the
// order status page extension (extensions/order-status) reads.
import { describe, expect, it } from "vitest";
import {
  ORDER_STATUS_METAFIELD,
  orderStatusMetafieldInput,
  parseOrderStatus,
  type OrderStatus,
} from "./order-status-metafield";

const updatedAt = "2026-11-24T12:00:00Z";
const link = (choice: string) =>
  `https://oak-and-hide.myshopify.com/apps/delay-desk/choice?choice=${choice}&token=abc.def`;
const estimate: OrderStatus = {
  version: 1,
  state: "estimate",
  updatedAt,
  estimate: {
    from: "2026-12-07",
    to: "2026-12-18",
    wording: "between Monday 7 December and Friday 18 December",
  },
  links: { wait: link("wait"), cancel: link("cancel") },
};

describe("order status metafield contract", () => {
  it("accepts each state, from an object or from the stored JSON string", () => {
    expect(parseOrderStatus(estimate)).toEqual(estimate);
    expect(parseOrderStatus(JSON.stringify(estimate))).toEqual(estimate);
    expect(parseOrderStatus({ ...estimate, state: "waiting" })?.state).toBe("waiting");
    expect(parseOrderStatus({ version: 1, state: "cancel_requested", updatedAt })?.state).toBe(
      "cancel_requested",
    );
    expect(parseOrderStatus({ version: 1, state: "shipped", updatedAt })?.state).toBe("shipped");
  });

  it.each([
    ["not JSON", "{state:"],
    ["an unknown state", { ...estimate, state: "lost" }],
    ["an unknown version", { ...estimate, version: 2 }],
    ["an estimate without links", { ...estimate, links: undefined }],
    ["a cancel request that still offers links", { ...estimate, state: "cancel_requested" }],
    [
      "a link to another page",
      {
        ...estimate,
        links: { ...estimate.links, wait: "https://evil.example/apps/delay-desk/elsewhere" },
      },
    ],
    [
      "a plain-http link",
      {
        ...estimate,
        links: { ...estimate.links, cancel: link("cancel").replace("https", "http") },
      },
    ],
    [
      "a date that does not exist",
      { ...estimate, estimate: { ...estimate.estimate, to: "2026-02-30" } },
    ],
    ["empty wording", { ...estimate, estimate: { ...estimate.estimate, wording: "  " } }],
    ["an extra field (typo)", { ...estimate, link: link("wait") }],
    ["a missing updatedAt", { version: 1, state: "shipped" }],
  ])("treats %s as no status", (_label, value) => {
    expect(parseOrderStatus(value)).toBeNull();
  });

  it("builds the metafieldsSet input for the order, in the app-owned namespace", () => {
    const input = orderStatusMetafieldInput("gid://shopify/Order/1001", estimate);
    expect(input).toEqual({
      ownerId: "gid://shopify/Order/1001",
      namespace: "$app",
      key: ORDER_STATUS_METAFIELD.key,
      type: "json",
      value: expect.any(String),
    });
    expect(JSON.parse(input.value)).toEqual(estimate);
  });

  it("refuses to build an input from an invalid status", () => {
    expect(() =>
      orderStatusMetafieldInput("gid://shopify/Order/1001", {
        ...estimate,
        links: { wait: "javascript:alert(1)", cancel: link("cancel") },
      }),
    ).toThrow();
  });
});
