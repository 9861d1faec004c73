import { describe, expect, it } from "vitest";
import { Random } from "./random";

const draws = (random: Random, count: number) => Array.from({ length: count }, () => random.next());

describe("Random", () => {
  it("repeats the same stream for the same seed and differs for neighbouring seeds", () => {
    expect(draws(new Random(1), 20)).toEqual(draws(new Random(1), 20));
    expect(draws(new Random(1), 20)).not.toEqual(draws(new Random(2), 20));
  });

  it("stays in range and covers it", () => {
    const random = new Random(42);
    const seen = new Set<number>();
    for (let i = 0; i < 2000; i++) {
      const value = random.int(3, 8);
      expect(value).toBeGreaterThanOrEqual(3);
      expect(value).toBeLessThanOrEqual(8);
      seen.add(value);
    }
    expect([...seen].sort()).toEqual([3, 4, 5, 6, 7, 8]);
  });

  it("picks by weight roughly in proportion", () => {
    const random = new Random(7);
    let heavy = 0;
    for (let i = 0; i < 10_000; i++)
      if (
        random.weighted([
          ["heavy", 9],
          ["light", 1],
        ]) === "heavy"
      )
        heavy += 1;
    expect(heavy).toBeGreaterThan(8700);
    expect(heavy).toBeLessThan(9300);
  });

  it("forks independent streams by label", () => {
    const root = new Random(5);
    expect(draws(root.fork("a"), 5)).not.toEqual(draws(root.fork("b"), 5));
    expect(draws(new Random(5).fork("a"), 5)).toEqual(draws(new Random(5).fork("a"), 5));
  });
});
