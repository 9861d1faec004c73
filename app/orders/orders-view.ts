// The orders table's state, held in the URL so a filtered, sorted page can be shared or
// bookmarked: ?class=overdue&q=chen&sort=promise&dir=asc&after=<cursor>. Parsed with zod; an
// unknown value falls back to the default instead of failing the page.
import { z } from "zod";

export const ORDER_FILTERS = ["all", "overdue", "at_risk", "on_track", "done"] as const;
export type OrderFilter = (typeof ORDER_FILTERS)[number];
export const ORDER_SORTS = ["promise", "created", "forecast"] as const;
export type OrderSort = (typeof ORDER_SORTS)[number];
export const PAGE_SIZE = 50;

export interface OrdersView {
  filter: OrderFilter;
  q: string;
  sort: OrderSort;
  dir: "asc" | "desc";
  after: Cursor | null;
  before: Cursor | null;
}

/** A position in the sorted list: the sort column's value (null sorts last) and the order id. */
export interface Cursor {
  v: string | null;
  id: string;
}

const cursorSchema = z.object({ v: z.string().max(64).nullable(), id: z.string().min(1).max(128) });

export function encodeCursor(cursor: Cursor): string {
  return Buffer.from(JSON.stringify(cursor)).toString("base64url");
}

export function decodeCursor(text: string | null): Cursor | null {
  if (!text) return null;
  try {
    const parsed = cursorSchema.safeParse(
      JSON.parse(Buffer.from(text, "base64url").toString("utf8")),
    );
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

const viewSchema = z.object({
  class: z.enum(ORDER_FILTERS).catch("all"),
  q: z
    .string()
    .trim()
    .max(100)
    .catch("")
    .transform((q) => q.slice(0, 100)),
  sort: z.enum(ORDER_SORTS).catch("promise"),
  dir: z.enum(["asc", "desc"]).catch("asc"),
});

export function parseOrdersView(params: URLSearchParams): OrdersView {
  const parsed = viewSchema.parse({
    class: params.get("class") ?? undefined,
    q: params.get("q") ?? "",
    sort: params.get("sort") ?? undefined,
    dir: params.get("dir") ?? undefined,
  });
  const after = decodeCursor(params.get("after"));
  return {
    filter: parsed.class,
    q: parsed.q,
    sort: parsed.sort,
    dir: parsed.dir,
    after,
    before: after ? null : decodeCursor(params.get("before")),
  };
}

/** URL search params for a view (defaults left out, so links stay short). */
export function ordersViewParams(
  view: Pick<OrdersView, "filter" | "q" | "sort" | "dir">,
  page: { after?: Cursor; before?: Cursor } = {},
): URLSearchParams {
  const params = new URLSearchParams();
  if (view.filter !== "all") params.set("class", view.filter);
  if (view.q) params.set("q", view.q);
  if (view.sort !== "promise") params.set("sort", view.sort);
  if (view.dir !== "asc") params.set("dir", view.dir);
  if (page.after) params.set("after", encodeCursor(page.after));
  if (page.before) params.set("before", encodeCursor(page.before));
  return params;
}
