import { describe, expect, it } from "vitest";
import { ConfigError, parseEnv } from "./env.server";

const valid = {
  SHOPIFY_API_KEY: "key",
  SHOPIFY_API_SECRET: "very-secret-value",
  SHOPIFY_APP_URL: "https://app.example.com",
  SCOPES: "read_orders",
};

describe("parseEnv", () => {
  it("accepts a complete configuration and defaults the database", () => {
    const env = parseEnv(valid);
    expect(env.DATABASE_URL).toBe("file:./prisma/dev.sqlite");
    expect(env.SHOPIFY_ADMIN_ORIGIN).toBeUndefined();
  });

  it("stops with one message naming every missing variable", () => {
    const { SHOPIFY_API_SECRET: _secret, SCOPES: _scopes, ...rest } = valid;
    expect(() => parseEnv(rest)).toThrow(ConfigError);
    expect(() => parseEnv(rest)).toThrow(/SHOPIFY_API_SECRET is missing.*SCOPES is missing/);
  });

  it("never repeats a value in its message (secrets stay out of logs)", () => {
    try {
      parseEnv({ ...valid, SHOPIFY_APP_URL: "very-secret-value" });
      expect.unreachable();
    } catch (error) {
      expect(String(error)).toContain("SHOPIFY_APP_URL is not a URL");
      expect(String(error)).not.toContain("very-secret-value");
    }
  });

  it("rejects an empty secret", () => {
    expect(() => parseEnv({ ...valid, SHOPIFY_API_SECRET: "" })).toThrow(
      /SHOPIFY_API_SECRET is empty/,
    );
  });
});
