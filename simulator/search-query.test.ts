import { describe, expect, it } from "vitest";
import {
  compileSearch,
  matchDate,
  matchNumber,
  matchText,
  parseSearchQuery,
  type FieldMatcher,
} from "./search-query";

describe("parseSearchQuery", () => {
  it("reads field terms with implicit AND", () => {
    expect(parseSearchQuery("status:open tag:gift")).toEqual({
      kind: "and",
      children: [
        { kind: "term", field: "status", comparator: ":", value: "open", quoted: false },
        { kind: "term", field: "tag", comparator: ":", value: "gift", quoted: false },
      ],
    });
  });

  it("reads OR, NOT, negation, parentheses, quotes and comparisons", () => {
    expect(
      parseSearchQuery(`(tag:a OR tag:"b c") -status:closed NOT test:true created_at:>=2026-01-01`),
    ).toEqual({
      kind: "and",
      children: [
        {
          kind: "or",
          children: [
            { kind: "term", field: "tag", comparator: ":", value: "a", quoted: false },
            { kind: "term", field: "tag", comparator: ":", value: "b c", quoted: true },
          ],
        },
        {
          kind: "not",
          child: { kind: "term", field: "status", comparator: ":", value: "closed", quoted: false },
        },
        {
          kind: "not",
          child: { kind: "term", field: "test", comparator: ":", value: "true", quoted: false },
        },
        { kind: "term", field: "created_at", comparator: ">=", value: "2026-01-01", quoted: false },
      ],
    });
  });

  it("keeps free text terms without a field, and returns null for an empty query", () => {
    expect(parseSearchQuery("walnut")).toEqual({
      kind: "term",
      field: null,
      comparator: ":",
      value: "walnut",
      quoted: false,
    });
    expect(parseSearchQuery("   ")).toBeNull();
  });
});

interface Row {
  id: number;
  tag: string;
}
const rows: Row[] = [1, 2, 3, 4, 5].map((id) => ({ id, tag: id % 2 === 0 ? "even" : "odd" }));
const fields: Record<string, FieldMatcher<Row>> = {
  id: (row, term) => matchNumber(row.id, term),
  tag: (row, term) => matchText(row.tag, term),
};
const ids = (query: string) =>
  rows.filter(compileSearch(query, fields, () => false).matches).map((row) => row.id);

describe("compileSearch", () => {
  it("filters with AND, OR, NOT and numeric ranges", () => {
    expect(ids("tag:even")).toEqual([2, 4]);
    expect(ids("id:>=2 id:<5")).toEqual([2, 3, 4]);
    expect(ids("tag:even OR id:1")).toEqual([1, 2, 4]);
    expect(ids("-tag:even")).toEqual([1, 3, 5]);
    expect(ids("NOT (id:1 OR id:2)")).toEqual([3, 4, 5]);
    expect(ids("tag:ev*")).toEqual([2, 4]);
    expect(ids("tag:EVEN")).toEqual([2, 4]);
  });

  it("ignores unknown fields with a Shopify-style warning", () => {
    const search = compileSearch("colour:red tag:odd", fields, () => false);
    expect(rows.filter(search.matches).map((row) => row.id)).toEqual([1, 3, 5]);
    expect(search.warnings).toEqual([
      { field: "colour", message: "Invalid search field for this query.", code: "invalid_field" },
    ]);
  });
});

describe("matchDate", () => {
  const zone = "America/New_York";
  const now = Date.parse("2026-12-10T15:00:00Z");
  const term = (comparator: ":" | ">" | ">=" | "<" | "<=", value: string) => ({
    kind: "term" as const,
    field: "created_at",
    comparator,
    value,
    quoted: false,
  });
  // 2026-12-01 in New York runs from 05:00Z on Dec 1 to 05:00Z on Dec 2.
  const lateEvening = Date.parse("2026-12-02T03:00:00Z");

  it("treats a bare date as the whole day in the shop's time zone", () => {
    expect(matchDate(lateEvening, term(":", "2026-12-01"), zone, now)).toBe(true);
    expect(matchDate(lateEvening, term(">", "2026-12-01"), zone, now)).toBe(false);
    expect(matchDate(lateEvening, term("<=", "2026-12-01"), zone, now)).toBe(true);
    expect(matchDate(lateEvening, term(">=", "2026-12-02"), zone, now)).toBe(false);
    expect(matchDate(lateEvening, term("<", "2026-12-01"), zone, now)).toBe(false);
  });

  it("compares full timestamps as instants and rejects nonsense", () => {
    expect(matchDate(lateEvening, term(">", "2026-12-02T02:59:59Z"), zone, now)).toBe(true);
    expect(matchDate(lateEvening, term(">", "2026-12-02T03:00:00Z"), zone, now)).toBe(false);
    expect(matchDate(lateEvening, term(">", "not-a-date"), zone, now)).toBe(false);
    expect(matchDate(lateEvening, term(">", "-30d"), zone, now)).toBe(true);
  });
});
