import { Kind, parse, validate, visit, type SelectionSetNode } from "graphql";
import { describe, expect, it } from "vitest";
import { checkBulkQuery } from "@delay-desk/simulator/bulk/bulk-rules";
import { adminSchema } from "@delay-desk/simulator/schema";
import { ORDER_IMPORT_BULK_QUERY } from "../orders/import/bulk-import.server";
import { inlineFragments } from "./inline-fragments";

/** Every field path a document selects, fragments followed: what Shopify would answer. */
function selectedPaths(document: string): string[] {
  const ast = parse(document);
  const fragments = new Map(
    ast.definitions.flatMap((d) =>
      d.kind === Kind.FRAGMENT_DEFINITION ? [[d.name.value, d.selectionSet] as const] : [],
    ),
  );
  const paths: string[] = [];
  const walk = (set: SelectionSetNode, prefix: string) => {
    for (const selection of set.selections) {
      if (selection.kind === Kind.FIELD) {
        const path = `${prefix}${selection.name.value}`;
        paths.push(path);
        if (selection.selectionSet) walk(selection.selectionSet, `${path}.`);
      } else if (selection.kind === Kind.FRAGMENT_SPREAD) {
        const fragment = fragments.get(selection.name.value);
        if (fragment) walk(fragment, prefix);
      } else walk(selection.selectionSet, prefix);
    }
  };
  for (const d of ast.definitions)
    if (d.kind === Kind.OPERATION_DEFINITION) walk(d.selectionSet, "");
  return [...new Set(paths)].sort();
}

describe("inlineFragments", () => {
  it("sends the order import's bulk query with the fragments' fields and no fragment", () => {
    const sent = inlineFragments(ORDER_IMPORT_BULK_QUERY);
    let fragments = 0;
    visit(parse(sent), {
      FragmentSpread: () => void (fragments += 1),
      FragmentDefinition: () => void (fragments += 1),
    });
    expect(fragments).toBe(0);
    expect(selectedPaths(sent)).toEqual(selectedPaths(ORDER_IMPORT_BULK_QUERY));
    expect(selectedPaths(sent)).toContain(
      "orders.edges.node.currentTotalPriceSet.shopMoney.amount",
    );
    expect(validate(adminSchema(), parse(sent)).map(String)).toEqual([]);
    // The simulator's bulkOperationRunQuery checks (connections, nesting, no top-level node).
    expect("userErrors" in checkBulkQuery(sent)).toBe(false);
  });

  it("refuses a spread of a fragment the document does not define", () => {
    expect(() => inlineFragments("query Q { shop { ...Missing } }")).toThrow(/Unknown fragment/);
  });
});
