// Shopify-style cursor pagination over an already filtered and sorted list. Cursors encode the
// sort value and id of an item (like Shopify's opaque base64 JSON cursors), so a cursor stays
// meaningful even if the item it came from is no longer in the list.
import { GraphQLError } from "graphql";
import { z } from "zod";

export const MAX_PAGE_SIZE = 250;

export const connectionArgsSchema = z.object({
  first: z.number().int().nullish(),
  last: z.number().int().nullish(),
  after: z.string().nullish(),
  before: z.string().nullish(),
  reverse: z.boolean().nullish(),
});
export type ConnectionArgs = z.infer<typeof connectionArgsSchema>;

export interface CursorKey {
  id: number;
  value: number | string;
}

export interface Connection<T> {
  edges: { cursor: string; node: T }[];
  nodes: T[];
  pageInfo: {
    hasNextPage: boolean;
    hasPreviousPage: boolean;
    startCursor: string | null;
    endCursor: string | null;
  };
}

const cursorSchema = z.object({
  last_id: z.number(),
  last_value: z.union([z.number(), z.string()]),
});

export function encodeCursor(key: CursorKey): string {
  return Buffer.from(JSON.stringify({ last_id: key.id, last_value: key.value })).toString("base64");
}

export function decodeCursor(cursor: string, argumentName: string): CursorKey {
  let json: unknown;
  try {
    json = JSON.parse(Buffer.from(cursor, "base64").toString("utf8"));
  } catch {
    json = undefined;
  }
  const parsed = cursorSchema.safeParse(json);
  if (!parsed.success)
    throw new GraphQLError(`Invalid cursor for current pagination sort.`, {
      extensions: { code: "BAD_REQUEST", argumentName },
    });
  return { id: parsed.data.last_id, value: parsed.data.last_value };
}

/** Ascending comparison of sort keys, ties broken by id like Shopify does. */
export function compareKeys(a: CursorKey, b: CursorKey): number {
  if (a.value < b.value) return -1;
  if (a.value > b.value) return 1;
  return a.id - b.id;
}

/** Rejects the page sizes Shopify rejects, before any work is done. */
export function checkPageSize(args: ConnectionArgs, fieldName: string): void {
  if (
    (args.first === null || args.first === undefined) &&
    (args.last === null || args.last === undefined)
  ) {
    throw new GraphQLError("you must provide one of first or last");
  }
  for (const name of ["first", "last"] as const) {
    const size = args[name];
    if (size !== null && size !== undefined && (size < 0 || size > MAX_PAGE_SIZE)) {
      throw new GraphQLError(
        `Argument '${name}' on Field '${fieldName}' has an invalid value (${size}). Expected a value between 0 and ${MAX_PAGE_SIZE}.`,
        {
          extensions: {
            code: "argumentLiteralsIncompatible",
            typeName: "Field",
            fieldName,
            argumentName: name,
          },
        },
      );
    }
  }
}

/**
 * Pages through `sorted` (already in the requested order, `reverse` applied). `keyOf` gives each
 * item's cursor key and `direction` is -1 when the list is in descending key order.
 */
export function paginate<T>(
  sorted: readonly T[],
  args: ConnectionArgs,
  fieldName: string,
  keyOf: (item: T) => CursorKey,
  direction: 1 | -1 = 1,
): Connection<T> {
  checkPageSize(args, fieldName);
  const compare = (a: CursorKey, b: CursorKey) => direction * compareKeys(a, b);
  let start = 0;
  let end = sorted.length;
  if (args.after) {
    const after = decodeCursor(args.after, "after");
    start = firstIndexWhere(sorted, (item) => compare(keyOf(item), after) > 0);
  }
  if (args.before) {
    const before = decodeCursor(args.before, "before");
    end = firstIndexWhere(sorted, (item) => compare(keyOf(item), before) >= 0);
  }
  if (end < start) end = start;
  let pageStart = start;
  let pageEnd = end;
  if (args.first !== null && args.first !== undefined)
    pageEnd = Math.min(pageEnd, pageStart + args.first);
  if (args.last !== null && args.last !== undefined)
    pageStart = Math.max(pageStart, pageEnd - args.last);
  const page = sorted.slice(pageStart, pageEnd);
  const edges = page.map((node) => ({ cursor: encodeCursor(keyOf(node)), node }));
  return {
    edges,
    nodes: page,
    pageInfo: {
      hasNextPage: pageEnd < sorted.length,
      hasPreviousPage: pageStart > 0,
      startCursor: edges[0]?.cursor ?? null,
      endCursor: edges[edges.length - 1]?.cursor ?? null,
    },
  };
}

/** Binary search: the first index whose item satisfies a predicate that is monotone over the list. */
function firstIndexWhere<T>(items: readonly T[], predicate: (item: T) => boolean): number {
  let low = 0;
  let high = items.length;
  while (low < high) {
    const mid = (low + high) >> 1;
    const item = items[mid];
    if (item !== undefined && predicate(item)) high = mid;
    else low = mid + 1;
  }
  return low;
}
