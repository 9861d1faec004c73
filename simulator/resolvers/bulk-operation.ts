// BulkOperation and the query fields that read it (currentBulkOperation, bulkOperation, node).
import { z } from "zod";
import { bulkOperationsOf, type BulkOperationRecord } from "../bulk/bulk-operations";
import { parseGid } from "../gid";
import { defineType, hasTypename, type FieldResolver } from "./define";
import { iso } from "./values";

export const bulkOperationType = defineType(
  "BulkOperation",
  hasTypename<BulkOperationRecord>("BulkOperation"),
  {
    id: (operation) => operation.id,
    type: (operation) => operation.type,
    status: (operation) => operation.status,
    errorCode: (operation) => operation.errorCode,
    query: (operation) => operation.query,
    createdAt: (operation) => iso(operation.createdAt),
    completedAt: (operation) => iso(operation.completedAt),
    // UnsignedInt64 travels as a string.
    objectCount: (operation) => String(operation.objectCount),
    rootObjectCount: (operation) => String(operation.rootObjectCount),
    fileSize: (operation) => (operation.fileSize === null ? null : String(operation.fileSize)),
    url: (operation) => operation.url,
    partialDataUrl: (operation) => operation.partialDataUrl,
  },
);

const idArgs = z.object({ id: z.string() });
const currentArgs = z.object({ type: z.enum(["QUERY", "MUTATION"]).nullish() });

/** Adds the bulk fields to the query root's, and lets `node(id:)` find bulk operations. */
export function withBulkQueryFields(
  fields: Readonly<Record<string, FieldResolver<unknown>>>,
): Record<string, FieldResolver<unknown>> {
  const baseNode = fields["node"];
  return {
    ...fields,
    currentBulkOperation: (_root, args, context) =>
      bulkOperationsOf(context.store).current(currentArgs.parse(args).type ?? "QUERY") ?? null,
    bulkOperation: (_root, args, context) =>
      bulkOperationsOf(context.store).find(idArgs.parse(args).id) ?? null,
    node: (root, args, context, info) => {
      const id = idArgs.parse(args).id;
      if (parseGid(id)?.type === "BulkOperation")
        return bulkOperationsOf(context.store).find(id) ?? null;
      return baseNode ? baseNode(root, args, context, info) : null;
    },
  };
}
