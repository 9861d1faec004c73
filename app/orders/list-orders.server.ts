// The orders table's rows, one page at a time, by keyset (cursor) pagination: each page starts
// strictly after the last row of the previous one in (sort column, id) order. OFFSET would make
// SQLite walk and discard every earlier row, so page 2,000 of a 100k-order shop would crawl.
import type { Prisma, PrismaClient } from "@prisma/client";
import { DELAY_CLASSES } from "./backlog";
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
}

type OrdersDb = Pick<PrismaClient, "trackedOrder">;

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

export function ordersWhere(
  shop: string,
  view: Pick<OrdersView, "filter" | "q">,
): Prisma.TrackedOrderWhereInput {
  const classes = view.filter === "all" ? [...DELAY_CLASSES] : [view.filter];
  // Every word must match somewhere: "ava chen" finds Ava Chen, "#1042" finds the order.
  const terms = view.q.split(/\s+/).filter(Boolean).slice(0, 5);
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

// Column comparisons for one sort: created is a DateTime, the other two are YYYY-MM-DD strings.
function columnIs(
  sort: OrderSort,
  op: "gt" | "lt" | "equals",
  value: string,
): Prisma.TrackedOrderWhereInput {
  if (sort === "created") return { createdAt: { [op]: new Date(value) } };
  return { [SORT_COLUMN[sort]]: { [op]: value } };
}

function columnNull(sort: OrderSort, isNull: boolean): Prisma.TrackedOrderWhereInput {
  if (sort === "created") return isNull ? { id: { in: [] } } : {};
  return { [SORT_COLUMN[sort]]: isNull ? null : { not: null } };
}

/**
 * Rows strictly after `cursor` in the order (column `forward` with nulls last, then id the same
 * way). Walking backwards (previous page) flips both, so nulls come first.
 */
function beyond(
  sort: OrderSort,
  dir: "asc" | "desc",
  cursor: Cursor,
  backwards: boolean,
): Prisma.TrackedOrderWhereInput {
  const ascending = (dir === "asc") !== backwards;
  const op = ascending ? "gt" : "lt";
  const idBeyond = { id: { [op]: cursor.id } };
  if (!backwards) {
    if (cursor.v === null) return { AND: [columnNull(sort, true), idBeyond] };
    return {
      OR: [
        columnIs(sort, op, cursor.v),
        { AND: [columnIs(sort, "equals", cursor.v), idBeyond] },
        columnNull(sort, true),
      ],
    };
  }
  if (cursor.v === null)
    return { OR: [columnNull(sort, false), { AND: [columnNull(sort, true), idBeyond] }] };
  return {
    OR: [columnIs(sort, op, cursor.v), { AND: [columnIs(sort, "equals", cursor.v), idBeyond] }],
  };
}

function orderBy(
  sort: OrderSort,
  dir: "asc" | "desc",
  backwards: boolean,
): Prisma.TrackedOrderOrderByWithRelationInput[] {
  const direction = (dir === "asc") !== backwards ? "asc" : "desc";
  const nulls = backwards ? "first" : "last";
  const column: Prisma.TrackedOrderOrderByWithRelationInput =
    sort === "created"
      ? { createdAt: direction }
      : { [SORT_COLUMN[sort]]: { sort: direction, nulls } };
  return [column, { id: direction }];
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
  const found = await db.trackedOrder.findMany({
    where: cursor ? { AND: [where, beyond(view.sort, view.dir, cursor, backwards)] } : where,
    orderBy: orderBy(view.sort, view.dir, backwards),
    take: take + 1,
    select: SELECT,
  });
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
): Promise<OrdersPage> {
  const where = ordersWhere(shop, view);
  const [slice, total] = await Promise.all([
    fetchSlice(db, where, view, pageSize),
    db.trackedOrder.count({ where }),
  ]);
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
