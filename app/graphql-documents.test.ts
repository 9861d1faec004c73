// Every GraphQL document the app sends is checked against Shopify's real 2026-10 schema, so a
// renamed field or a wrong argument fails here rather than in a merchant's shop.
import { parse, validate, visit, type DocumentNode } from "graphql";
import { describe, expect, it } from "vitest";
import { adminSchema } from "../simulator/schema";
import { appDocuments, findGraphqlDocuments } from "../tests/support/app-documents";

/** refundCreate without @idempotent(key:) could pay a customer twice on a retry (mandatory from 2026-04). */
export function refundCreateWithoutIdempotency(document: DocumentNode): number {
  let missing = 0;
  visit(document, {
    Field(node) {
      if (node.name.value === "refundCreate") {
        const directive = node.directives?.find((d) => d.name.value === "idempotent");
        if (!directive?.arguments?.some((a) => a.name.value === "key")) missing += 1;
      }
    },
  });
  return missing;
}

const documents = appDocuments();

describe("GraphQL documents under app/", () => {
  it("finds the app's documents", () => {
    expect(documents.length).toBeGreaterThan(0);
  });

  it.each(documents.map((d) => [`${d.file}:${d.line}`, d] as const))(
    "%s is valid against Admin 2026-10",
    (_where, doc) => {
      // A document built by interpolation cannot be checked, and cannot be costed by Shopify either.
      expect(doc.interpolated, "documents must be static; pass values as variables").toBe(false);
      const ast = parse(doc.text);
      expect(validate(adminSchema(), ast).map(String)).toEqual([]);
      for (const definition of ast.definitions) {
        if (definition.kind === "OperationDefinition")
          expect(definition.name?.value, "operations must be named").toBeTruthy();
      }
      expect(refundCreateWithoutIdempotency(ast)).toBe(0);
    },
  );
});

describe("the checks themselves", () => {
  it("reject a field Shopify does not have", () => {
    const ast = parse("query Bad { shop { nam } }");
    expect(validate(adminSchema(), ast).map(String).join()).toMatch(/Cannot query field "nam"/);
  });

  it("flag a refundCreate without @idempotent", () => {
    const without = parse(
      "mutation R($input: RefundInput!) { refundCreate(input: $input) { refund { id } userErrors { field message } } }",
    );
    const withKey = parse(
      "mutation R($input: RefundInput!, $key: String!) { refundCreate(input: $input) @idempotent(key: $key) { refund { id } userErrors { field message } } }",
    );
    expect(refundCreateWithoutIdempotency(without)).toBe(1);
    expect(refundCreateWithoutIdempotency(withKey)).toBe(0);
    expect(validate(adminSchema(), withKey)).toEqual([]);
  });

  it("find tagged templates, including interpolated ones", () => {
    const src =
      "const a = `#graphql\n query A { shop { name } }`; const b = `#graphql query B { ${x} }`; const c = `query C {}`;";
    const found = findGraphqlDocuments("x.ts", src);
    expect(found.map((d) => d.interpolated)).toEqual([false, true]);
  });
});
