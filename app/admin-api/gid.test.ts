import { describe, expect, it } from "vitest";
import { gidId, gidType, toGid } from "./gid";

describe("Shopify global ids", () => {
  it("reads the type and the id, ignoring a query suffix", () => {
    expect(gidType("gid://shopify/LineItem/12")).toBe("LineItem");
    expect(gidId("gid://shopify/Order/450789469")).toBe("450789469");
    expect(gidId("gid://shopify/Order/450789469?session=1")).toBe("450789469");
  });

  it("leaves a value that is not a gid alone (id) or says null (type)", () => {
    expect(gidId("1001")).toBe("1001");
    expect(gidType("https://example.com/Order/1")).toBeNull();
  });

  it("composes the gid Shopify would send", () => {
    expect(toGid("Order", 450789469)).toBe("gid://shopify/Order/450789469");
    expect(gidId(toGid("Order", "7"))).toBe("7");
  });
});
