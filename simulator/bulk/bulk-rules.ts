// Checks a bulk query the way bulkOperationRunQuery does before it starts anything: valid against
// the schema, a query (not a mutation), at least one connection, at most five, nested at most two
// levels below the top one, and no top-level node/nodes (shopify.dev, "Perform bulk operations").
// Every problem becomes a BulkOperationUserError with code INVALID, never a GraphQL error.
import {
  getNamedType,
  isCompositeType,
  parse,
  validate,
  GraphQLError,
  type DocumentNode,
  type FragmentDefinitionNode,
  type GraphQLCompositeType,
  type OperationDefinitionNode,
  type SelectionSetNode,
} from "graphql";
import { adminSchema } from "../schema";

export const MAX_BULK_CONNECTIONS = 5;
export const MAX_BULK_NESTING = 2;

export interface BulkUserError {
  field: string[] | null;
  message: string;
  code: "INVALID" | "LIMIT_REACHED";
}

export interface CheckedBulkQuery {
  document: DocumentNode;
  operation: OperationDefinitionNode;
  /** Response key of the single top-level connection. */
  rootField: string;
}

function invalid(message: string): { userErrors: BulkUserError[] } {
  return { userErrors: [{ field: ["query"], message, code: "INVALID" }] };
}

export function isConnectionTypeName(name: string): boolean {
  return name.endsWith("Connection");
}

interface Census {
  connections: number;
  maxDepth: number;
  nodesWithoutId: string[];
}

function census(
  selectionSet: SelectionSetNode,
  parentType: GraphQLCompositeType,
  fragments: Map<string, FragmentDefinitionNode>,
  depth: number,
  inConnectionNode: boolean,
  path: string,
  result: Census,
): void {
  const schema = adminSchema();
  let hasChildConnection = false;
  let selectsId = false;
  const visit = (set: SelectionSetNode, type: GraphQLCompositeType) => {
    for (const selection of set.selections) {
      if (selection.kind === "InlineFragment") {
        const condition = selection.typeCondition
          ? schema.getType(selection.typeCondition.name.value)
          : type;
        if (condition && isCompositeType(condition)) visit(selection.selectionSet, condition);
        continue;
      }
      if (selection.kind === "FragmentSpread") {
        const fragment = fragments.get(selection.name.value);
        const condition = fragment ? schema.getType(fragment.typeCondition.name.value) : undefined;
        if (fragment && condition && isCompositeType(condition))
          visit(fragment.selectionSet, condition);
        continue;
      }
      if (selection.name.value === "id") selectsId = true;
      if (!selection.selectionSet || !("getFields" in type)) continue;
      const field = type.getFields()[selection.name.value];
      if (!field) continue;
      const named = getNamedType(field.type);
      if (!isCompositeType(named)) continue;
      const here = `${path}.${selection.name.value}`;
      if (isConnectionTypeName(named.name)) {
        hasChildConnection = true;
        result.connections += 1;
        result.maxDepth = Math.max(result.maxDepth, depth + 1);
        const nodeType = "getFields" in named ? named.getFields()["nodes"] : undefined;
        const nodeNamed = nodeType ? getNamedType(nodeType.type) : undefined;
        for (const inner of selection.selectionSet.selections) {
          if (
            inner.kind !== "Field" ||
            !inner.selectionSet ||
            !nodeNamed ||
            !isCompositeType(nodeNamed)
          )
            continue;
          if (inner.name.value === "nodes")
            census(inner.selectionSet, nodeNamed, fragments, depth + 1, true, here, result);
          if (inner.name.value === "edges") {
            for (const edgeField of inner.selectionSet.selections) {
              if (
                edgeField.kind === "Field" &&
                edgeField.name.value === "node" &&
                edgeField.selectionSet
              )
                census(edgeField.selectionSet, nodeNamed, fragments, depth + 1, true, here, result);
            }
          }
        }
      } else {
        // A plain object inside a node: its connections still hang off the enclosing node.
        census(selection.selectionSet, named, fragments, depth, false, here, result);
      }
    }
  };
  visit(selectionSet, parentType);
  if (inConnectionNode && hasChildConnection && !selectsId) result.nodesWithoutId.push(path);
}

export function checkBulkQuery(query: string): CheckedBulkQuery | { userErrors: BulkUserError[] } {
  let document: DocumentNode;
  try {
    document = parse(query);
  } catch (error) {
    return invalid(
      `Invalid bulk query: ${error instanceof GraphQLError ? error.message : String(error)}`,
    );
  }
  const errors = validate(adminSchema(), document);
  if (errors.length > 0)
    return invalid(`Invalid bulk query: ${errors.map((error) => error.message).join("; ")}`);
  const operations = document.definitions.filter(
    (d): d is OperationDefinitionNode => d.kind === "OperationDefinition",
  );
  const operation = operations[0];
  if (!operation || operations.length > 1)
    return invalid("Bulk queries must contain exactly one operation.");
  if (operation.operation !== "query")
    return invalid("Bulk queries must be a query; use bulkOperationRunMutation for mutations.");
  if ((operation.variableDefinitions ?? []).length > 0)
    return invalid("Bulk queries cannot take variables.");
  const fragments = new Map(
    document.definitions
      .filter((d): d is FragmentDefinitionNode => d.kind === "FragmentDefinition")
      .map((d) => [d.name.value, d]),
  );

  const queryRoot = adminSchema().getQueryType();
  if (!queryRoot) throw new Error("Admin schema without a query type");
  const topFields = operation.selectionSet.selections.filter((s) => s.kind === "Field");
  if (topFields.some((field) => field.name.value === "node" || field.name.value === "nodes"))
    return invalid("Bulk queries cannot use the top-level node or nodes fields.");

  const result: Census = { connections: 0, maxDepth: 0, nodesWithoutId: [] };
  census(operation.selectionSet, queryRoot, fragments, -1, false, "query", result);
  if (result.connections === 0)
    return invalid("Bulk queries must contain at least one connection.");
  if (result.connections > MAX_BULK_CONNECTIONS)
    return invalid(`Bulk queries cannot contain more than ${MAX_BULK_CONNECTIONS} connections.`);
  if (result.maxDepth > MAX_BULK_NESTING)
    return invalid(
      `Bulk queries cannot contain connections with a nesting depth greater than ${MAX_BULK_NESTING}.`,
    );
  if (result.nodesWithoutId.length > 0)
    return invalid(
      `Nodes with nested connections must select id, so their children can name them in __parentId (${result.nodesWithoutId.join(", ")}).`,
    );

  const rootConnections = topFields.filter((field) => {
    const definition = queryRoot.getFields()[field.name.value];
    return definition ? isConnectionTypeName(getNamedType(definition.type).name) : false;
  });
  const root = rootConnections[0];
  if (!root || topFields.length !== 1)
    return invalid("Bulk queries must select a single top-level connection field.");
  return { document, operation, rootField: root.alias?.value ?? root.name.value };
}
