import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { describe, expect, it } from "vitest";
import { appProxySignature, forwardAppProxy, signedProxyQuery } from "./storefront-proxy";

describe("app proxy signature", () => {
  it("is accepted by Shopify's own library, and a changed parameter is not", async () => {
    await import("@shopify/shopify-api/adapters/node");
    const { shopifyApi, ApiVersion } = await import("@shopify/shopify-api");
    const api = shopifyApi({
      apiKey: "k",
      apiSecretKey: "hush",
      apiVersion: ApiVersion.October25,
      isEmbeddedApp: true,
      hostName: "app.test",
      logger: { level: 0 },
    });
    const query = signedProxyQuery(new URLSearchParams("extra=1&extra=2&choice=wait"), {
      shop: "shop-name.myshopify.com",
      secret: "hush",
      customerId: "1",
    });
    expect(await api.utils.validateHmac(query, { signator: "appProxy" })).toBe(true);
    query.set("choice", "cancel");
    expect(await api.utils.validateHmac(query, { signator: "appProxy" })).toBe(false);
  });

  it("adds Shopify's parameters and replaces any the shopper sent", () => {
    const query = signedProxyQuery(
      new URLSearchParams("choice=cancel&shop=evil.myshopify.com&signature=forged"),
      { shop: "oak.myshopify.com", secret: "s", now: new Date(1_800_000_000_000) },
    );
    expect(query.get("shop")).toBe("oak.myshopify.com");
    expect(query.get("path_prefix")).toBe("/apps/delay-desk");
    expect(query.get("timestamp")).toBe("1800000000");
    expect(query.get("logged_in_customer_id")).toBe("");
    expect(query.getAll("signature")).toEqual([appProxySignature(query, "s")]);
  });
});

describe("forwardAppProxy", () => {
  it("forwards GET and POST to the app's /proxy path with a signed query", async () => {
    const seen: Array<{ method: string; url: string; body: string }> = [];
    const app = createServer((req, res) => {
      let body = "";
      req.on("data", (c: Buffer) => (body += c.toString()));
      req.on("end", () => {
        seen.push({ method: req.method ?? "", url: req.url ?? "", body });
        res.writeHead(200, { "Content-Type": "text/html" }).end("<p>ok</p>");
      });
    });
    await new Promise<void>((resolve) => app.listen(0, "127.0.0.1", resolve));
    const appUrl = `http://127.0.0.1:${(app.address() as AddressInfo).port}`;
    // A stand-in for the simulator's front, so forwardAppProxy gets real IncomingMessages.
    const results: Array<Awaited<ReturnType<typeof forwardAppProxy>>> = [];
    const front = createServer((req, res) => {
      const url = new URL(req.url ?? "/", "http://sim");
      const subpath = url.pathname.replace("/oak.myshopify.com/storefront", "");
      void forwardAppProxy({
        request: req,
        shop: "oak.myshopify.com",
        subpath,
        url,
        app: { appUrl, apiSecret: "s" },
      }).then((reply) => {
        results.push(reply);
        res.writeHead(reply?.status ?? 404).end(reply?.body ?? "");
      });
    });
    await new Promise<void>((resolve) => front.listen(0, "127.0.0.1", resolve));
    const frontUrl = `http://127.0.0.1:${(front.address() as AddressInfo).port}/oak.myshopify.com/storefront`;
    const get = await fetch(`${frontUrl}/apps/delay-desk/choice?choice=wait&token=t`);
    const post = await fetch(`${frontUrl}/apps/delay-desk/choice?choice=wait&token=t`, {
      method: "POST",
      body: new URLSearchParams({ confirm: "1" }),
    });
    const other = await fetch(`${frontUrl}/products/x`);
    front.close();
    app.close();
    expect(await get.text()).toBe("<p>ok</p>");
    expect(post.status).toBe(200);
    expect(other.status).toBe(404);
    expect(results[2]).toBeNull();
    expect(seen.map((s) => [s.method, new URL(s.url, appUrl).pathname, s.body])).toEqual([
      ["GET", "/proxy/choice", ""],
      ["POST", "/proxy/choice", "confirm=1"],
    ]);
    const query = new URL(seen[0]?.url ?? "", appUrl).searchParams;
    expect(query.get("token")).toBe("t");
    expect(query.get("signature")).toBe(appProxySignature(query, "s"));
  });
});
