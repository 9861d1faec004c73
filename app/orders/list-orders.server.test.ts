// Keyset pagination against a real SQLite database: every sort and direction, walked forwards
// and back with a small page size, must visit each row exactly once in the order a plain
// JavaScript sort gives (nulls last), and never another shop's rows.
import type { PrismaClient } from "@prisma/client";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import {
  insertTrackedOrders,
  openTestDatabase,
  trackedOrder,
  type TrackedOrderRow,
} from "../../tests/support/factories";
import { eachOrder, listOrders } from "./list-orders.server";
import { ORDER_SORTS, parseOrdersView, type OrdersView, type OrderSort } from "./orders-view";

const shop = "pages.myshopify.com";
let db: PrismaClient;
const rows: TrackedOrderRow[] = [];

beforeAll(async () => {
  db = await openTestDatabase();
  const classes = ["overdue", "at_risk", "on_track", "done"];
  for (let i = 0; i < 47; i += 1) {
    // Few distinct dates, so ties on the sort column are common; a few nulls (not yet forecast dates).
    const promise = i % 9 === 0 ? null : `2026-12-0${1 + (i % 4)}`;
    rows.push(
      trackedOrder(shop, {
        id: `gid://shopify/Order/${1000 + ((i * 37) % 101)}`,
        name: `#${2000 + i}`,
        createdAt: new Date(Date.UTC(2026, 10, 1 + (i % 5), i)),
        customerFirstName: i % 2 ? "Ava" : "Ben",
        customerLastName: i % 3 ? "Chen" : "O'Hara",
        email: `buyer${i}@example.com`,
        promisedShipDate: promise,
        conservativeShipDate: i % 7 === 0 ? null : `2026-12-1${i % 3}`,
        delayClass: classes[i % 4] ?? "on_track",
      }),
    );
  }
});

// Each test starts on a fresh database (tests/setup/fresh-database.ts): the same rows every time.
beforeEach(async () => {
  await insertTrackedOrders(db, rows);
  await insertTrackedOrders(db, [
    trackedOrder("other.myshopify.com", {
      delayClass: "overdue",
      customerFirstName: "Ava",
      promisedShipDate: "2026-12-01",
    }),
  ]);
});
afterAll(async () => {
  await db.$disconnect();
});

function expectedOrder(
  filter: (r: TrackedOrderRow) => boolean,
  sort: OrderSort,
  dir: "asc" | "desc",
): string[] {
  const value = (r: TrackedOrderRow): string | null =>
    sort === "created"
      ? new Date(r.createdAt).toISOString()
      : ((sort === "promise" ? r.promisedShipDate : r.conservativeShipDate) ?? null);
  const sign = dir === "asc" ? 1 : -1;
  return rows
    .filter(filter)
    .sort((a, b) => {
      const va = value(a);
      const vb = value(b);
      if (va === null || vb === null)
        return va === vb ? sign * a.id.localeCompare(b.id) : va === null ? 1 : -1;
      return sign * (va.localeCompare(vb) || a.id.localeCompare(b.id));
    })
    .map((r) => r.id);
}

const view = (over: Partial<OrdersView>): OrdersView => ({
  ...parseOrdersView(new URLSearchParams()),
  ...over,
});
const open = (r: TrackedOrderRow) => r.delayClass !== "done";

describe("listOrders", () => {
  for (const sort of ORDER_SORTS) {
    for (const dir of ["asc", "desc"] as const) {
      it(`walks every page by ${sort} ${dir}, forwards and back`, async () => {
        const expected = expectedOrder(open, sort, dir);
        const seen: string[] = [];
        let page = await listOrders(db, shop, view({ sort, dir }), 8);
        expect(page.previous).toBeNull();
        expect(page.total).toBe(expected.length);
        const pages = [page];
        seen.push(...page.rows.map((r) => r.id));
        while (page.next) {
          page = await listOrders(db, shop, view({ sort, dir, after: page.next }), 8);
          pages.push(page);
          seen.push(...page.rows.map((r) => r.id));
        }
        expect(seen).toEqual(expected);
        // Back from the last page, each previous page is the one we saw going forwards.
        for (let i = pages.length - 1; i > 0; i -= 1) {
          const current = pages[i];
          if (!current?.previous) throw new Error(`page ${i} has no previous cursor`);
          const back = await listOrders(db, shop, view({ sort, dir, before: current.previous }), 8);
          expect(back.rows.map((r) => r.id)).toEqual(pages[i - 1]?.rows.map((r) => r.id));
          expect(back.next).not.toBeNull();
          expect(back.previous === null).toBe(i === 1);
        }
      });
    }
  }

  it("filters by class and searches name, customer and email, within the shop only", async () => {
    const overdue = await listOrders(db, shop, view({ filter: "overdue" }), 100);
    expect(overdue.rows.map((r) => r.id)).toEqual(
      expectedOrder((r) => r.delayClass === "overdue", "promise", "asc"),
    );
    const ava = await listOrders(db, shop, view({ q: "ava o'hara" }), 100);
    expect(ava.rows.map((r) => r.id).sort()).toEqual(
      rows
        .filter((r) => open(r) && r.customerFirstName === "Ava" && r.customerLastName === "O'Hara")
        .map((r) => r.id)
        .sort(),
    );
    const byName = await listOrders(db, shop, view({ q: "#2005" }), 100);
    expect(byName.rows.map((r) => r.name)).toEqual(["#2005"]);
    const byEmail = await listOrders(db, shop, view({ filter: "done", q: "BUYER3@" }), 100);
    expect(byEmail.rows.map((r) => r.email)).toEqual(["buyer3@example.com"]);
    const everywhere = await listOrders(db, shop, view({ q: "ava" }), 1000);
    expect(
      everywhere.rows.every((r) => rows.some((mine) => mine.id === r.id && mine.shop === shop)),
    ).toBe(true);
  });

  it("streams a whole view in batches, and only the chosen ids when asked", async () => {
    const all: string[] = [];
    for await (const row of eachOrder(
      db,
      shop,
      view({ sort: "forecast", dir: "desc" }),
      undefined,
      5,
    ))
      all.push(row.id);
    expect(all).toEqual(expectedOrder(open, "forecast", "desc"));
    const chosen = expectedOrder(open, "promise", "asc").slice(3, 6);
    const picked: string[] = [];
    for await (const row of eachOrder(
      db,
      shop,
      view({}),
      [...chosen, "gid://shopify/Order/not-mine"],
      2,
    ))
      picked.push(row.id);
    expect(picked).toEqual(chosen);
  });

  it("falls back to defaults on nonsense in the URL", () => {
    const parsed = parseOrdersView(
      new URLSearchParams("class=everything&sort=price&dir=up&after=%%%"),
    );
    expect(parsed).toEqual({
      filter: "all",
      q: "",
      sort: "promise",
      dir: "asc",
      after: null,
      before: null,
    });
  });
});
