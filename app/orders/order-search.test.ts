import { describe, expect, it } from "vitest";
import { pageOfRows, searchWords, trigramQuery, type SortKey } from "./order-search";

describe("trigramQuery", () => {
  it("quotes every trigram as an FTS5 string, so operators and quotes typed in the box are text", () => {
    expect(trigramQuery(["ava", "AND", 'qu"t', "NEAR"])).toBe(
      '"ava" AND "AND" AND "qu""" AND "u""t" AND "NEA" AND "EAR"',
    );
  });

  it("asks for the trigrams that tile a longer piece, each on its own, once (the index keeps no positions)", () => {
    expect(trigramQuery(["smith"])).toBe('"smi" AND "ith"');
    expect(trigramQuery(["example.com"])).toBe('"exa" AND "mpl" AND "e.c" AND "com"');
    expect(trigramQuery(["abcdef"])).toBe('"abc" AND "def"');
    expect(trigramQuery(["aaaa", "aaa"])).toBe('"aaa"');
  });

  it("cuts words at LIKE's wildcards and drops pieces the trigram index cannot look up", () => {
    expect(trigramQuery(["smi%son"])).toBe('"smi" AND "son"');
    expect(trigramQuery(["jo%li", "#1"])).toBeNull();
    expect(trigramQuery(["%", "_", "ab"])).toBeNull();
    // Characters, not UTF-16 units: an emoji is one character.
    expect(trigramQuery(["💥💥"])).toBeNull();
    expect(trigramQuery(["田中星"])).toBe('"田中星"');
    expect(trigramQuery(["💥💥💥💥"])).toBe('"💥💥💥"');
  });

  it("takes at most five words", () => {
    expect(searchWords("  a b  c d e f g ")).toEqual(["a", "b", "c", "d", "e"]);
    expect(searchWords("   ")).toEqual([]);
  });
});

describe("pageOfRows", () => {
  const keys: SortKey[] = [
    { v: "2026-12-02", id: "b" },
    { v: null, id: "a" },
    { v: "2026-12-01", id: "c" },
    { v: "2026-12-02", id: "a" },
    { v: null, id: "c" },
  ];
  const id = (k: SortKey) => `${k.v ?? "null"}/${k.id}`;

  it("orders values then nulls last, each by id, in either direction", () => {
    expect(pageOfRows(keys, (k) => k, "asc", null, false, 10).map(id)).toEqual([
      "2026-12-01/c",
      "2026-12-02/a",
      "2026-12-02/b",
      "null/a",
      "null/c",
    ]);
    expect(pageOfRows(keys, (k) => k, "desc", null, false, 10).map(id)).toEqual([
      "2026-12-02/b",
      "2026-12-02/a",
      "2026-12-01/c",
      "null/c",
      "null/a",
    ]);
  });

  it("starts strictly after the cursor going forwards and before it going back, one extra row", () => {
    const after = pageOfRows(keys, (k) => k, "asc", { v: "2026-12-02", id: "a" }, false, 2);
    expect(after.map(id)).toEqual(["2026-12-02/b", "null/a", "null/c"]);
    const before = pageOfRows(keys, (k) => k, "asc", { v: null, id: "a" }, true, 1);
    expect(before.map(id)).toEqual(["2026-12-02/b", "2026-12-02/a"]);
  });
});
