// The shapes a log line may carry a secret in, as the Shopify library and our own code write them.
// Token prefixes: https://shopify.dev/docs/apps/build/authentication-authorization/access-tokens/offline-access-tokens
// (shpat_ access, shprt_ refresh); session tokens are JWTs
// (https://shopify.dev/docs/apps/build/authentication-authorization/session-tokens); the app proxy
// signs with `signature=` (https://shopify.dev/docs/apps/build/online-store/app-proxies/authenticate-app-proxies)
// and OAuth/embedded loads with `hmac=` and `id_token=`.
import { describe, expect, it } from "vitest";
import { redactSecrets } from "./log-redaction";

const JWT =
  "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJpc3MiOiJodHRwczovL29hay5teXNob3BpZnkuY29tL2FkbWluIn0.Xk3v_9-aZ";

describe("redactSecrets", () => {
  it.each([
    [
      "the library's session-token debug line",
      `[shopify-app/DEBUG] Attempting to authenticate session token | {shop: a.myshopify.com, sessionToken: {"header":"${JWT}","search":null}}`,
      [JWT, "eyJ"],
    ],
    [
      "an id_token in a URL",
      `GET https://app.test/app?embedded=1&id_token=${JWT}&shop=a.myshopify.com`,
      [JWT],
    ],
    [
      "a proxy signature and a choice-link token",
      "https://app.test/proxy/choice?choice=cancel&token=eyJzIjoiYSJ9.c2ln&shop=a.myshopify.com&signature=9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08",
      ["9f86d081884c", "c2ln"],
    ],
    [
      "a percent-encoded link inside another URL",
      "next=https%3A%2F%2Fa.myshopify.com%2Fapps%2Fdd%2Fchoice%3Fchoice%3Dcancel%26token%3Dabc.def123",
      ["abc.def123"],
    ],
    [
      "an OAuth hmac and code",
      "/auth/callback?code=0907a61c0c8d55e99db179b68161bc00&hmac=700e2dadb827fcc8609e9d5ce208b2e9cdaab9df07390d2cbca10d7c328fc4bf&shop=a.myshopify.com",
      ["0907a61c", "700e2dad"],
    ],
    [
      "Shopify access and refresh tokens",
      "stored shpat_0123456789abcdef and shprt_fedcba9876543210",
      ["shpat_0123", "shprt_fedc"],
    ],
    [
      "JSON credential keys",
      `{"accessToken":"opaque-value-1","refreshToken":"opaque-value-2"}`,
      ["opaque-value-1", "opaque-value-2"],
    ],
    [
      "headers",
      "X-Shopify-Access-Token: opaque-value-3, Authorization: Bearer opaque-value-4",
      ["opaque-value-3", "opaque-value-4"],
    ],
    [
      "webhook and JSON headers",
      `{"x-shopify-hmac-sha256":"q1w2e3r4t5y6u7i8o9p0AbCdEf=","token":"opaque-value-5"}`,
      ["q1w2e3r4", "opaque-value-5"],
    ],
    [
      "an id_token percent-encoded inside a return URL",
      `return_to=%2Fapp%3Fid_token%3D${JWT.replace(/\./g, "%2E")}`,
      ["eyJhbGci", "Xk3v_9"],
    ],
    [
      "credentials in a mail server URL",
      "SMTP smtp://dawn:hunter2-mail@mail.oakandhide.com:587 refused",
      ["hunter2-mail", "dawn:"],
    ],
    [
      "customer emails, raw and encoded",
      "to private.buyer+tag@example.co.uk, or private.buyer%40example.com",
      ["private.buyer", "example.co.uk"],
    ],
  ])("removes %s", (_name, line, secrets) => {
    const out = redactSecrets(line);
    for (const secret of secrets) expect(out).not.toContain(secret);
    expect(out).toContain("[redacted]");
  });

  it("removes a known secret that has no shape, and keeps what is needed to read the line", () => {
    const out = redactSecrets(
      "[shopify-api/INFO] Loading session | {shop: oak-and-hide.myshopify.com, id: offline_oak-and-hide.myshopify.com, secret: delay-desk-test-secret}",
      { known: ["delay-desk-test-secret"] },
    );
    expect(out).not.toContain("delay-desk-test-secret");
    expect(out).toContain("offline_oak-and-hide.myshopify.com");
    expect(out).toContain("[shopify-api/INFO] Loading session");
  });

  it("leaves an ordinary line alone", () => {
    const line =
      "[shopify-app/INFO] Authenticating admin request | {shop: oak-and-hide.myshopify.com} order gid://shopify/Order/1001 refunded 58.00 USD";
    expect(redactSecrets(line)).toBe(line);
  });
});
