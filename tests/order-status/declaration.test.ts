// The three places that must agree for the order status page to show anything: the contract
// (contracts/order-status-metafield.ts), the definition shopify.app.toml declares (Shopify installs
// it on deploy; without customer account access the Customer Account API returns no value,
// https://shopify.dev/changelog/metafields-now-require-a-definition-to-be-accessed-through-the-customer-account-api),
// and the extension's own configuration.
import { readFileSync } from "node:fs";
import path from "node:path";
import { parse } from "smol-toml";
import { describe, expect, it } from "vitest";
import { z } from "zod";
import { ORDER_STATUS_METAFIELD } from "../../contracts/order-status-metafield";
import { parseDeclaredDefinitions } from "@delay-desk/simulator/declared-definitions";
import { SIMULATED_API_VERSION } from "@delay-desk/simulator/schema";

const ROOT = path.resolve(import.meta.dirname, "../..");
const read = (file: string) => readFileSync(path.join(ROOT, file), "utf8");

describe("the order status metafield's declaration", () => {
  it("is in shopify.app.toml for the contract's owner, namespace, key and type, readable by customer accounts", () => {
    const declared = parseDeclaredDefinitions(read("shopify.app.toml"), 1).filter(
      (d) => d.key === ORDER_STATUS_METAFIELD.key,
    );
    expect(declared).toEqual([
      expect.objectContaining({
        ownerType: ORDER_STATUS_METAFIELD.ownerType,
        // `$app` alone resolves to `app--<id>`; the toml's namespace `app` is that one.
        namespace: "app--1",
        type: ORDER_STATUS_METAFIELD.type,
        customerAccountAccess: "read",
      }),
    ]);
    expect(ORDER_STATUS_METAFIELD.namespace).toBe("$app");
  });

  it("gives merchants no write access: only the app writes what customers are told", () => {
    const toml = z
      .object({
        order: z.object({
          metafields: z.object({
            app: z.record(
              z.string(),
              z.object({ access: z.object({ admin: z.string().optional() }).passthrough() }),
            ),
          }),
        }),
      })
      .parse(parse(read("shopify.app.toml")));
    // merchant_read_write is the only admin value that lets merchants edit an app-owned field.
    expect(toml.order.metafields.app[ORDER_STATUS_METAFIELD.key]?.access.admin).toBeUndefined();
  });

  it("is read by an order status block extension on the app's API version", () => {
    const toml = z
      .object({
        api_version: z.string(),
        extensions: z.array(
          z.object({
            type: z.string(),
            handle: z.string(),
            targeting: z.array(z.object({ target: z.string(), module: z.string() })),
          }),
        ),
      })
      .parse(parse(read("extensions/order-status/shopify.extension.toml")));
    expect(toml.api_version).toBe(SIMULATED_API_VERSION);
    expect(toml.extensions.map((e) => [e.type, e.handle])).toEqual([
      ["ui_extension", "order-status"],
    ]);
    expect(toml.extensions[0]?.targeting).toEqual([
      {
        target: "customer-account.order-status.block.render",
        module: "./src/OrderStatusBlock.tsx",
      },
    ]);
  });
});
