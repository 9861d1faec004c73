import { describe, expect, it } from "vitest";
import { ConfigError, parseEnv } from "../env.server";
import { classifySmtpError } from "./mail-transport.server";

const base = {
  SHOPIFY_API_KEY: "k",
  SHOPIFY_API_SECRET: "s",
  SHOPIFY_APP_URL: "https://app.test",
  SCOPES: "read_orders",
};

describe("SMTP_URL", () => {
  it("is optional, and must be an smtp:// or smtps:// URL when set", () => {
    expect(parseEnv(base).SMTP_URL).toBeUndefined();
    expect(
      parseEnv({ ...base, SMTP_URL: "smtps://dawn:pw@mail.oakandhide.com:465" }).SMTP_URL,
    ).toBe("smtps://dawn:pw@mail.oakandhide.com:465");
    expect(() => parseEnv({ ...base, SMTP_URL: "https://mail.example.com" })).toThrow(ConfigError);
    expect(() => parseEnv({ ...base, SMTP_URL: "https://mail.example.com" })).toThrow(
      /SMTP_URL must start with smtp:\/\/ or smtps:\/\//,
    );
  });
});

describe("classifySmtpError", () => {
  it("treats 5xx as permanent and 4xx or a lost connection as temporary", () => {
    expect(
      classifySmtpError({ responseCode: 550, response: "550 Mailbox unavailable", message: "x" }),
    ).toEqual({ permanent: true, reason: "550 Mailbox unavailable" });
    expect(
      classifySmtpError({ responseCode: 451, response: "451 Try later", message: "x" }),
    ).toEqual({ permanent: false, reason: "451 Try later" });
    expect(
      classifySmtpError(
        Object.assign(new Error("connect ECONNREFUSED 127.0.0.1:25"), { code: "ECONNECTION" }),
      ),
    ).toEqual({ permanent: false, reason: "connect ECONNREFUSED 127.0.0.1:25" });
  });
});
