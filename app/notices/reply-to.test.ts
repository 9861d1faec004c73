import { describe, expect, it } from "vitest";
import { replyToSchema } from "./reply-to";

describe("replyToSchema", () => {
  it.each([
    "noreply@shop.com",
    "no-reply@shop.com",
    "No.Reply@shop.com",
    "do_not_reply@shop.com",
    "donotreply@x.io",
    "noreply+orders@shop.com",
    "notifications@shop.com",
  ])("refuses %s as nobody reads it", (address) => {
    const result = replyToSchema.safeParse(address);
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.message).toContain("nobody reads");
  });

  it.each(["dawn@oakandhide.com", "orders@shop.com", "noreen@shop.com", "support@shop.com"])(
    "accepts %s",
    (address) => {
      expect(replyToSchema.safeParse(address).success).toBe(true);
    },
  );

  it("refuses something that is not an address", () => {
    expect(replyToSchema.safeParse("dawn").error?.issues[0]?.message).toContain(
      "full email address",
    );
  });
});
