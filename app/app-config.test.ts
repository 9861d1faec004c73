// shopify.app.toml is deployed to Shopify as is; these checks keep it in step with the code.
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { parse } from "smol-toml";
import { describe, expect, it } from "vitest";
import { z } from "zod";
import { SIMULATED_API_VERSION } from "@delay-desk/simulator/schema";
import { API_VERSION } from "./api-version";

const ROOT = path.resolve(import.meta.dirname, "..");
const raw = readFileSync(path.join(ROOT, "shopify.app.toml"), "utf8");

const configSchema = z.object({
  embedded: z.literal(true),
  access_scopes: z.object({ scopes: z.string() }),
  webhooks: z.object({
    api_version: z.string(),
    subscriptions: z.array(
      z.object({
        topics: z.array(z.string()).optional(),
        compliance_topics: z.array(z.string()).optional(),
        uri: z.string(),
      }),
    ),
  }),
  app_proxy: z.object({ url: z.string(), subpath: z.string(), prefix: z.string() }),
});
const config = configSchema.parse(parse(raw));

describe("shopify.app.toml", () => {
  it("uses the project's one API version, which the simulator serves", () => {
    expect(config.webhooks.api_version).toBe(API_VERSION);
    expect(SIMULATED_API_VERSION).toBe(API_VERSION);
  });

  it("asks for the scopes the product needs", () => {
    const scopes = config.access_scopes.scopes.split(",");
    for (const needed of [
      "read_all_orders",
      "write_orders",
      "write_order_edits",
      "write_merchant_managed_fulfillment_orders",
      "read_products",
      "write_app_proxy",
    ]) {
      expect(scopes).toContain(needed);
    }
  });

  it("subscribes to the three compliance topics", () => {
    const compliance = config.webhooks.subscriptions.flatMap((s) => s.compliance_topics ?? []);
    expect(compliance.sort()).toEqual([
      "customers/data_request",
      "customers/redact",
      "shop/redact",
    ]);
  });

  it("names, for each webhook, the route that handles it, and that route exists at its uri", () => {
    const blocks = raw.split("[[webhooks.subscriptions]]").slice(1);
    expect(blocks).toHaveLength(config.webhooks.subscriptions.length);
    for (const block of blocks) {
      const handledBy = /# Handled by: (\S+)/.exec(block)?.[1];
      const uri = /uri = "([^"]+)"/.exec(block)?.[1];
      expect(handledBy, block).toBeDefined();
      expect(existsSync(path.join(ROOT, handledBy ?? ""))).toBe(true);
      // Remix flat routes: /webhooks/app/uninstalled is app/routes/webhooks.app.uninstalled.tsx
      expect(path.basename(handledBy ?? "")).toBe(
        `${(uri ?? "").slice(1).replaceAll("/", ".")}.tsx`,
      );
    }
  });
});
