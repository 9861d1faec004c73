// Shopify's calculated query cost (shopify.dev, "GraphQL Admin API rate limits"): scalars and
// enums 0, objects 1, interfaces and unions the maximum of their possible selections, connections
// 2 plus the page size (first/last) times the cost of one node, mutations 10. The requested cost is
// the static worst case, charged before execution; the actual cost counts what the result holds
// and decides the refund.
import {
  GraphQLIncludeDirective,
  GraphQLList,
  GraphQLSkipDirective,
  Kind,
  getDirectiveValues,
  getNamedType,
  getNullableType,
  isAbstractType,
  isCompositeType,
  isInputType,
  isObjectType,
  typeFromAST,
  valueFromAST,
  type DocumentNode,
  type FieldNode,
  type FragmentDefinitionNode,
  type GraphQLCompositeType,
  type GraphQLField,
  type GraphQLObjectType,
  type GraphQLOutputType,
  type GraphQLSchema,
  type OperationDefinitionNode,
  type SelectionNode,
  type SelectionSetNode,
} from "graphql";

export const MAX_QUERY_COST = 1000;
export const MUTATION_FIELD_COST = 10;
const CONNECTION_BASE_COST = 2;

type Variables = Record<string, unknown>;

interface CostContext {
  schema: GraphQLSchema;
  fragments: Map<string, FragmentDefinitionNode>;
  variables: Variables;
}

function fragmentsOf(document: DocumentNode): Map<string, FragmentDefinitionNode> {
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const definition of document.definitions) {
    if (definition.kind === Kind.FRAGMENT_DEFINITION)
      fragments.set(definition.name.value, definition);
  }
  return fragments;
}

// A skipped field is not executed, so it is not charged either.
function isIncluded(ctx: CostContext, node: SelectionNode): boolean {
  if (getDirectiveValues(GraphQLSkipDirective, node, ctx.variables)?.if === true) return false;
  if (getDirectiveValues(GraphQLIncludeDirective, node, ctx.variables)?.if === false) return false;
  return true;
}

function typeConditionApplies(
  ctx: CostContext,
  conditionName: string | undefined,
  objectType: GraphQLObjectType,
): boolean {
  if (!conditionName) return true;
  const condition = ctx.schema.getType(conditionName);
  if (!condition || !isCompositeType(condition)) return false;
  if (condition === objectType) return true;
  return isAbstractType(condition) && ctx.schema.isSubType(condition, objectType);
}

/** Fields by response key for one concrete type, merging repeated keys as execution does. */
function collectFields(
  ctx: CostContext,
  objectType: GraphQLObjectType,
  selectionSet: SelectionSetNode,
  into = new Map<string, FieldNode[]>(),
  visited = new Set<string>(),
): Map<string, FieldNode[]> {
  for (const selection of selectionSet.selections) {
    if (!isIncluded(ctx, selection)) continue;
    if (selection.kind === Kind.FIELD) {
      const key = selection.alias?.value ?? selection.name.value;
      const list = into.get(key);
      if (list) list.push(selection);
      else into.set(key, [selection]);
    } else if (selection.kind === Kind.INLINE_FRAGMENT) {
      if (typeConditionApplies(ctx, selection.typeCondition?.name.value, objectType)) {
        collectFields(ctx, objectType, selection.selectionSet, into, visited);
      }
    } else {
      const name = selection.name.value;
      const fragment = ctx.fragments.get(name);
      if (!fragment || visited.has(name)) continue;
      visited.add(name);
      if (typeConditionApplies(ctx, fragment.typeCondition.name.value, objectType)) {
        collectFields(ctx, objectType, fragment.selectionSet, into, visited);
      }
    }
  }
  return into;
}

function mergedSelectionSet(nodes: readonly FieldNode[]): SelectionSetNode | undefined {
  const selections = nodes.flatMap((node) => node.selectionSet?.selections ?? []);
  return selections.length > 0 ? { kind: Kind.SELECTION_SET, selections } : undefined;
}

function argumentValue(
  ctx: CostContext,
  field: GraphQLField<unknown, unknown>,
  node: FieldNode,
  name: string,
): unknown {
  const definition = field.args.find((argument) => argument.name === name);
  const argument = node.arguments?.find((candidate) => candidate.name.value === name);
  if (!definition || !argument) return definition?.defaultValue;
  return valueFromAST(argument.value, definition.type, ctx.variables);
}

// Page size of a connection or sized list: first, else last; nodes(ids:) is sized by its ids.
function pageSize(
  ctx: CostContext,
  field: GraphQLField<unknown, unknown>,
  node: FieldNode,
): number | undefined {
  const first = argumentValue(ctx, field, node, "first");
  const last = argumentValue(ctx, field, node, "last");
  const ids = argumentValue(ctx, field, node, "ids");
  const size =
    typeof first === "number"
      ? first
      : typeof last === "number"
        ? last
        : Array.isArray(ids)
          ? ids.length
          : undefined;
  return size === undefined ? undefined : Math.max(0, size);
}

function isConnection(type: GraphQLOutputType): boolean {
  return getNamedType(type).name.endsWith("Connection");
}

function isList(type: GraphQLOutputType): boolean {
  return getNullableType(type) instanceof GraphQLList;
}

function possibleObjectTypes(
  ctx: CostContext,
  type: GraphQLCompositeType,
): readonly GraphQLObjectType[] {
  return isObjectType(type) ? [type] : ctx.schema.getPossibleTypes(type);
}

// ----- requested (static) cost -----

/** Cost of one object of `type` with `selectionSet`: 1 for the object plus its fields. */
function objectCost(
  ctx: CostContext,
  type: GraphQLCompositeType,
  selectionSet: SelectionSetNode | undefined,
): number {
  if (!selectionSet) return 1;
  let worst = 0;
  for (const objectType of possibleObjectTypes(ctx, type)) {
    worst = Math.max(
      worst,
      fieldsCost(ctx, objectType, collectFields(ctx, objectType, selectionSet)),
    );
  }
  return 1 + worst;
}

function fieldsCost(
  ctx: CostContext,
  objectType: GraphQLObjectType,
  fields: Map<string, FieldNode[]>,
): number {
  let total = 0;
  for (const nodes of fields.values()) {
    const first = nodes[0];
    if (!first) continue;
    const field = objectType.getFields()[first.name.value];
    if (!field) continue;
    total += fieldCost(ctx, field, nodes);
  }
  return total;
}

/** Cost of one node of a connection: the largest of what edges.node and nodes select. */
function connectionNodeCost(
  ctx: CostContext,
  connectionType: GraphQLObjectType,
  selectionSet: SelectionSetNode | undefined,
): number {
  if (!selectionSet) return 0;
  const fields = collectFields(ctx, connectionType, selectionSet);
  let nodeCost = 0;
  for (const nodes of fields.values()) {
    const name = nodes[0]?.name.value;
    const field = name ? connectionType.getFields()[name] : undefined;
    if (!field) continue;
    const named = getNamedType(field.type);
    if (name === "nodes" && isCompositeType(named)) {
      nodeCost = Math.max(nodeCost, objectCost(ctx, named, mergedSelectionSet(nodes)));
    } else if (name === "edges" && isObjectType(named)) {
      const edgeFields = collectFields(
        ctx,
        named,
        mergedSelectionSet(nodes) ?? { kind: Kind.SELECTION_SET, selections: [] },
      );
      for (const edgeNodes of edgeFields.values()) {
        const edgeFieldName = edgeNodes[0]?.name.value;
        const edgeField = edgeFieldName ? named.getFields()[edgeFieldName] : undefined;
        const edgeNamed = edgeField ? getNamedType(edgeField.type) : undefined;
        if (edgeFieldName === "node" && edgeNamed && isCompositeType(edgeNamed)) {
          nodeCost = Math.max(nodeCost, objectCost(ctx, edgeNamed, mergedSelectionSet(edgeNodes)));
        }
      }
    }
    // pageInfo and cursors come with the connection's base cost.
  }
  return nodeCost;
}

function fieldCost(
  ctx: CostContext,
  field: GraphQLField<unknown, unknown>,
  nodes: FieldNode[],
): number {
  const named = getNamedType(field.type);
  if (!isCompositeType(named)) return 0;
  const first = nodes[0];
  if (!first) return 0;
  const selectionSet = mergedSelectionSet(nodes);
  if (isConnection(field.type) && isObjectType(named)) {
    const size = pageSize(ctx, field, first) ?? 0;
    return CONNECTION_BASE_COST + size * connectionNodeCost(ctx, named, selectionSet);
  }
  const size = isList(field.type) ? pageSize(ctx, field, first) : undefined;
  if (size !== undefined) return CONNECTION_BASE_COST + size * objectCost(ctx, named, selectionSet);
  return objectCost(ctx, named, selectionSet);
}

function rootType(
  schema: GraphQLSchema,
  operation: OperationDefinitionNode,
): GraphQLObjectType | undefined {
  if (operation.operation === "mutation") return schema.getMutationType() ?? undefined;
  if (operation.operation === "subscription") return schema.getSubscriptionType() ?? undefined;
  return schema.getQueryType() ?? undefined;
}

export interface CostInput {
  schema: GraphQLSchema;
  document: DocumentNode;
  operation: OperationDefinitionNode;
  variables?: Variables | null;
}

function context(input: CostInput): CostContext {
  return {
    schema: input.schema,
    fragments: fragmentsOf(input.document),
    variables: coerceVariables(input),
  };
}

// Variables arrive as JSON; valueFromAST wants them already in their input shape, which for the
// Int/Boolean arguments that matter to cost is the JSON value itself. Defaults fill the gaps.
function coerceVariables(input: CostInput): Variables {
  const variables: Variables = { ...(input.variables ?? {}) };
  for (const definition of input.operation.variableDefinitions ?? []) {
    const name = definition.variable.name.value;
    if (variables[name] !== undefined || !definition.defaultValue) continue;
    const type = typeFromAST(input.schema, definition.type);
    if (type && isInputType(type)) variables[name] = valueFromAST(definition.defaultValue, type);
  }
  return variables;
}

export function requestedQueryCost(input: CostInput): number {
  const ctx = context(input);
  const root = rootType(ctx.schema, input.operation);
  if (!root) return 0;
  const fields = collectFields(ctx, root, input.operation.selectionSet);
  if (input.operation.operation === "mutation") return fields.size * MUTATION_FIELD_COST;
  return fieldsCost(ctx, root, fields);
}

// ----- actual cost, from the result -----

type Json = unknown;

function isRecord(value: Json): value is Record<string, Json> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function concreteTypeOf(
  ctx: CostContext,
  type: GraphQLCompositeType,
  value: Record<string, Json>,
): readonly GraphQLObjectType[] {
  if (isObjectType(type)) return [type];
  const typename = value.__typename;
  if (typeof typename === "string") {
    const named = ctx.schema.getType(typename);
    if (named && isObjectType(named)) return [named];
  }
  // Without __typename the concrete type is unknown; charge the worst case of the possible ones.
  return possibleObjectTypes(ctx, type);
}

function actualObjectCost(
  ctx: CostContext,
  type: GraphQLCompositeType,
  selectionSet: SelectionSetNode | undefined,
  value: Json,
): number {
  if (!isRecord(value)) return 0;
  if (!selectionSet) return 1;
  let worst = 0;
  for (const objectType of concreteTypeOf(ctx, type, value)) {
    worst = Math.max(
      worst,
      actualFieldsCost(ctx, objectType, collectFields(ctx, objectType, selectionSet), value),
    );
  }
  return 1 + worst;
}

function actualFieldsCost(
  ctx: CostContext,
  objectType: GraphQLObjectType,
  fields: Map<string, FieldNode[]>,
  value: Record<string, Json>,
): number {
  let total = 0;
  for (const [key, nodes] of fields) {
    const first = nodes[0];
    if (!first || !(key in value)) continue;
    const field = objectType.getFields()[first.name.value];
    if (!field) continue;
    total += actualFieldCost(ctx, field, nodes, value[key]);
  }
  return total;
}

function sumItems(items: Json, cost: (item: Json) => number): number {
  return Array.isArray(items) ? items.reduce<number>((sum, item) => sum + cost(item), 0) : 0;
}

function actualConnectionCost(
  ctx: CostContext,
  connectionType: GraphQLObjectType,
  selectionSet: SelectionSetNode | undefined,
  value: Json,
): number {
  if (!isRecord(value)) return 0;
  if (!selectionSet) return CONNECTION_BASE_COST;
  let nodesCost = 0;
  for (const [key, nodes] of collectFields(ctx, connectionType, selectionSet)) {
    const name = nodes[0]?.name.value;
    const field = name ? connectionType.getFields()[name] : undefined;
    if (!field) continue;
    const named = getNamedType(field.type);
    if (name === "nodes" && isCompositeType(named)) {
      const merged = mergedSelectionSet(nodes);
      nodesCost = Math.max(
        nodesCost,
        sumItems(value[key], (item) => actualObjectCost(ctx, named, merged, item)),
      );
    } else if (name === "edges" && isObjectType(named)) {
      const edgeFields = collectFields(
        ctx,
        named,
        mergedSelectionSet(nodes) ?? { kind: Kind.SELECTION_SET, selections: [] },
      );
      for (const [edgeKey, edgeNodes] of edgeFields) {
        const edgeField = named.getFields()[edgeNodes[0]?.name.value ?? ""];
        const edgeNamed = edgeField ? getNamedType(edgeField.type) : undefined;
        if (edgeField?.name !== "node" || !edgeNamed || !isCompositeType(edgeNamed)) continue;
        const merged = mergedSelectionSet(edgeNodes);
        const cost = sumItems(value[key], (edge) =>
          isRecord(edge) ? actualObjectCost(ctx, edgeNamed, merged, edge[edgeKey]) : 0,
        );
        nodesCost = Math.max(nodesCost, cost);
      }
    }
  }
  return CONNECTION_BASE_COST + nodesCost;
}

function actualFieldCost(
  ctx: CostContext,
  field: GraphQLField<unknown, unknown>,
  nodes: FieldNode[],
  value: Json,
): number {
  const named = getNamedType(field.type);
  if (!isCompositeType(named)) return 0;
  const first = nodes[0];
  if (!first) return 0;
  const selectionSet = mergedSelectionSet(nodes);
  if (isConnection(field.type) && isObjectType(named))
    return actualConnectionCost(ctx, named, selectionSet, value);
  if (isList(field.type)) {
    const sized = pageSize(ctx, field, first) !== undefined;
    const items = sumItems(value, (item) => actualObjectCost(ctx, named, selectionSet, item));
    if (sized) return CONNECTION_BASE_COST + items;
    // An unsized list is priced as one object, like the requested cost does.
    return Array.isArray(value) ? Math.min(items, objectCost(ctx, named, selectionSet)) : 0;
  }
  return actualObjectCost(ctx, named, selectionSet, value);
}

/** What the result actually cost: connections count the nodes returned, not the page size. */
export function actualQueryCost(input: CostInput & { data: Json }): number {
  const ctx = context(input);
  const root = rootType(ctx.schema, input.operation);
  if (!root || !isRecord(input.data)) return 0;
  const fields = collectFields(ctx, root, input.operation.selectionSet);
  if (input.operation.operation === "mutation") {
    // A mutation that ran is charged in full even when its payload came back null.
    let ran = 0;
    for (const key of fields.keys()) if (key in input.data) ran += 1;
    return ran * MUTATION_FIELD_COST;
  }
  return actualFieldsCost(ctx, root, fields, input.data);
}

export interface MaxCostExceededError {
  message: string;
  extensions: { code: "MAX_COST_EXCEEDED"; cost: number; maxCost: number; documentation: string };
}

/** Shopify's refusal for a query whose requested cost is above the single-query limit. */
export function maxCostExceededError(cost: number): MaxCostExceededError {
  return {
    message:
      `Query cost is ${cost}, which exceeds the single query max cost limit (${MAX_QUERY_COST}).\n\n` +
      "See https://shopify.dev/concepts/about-apis/rate-limits for more information on how the\n" +
      "cost of a query is calculated.\n\n" +
      "To query larger amounts of data with fewer limits, bulk operations should be used instead.\n" +
      "See https://shopify.dev/tutorials/perform-bulk-operations-with-admin-api for usage details.\n",
    extensions: {
      code: "MAX_COST_EXCEEDED",
      cost,
      maxCost: MAX_QUERY_COST,
      documentation: "https://shopify.dev/api/usage/limits#rate-limits",
    },
  };
}
