// The first import from a finished bulk file to rows, on the database the suite runs on (CI runs
// both: TEST_DATABASES=sqlite,postgresql). The file is written here the way Shopify writes it:
// shopify.dev "Perform bulk operations with the GraphQL Admin API"
// (https://shopify.dev/docs/api/usage/bulk-operations/queries) — JSONL, one node a line, each node
// of a nested connection a line of its own with `__parentId` naming its parent — and, since API
// 2026-01, children need not follow their parent (they come first here). The expected rows are
// written from the lines by hand, not through the app's mapping.
import type { PrismaClient } from "@prisma/client";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openTestDatabase, trackedOrder } from "../../../tests/support/factories";
import { workerDatabase } from "../../../tests/support/test-databases";
import { loadOrderSummary } from "../order-summary.server";
import { importBulkFile, importReport } from "./import-bulk-file.server";

const SHOP = "bulk-file.myshopify.com";
let db: PrismaClient;

beforeAll(async () => {
  db = await openTestDatabase();
});
afterAll(async () => {
  await db.$disconnect();
});

/** Order n: two line items (the second without a product), shop money in USD, paid in EUR. */
function orderLines(n: number): object[] {
  const order = `gid://shopify/Order/${n}`;
  return [
    {
      id: `gid://shopify/Collection/${7000 + (n % 3)}`,
      __parentId: `gid://shopify/LineItem/${n * 10 + 1}`,
    },
    {
      id: `gid://shopify/LineItem/${n * 10 + 2}`,
      title: "Gift wrap",
      sku: null,
      quantity: 1,
      unfulfilledQuantity: 0,
      product: null,
      __parentId: order,
    },
    {
      id: `gid://shopify/LineItem/${n * 10 + 1}`,
      title: `Walnut case ${n}`,
      sku: `WC-${n}`,
      quantity: 2 + (n % 2),
      unfulfilledQuantity: 2,
      product: { id: `gid://shopify/Product/${900 + (n % 4)}`, tags: ["made-to-order"] },
      __parentId: order,
    },
    {
      id: `gid://shopify/FulfillmentOrder/${n * 10 + 3}`,
      status: "OPEN",
      fulfillBy: "2026-11-20T04:59:59Z",
      __parentId: order,
    },
    {
      id: order,
      name: `#${n}`,
      createdAt: "2026-11-01T10:00:00Z",
      updatedAt: `2026-11-02T10:00:${String(n % 60).padStart(2, "0")}Z`,
      cancelledAt: null,
      closedAt: null,
      displayFulfillmentStatus: "UNFULFILLED",
      displayFinancialStatus: "PAID",
      email: `buyer${n}@example.net`,
      tags: ["vip"],
      customer: { firstName: "Ana", lastName: `Lopez ${n}` },
      customerLocale: "de",
      currentTotalPriceSet: {
        shopMoney: { amount: `${100 + n}.50`, currencyCode: "USD" },
        presentmentMoney: { amount: `${90 + n}.25`, currencyCode: "EUR" },
      },
    },
  ];
}

function expectedRow(n: number) {
  return {
    shop: SHOP,
    id: `gid://shopify/Order/${n}`,
    name: `#${n}`,
    createdAt: new Date("2026-11-01T10:00:00Z"),
    updatedAt: new Date(`2026-11-02T10:00:${String(n % 60).padStart(2, "0")}Z`),
    cancelledAt: null,
    closedAt: null,
    displayFulfillmentStatus: "UNFULFILLED",
    displayFinancialStatus: "PAID",
    email: `buyer${n}@example.net`,
    customerFirstName: "Ana",
    customerLastName: `Lopez ${n}`,
    totalAmount: `${100 + n}.50`,
    currencyCode: "USD",
    presentmentAmount: `${90 + n}.25`,
    presentmentCurrencyCode: "EUR",
    customerLocale: "de",
    unitsOrdered: 3 + (n % 2),
    unitsRemaining: 2,
    fulfillBy: new Date("2026-11-20T04:59:59Z"),
    tags: '["vip"]',
    lineItems: [
      {
        id: `gid://shopify/LineItem/${n * 10 + 1}`,
        title: `Walnut case ${n}`,
        sku: `WC-${n}`,
        quantity: 2 + (n % 2),
        remaining: 2,
        productId: `gid://shopify/Product/${900 + (n % 4)}`,
        productTags: ["made-to-order"],
        collectionIds: [`gid://shopify/Collection/${7000 + (n % 3)}`],
      },
      {
        id: `gid://shopify/LineItem/${n * 10 + 2}`,
        title: "Gift wrap",
        sku: null,
        quantity: 1,
        remaining: 0,
        productId: null,
        productTags: [],
        collectionIds: [],
      },
    ],
  };
}

/** The file as bytes, cut into 64 KB chunks as a download arrives. */
function file(lines: readonly string[]): AsyncIterable<Uint8Array> {
  const bytes = new TextEncoder().encode(lines.join("\n") + "\n");
  return (async function* () {
    for (let at = 0; at < bytes.length; at += 65_536) yield bytes.slice(at, at + 65_536);
  })();
}

async function rows(shop = SHOP) {
  const found = await db.trackedOrder.findMany({ where: { shop }, orderBy: { name: "asc" } });
  return found.map(({ lineItems, ...row }) => ({ ...row, lineItems: JSON.parse(lineItems) }));
}

// More than one transaction batch (2,000) and SQLite statement (500), with a remainder.
const COUNT = 2_345;
const numbers = Array.from({ length: COUNT }, (_, i) => i + 1);
const LINES = numbers.flatMap(orderLines).map((line) => JSON.stringify(line));

describe("importBulkFile", () => {
  it("writes every order of the file, nested lines and both currencies, equal to the file", async () => {
    const now = new Date("2026-11-03T00:00:00Z");
    const imported = await importBulkFile(db, SHOP, file(LINES), now);
    expect(imported).toMatchObject({ count: COUNT, orphans: 0, refused: 0 });
    expect(imported.latestUpdatedAt).toEqual(new Date("2026-11-02T10:00:59Z"));
    const saved = await rows();
    const byName = (a: { name: string }, b: { name: string }) => a.name.localeCompare(b.name);
    expect(saved).toHaveLength(COUNT);
    expect(saved).toEqual(
      numbers
        .map(expectedRow)
        .sort(byName)
        .map((row) => expect.objectContaining({ ...row, syncedAt: now })),
    );
  });

  it("imported again, changes nothing but what changed in the file (idempotent)", async () => {
    await importBulkFile(db, SHOP, file(LINES), new Date("2026-11-03T00:00:00Z"));
    const first = await rows();
    const changed = LINES.map((line) => line.replace('"name":"#7",', '"name":"#7 (edited)",'));
    const again = await importBulkFile(db, SHOP, file(changed), new Date("2026-11-03T00:00:00Z"));
    expect(again.count).toBe(COUNT);
    const second = await rows();
    expect(second).toHaveLength(COUNT);
    expect(second.filter((row) => row.name !== "#7 (edited)")).toEqual(
      first.filter((row) => row.name !== "#7"),
    );
    expect(second.find((row) => row.id === "gid://shopify/Order/7")?.name).toBe("#7 (edited)");
  });

  it("an order written while the file is read, whose lines come after, ends whole (written again)", async () => {
    // Every order line first, every child after: with writeAfterLines 0 each order of the first
    // chunks is written before any of its lines, so only the write at the end can make it right.
    const orders = LINES.filter((line) => line.includes('"name":"#'));
    const children = LINES.filter((line) => !line.includes('"name":"#'));
    const shop = "early-writes.myshopify.com";
    const now = new Date("2026-11-03T00:00:00Z");
    const imported = await importBulkFile(db, shop, file([...orders, ...children]), now, 0);
    expect(imported).toMatchObject({ count: COUNT, orphans: 0, refused: 0 });
    const saved = await rows(shop);
    expect(saved).toHaveLength(COUNT);
    expect(saved).toEqual(
      numbers
        .map(expectedRow)
        .sort((a, b) => a.name.localeCompare(b.name))
        .map((row) => expect.objectContaining({ ...row, shop, syncedAt: now })),
    );
  });

  it("ends whole beside a write transaction the app holds meanwhile (on SQLite, only after it), and the app's transaction commits", async () => {
    // The import writes on its own connection (on SQLite, its own thread) while Prisma's connection
    // in this process holds a write transaction (on SQLite, the database's one write lock): the
    // import must wait for it, not fail, and must not stop the app's transaction from going on and
    // committing (on SQLite a wait for the lock on this thread would block both for ever).
    const shop = "beside-a-transaction.myshopify.com";
    const other = trackedOrder("beside-a-transaction-other.myshopify.com");
    let importing: Promise<unknown> = Promise.resolve();
    let settledWhileHeld = false;
    await db.$transaction(
      async (tx) => {
        await tx.trackedOrder.create({ data: other });
        // Written from the first lines on (writeAfterLines 0), so its first write comes while the
        // lock is held. It cannot end before the lock is let go: held until it does, or 3 s.
        importing = importBulkFile(db, shop, file(LINES), new Date("2026-11-03T00:00:00Z"), 0);
        await Promise.race([
          importing.then(
            () => (settledWhileHeld = true),
            () => (settledWhileHeld = true),
          ),
          new Promise((resolve) => setTimeout(resolve, 3_000)),
        ]);
        await tx.trackedOrder.update({
          where: { shop_id: { shop: other.shop, id: other.id } },
          data: { name: "#held" },
        });
      },
      { timeout: 20_000 },
    );
    // SQLite has one writer at a time: the import waited. PostgreSQL locks rows, and these differ.
    if (workerDatabase() === "sqlite") expect(settledWhileHeld).toBe(false);
    await expect(importing).resolves.toMatchObject({ count: COUNT, refused: 0 });
    expect(await rows(shop)).toHaveLength(COUNT);
    const kept = await db.trackedOrder.findUnique({
      where: { shop_id: { shop: other.shop, id: other.id } },
    });
    expect(kept?.name).toBe("#held");
  });

  it("keeps the shop's order summary equal to its rows, with orders the app wrote before in the first and a later batch", async () => {
    // Every order of the file is in the backlog with 2 units left. Orders 3 and 2,200 are there
    // before (a webhook's write), with other units: the import's batches that hold them meet a
    // row already there (on PostgreSQL that batch's COPY fails on the key and goes again as an
    // upsert), and the summary, kept by the table's triggers, must count each order once.
    const shop = "summary-import.myshopify.com";
    for (const n of [3, 2_200])
      await db.trackedOrder.create({
        data: trackedOrder(shop, { id: `gid://shopify/Order/${n}`, unitsRemaining: 9 }),
      });
    const now = new Date("2026-11-03T00:00:00Z");
    await importBulkFile(db, shop, file(LINES), now);
    const expected = { orders: COUNT, units: 2 * COUNT };
    expect((await loadOrderSummary(db, shop)).backlog).toEqual(expected);
    await importBulkFile(db, shop, file(LINES), now);
    expect((await loadOrderSummary(db, shop)).backlog).toEqual(expected);
    const saved = await rows(shop);
    expect(saved).toHaveLength(COUNT);
    expect(saved.filter((row) => row.unitsRemaining !== 2)).toEqual([]);
  });

  it("keeps text holding tabs, newlines, backslashes, quotes and a literal \\N exactly as the file has it", async () => {
    // PostgreSQL's bulk rows go by COPY's text format, where these characters are its syntax
    // (https://www.postgresql.org/docs/15/sql-copy.html, "Text Format").
    const odd = 'a\tb\nc\rd\\e "f" \\N ü';
    const shop = "odd-text.myshopify.com";
    const lines = numbers.flatMap(orderLines).map((line) => {
      const fields = line as Record<string, unknown>;
      if ("title" in fields)
        return JSON.stringify({ ...fields, title: `${odd} ${String(fields.title)}` });
      if (!("name" in fields)) return JSON.stringify(fields);
      return JSON.stringify({
        ...fields,
        name: `${String(fields.name)} ${odd}`,
        email: `${odd}@example.net`,
        tags: [odd],
        customer: { firstName: odd, lastName: "\\N" },
      });
    });
    const imported = await importBulkFile(db, shop, file(lines), new Date("2026-11-03T00:00:00Z"));
    expect(imported).toMatchObject({ count: COUNT, refused: 0 });
    const saved = await rows(shop);
    expect(saved).toHaveLength(COUNT);
    for (const row of saved) {
      expect(row.name.endsWith(` ${odd}`)).toBe(true);
      expect(row).toMatchObject({
        email: `${odd}@example.net`,
        tags: JSON.stringify([odd]),
        customerFirstName: odd,
        customerLastName: "\\N",
      });
      expect(
        row.lineItems.map((item: { title: string }) => item.title.slice(0, odd.length)),
      ).toEqual([odd, odd]);
    }
  });

  it("reports a malformed line by number and reason, never its text, and imports the rest", async () => {
    const lines = orderLines(1)
      .concat(orderLines(2))
      .map((line) => JSON.stringify(line));
    // Line 3: cut short (not JSON); line 10: order 2 with a quantity Shopify never sends.
    lines[2] = lines[2]?.slice(0, 40) ?? "";
    lines[9] = JSON.stringify({ ...orderLines(2)[4], currentTotalPriceSet: null });
    const imported = await importBulkFile(db, SHOP, file(lines), new Date());
    expect(imported).toMatchObject({ count: 1, refused: 2 });
    // Order 2's four children and the cut line item's collection stay without a parent, counted.
    expect(imported.orphans).toBe(5);
    const report = importReport(imported) ?? "";
    expect(report).toContain("2 lines not understood and skipped");
    expect(report).toContain("line 3: not JSON");
    expect(report).toMatch(/line 10: Order currentTotalPriceSet/);
    expect(report).not.toContain("buyer2@example.net");
    const saved = await rows();
    expect(saved.map((row) => row.name)).toEqual(["#1"]);
    // Order 1 lost its first line item (the cut line): the rest of it is still right.
    expect(saved[0]?.lineItems).toEqual([expectedRow(1).lineItems[1]]);
  });
});
