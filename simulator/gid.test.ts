import { describe, expect, it } from "vitest";
import { parseGid, toGid } from "./gid";

describe("gid", () => {
  it("round-trips Shopify global ids", () => {
    expect(toGid("Order", 5500000001)).toBe("gid://shopify/Order/5500000001");
    expect(parseGid("gid://shopify/Order/5500000001")).toEqual({ type: "Order", id: 5500000001 });
    expect(parseGid("gid://shopify/MailingAddress/12?model_name=Address")).toEqual({
      type: "MailingAddress",
      id: 12,
    });
  });

  it("rejects anything else", () => {
    for (const bad of [
      "",
      "5500000001",
      "gid://shopify/Order/",
      "gid://shopify/Order/abc",
      "gid://other/Order/1",
      "gid://shopify/Order/99999999999999999",
    ]) {
      expect(parseGid(bad)).toBeNull();
    }
  });
});
