// shopify.app.toml asks for exactly the scopes the app needs. The set is computed from Shopify's
// own access marks in the committed schema (offline_scopes, requiredAccess; simulator/access-marks.ts)
// over every GraphQL document the app sends, plus the few scopes GraphQL marks cannot show, each
// with its reason. "Request only the data your app needs to function. Any scope that writes a
// resource also grants read access to it" (https://shopify.dev/docs/api/usage/access-scopes).
import { readFileSync } from "node:fs";
import path from "node:path";
import { TypeInfo, getNamedType, parse, visit, visitWithTypeInfo } from "graphql";
import { parse as parseToml } from "smol-toml";
import { describe, expect, it } from "vitest";
import { z } from "zod";
import { tomlScopes } from "../scripts/app-config";
import { DESCRIBED_ACCESS, type AccessRule } from "@delay-desk/simulator/access-marks";
import { rulesFor } from "@delay-desk/simulator/access-check";
import { expandScopes } from "@delay-desk/simulator/access-grant";
import { adminSchema } from "@delay-desk/simulator/schema";
import { appDocuments } from "../tests/support/app-documents";

/**
 * Scopes no GraphQL mark asks for, and why the app has them.
 * - read_all_orders: the schema's Order description: "Only the last 60 days' worth of orders from
 *   a store are accessible from the `Order` object by default" — late orders are often older.
 * - write_app_proxy: "Configuring an app proxy requires the `write_app_proxy` access scope"
 *   (https://shopify.dev/docs/apps/build/online-store/app-proxies); the toml has [app_proxy].
 */
export const SCOPES_BEYOND_GRAPHQL: Readonly<Record<string, string>> = {
  read_all_orders: "orders older than 60 days (late orders often are)",
  write_app_proxy: "the [app_proxy] wait-or-refund page",
};

/**
 * What the app passes where a mutation's scope depends on its arguments (DESCRIBED_ACCESS):
 * tagsAdd/tagsRemove tag orders (app/orders/tags.server.ts); metafieldsSet writes app-data
 * metafields owned by the app's installation (contracts/notice-metafield.ts) and the order status
 * metafield on orders (contracts/order-status-metafield.ts);
 * metafieldDefinitionCreate defines the Validation's pause switch.
 */
const APP_ARGUMENTS: Readonly<Record<string, Record<string, unknown>>> = {
  tagsAdd: { id: "gid://shopify/Order/1" },
  tagsRemove: { id: "gid://shopify/Order/1" },
  // Both owners the app writes: the installation (storefront notice) and orders (the order status
  // page, app/notices/order-status-metafield.server.ts), which needs write_orders.
  metafieldsSet: {
    metafields: [
      { ownerId: "gid://shopify/AppInstallation/1" },
      { ownerId: "gid://shopify/Order/1" },
    ],
  },
  // The pause switch's definition (app/storefront/storefront-admin.server.ts).
  metafieldDefinitionCreate: { definition: { ownerType: "VALIDATION" } },
};

interface Requirement {
  where: string;
  field: string;
  rule: AccessRule;
}

function requirementsOf(where: string, text: string): Requirement[] {
  const schema = adminSchema();
  const typeInfo = new TypeInfo(schema);
  const found: Requirement[] = [];
  visit(
    parse(text),
    visitWithTypeInfo(typeInfo, {
      Field() {
        const parent = typeInfo.getParentType();
        const field = typeInfo.getFieldDef();
        if (!parent || !field) return;
        const args = APP_ARGUMENTS[field.name] ?? {};
        for (const rule of rulesFor(parent.name, field.name, getNamedType(field.type).name, args))
          found.push({ where, field: `${parent.name}.${field.name}`, rule });
      },
    }),
  );
  return found;
}

const documents = appDocuments();
const requirements = documents.flatMap((doc) =>
  requirementsOf(`${doc.file}:${doc.line}`, doc.text),
);
const asked = tomlScopes()
  .split(",")
  .map((scope) => scope.trim());

function unmet(scopes: readonly string[]): Requirement[] {
  const granted = expandScopes(scopes.join(","));
  return requirements.filter(
    (requirement) => !requirement.rule.anyOf.some((scope) => granted.has(scope)),
  );
}

describe("shopify.app.toml's access scopes", () => {
  it("reach every field the app's GraphQL documents read or write", () => {
    expect(
      unmet(asked).map((r) => `${r.where} ${r.field} needs ${r.rule.anyOf.join(" | ")}`),
    ).toEqual([]);
  });

  it("hold no scope that no document needs, except those listed with their reason", () => {
    const needless = asked.filter(
      (scope) =>
        !(scope in SCOPES_BEYOND_GRAPHQL) &&
        unmet(asked.filter((other) => other !== scope)).length === 0,
    );
    expect(needless).toEqual([]);
    for (const scope of Object.keys(SCOPES_BEYOND_GRAPHQL)) {
      expect(asked).toContain(scope);
      // A listed scope is one GraphQL marks never ask for; otherwise it belongs to the computed set.
      expect(requirements.some((r) => r.rule.anyOf.includes(scope))).toBe(false);
    }
  });

  it("say which documents need each scope (so removing it names what breaks)", () => {
    const byScope = new Map<string, Set<string>>();
    for (const scope of asked.filter((s) => !(s in SCOPES_BEYOND_GRAPHQL))) {
      const broken = unmet(asked.filter((other) => other !== scope));
      byScope.set(scope, new Set(broken.map((r) => r.field)));
    }
    // A connection of customers is refused at the connection field too (simulator/access-check.ts).
    expect(byScope.get("read_customers")).toEqual(
      new Set(["Order.customer", "QueryRoot.customers", "CustomerConnection.nodes"]),
    );
    expect(byScope.get("write_orders")).toContain("Mutation.refundCreate");
    expect(byScope.get("write_orders")).toContain("Mutation.tagsAdd");
    expect(byScope.get("write_orders")).toContain("Mutation.metafieldsSet");
    expect(byScope.get("write_order_edits")).toContain("Mutation.orderEditBegin");
    expect(byScope.get("write_validations")).toContain("Mutation.validationCreate");
    expect(byScope.get("write_validations")).toContain("Mutation.metafieldDefinitionCreate");
    expect(byScope.get("write_discounts")).toContain("Mutation.discountCodeBasicCreate");
    expect(byScope.get("read_products")).toContain("LineItem.product");
    expect(byScope.get("read_locations")).toEqual(
      // The split shipment groups lines by their fulfillment order's location (app/fulfillment/).
      new Set([
        "RefundLineItem.location",
        "Location.id",
        "FulfillmentOrderAssignedLocation.location",
      ]),
    );
  });

  it("leave out write_products: per-product lead times live in the app's database (docs/decisions/007)", () => {
    expect(asked).not.toContain("write_products");
    expect(unmet(asked.filter((scope) => scope !== "read_products")).length).toBeGreaterThan(0);
  });

  it("list write_app_proxy only while the toml configures an app proxy", () => {
    const toml = z
      .object({ app_proxy: z.object({ url: z.string() }).optional() })
      .passthrough()
      .parse(
        parseToml(readFileSync(path.resolve(import.meta.dirname, "../shopify.app.toml"), "utf8")),
      );
    expect(toml.app_proxy).toBeDefined();
  });

  it("know every argument-dependent mutation the app sends", () => {
    const used = new Set(
      requirements
        .map((r) => r.field)
        .concat(
          documents.flatMap((doc) =>
            [...doc.text.matchAll(/\b(\w+)\s*\(/g)].map((m) => `Mutation.${m[1] ?? ""}`),
          ),
        ),
    );
    for (const name of Object.keys(DESCRIBED_ACCESS)) {
      if (name === "refundCreate" || !used.has(`Mutation.${name}`)) continue;
      expect(
        APP_ARGUMENTS[name],
        `APP_ARGUMENTS needs what the app passes to ${name}`,
      ).toBeDefined();
    }
  });
});
