// Every GraphQL document the order status extension sends is checked against Shopify's real
// Customer Account API schema (customer_2026-10, from @shopify/dev-mcp@1.16.0; graphql/README.md),
// the API it reaches with fetch("shopify://customer-account/api/2026-10/graphql.json")
// (https://shopify.dev/docs/api/customer-account-ui-extensions/2026-10-rc/target-apis/account-apis/customer-account-api).
import { readFileSync, readdirSync } from "node:fs";
import path from "node:path";
import { parse, validate } from "graphql";
import { describe, expect, it } from "vitest";
import { customerAccountSchema } from "@delay-desk/simulator/schema";
import { findGraphqlDocuments } from "../support/app-documents";
import { CUSTOMER_ACCOUNT_API_VERSION } from "../../extensions/order-status/src/order-status-query";

const SRC = path.resolve(import.meta.dirname, "../../extensions/order-status/src");
const documents = readdirSync(SRC)
  .filter((name) => /\.(ts|tsx)$/.test(name))
  .flatMap((name) => findGraphqlDocuments(name, readFileSync(path.join(SRC, name), "utf8")));

describe("the order status extension's Customer Account API documents", () => {
  it("are found", () => {
    expect(documents.length).toBeGreaterThan(0);
  });

  it.each(documents.map((d) => [`${d.file}:${d.line}`, d] as const))(
    "%s is valid against Customer Account 2026-10",
    (_where, doc) => {
      expect(doc.interpolated, "documents must be static; pass values as variables").toBe(false);
      const ast = parse(doc.text);
      expect(validate(customerAccountSchema(), ast).map(String)).toEqual([]);
      for (const definition of ast.definitions)
        if (definition.kind === "OperationDefinition")
          expect(definition.name?.value, "operations must be named").toBeTruthy();
    },
  );

  it("ask the API version the extension is built for", () => {
    const toml = readFileSync(path.resolve(SRC, "../shopify.extension.toml"), "utf8");
    expect(toml).toContain(`api_version = "${CUSTOMER_ACCOUNT_API_VERSION}"`);
  });

  it("the check rejects what the Customer Account API does not have (an Admin-only field)", () => {
    // Order.displayFulfillmentStatus exists in the Admin API, not in the Customer Account API.
    const ast = parse("query Bad($id: ID!) { order(id: $id) { displayFulfillmentStatus } }");
    expect(validate(customerAccountSchema(), ast).map(String).join()).toMatch(
      /Cannot query field "displayFulfillmentStatus"/,
    );
  });
});
