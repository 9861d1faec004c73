import "@shopify/shopify-api/adapters/node";
import { ApiVersion, shopifyApi } from "@shopify/shopify-api";
import { describe, expect, it } from "vitest";
import { embeddedAppUrl, hostParam, renderAdminFramePage, signAdminQuery } from "./admin-frame";
import { mintSessionToken, verifySessionToken } from "./session-token";

const shop = "oak-and-hide.myshopify.com";
const apiKey = "key-123";
const apiSecret = "secret-456";

// The library the app uses decides whether admin's query is genuine.
const library = shopifyApi({
  apiKey,
  apiSecretKey: apiSecret,
  apiVersion: ApiVersion.October26,
  hostName: "app.example.test",
  isEmbeddedApp: true,
  logger: { log: () => undefined },
});

describe("embeddedAppUrl", () => {
  const now = new Date();
  const idToken = mintSessionToken({ shop, apiKey, apiSecret, userId: 1, now });
  const url = new URL(
    embeddedAppUrl({ appUrl: "https://delay-desk.test", shop, apiSecret, idToken, now }),
  );

  it("loads /app with admin's parameters", () => {
    expect(url.origin + url.pathname).toBe("https://delay-desk.test/app");
    expect(url.searchParams.get("embedded")).toBe("1");
    expect(url.searchParams.get("shop")).toBe(shop);
    expect(url.searchParams.get("locale")).toBe("en");
    expect(url.searchParams.get("timestamp")).toBe(String(Math.floor(now.getTime() / 1000)));
    expect(url.searchParams.get("id_token")).toBe(idToken);
  });

  it("signs the query so the library's validateHmac accepts it, and not once altered", async () => {
    expect(await library.utils.validateHmac(Object.fromEntries(url.searchParams))).toBe(true);
    const altered = Object.fromEntries(url.searchParams);
    altered.shop = "evil.myshopify.com";
    expect(await library.utils.validateHmac(altered)).toBe(false);
  });

  it("sends a host the library accepts and decodes to the store's admin", () => {
    const host = url.searchParams.get("host") ?? "";
    expect(library.utils.sanitizeHost(host)).toBe(host);
    expect(Buffer.from(host, "base64").toString()).toBe("admin.shopify.com/store/oak-and-hide");
  });

  it("encodes spaces as %20 like the library when signing", () => {
    const params = { shop, note: "a b+c" };
    expect(signAdminQuery(params, apiSecret)).not.toBe(
      signAdminQuery({ shop, note: "a+b+c" }, apiSecret),
    );
  });

  it("uses the standard base64 alphabet even where base64url would differ", () => {
    // "~~~" encodes to "fn5+" in base64 and "fn5-" in base64url.
    expect(hostParam("~~~.myshopify.com")).not.toMatch(/[-_]/);
  });
});

describe("renderAdminFramePage", () => {
  it("shows the shop and app, frames the app URL, and answers only the app's origin", () => {
    const idToken = mintSessionToken({ shop, apiKey, apiSecret, userId: 1 });
    const appFrameUrl = embeddedAppUrl({
      appUrl: "https://delay-desk.test",
      shop,
      apiSecret,
      idToken,
    });
    const page = renderAdminFramePage({
      shop,
      shopName: "Oak & Hide <Workshop>",
      staffName: "Dawn Rivera",
      userId: 1,
      appFrameUrl,
      appOrigin: "https://delay-desk.test",
      sessionTokenPath: `/${shop}/admin/session-token`,
    });
    expect(page).toContain("Oak &amp; Hide &lt;Workshop&gt;");
    expect(page).toContain(">Delay Desk</a>");
    const src = /<iframe[^>]* src="([^"]+)"/.exec(page)?.[1]?.replace(/&amp;/g, "&");
    expect(src).toBe(appFrameUrl);
    const frameToken = new URL(src ?? "").searchParams.get("id_token") ?? "";
    expect(verifySessionToken(frameToken, apiSecret, apiKey)).toMatchObject({ ok: true, shop });
    expect(page).toContain('"appOrigin":"https://delay-desk.test"');
    expect(page).toContain("delay-desk:id-token-request");
  });
});
