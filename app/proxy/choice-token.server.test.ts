import { describe, expect, it } from "vitest";
import { signChoiceToken, verifyChoiceToken } from "./choice-token.server";

const secret = "app-secret";
const now = new Date("2026-11-24T12:00:00Z");
const claims = {
  shop: "oak.myshopify.com",
  orderId: "gid://shopify/Order/42",
  noticeId: "n1",
  expiresAt: new Date("2026-12-24T12:00:00Z"),
};

describe("choice tokens", () => {
  it("round-trips", () => {
    const token = signChoiceToken(secret, claims);
    expect(verifyChoiceToken(secret, token, { shop: claims.shop, now })).toEqual({
      ok: true,
      claims,
    });
  });

  it("refuses a tampered payload", () => {
    const token = signChoiceToken(secret, claims);
    const [, signature] = token.split(".");
    const forged = Buffer.from(
      JSON.stringify({ s: claims.shop, o: "gid://shopify/Order/43", n: "n1", x: 1_900_000_000 }),
    ).toString("base64url");
    expect(verifyChoiceToken(secret, `${forged}.${signature}`, { shop: claims.shop, now })).toEqual(
      { ok: false, reason: "bad-signature" },
    );
  });

  it("refuses another secret, another shop, an expired token and garbage", () => {
    const token = signChoiceToken(secret, claims);
    expect(verifyChoiceToken("other", token, { shop: claims.shop, now }).ok).toBe(false);
    expect(verifyChoiceToken(secret, token, { shop: "else.myshopify.com", now })).toEqual({
      ok: false,
      reason: "other-shop",
    });
    expect(
      verifyChoiceToken(secret, token, {
        shop: claims.shop,
        now: new Date("2026-12-24T12:00:00Z"),
      }),
    ).toEqual({ ok: false, reason: "expired" });
    expect(verifyChoiceToken(secret, "nonsense", { shop: claims.shop, now })).toEqual({
      ok: false,
      reason: "malformed",
    });
    expect(verifyChoiceToken(secret, `${token}.x`, { shop: claims.shop, now })).toEqual({
      ok: false,
      reason: "malformed",
    });
  });
});
