import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import "@shopify/shopify-api/adapters/web-api";
import { abstractFetch } from "@shopify/shopify-api/runtime";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  appBridgeScriptUrl,
  rewriteToAdminOrigin,
  routeAdminTrafficTo,
} from "./admin-origin.server";

describe("rewriteToAdminOrigin", () => {
  it("moves a shop's Admin URL under the simulator, keeping path and query", () => {
    expect(
      rewriteToAdminOrigin(
        "https://oak.myshopify.com/admin/api/2026-10/graphql.json?x=1",
        "http://127.0.0.1:4100/",
      ),
    ).toBe("http://127.0.0.1:4100/oak.myshopify.com/admin/api/2026-10/graphql.json?x=1");
  });

  it("leaves every other URL alone", () => {
    for (const url of [
      "https://cdn.shopify.com/x.js",
      "http://oak.myshopify.com/admin",
      "https://evil.com/oak.myshopify.com",
    ]) {
      expect(rewriteToAdminOrigin(url, "http://127.0.0.1:4100")).toBe(url);
    }
  });

  it("loads App Bridge from Shopify's CDN unless a simulator is configured", () => {
    expect(appBridgeScriptUrl(undefined)).toBe(
      "https://cdn.shopify.com/shopifycloud/app-bridge.js",
    );
    expect(appBridgeScriptUrl("http://127.0.0.1:4100")).toBe(
      "http://127.0.0.1:4100/cdn/app-bridge.js",
    );
  });
});

describe("routeAdminTrafficTo", () => {
  let server: Server;
  let origin: string;
  const seen: string[] = [];

  beforeAll(async () => {
    server = createServer((req, res) => {
      seen.push(`${req.method} ${req.url}`);
      res.end("ok");
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });

  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  it("sends the library's requests for a shop to the configured origin", async () => {
    routeAdminTrafficTo(origin);
    routeAdminTrafficTo(origin); // a second call with the same origin is harmless
    const response = await abstractFetch("https://oak.myshopify.com/admin/oauth/access_token", {
      method: "POST",
      body: "{}",
    });
    expect(await response.text()).toBe("ok");
    expect(seen).toEqual(["POST /oak.myshopify.com/admin/oauth/access_token"]);
    expect(() => routeAdminTrafficTo("http://127.0.0.1:1")).toThrow(/cannot change/);
  });
});
