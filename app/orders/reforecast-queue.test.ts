import { describe, expect, it } from "vitest";
import { drawsFrom, mulberry32 } from "../../tests/support/seeded-random";
import { compareCodePoints, oldestFirst } from "./reforecast-queue";

const queueOf = (rows: readonly [number, string][]) =>
  [
    ...oldestFirst(
      Float64Array.from(rows.map(([at]) => at)),
      rows.map(([, id]) => id),
    ),
  ].map((i) => rows[i]?.[1]);

describe("oldestFirst", () => {
  it("keeps rows already oldest first, equal instants by id, as they are", () => {
    expect(
      queueOf([
        [1, "a"],
        [2, "a"],
        [2, "b"],
        [3, "a"],
      ]),
    ).toEqual(["a", "a", "b", "a"]);
  });

  it("queues out-of-order rows oldest first and breaks equal instants by id, not by storage order", () => {
    expect(
      queueOf([
        [5, "gid://shopify/Order/9"],
        [1, "gid://shopify/Order/3"],
        [5, "gid://shopify/Order/10"],
        [5, "gid://shopify/Order/1"],
        [2, "gid://shopify/Order/2"],
      ]),
    ).toEqual([
      "gid://shopify/Order/3",
      "gid://shopify/Order/2",
      "gid://shopify/Order/1",
      "gid://shopify/Order/10",
      "gid://shopify/Order/9",
    ]);
    // Sorted instants but equal ones stored against id order: still sorted by id.
    expect(
      queueOf([
        [1, "b"],
        [1, "a"],
        [2, "c"],
      ]),
    ).toEqual(["a", "b", "c"]);
  });

  it("orders as a sort by (instant, id in byte order) does, on seeded random rows", () => {
    const random = mulberry32(15);
    const { int, pick } = drawsFrom(random);
    for (let n = 0; n < 200; n += 1) {
      const rows = Array.from(
        { length: int(0, 60) },
        () =>
          [int(0, 8), pick(["a", "b", "B", "ab", "é", "z", "😀", "\uffff"])] as [number, string],
      );
      const expected = [...rows]
        .sort((x, y) => x[0] - y[0] || Buffer.compare(Buffer.from(x[1]), Buffer.from(y[1])))
        .map(([, id]) => id);
      expect(queueOf(rows), `case ${n}`).toEqual(expected);
    }
  });
});

describe("compareCodePoints", () => {
  it("orders as UTF-8 bytes do (SQLite's BINARY, PostgreSQL's C), where UTF-16 units differ", () => {
    // U+FFFF is one UTF-16 unit above a surrogate pair's first, but below the pair's code point.
    expect(compareCodePoints("\uffff", "😀")).toBeLessThan(0);
    expect("\uffff" < "😀").toBe(false);
    expect(compareCodePoints("ab", "a")).toBeGreaterThan(0);
    expect(compareCodePoints("a", "a")).toBe(0);
  });
});
