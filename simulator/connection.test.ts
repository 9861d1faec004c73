import { describe, expect, it } from "vitest";
import { decodeCursor, paginate } from "./connection";

const items = Array.from({ length: 7 }, (_, index) => ({ id: index + 1 }));
const keyOf = (item: { id: number }) => ({ id: item.id, value: item.id });

describe("paginate", () => {
  it("walks forward and back with cursors", () => {
    const first = paginate(items, { first: 3 }, "things", keyOf);
    expect(first.nodes.map((item) => item.id)).toEqual([1, 2, 3]);
    expect(first.pageInfo).toMatchObject({ hasNextPage: true, hasPreviousPage: false });
    const second = paginate(items, { first: 3, after: first.pageInfo.endCursor }, "things", keyOf);
    expect(second.nodes.map((item) => item.id)).toEqual([4, 5, 6]);
    const back = paginate(items, { last: 2, before: second.pageInfo.startCursor }, "things", keyOf);
    expect(back.nodes.map((item) => item.id)).toEqual([2, 3]);
    expect(back.pageInfo).toMatchObject({ hasNextPage: true, hasPreviousPage: true });
    expect(decodeCursor(second.edges[0]?.cursor ?? "", "after")).toEqual({ id: 4, value: 4 });
  });

  it("requires first or last and caps them at 250", () => {
    expect(() => paginate(items, {}, "things", keyOf)).toThrow(
      "you must provide one of first or last",
    );
    expect(() => paginate(items, { first: 251 }, "things", keyOf)).toThrow(/250/);
    expect(() => paginate(items, { first: 1, after: "garbage" }, "things", keyOf)).toThrow(
      /Invalid cursor/,
    );
  });
});
