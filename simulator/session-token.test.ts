import "@shopify/shopify-api/adapters/node";
import { ApiVersion, shopifyApi } from "@shopify/shopify-api";
import { describe, expect, it } from "vitest";
import { mintSessionToken, verifySessionToken } from "./session-token";

const shop = "oak-and-hide.myshopify.com";
const apiKey = "test-api-key";
const apiSecret = "test-api-secret";

// The real library is the judge of whether our tokens are the ones Shopify admin mints.
function library(secret = apiSecret, key = apiKey) {
  return shopifyApi({
    apiKey: key,
    apiSecretKey: secret,
    apiVersion: ApiVersion.October26,
    hostName: "app.example.test",
    isEmbeddedApp: true,
    logger: { log: () => undefined },
  });
}

describe("mintSessionToken", () => {
  it("produces a JWT @shopify/shopify-api decodes, with Shopify's claims", async () => {
    const token = mintSessionToken({ shop, apiKey, apiSecret, userId: 1 });
    const payload = await library().session.decodeSessionToken(token);
    expect(payload.iss).toBe(`https://${shop}/admin`);
    expect(payload.dest).toBe(`https://${shop}`);
    expect(payload.aud).toBe(apiKey);
    expect(payload.sub).toBe("1");
    expect(payload.exp - payload.iat).toBe(60);
    expect(payload.nbf).toBe(payload.iat);
    expect(typeof payload.jti).toBe("string");
    expect(typeof payload.sid).toBe("string");
  });

  it("is refused by the library when signed with another secret", async () => {
    const token = mintSessionToken({ shop, apiKey, apiSecret: "other", userId: 1 });
    await expect(library().session.decodeSessionToken(token)).rejects.toThrow();
  });

  it("gives every token its own jti but one sid per user", () => {
    const now = new Date("2026-11-23T10:00:00Z");
    const a = verifySessionToken(
      mintSessionToken({ shop, apiKey, apiSecret, userId: 1, now }),
      apiSecret,
      apiKey,
      now,
    );
    const b = verifySessionToken(
      mintSessionToken({ shop, apiKey, apiSecret, userId: 1, now }),
      apiSecret,
      apiKey,
      now,
    );
    const c = verifySessionToken(
      mintSessionToken({ shop, apiKey, apiSecret, userId: 2, now }),
      apiSecret,
      apiKey,
      now,
    );
    if (!a.ok || !b.ok || !c.ok) throw new Error("expected valid tokens");
    expect(a.payload.jti).not.toBe(b.payload.jti);
    expect(a.payload.sid).toBe(b.payload.sid);
    expect(a.payload.sid).not.toBe(c.payload.sid);
  });
});

describe("verifySessionToken", () => {
  const now = new Date("2026-11-23T10:00:00Z");
  const token = mintSessionToken({ shop, apiKey, apiSecret, userId: 7, now });

  it("accepts a fresh token and reads the shop from dest", () => {
    const result = verifySessionToken(token, apiSecret, apiKey, now);
    expect(result).toMatchObject({ ok: true, shop, payload: { sub: "7" } });
  });

  it("refuses a token signed with another secret", () => {
    expect(verifySessionToken(token, "wrong-secret", apiKey, now)).toEqual({
      ok: false,
      reason: "bad_signature",
    });
  });

  it("refuses a token whose payload was altered after signing", () => {
    const [header, , signature] = token.split(".");
    const forged = Buffer.from(JSON.stringify({ sub: "1" })).toString("base64url");
    expect(verifySessionToken(`${header}.${forged}.${signature}`, apiSecret, apiKey, now)).toEqual({
      ok: false,
      reason: "bad_signature",
    });
  });

  it("refuses a token for another app", () => {
    expect(verifySessionToken(token, apiSecret, "another-key", now)).toEqual({
      ok: false,
      reason: "wrong_audience",
    });
  });

  it("allows the library's 10 s leeway after exp, then refuses", () => {
    expect(verifySessionToken(token, apiSecret, apiKey, new Date(now.getTime() + 69_000)).ok).toBe(
      true,
    );
    expect(verifySessionToken(token, apiSecret, apiKey, new Date(now.getTime() + 70_000))).toEqual({
      ok: false,
      reason: "expired",
    });
  });

  it("refuses a token not valid yet", () => {
    const future = mintSessionToken({
      shop,
      apiKey,
      apiSecret,
      userId: 7,
      now: new Date(now.getTime() + 60_000),
    });
    expect(verifySessionToken(future, apiSecret, apiKey, now)).toEqual({
      ok: false,
      reason: "not_yet_valid",
    });
  });

  it("refuses garbage and the none algorithm", () => {
    expect(verifySessionToken("abc", apiSecret, apiKey, now)).toEqual({
      ok: false,
      reason: "malformed",
    });
    const [, payload] = token.split(".");
    const none = `${Buffer.from(JSON.stringify({ alg: "none" })).toString("base64url")}.${payload}.`;
    expect(verifySessionToken(none, apiSecret, apiKey, now)).toEqual({
      ok: false,
      reason: "malformed",
    });
  });
});
