import { describe, expect, it } from "vitest";
import { retryDelay } from "./retry-delay";

describe("retryDelay", () => {
  it("doubles from the base after each failure and stops at the cap", () => {
    expect([1, 2, 3, 4, 5, 6].map((n) => retryDelay(n, { baseMs: 1_000, capMs: 10_000 }))).toEqual([
      1_000, 2_000, 4_000, 8_000, 10_000, 10_000,
    ]);
  });

  it("stays finite for any number of failures", () => {
    expect(retryDelay(10_000, { baseMs: 1_000, capMs: 300_000 })).toBe(300_000);
    expect(retryDelay(0, { baseMs: 1_000, capMs: 300_000 })).toBe(1_000);
  });
});
