// Executes a checked bulk query over every record and turns the answer into JSONL lines: each
// connection node is its own line, and a node found inside another node's connection carries
// `__parentId` (the id of the node it hangs off). The top-level connection is paged internally
// (a bulk query has no page limits); nested connections are read 250 at a time, which covers
// every nested list the seeded shops have (see simulator/README.md, limits).
import {
  Kind,
  TypeInfo,
  getNamedType,
  visit,
  visitWithTypeInfo,
  type ArgumentNode,
  type DocumentNode,
  type FieldNode,
} from "graphql";
import type { AccessGrant } from "../access-grant";
import { isRedaction } from "../access-check";
import { runRequest } from "../execute";
import { adminSchema } from "../schema";
import type { ShopStore } from "../store/shop-store";
import { isConnectionTypeName, type CheckedBulkQuery } from "./bulk-rules";

export const BULK_PAGE_SIZE = 250;
const AFTER_VARIABLE = "bulkAfter_";
const PAGE_INFO_ALIAS = "bulkPageInfo_";
const PAGING_ARGUMENTS = new Set(["first", "last", "after", "before"]);

export type JsonObject = Record<string, unknown>;

function intArgument(name: string, value: number): ArgumentNode {
  return {
    kind: Kind.ARGUMENT,
    name: { kind: Kind.NAME, value: name },
    value: { kind: Kind.INT, value: String(value) },
  };
}

/** The query with paging arguments the bulk runner controls: all nodes, the top level by cursor. */
export function pagedBulkDocument(checked: CheckedBulkQuery): DocumentNode {
  const schema = adminSchema();
  const queryRoot = schema.getQueryType();
  const typeInfo = new TypeInfo(schema);
  const rewritten = visit(
    checked.document,
    visitWithTypeInfo(typeInfo, {
      Field(node: FieldNode): FieldNode | undefined {
        const fieldType = typeInfo.getType();
        if (!fieldType || !isConnectionTypeName(getNamedType(fieldType).name)) return undefined;
        const kept = (node.arguments ?? []).filter(
          (argument) => !PAGING_ARGUMENTS.has(argument.name.value),
        );
        const isRoot = typeInfo.getParentType() === queryRoot;
        if (!isRoot) return { ...node, arguments: [...kept, intArgument("first", BULK_PAGE_SIZE)] };
        const after: ArgumentNode = {
          kind: Kind.ARGUMENT,
          name: { kind: Kind.NAME, value: "after" },
          value: { kind: Kind.VARIABLE, name: { kind: Kind.NAME, value: AFTER_VARIABLE } },
        };
        const pageInfo: FieldNode = {
          kind: Kind.FIELD,
          alias: { kind: Kind.NAME, value: PAGE_INFO_ALIAS },
          name: { kind: Kind.NAME, value: "pageInfo" },
          selectionSet: {
            kind: Kind.SELECTION_SET,
            selections: ["hasNextPage", "endCursor"].map(
              (name): FieldNode => ({ kind: Kind.FIELD, name: { kind: Kind.NAME, value: name } }),
            ),
          },
        };
        const selectionSet = node.selectionSet
          ? { ...node.selectionSet, selections: [...node.selectionSet.selections, pageInfo] }
          : node.selectionSet;
        return {
          ...node,
          arguments: [...kept, intArgument("first", BULK_PAGE_SIZE), after],
          selectionSet,
        };
      },
      OperationDefinition: {
        leave(node) {
          return {
            ...node,
            variableDefinitions: [
              {
                kind: Kind.VARIABLE_DEFINITION,
                variable: { kind: Kind.VARIABLE, name: { kind: Kind.NAME, value: AFTER_VARIABLE } },
                type: { kind: Kind.NAMED_TYPE, name: { kind: Kind.NAME, value: "String" } },
              },
            ],
          };
        },
      },
    }),
  );
  return rewritten;
}

function isObject(value: unknown): value is JsonObject {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

const CONNECTION_KEYS = new Set(["edges", "nodes", "pageInfo", PAGE_INFO_ALIAS]);

function connectionNodes(value: unknown): JsonObject[] | null {
  if (!isObject(value)) return null;
  const keys = Object.keys(value);
  if (keys.length === 0 || !keys.every((key) => CONNECTION_KEYS.has(key))) return null;
  if (Array.isArray(value["nodes"])) return value["nodes"].filter(isObject);
  if (Array.isArray(value["edges"]))
    return value["edges"].flatMap((edge) =>
      isObject(edge) && isObject(edge["node"]) ? [edge["node"]] : [],
    );
  return null;
}

/** A node's own line (nested connections taken out) and the connections found inside it. */
function splitNode(node: JsonObject, children: JsonObject[][]): JsonObject {
  const line: JsonObject = {};
  for (const [key, value] of Object.entries(node)) {
    const nested = connectionNodes(value);
    if (nested) children.push(nested);
    else if (isObject(value)) line[key] = splitNode(value, children);
    else line[key] = value;
  }
  return line;
}

/** Lines for the nodes of one connection, parents before their own children (grouped order). */
export function linesForConnection(
  nodes: readonly JsonObject[],
  parentId: string | null,
  out: JsonObject[],
): void {
  for (const node of nodes) {
    const children: JsonObject[][] = [];
    const line = splitNode(node, children);
    out.push(parentId === null ? line : { ...line, __parentId: parentId });
    const id = typeof node["id"] === "string" ? node["id"] : null;
    for (const child of children) linesForConnection(child, id, out);
  }
}

export interface BulkPage {
  lines: JsonObject[];
  roots: number;
  nextCursor: string | null;
}

export class BulkQueryFailed extends Error {
  override name = "BulkQueryFailed";
  constructor(
    message: string,
    readonly accessDenied = false,
  ) {
    super(message);
  }
}

/**
 * Runs one page of the top-level connection with the starting request's access. A field outside
 * the scopes fails the operation (errorCode ACCESS_DENIED, an enum value of BulkOperationErrorCode);
 * a redacted protected field stays null in its line, as the redacted data of a normal query.
 */
export async function runBulkPage(
  store: ShopStore,
  document: DocumentNode,
  rootField: string,
  after: string | null,
  access?: AccessGrant,
): Promise<BulkPage> {
  const result = await runRequest(
    store,
    { document },
    { [AFTER_VARIABLE]: after },
    undefined,
    access,
  );
  const failures = (result.errors ?? []).filter((error) => !isRedaction(error));
  if (failures.length > 0)
    throw new BulkQueryFailed(
      failures.map((error) => error.message).join("; "),
      failures.some((error) => error.extensions["code"] === "ACCESS_DENIED"),
    );
  const root = isObject(result.data) ? result.data[rootField] : undefined;
  const nodes = connectionNodes(root) ?? [];
  const pageInfo = isObject(root) ? root[PAGE_INFO_ALIAS] : undefined;
  const hasNext = isObject(pageInfo) && pageInfo["hasNextPage"] === true;
  const endCursor =
    isObject(pageInfo) && typeof pageInfo["endCursor"] === "string" ? pageInfo["endCursor"] : null;
  const lines: JsonObject[] = [];
  linesForConnection(nodes, null, lines);
  return { lines, roots: nodes.length, nextCursor: hasNext ? endCursor : null };
}
