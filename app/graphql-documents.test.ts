// Every GraphQL document the app sends is checked against Shopify's real 2026-10 schema, so a
// renamed field or a wrong argument fails here rather than in a merchant's shop.
import {
  NoUnusedFragmentsRule,
  parse,
  specifiedRules,
  validate,
  visit,
  type DocumentNode,
} from "graphql";
import { describe, expect, it } from "vitest";
import { adminSchema } from "@delay-desk/simulator/schema";
import {
  appDocuments,
  findGraphqlDocuments,
  resolveDocuments,
} from "../tests/support/app-documents";

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
      // A document built by interpolation cannot be checked, and cannot be costed by Shopify either;
      // only another `#graphql` constant (fragments) may be interpolated, by name.
      expect(doc.interpolated, "documents must be static; pass values as variables").toBe(false);
      const ast = parse(doc.text);
      const operations = ast.definitions.filter((d) => d.kind === "OperationDefinition");
      // A fragments-only document is checked on its own, and again inside each document using it.
      const rules =
        operations.length > 0
          ? specifiedRules
          : specifiedRules.filter((r) => r !== NoUnusedFragmentsRule);
      expect(validate(adminSchema(), ast, rules).map(String)).toEqual([]);
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

  it("find tagged templates, resolve a named fragment constant and flag any other interpolation", () => {
    const src = [
      "const F = `#graphql\n fragment N on Shop { name }`;",
      "const a = `#graphql\n query A { shop { ...N } } ${F}` as const;",
      "const b = `#graphql query B { ${x} }`;",
      "const d = `#graphql query D { ${f(1)} }`;",
      "const c = `query C {}`;",
    ].join("\n");
    const found = resolveDocuments(findGraphqlDocuments("x.ts", src));
    expect(found.map((d) => [d.name, d.interpolated])).toEqual([
      ["F", false],
      ["a", false],
      ["b", true],
      ["d", true],
    ]);
    expect(found[1]?.text).toContain("fragment N on Shop");
    expect(validate(adminSchema(), parse(found[1]?.text ?? "")).map(String)).toEqual([]);
  });
});
