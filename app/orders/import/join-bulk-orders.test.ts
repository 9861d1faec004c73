import { describe, expect, it } from "vitest";
import { BulkOrderJoiner } from "./join-bulk-orders";

const money = {
  shopMoney: { amount: "58.00", currencyCode: "USD" },
  presentmentMoney: { amount: "58.00", currencyCode: "USD" },
};
function orderLine(n: number) {
  return {
    id: `gid://shopify/Order/${n}`,
    name: `#${n}`,
    createdAt: "2026-11-01T10:00:00Z",
    updatedAt: "2026-11-02T10:00:00Z",
    cancelledAt: null,
    closedAt: null,
    displayFulfillmentStatus: "UNFULFILLED",
    displayFinancialStatus: "PAID",
    email: `c${n}@example.net`,
    tags: [],
    customer: null,
    customerLocale: "en",
    currentTotalPriceSet: money,
  };
}
const item = (id: number, parent: number, quantity: number, product: number | null) => ({
  id: `gid://shopify/LineItem/${id}`,
  __parentId: `gid://shopify/Order/${parent}`,
  title: "Case",
  sku: `SKU-${id}`,
  quantity,
  unfulfilledQuantity: quantity,
  product:
    product === null ? null : { id: `gid://shopify/Product/${product}`, tags: ["made-to-order"] },
});
const fo = (id: number, parent: number, status: string, fulfillBy: string | null) => ({
  id: `gid://shopify/FulfillmentOrder/${id}`,
  __parentId: `gid://shopify/Order/${parent}`,
  status,
  fulfillBy,
});
const collection = (id: number, lineItem: number) => ({
  id: `gid://shopify/Collection/${id}`,
  __parentId: `gid://shopify/LineItem/${lineItem}`,
});

const LINES = [
  orderLine(1),
  item(11, 1, 2, 100),
  collection(501, 11),
  collection(502, 11),
  item(12, 1, 1, null),
  fo(21, 1, "OPEN", "2026-11-20T04:59:59Z"),
  orderLine(2),
  item(13, 2, 3, 101),
  collection(501, 13),
  fo(22, 2, "CLOSED", null),
];

function joined(lines: readonly unknown[]) {
  const joiner = new BulkOrderJoiner();
  for (const line of lines) joiner.add(line);
  return {
    orders: [...joiner.orderList()].sort((a, b) => a.id.localeCompare(b.id)),
    result: joiner.result(),
  };
}

// A small deterministic PRNG, so each permutation is reproducible from its seed.
function permutation<T>(items: readonly T[], seed: number): T[] {
  const out = [...items];
  let state = seed;
  const next = () => {
    state = (state * 1103515245 + 12345) % 2147483648;
    return state / 2147483648;
  };
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(next() * (i + 1));
    [out[i], out[j]] = [out[j] as T, out[i] as T];
  }
  return out;
}

describe("BulkOrderJoiner", () => {
  it("puts children under their parents (by hand)", () => {
    const { orders, result } = joined(LINES);
    expect(result).toMatchObject({ orders: 2, orphans: 0, refused: 0 });
    expect(orders[0]?.lineItems).toEqual([
      {
        id: "gid://shopify/LineItem/11",
        title: "Case",
        sku: "SKU-11",
        quantity: 2,
        unfulfilledQuantity: 2,
        product: {
          id: "gid://shopify/Product/100",
          tags: ["made-to-order"],
          collectionIds: ["gid://shopify/Collection/501", "gid://shopify/Collection/502"],
        },
      },
      {
        id: "gid://shopify/LineItem/12",
        title: "Case",
        sku: "SKU-12",
        quantity: 1,
        unfulfilledQuantity: 1,
        product: null,
      },
    ]);
    expect(orders[0]?.fulfillmentOrders).toEqual([
      { status: "OPEN", fulfillBy: "2026-11-20T04:59:59Z" },
    ]);
    expect(orders[1]?.lineItems.map((i) => i.product?.collectionIds)).toEqual([
      ["gid://shopify/Collection/501"],
    ]);
    expect(orders[1]?.fulfillmentOrders).toEqual([{ status: "CLOSED", fulfillBy: null }]);
  });

  it("gives the same orders whatever the line order: reversed, children first, 500 shuffles", () => {
    const reference = joined(LINES).orders;
    expect(joined([...LINES].reverse()).orders).toEqual(reference);
    const childrenFirst = [
      ...LINES.filter((l) => "__parentId" in l),
      ...LINES.filter((l) => !("__parentId" in l)),
    ];
    expect(joined(childrenFirst).orders).toEqual(reference);
    for (let seed = 1; seed <= 500; seed++)
      expect(joined(permutation(LINES, seed)).orders).toEqual(reference);
  });

  it("counts children whose parent never came, and leaves them out", () => {
    const { orders, result } = joined([
      ...LINES,
      item(99, 7, 1, 100),
      collection(503, 99),
      fo(98, 8, "OPEN", null),
    ]);
    expect(result).toMatchObject({ orders: 2, orphans: 3, refused: 0 });
    expect(orders.flatMap((o) => o.lineItems.map((i) => i.id))).not.toContain(
      "gid://shopify/LineItem/99",
    );
  });

  it("refuses lines it does not understand, naming the line and why, and keeps the rest", () => {
    const joiner = new BulkOrderJoiner();
    joiner.add(orderLine(1));
    joiner.add({ id: "gid://shopify/Customer/1" });
    joiner.add({ ...item(11, 1, 1, null), quantity: "2" });
    joiner.add({ name: "no id" });
    joiner.addText("{not json", 5);
    joiner.add(item(12, 1, 3, null));
    expect(joiner.result()).toEqual({
      orders: 1,
      orphans: 0,
      refused: 4,
      refusedLines: [
        "line 2: unexpected Customer",
        expect.stringMatching(/^line 3: LineItem quantity Expected number/),
        "line 4: not a line with a Shopify id",
        "line 5: not JSON",
      ],
    });
    expect([...joiner.orderList()][0]?.lineItems.map((i) => i.id)).toEqual([
      "gid://shopify/LineItem/12",
    ]);
  });

  it("takes what zod takes: a line the fast reader refuses goes to the schema (extra fields dropped)", () => {
    const joiner = new BulkOrderJoiner();
    joiner.add({ ...orderLine(1), extra: 1, customer: { firstName: null, lastName: "Ng" } });
    expect(joiner.result().refused).toBe(0);
    expect([...joiner.orderList()][0]).not.toHaveProperty("extra");
  });

  it("hands out an order early, and again at the end when a line of it came after", () => {
    const joiner = new BulkOrderJoiner();
    joiner.add(orderLine(1));
    joiner.add(item(11, 1, 2, 100));
    joiner.add(orderLine(2));
    // Order 1 came two lines ago, order 2 none: only order 1 is ready.
    expect([...joiner.readyOrders(1)].map((o) => o.id)).toEqual(["gid://shopify/Order/1"]);
    expect([...joiner.readyOrders(1)]).toEqual([]);
    joiner.add(collection(501, 11));
    joiner.add(fo(22, 2, "CLOSED", null));
    const later = [...joiner.laterOrders()];
    expect(later.map((o) => o.id)).toEqual(["gid://shopify/Order/1", "gid://shopify/Order/2"]);
    expect(later[0]?.lineItems[0]?.product?.collectionIds).toEqual([
      "gid://shopify/Collection/501",
    ]);
    expect(later[1]?.fulfillmentOrders).toEqual([{ status: "CLOSED", fulfillBy: null }]);
  });

  it("does not hand out again an order that gained nothing after it was handed out", () => {
    const joiner = new BulkOrderJoiner();
    joiner.add(orderLine(1));
    joiner.add(item(11, 1, 2, 100));
    expect([...joiner.readyOrders(0)].map((o) => o.id)).toEqual(["gid://shopify/Order/1"]);
    joiner.add(orderLine(2));
    expect([...joiner.laterOrders()].map((o) => o.id)).toEqual(["gid://shopify/Order/2"]);
  });

  it("writes last, for every order, the whole of it: handed out early, then rebuilt from its lines' texts (200 shuffles)", () => {
    const reference = joined(LINES).orders;
    for (let seed = 1; seed <= 200; seed++) {
      const joiner = new BulkOrderJoiner();
      const last = new Map<string, unknown>();
      permutation(LINES, seed).forEach((line, index) => {
        joiner.addText(JSON.stringify(line), index + 1);
        for (const order of joiner.readyOrders(1)) last.set(order.id, order);
      });
      for (const order of joiner.laterOrders()) last.set(order.id, order);
      const written = [...last.entries()].sort(([a], [b]) => a.localeCompare(b));
      expect(written.map(([, order]) => order)).toEqual(reference);
      // And every order is still there, whole, once the file is read.
      expect([...joiner.orderList()].sort((a, b) => a.id.localeCompare(b.id))).toEqual(reference);
    }
  });
});
