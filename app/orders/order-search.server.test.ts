// The orders search through its index (SQLite: the FTS5 trigram table of migration *_order_search;
// PostgreSQL: the pg_trgm GIN index of the side table TrackedOrderTrigram) finds exactly the orders the plain LIKE over every row finds
// (Prisma's `contains`, the query the page ran before the index), for ordinary and odd input, on
// each database; pages through it the same way; and forgets a redacted customer's email.
import type { PrismaClient } from "@prisma/client";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { z } from "zod";
import { redactCustomer } from "../data-lifecycle/redact-customer.server";
import { isSqliteClient } from "../prisma-client.server";
import {
  insertTrackedOrders,
  openTestDatabase,
  trackedOrder,
  type TrackedOrderRow,
} from "../../tests/support/factories";
import { listOrders, ordersWhere } from "./list-orders.server";
import { SEARCH_COLUMNS_INDEX } from "./order-search.server";
import { ORDER_SORTS, parseOrdersView, type OrdersView } from "./orders-view";

const shop = "search.myshopify.com";
let db: PrismaClient;

const PEOPLE: [string | null, string | null, string | null][] = [
  ["Ava", "Chen", "ava.chen@example.com"],
  ["Ben", "O'Hara", "ben.ohara@example.com"],
  ["Zoë", "Ångström", "zoe@exämple.se"],
  ["ÉLODIE", "Smith", "ELODIE.SMITH@EXAMPLE.COM"],
  ["Ana", "Smithson", "ana_smithson@example.com"],
  ["Jo", "Li", "jo%li@example.com"],
  ['Quote"d', "AND", "and.or.not@example.com"],
  ["星", "田中", "tanaka@example.jp"],
  [null, null, null],
  ["Near", "Star*", "near@example.com"],
];
const CLASSES = ["overdue", "at_risk", "on_track", "done"];

function rows(): TrackedOrderRow[] {
  return Array.from({ length: 40 }, (_, i) => {
    const [first, last, email] = PEOPLE[i % PEOPLE.length] ?? [null, null, null];
    return trackedOrder(shop, {
      id: `gid://shopify/Order/${7000 + ((i * 13) % 97)}`,
      name: `#${1000 + i}`,
      createdAt: new Date(Date.UTC(2026, 10, 1 + (i % 6), i)),
      customerFirstName: first,
      customerLastName: last,
      email,
      promisedShipDate: i % 7 === 0 ? null : `2026-12-0${1 + (i % 3)}`,
      conservativeShipDate: i % 5 === 0 ? null : `2026-12-1${i % 4}`,
      delayClass: CLASSES[i % 4] ?? "on_track",
    });
  });
}

beforeAll(async () => {
  db = await openTestDatabase();
});
beforeEach(async () => {
  await insertTrackedOrders(db, rows());
  // Another shop's Ava Chen must never show.
  await insertTrackedOrders(db, [
    trackedOrder("other.myshopify.com", {
      customerFirstName: "Ava",
      customerLastName: "Chen",
      email: "ava.chen@example.com",
      delayClass: "overdue",
    }),
  ]);
});
afterAll(async () => {
  await db.$disconnect();
});

const view = (q: string, over: Partial<OrdersView> = {}): OrdersView => ({
  ...parseOrdersView(new URLSearchParams({ q })),
  ...over,
});

/** The orders the plain LIKE over every row finds (the query before the index). */
async function likeOverRows(v: OrdersView): Promise<string[]> {
  const found = await db.trackedOrder.findMany({
    where: ordersWhere(shop, v),
    select: { id: true },
  });
  return found.map((row) => row.id).sort();
}

const ODD_INPUT = [
  "ava chen",
  "smith",
  "SMITH",
  "example.com",
  "#1003",
  "o'hara",
  "'",
  '"',
  'quote"d',
  '"ava"',
  "AND",
  "and OR not",
  "star*",
  "*",
  "NEAR(ava chen)",
  "ava:chen",
  "^ava",
  "%",
  "_",
  "jo%li",
  "a_a",
  "smi%son",
  "zoë",
  "ZOË",
  "ångström",
  "exämple",
  "田中",
  "星",
  "💥",
  "-ava",
  "\\",
  "nobody-has-this",
  "",
  "   ",
  "a b c d e f g",
  // Words too short for a trigram (no index can narrow them; on SQLite they read the index of the
  // searched columns): a 2-letter word inside names and emails ("Li", "ELODIE", "jo%li"), one in no
  // order, an order-number prefix in every order, and a letter in nearly every row.
  "li",
  "LI",
  "zq",
  "#1",
  "e",
  "li ch",
];

describe("the orders search", () => {
  it("finds exactly the orders the LIKE over every row finds, for every kind of input", async () => {
    for (const q of ODD_INPUT) {
      for (const filter of ["all", "done"] as const) {
        const v = view(q, { filter });
        const expected = await likeOverRows(v);
        const indexed = await listOrders(db, shop, v, 1000);
        expect(indexed.rows.map((r) => r.id).sort(), `q=${JSON.stringify(q)} ${filter}`).toEqual(
          expected,
        );
        expect(indexed.total, `q=${JSON.stringify(q)}`).toBe(expected.length);
        // Forced past the index: the same answer.
        const scanned = await listOrders(db, shop, v, 1000, { searchIndexLimit: -1 });
        expect(scanned.rows.map((r) => r.id).sort(), `q=${JSON.stringify(q)} scan`).toEqual(
          expected,
        );
        // Common by the index's first matches (over 3 here): the walk in sort order, same answer.
        const common = await listOrders(db, shop, v, 1000, { searchIndexLimit: 3 });
        expect(common.rows.map((r) => r.id).sort(), `q=${JSON.stringify(q)} common`).toEqual(
          expected,
        );
        expect(common.total, `q=${JSON.stringify(q)} common`).toBe(expected.length);
      }
    }
    // The words reached the index, not just the scan: a rare word finds its orders.
    expect((await listOrders(db, shop, view("ngström"), 1000)).total).toBe(4);
    // LIKE folds ASCII only (https://sqlite.org/lang_expr.html#like; PostgreSQL here runs without a
    // locale): "ångström" does not find "Ångström", on either database.
    expect((await listOrders(db, shop, view("ångström"), 1000)).total).toBe(0);
  });

  it("finds and orders what the LIKE over every row does, for every filter and sort, after orders change class and promise", async () => {
    // As a reforecast and a sync change them: orders move between the backlog's classes, leave it
    // (done), come back, lose their class, get a new promise. On PostgreSQL the search reads the
    // class group and the promise from its side table (app/orders/order-search.server.ts), which
    // must follow every such change.
    const moved = rows().filter((_, i) => i % 3 === 0);
    for (const [n, row] of moved.entries()) {
      const delayClass = [...CLASSES, null][n % 5] ?? null;
      await db.trackedOrder.update({
        where: { shop_id: { shop, id: row.id } },
        data: {
          delayClass: delayClass === row.delayClass ? "at_risk" : delayClass,
          // Half keep their promise, so the class alone changes.
          ...(n % 2 === 0
            ? { promisedShipDate: `2027-01-${String(10 + n).padStart(2, "0")}` }
            : {}),
        },
      });
    }
    for (const q of ["example", "smith", "ava chen", "a_a", "zq", "#100"]) {
      for (const filter of ["all", "overdue", "done"] as const) {
        for (const sort of ORDER_SORTS) {
          const v = view(q, { filter, sort });
          const label = `q=${q} ${filter} ${sort}`;
          const indexed = await listOrders(db, shop, v, 1000);
          expect(indexed.rows.map((r) => r.id).sort(), label).toEqual(await likeOverRows(v));
          const scanned = await listOrders(db, shop, v, 1000, { searchIndexLimit: -1 });
          expect(
            indexed.rows.map((r) => r.id),
            label,
          ).toEqual(scanned.rows.map((r) => r.id));
        }
      }
    }
  });

  it("pages through a search in the table's order, forwards and back, as the scan does", async () => {
    for (const sort of ORDER_SORTS) {
      for (const dir of ["asc", "desc"] as const) {
        const walk = async (searchIndexLimit: number | undefined) => {
          const pages: string[][] = [];
          let page = await listOrders(db, shop, view("example", { sort, dir }), 4, {
            searchIndexLimit,
          });
          pages.push(page.rows.map((r) => r.id));
          while (page.next) {
            page = await listOrders(db, shop, view("example", { sort, dir, after: page.next }), 4, {
              searchIndexLimit,
            });
            pages.push(page.rows.map((r) => r.id));
          }
          const back: string[][] = [page.rows.map((r) => r.id)];
          while (page.previous) {
            page = await listOrders(
              db,
              shop,
              view("example", { sort, dir, before: page.previous }),
              4,
              { searchIndexLimit },
            );
            back.unshift(page.rows.map((r) => r.id));
          }
          return { pages, back };
        };
        const indexed = await walk(undefined);
        const scanned = await walk(-1);
        expect(indexed.pages.length, `${sort} ${dir}`).toBeGreaterThan(3);
        expect(indexed.pages, `${sort} ${dir}`).toEqual(scanned.pages);
        expect(indexed.back, `${sort} ${dir} back`).toEqual(indexed.pages);
      }
    }
  });

  it("shows 1,000+ for a word in over 1,000 orders of the classes, with the scan's page; up to 1,000 matches are counted exactly", async () => {
    // 3,300 more Smiths: 2,200 overdue and 1,100 done. The index query checks the classes itself:
    // "done" has 1,100 matches (+ the fixture's), "all" (every class but done) over 2,000: both
    // floors. "smithson" (the fixture's 4, none of the new ones) is counted exactly.
    await insertTrackedOrders(
      db,
      Array.from({ length: 3300 }, (_, i) =>
        trackedOrder(shop, {
          id: `gid://shopify/Order/${90000 + i}`,
          name: `#${50000 + i}`,
          createdAt: new Date(Date.UTC(2026, 9, 1, 0, i)),
          customerLastName: "Smith",
          email: `buyer${i}@example.org`,
          promisedShipDate: `2026-11-${String(1 + (i % 28)).padStart(2, "0")}`,
          delayClass: i % 3 === 2 ? "done" : "overdue",
        }),
      ),
    );
    const done = view("smith", { filter: "done" });
    expect((await likeOverRows(done)).length).toBeGreaterThan(1100);
    const floorDone = await listOrders(db, shop, done);
    expect([floorDone.total, floorDone.totalIsFloor]).toEqual([1000, true]);
    const exact = await listOrders(db, shop, view("smithson"));
    expect([exact.total, exact.totalIsFloor]).toEqual([4, false]);

    // A 2-letter word in over 1,000 orders of the classes (every new order's name starts "#5"):
    // the same floor and the scan's page. Shopify's own search matches a term as a word or a word's
    // prefix, not anywhere inside a word (its storefront search: "Prefix search is automatically
    // performed on all searches", https://help.shopify.com/manual/online-store/storefront-search;
    // the Admin API's `email` filter "is a tokenized field", admin-2026-10 schema, QueryRoot.customers
    // query argument); this page has always found a word anywhere, and keeps doing so for short words.
    const short = view("#5");
    const shortFloor = await listOrders(db, shop, short);
    expect([shortFloor.total, shortFloor.totalIsFloor]).toEqual([1000, true]);
    const shortScanned = await listOrders(db, shop, short, 50, { searchIndexLimit: -1 });
    expect(shortFloor.rows.map((r) => r.id)).toEqual(shortScanned.rows.map((r) => r.id));
    expect(shortFloor.rows).toHaveLength(50);

    const common = view("smith");
    const floor = await listOrders(db, shop, common);
    expect(floor.totalIsFloor).toBe(true);
    expect(floor.total).toBe(1000);
    // The page itself is the scan's: the first 50 in the table's order.
    const scanned = await listOrders(db, shop, common, 50, { searchIndexLimit: -1 });
    expect(floor.rows.map((r) => r.id)).toEqual(scanned.rows.map((r) => r.id));
    expect(floor.rows).toHaveLength(50);
    expect(floor.next).not.toBeNull();
  });

  it("keeps TrackedOrderTrigram one row per order holding its lowered name, email and names, class group, creation date and promise, through every kind of write, on PostgreSQL", async () => {
    if (isSqliteClient(db)) return;
    // What each order's search row must hold (migration *_orders_trigram_table), written out
    // here rather than through the migration's function; rows on either side alone count too.
    const drift = async () =>
      z
        .array(z.object({ id: z.string() }))
        .parse(
          await db.$queryRaw`SELECT coalesce(t."id", s."id") AS "id"
            FROM "TrackedOrder" AS t FULL JOIN "TrackedOrderTrigram" AS s
              ON s."shop" = t."shop" AND s."id" = t."id"
            WHERE t."id" IS NULL OR s."id" IS NULL
              OR s."search" IS DISTINCT FROM lower(coalesce(t."name", '')) || E'\n' || lower(coalesce(t."email", ''))
                || E'\n' || lower(coalesce(t."customerFirstName", '')) || E'\n' || lower(coalesce(t."customerLastName", ''))
              OR s."classGroup" IS DISTINCT FROM (CASE WHEN t."delayClass" IN ('overdue', 'at_risk', 'on_track')
                THEN 'backlog' WHEN t."delayClass" = 'done' THEN 'done' END)
              OR s."createdAt" IS DISTINCT FROM t."createdAt"
              OR s."promisedShipDate" IS DISTINCT FROM t."promisedShipDate"`,
        )
        .map((row) => row.id);
    const version = async (id: string) =>
      z
        .array(z.object({ v: z.string() }))
        .parse(
          await db.$queryRaw`SELECT xmin::text AS "v" FROM "TrackedOrderTrigram" WHERE "shop" = ${shop} AND "id" = ${id}`,
        )[0]?.v;
    const [first, second, third] = rows();
    if (!first || !second || !third) throw new Error("no rows");
    expect(await drift()).toEqual([]);
    const text = async (id: string) =>
      z
        .array(z.object({ search: z.string() }))
        .parse(
          await db.$queryRaw`SELECT "search" FROM "TrackedOrderTrigram" WHERE "shop" = ${shop} AND "id" = ${id}`,
        )[0]?.search;
    expect(await text(first.id)).toBe(`#1000\nava.chen@example.com\nava\nchen`);

    const key = (id: string) => ({ shop_id: { shop, id } });
    await db.trackedOrder.update({
      where: key(first.id),
      data: { name: "#A1", email: null, customerLastName: "Lee" },
    });
    await db.trackedOrder.updateMany({ where: { shop }, data: { customerFirstName: "Kim" } });
    await db.trackedOrder.upsert({
      where: key(second.id),
      create: second,
      update: { email: "NEW@Example.com" },
    });
    await db.trackedOrder.delete({ where: key(third.id) });
    await db.trackedOrder.upsert({ where: key(third.id), create: third, update: {} });
    expect(await drift()).toEqual([]);
    expect(await text(first.id)).toBe(`#a1\n\nkim\nlee`);

    // A forecast write that moves an order within the backlog's classes and its dates, and a write
    // of the same text, leave the search row as it was: no forecast row writes the side table.
    const before = await version(first.id);
    await db.$executeRaw`UPDATE "TrackedOrder" SET "delayClass" = 'at_risk', "likelyShipDate" = '2027-01-04',
      "conservativeShipDate" = '2027-01-05', "promisedShipDate" = "promisedShipDate" WHERE "shop" = ${shop} AND "delayClass" <> 'done'`;
    await db.trackedOrder.update({ where: key(first.id), data: { name: "#A1" } });
    expect(await version(first.id)).toBe(before);
    expect(await drift()).toEqual([]);
    // Leaving the backlog, coming back, a new promise: the row follows.
    await db.trackedOrder.update({ where: key(first.id), data: { delayClass: "done" } });
    expect(await version(first.id)).not.toBe(before);
    expect(await drift()).toEqual([]);
    await db.trackedOrder.update({
      where: key(second.id),
      data: { promisedShipDate: "2027-03-01" },
    });
    expect(await drift()).toEqual([]);
    await db.$executeRaw`UPDATE "TrackedOrder" SET "delayClass" = CASE WHEN "delayClass" = 'done' THEN 'overdue' ELSE NULL END,
      "promisedShipDate" = '2027-02-01', "createdAt" = "createdAt" + interval '1 hour' WHERE "shop" = ${shop}`;
    expect(await drift()).toEqual([]);

    await db.trackedOrder.deleteMany({ where: { shop } });
    expect(await drift()).toEqual([]);
    expect(await text(first.id)).toBeUndefined();
  });

  it("reads a word too short for a trigram from the index of the searched columns, not the table, on SQLite", async () => {
    if (!isSqliteClient(db)) return;
    // The short-word query of firstMatches (app/orders/order-search.server.ts), as SQLite plans it:
    // the shop's range of the covering index, then each match looked up by rowid.
    const plan = z
      .array(z.object({ detail: z.string() }))
      .parse(
        await db.$queryRawUnsafe(
          `EXPLAIN QUERY PLAN SELECT t."id" FROM "TrackedOrder" AS m INDEXED BY "${SEARCH_COLUMNS_INDEX}"
            CROSS JOIN "TrackedOrder" AS t
            WHERE m."shop" = ? AND (m."name" LIKE ? OR m."email" LIKE ?) AND t."rowid" = m."rowid"`,
          shop,
          "%zq%",
          "%zq%",
        ),
      )
      .map((row) => row.detail);
    expect(plan[0]).toContain(`USING COVERING INDEX ${SEARCH_COLUMNS_INDEX} (shop=?)`);
    expect(plan[1]).toContain("USING INTEGER PRIMARY KEY (rowid=?)");
  });

  it("forgets a redacted customer's email and names: the search and the index no longer hold them", async () => {
    const email = "ava.chen@example.com";
    expect((await listOrders(db, shop, view("ava.chen@"), 1000)).total).toBeGreaterThan(0);
    await redactCustomer(db, shop, { customerId: null, email, phone: null, orderIds: [] });
    expect((await listOrders(db, shop, view("ava.chen@"), 1000)).total).toBe(0);
    expect((await listOrders(db, shop, view("chen"), 1000)).total).toBe(0);
    if (!isSqliteClient(db)) {
      // PostgreSQL's side table: only the other shop's Ava Chen still holds the email.
      const holding = z
        .array(z.object({ shop: z.string() }))
        .parse(
          await db.$queryRaw`SELECT "shop" FROM "TrackedOrderTrigram" WHERE "search" LIKE ${`%${email}%`}`,
        );
      expect(holding.map((row) => row.shop)).toEqual(["other.myshopify.com"]);
      return;
    }
    // The index itself: no trigram only the email had is left (secure-delete removes a changed
    // row's entries at once, https://sqlite.org/fts5.html#the_secure_delete_configuration_option).
    await db.$executeRawUnsafe(
      `CREATE VIRTUAL TABLE IF NOT EXISTS temp."searchTerms" USING fts5vocab(main, 'TrackedOrderSearch', 'row')`,
    );
    const terms = z
      .array(z.object({ term: z.string(), doc: z.coerce.number() }))
      .parse(
        await db.$queryRawUnsafe(
          `SELECT term, doc FROM temp."searchTerms" WHERE term IN ('a.c', '.ch', 'hen')`,
        ),
      );
    // Only the other shop's Ava Chen still has them: one order each.
    expect(terms.map((t) => [t.term, t.doc]).sort()).toEqual([
      [".ch", 1],
      ["a.c", 1],
      ["hen", 1],
    ]);
    await db.$executeRawUnsafe(`DROP TABLE temp."searchTerms"`);
  });
});
