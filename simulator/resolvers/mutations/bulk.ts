// bulkOperationRunQuery and bulkOperationCancel. Only the mutation itself is charged (a flat 10,
// cost.ts); the query it starts runs outside the rate-limit bucket, as on Shopify.
import { z } from "zod";
import { bulkOperationsOf } from "../../bulk/bulk-operations";
import type { FieldResolver } from "../define";

const runArgs = z.object({ query: z.string(), groupObjects: z.boolean().nullish() });
const cancelArgs = z.object({ id: z.string() });

export const bulkMutations: Record<string, FieldResolver<unknown>> = {
  bulkOperationRunQuery: (_root, rawArgs, context) => {
    const args = runArgs.parse(rawArgs);
    const result = bulkOperationsOf(context.store).runQuery(
      args.query,
      args.groupObjects ?? false,
      context.access,
    );
    return "userErrors" in result
      ? { bulkOperation: null, userErrors: result.userErrors }
      : { bulkOperation: result.operation, userErrors: [] };
  },
  bulkOperationCancel: (_root, rawArgs, context) => {
    const result = bulkOperationsOf(context.store).cancel(cancelArgs.parse(rawArgs).id);
    return "message" in result
      ? { bulkOperation: null, userErrors: [{ field: ["id"], message: result.message }] }
      : { bulkOperation: result.operation, userErrors: [] };
  },
};
