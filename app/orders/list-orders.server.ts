// The orders table's rows, one page at a time, by keyset (cursor) pagination: each page starts
// strictly after the last row of the previous one in (sort column, id) order. OFFSET would make
// SQLite walk and discard every earlier row, so page 2,000 of a 100k-order shop would crawl.
import type { Prisma, PrismaClient } from "@prisma/client";
import { DELAY_CLASSES } from "./backlog";
import { pageOfRows, searchWords } from "./order-search";
import { firstMatches, SEARCH_INDEX_LIMIT } from "./order-search.server";
import { PAGE_SIZE, type Cursor, type OrderSort, type OrdersView } from "./orders-view";

export interface OrderListRow {
  id: string;
  name: string;
  createdAt: string;
  customer: string;
  email: string | null;
  unitsRemaining: number;
  totalAmount: string;
  currencyCode: string;
  promisedShipDate: string | null;
  promiseSource: string | null;
  likelyShipDate: string | null;
  conservativeShipDate: string | null;
  delayClass: string | null;
}

export interface OrdersPage {
  rows: OrderListRow[];
  /** Cursor of the last row when a next page exists. */
  next: Cursor | null;
  /** Cursor of the first row when a previous page exists. */
  previous: Cursor | null;
  total: number;
  /** True when `total` is a floor: a search stops counting at SEARCH_COUNT_LIMIT matches. */
  totalIsFloor: boolean;
}

/** A search counts its matches up to this many ("1,000+ orders"): counting every match of a
 * common word would read every row of the shop. */
export const SEARCH_COUNT_LIMIT = 1000;

type OrdersDb = Pick<PrismaClient, "trackedOrder" | "$queryRaw">;

const SORT_COLUMN = {
  promise: "promisedShipDate",
  created: "createdAt",
  forecast: "conservativeShipDate",
} as const satisfies Record<OrderSort, keyof Prisma.TrackedOrderWhereInput>;

const SELECT = {
  id: true,
  name: true,
  createdAt: true,
  customerFirstName: true,
  customerLastName: true,
  email: true,
  unitsRemaining: true,
  totalAmount: true,
  currencyCode: true,
  promisedShipDate: true,
  promiseSource: true,
  likelyShipDate: true,
  conservativeShipDate: true,
  delayClass: true,
} as const satisfies Prisma.TrackedOrderSelect;

type SelectedRow = Prisma.TrackedOrderGetPayload<{ select: typeof SELECT }>;

/** The delay classes a filter shows ("all": every class but done). */
function viewClasses(view: Pick<OrdersView, "filter">): string[] {
  return view.filter === "all" ? [...DELAY_CLASSES] : [view.filter];
}

export function ordersWhere(
  shop: string,
  view: Pick<OrdersView, "filter" | "q">,
): Prisma.TrackedOrderWhereInput {
  const classes = viewClasses(view);
  // Every word must match somewhere: "ava chen" finds Ava Chen, "#1042" finds the order.
  const terms = searchWords(view.q);
  return {
    shop,
    delayClass: { in: classes },
    AND: terms.map((term) => ({
      OR: [
        { name: { contains: term } },
        { email: { contains: term } },
        { customerFirstName: { contains: term } },
        { customerLastName: { contains: term } },
      ],
    })),
  };
}

function sortValue(row: SelectedRow, sort: OrderSort): string | null {
  if (sort === "created") return row.createdAt.toISOString();
  return row[SORT_COLUMN[sort]];
}

/**
 * One stretch of the list, read by one index range scan per class: the rows whose sort column is
 * set, in (column, id) order, or the rows where it is null, in id order. The list is the first
 * stretch then the second (nulls last), so no query needs "NULLS LAST", which neither SQLite nor
 * PostgreSQL can read from a plain index: Prisma writes it as `ORDER BY CASE WHEN … IS NULL` on
 * SQLite, and each page sorted every row of the filter (issue 15).
 */
interface Stretch {
  nulls: boolean;
  where: Prisma.TrackedOrderWhereInput;
}

type Direction = "asc" | "desc";

function sortColumnWhere(
  sort: OrderSort,
  op: "gt" | "gte" | "lt" | "lte",
  value: string,
): Prisma.TrackedOrderWhereInput {
  if (sort === "created") return { createdAt: { [op]: new Date(value) } };
  return { [SORT_COLUMN[sort]]: { [op]: value } };
}

function nullsWhere(sort: OrderSort, isNull: boolean): Prisma.TrackedOrderWhereInput {
  if (sort === "created") return {};
  return { [SORT_COLUMN[sort]]: isNull ? null : { not: null } };
}

/**
 * The stretches to read, in reading order, from `cursor` (exclusive) going `direction` — the
 * view's direction, or its reverse when walking back to the previous page (then the nulls come
 * first). A range condition (`col >= v`) plus a tie-break keeps each one an index range scan.
 */
function stretches(
  sort: OrderSort,
  direction: Direction,
  cursor: Cursor | null,
  backwards: boolean,
): Stretch[] {
  const strict = direction === "asc" ? "gt" : "lt";
  const loose = direction === "asc" ? "gte" : "lte";
  const set = (after: Cursor | null): Stretch => ({
    nulls: false,
    where:
      after && after.v !== null
        ? {
            AND: [
              nullsWhere(sort, false),
              sortColumnWhere(sort, loose, after.v),
              { OR: [sortColumnWhere(sort, strict, after.v), { id: { [strict]: after.id } }] },
            ],
          }
        : nullsWhere(sort, false),
  });
  const unset = (afterId: string | null): Stretch => ({
    nulls: true,
    where: { AND: [nullsWhere(sort, true), afterId ? { id: { [strict]: afterId } } : {}] },
  });
  // createdAt is never null: one stretch.
  if (sort === "created") return [set(cursor)];
  if (!backwards) {
    if (!cursor) return [set(null), unset(null)];
    return cursor.v === null ? [unset(cursor.id)] : [set(cursor), unset(null)];
  }
  if (!cursor) return [unset(null), set(null)];
  return cursor.v === null ? [unset(cursor.id), set(null)] : [set(cursor)];
}

/**
 * Both stretches order by (column, id), the index's own order, though the nulls' column is
 * constant: PostgreSQL takes `col IS NULL` as an index condition but not as an equality that
 * fixes the column, so `ORDER BY id` alone made it sort every null row of the class (the done
 * class sorted by promise, about half the shop, was the slowest page).
 */
function stretchOrderBy(
  sort: OrderSort,
  direction: Direction,
): Prisma.TrackedOrderOrderByWithRelationInput[] {
  return [{ [SORT_COLUMN[sort]]: direction }, { id: direction }];
}

/** The order the database gives one stretch, to merge the classes' rows (ids and dates are ASCII). */
function compareRows(sort: OrderSort, direction: Direction, nulls: boolean) {
  const sign = direction === "asc" ? 1 : -1;
  const text = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
  return (a: SelectedRow, b: SelectedRow): number => {
    if (!nulls) {
      const byColumn =
        sort === "created"
          ? a.createdAt.getTime() - b.createdAt.getTime()
          : text(a[SORT_COLUMN[sort]] ?? "", b[SORT_COLUMN[sort]] ?? "");
      if (byColumn !== 0) return sign * Math.sign(byColumn);
    }
    return sign * text(a.id, b.id);
  };
}

function toListRow(row: SelectedRow): OrderListRow {
  return {
    id: row.id,
    name: row.name,
    createdAt: row.createdAt.toISOString(),
    customer: [row.customerFirstName, row.customerLastName].filter(Boolean).join(" "),
    email: row.email,
    unitsRemaining: row.unitsRemaining,
    totalAmount: row.totalAmount,
    currencyCode: row.currencyCode,
    promisedShipDate: row.promisedShipDate,
    promiseSource: row.promiseSource,
    likelyShipDate: row.likelyShipDate,
    conservativeShipDate: row.conservativeShipDate,
    delayClass: row.delayClass,
  };
}

async function fetchSlice(
  db: OrdersDb,
  where: Prisma.TrackedOrderWhereInput,
  view: OrdersView,
  take: number,
) {
  const backwards = view.before !== null;
  const cursor = view.after ?? view.before;
  const direction: Direction = (view.dir === "asc") !== backwards ? "asc" : "desc";
  // One query per class, each an index range scan on (shop, delayClass, column, id), merged here:
  // "all" is three classes, and an IN over them would make the database sort every row of all three.
  const classes = viewClasses(view);
  const found: SelectedRow[] = [];
  for (const stretch of stretches(view.sort, direction, cursor, backwards)) {
    const need = take + 1 - found.length;
    if (need <= 0) break;
    const perClass = await Promise.all(
      classes.map((delayClass) =>
        db.trackedOrder.findMany({
          where: { AND: [where, { delayClass }, stretch.where] },
          orderBy: stretchOrderBy(view.sort, direction),
          take: need,
          select: SELECT,
        }),
      ),
    );
    found.push(
      ...perClass
        .flat()
        .sort(compareRows(view.sort, direction, stretch.nulls))
        .slice(0, need),
    );
  }
  const more = found.length > take;
  const page = found.slice(0, take);
  return { rows: backwards ? page.reverse() : page, more, backwards, hadCursor: cursor !== null };
}

const cursorOf = (row: SelectedRow | undefined, sort: OrderSort): Cursor | null =>
  row ? { v: sortValue(row, sort), id: row.id } : null;

export async function listOrders(
  db: OrdersDb,
  shop: string,
  view: OrdersView,
  pageSize = PAGE_SIZE,
  options: { searchIndexLimit?: number } = {},
): Promise<OrdersPage> {
  const where = ordersWhere(shop, view);
  const words = searchWords(view.q);
  const limit = options.searchIndexLimit ?? SEARCH_INDEX_LIMIT;
  const matches =
    words.length > 0
      ? await firstMatches(db, shop, viewClasses(view), words, SORT_COLUMN[view.sort], limit)
      : null;
  let slice: Awaited<ReturnType<typeof fetchSlice>>;
  let total: number;
  let totalIsFloor = false;
  if (matches !== null && matches.length <= limit) {
    // A rare word: its few matches are the whole answer; the page is cut from their sort keys
    // here and only the page's rows are read (reading every match's row had been most of `#10`).
    const backwards = view.before !== null;
    const cursor = view.after ?? view.before;
    const found = pageOfRows(matches, (key) => key, view.dir, cursor, backwards, pageSize);
    const keys = found.slice(0, pageSize);
    const byId = new Map(
      (
        await db.trackedOrder.findMany({
          where: { shop, id: { in: keys.map((key) => key.id) } },
          select: SELECT,
        })
      ).map((row) => [row.id, row]),
    );
    const page = keys.flatMap((key) => byId.get(key.id) ?? []);
    slice = {
      rows: backwards ? page.reverse() : page,
      more: found.length > pageSize,
      backwards,
      hadCursor: cursor !== null,
    };
    total = Math.min(matches.length, SEARCH_COUNT_LIMIT);
    totalIsFloor = matches.length > SEARCH_COUNT_LIMIT;
  } else if (matches !== null) {
    // A common word: more than `limit` matches, so more than SEARCH_COUNT_LIMIT when the limit is
    // the usual one, and the page is read in sort order (matches are dense, so it comes quickly).
    const counted = await Promise.all([
      fetchSlice(db, where, view, pageSize),
      limit >= SEARCH_COUNT_LIMIT
        ? SEARCH_COUNT_LIMIT + 1
        : db.trackedOrder.count({ where, take: SEARCH_COUNT_LIMIT + 1 }),
    ]);
    slice = counted[0];
    total = Math.min(counted[1], SEARCH_COUNT_LIMIT);
    totalIsFloor = counted[1] > SEARCH_COUNT_LIMIT;
  } else {
    const counted = await Promise.all([
      fetchSlice(db, where, view, pageSize),
      db.trackedOrder.count({ where }),
    ]);
    slice = counted[0];
    total = counted[1];
  }
  const first = slice.rows[0];
  const last = slice.rows.at(-1);
  // Going forward there is a previous page whenever we came from one; going back, a next page.
  const hasNext = slice.backwards ? true : slice.more;
  const hasPrevious = slice.backwards ? slice.more : slice.hadCursor;
  return {
    rows: slice.rows.map(toListRow),
    next: hasNext ? cursorOf(last, view.sort) : null,
    previous: hasPrevious ? cursorOf(first, view.sort) : null,
    total,
    totalIsFloor,
  };
}

/** Every row of a view, in pages, for the CSV export: memory stays flat at any size. */
export async function* eachOrder(
  db: OrdersDb,
  shop: string,
  view: Pick<OrdersView, "filter" | "q" | "sort" | "dir">,
  ids?: readonly string[],
  batch = 1000,
) {
  const base = ordersWhere(shop, view);
  const where = ids ? { AND: [base, { id: { in: [...ids] } }] } : base;
  let after: Cursor | null = null;
  for (;;) {
    const slice = await fetchSlice(db, where, { ...view, after, before: null }, batch);
    for (const row of slice.rows) yield toListRow(row);
    if (!slice.more) return;
    after = cursorOf(slice.rows.at(-1), view.sort);
  }
}
