// A bulk query is sent as a string inside bulkOperationRunQuery(query:), and Shopify's bulk guide
// lists what such a query may not do (https://shopify.dev/docs/api/usage/bulk-operations/queries,
// "Operation restrictions": at most five connections, two levels of nesting, no top-level node or
// nodes) without saying whether named fragments are accepted. So the app keeps one source text
// (the document with its fragment spreads, typed by codegen and validated like every other) and
// sends it with every spread replaced by the fragment's own selections: the same fields, and no
// fragment for Shopify to accept or refuse.
import {
  Kind,
  parse,
  print,
  visit,
  type FragmentDefinitionNode,
  type SelectionSetNode,
} from "graphql";

export function inlineFragments(document: string): string {
  const ast = parse(document);
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const definition of ast.definitions)
    if (definition.kind === Kind.FRAGMENT_DEFINITION)
      fragments.set(definition.name.value, definition);

  const expand = (selectionSet: SelectionSetNode, seen: ReadonlySet<string>): SelectionSetNode => ({
    ...selectionSet,
    selections: selectionSet.selections.flatMap((selection) => {
      if (selection.kind === Kind.FRAGMENT_SPREAD) {
        const name = selection.name.value;
        const fragment = fragments.get(name);
        if (!fragment) throw new Error(`Unknown fragment ${name}`);
        if (seen.has(name)) throw new Error(`Fragment ${name} spreads itself`);
        return expand(fragment.selectionSet, new Set([...seen, name])).selections;
      }
      if (selection.selectionSet)
        return [{ ...selection, selectionSet: expand(selection.selectionSet, seen) }];
      return [selection];
    }),
  });

  const inlined = visit(ast, {
    FragmentDefinition: () => null,
    OperationDefinition: (node) => ({
      ...node,
      selectionSet: expand(node.selectionSet, new Set()),
    }),
  });
  return print(inlined);
}
