import { describe, expect, it } from "vitest";
import { normalCdf } from "./normal-cdf";
import { normalQuantile } from "./normal-quantile";
import { conservativeFraction } from "./shock-quantile";
import { SHOCK_LOSS_TABLE } from "./shock-loss-table";

describe("conservativeFraction", () => {
  it("is more careful than wobble alone at every horizon, and costs more the further out", () => {
    const r = conservativeFraction(0.25, 0.9);
    const wobbleOnly = (n: number) => 1 - (normalQuantile(0.9) * 0.25) / Math.sqrt(n);
    for (const n of [1, 5, 10, 20, 60, 120, 300, 700]) expect(r(n)).toBeLessThan(wobbleOnly(n));
    // The gap, in days of output, grows with the horizon: shocks do not average out the way
    // wobble does.
    const gap = (n: number) => n * (wobbleOnly(n) - r(n));
    expect(gap(60)).toBeGreaterThan(gap(20));
    expect(gap(300)).toBeGreaterThan(gap(60));
  });

  it("never decreases with the number of business days and stays within (0, 1]", () => {
    for (const [cv, confidence] of [
      [0, 0.9],
      [0.25, 0.9],
      [0.78, 0.95],
      [0.1, 0.5],
    ] as const) {
      const r = conservativeFraction(cv, confidence);
      let previous = 0;
      for (let n = 1; n <= 760; n += 1) {
        expect(r(n), `cv ${cv} n ${n}`).toBeGreaterThanOrEqual(previous - 1e-12);
        expect(r(n)).toBeLessThanOrEqual(1);
        previous = r(n);
      }
      expect(r(1)).toBeGreaterThanOrEqual(0);
    }
  });

  it("asks more of a higher confidence", () => {
    const loose = conservativeFraction(0.25, 0.8);
    const strict = conservativeFraction(0.25, 0.95);
    for (const n of [3, 30, 300]) expect(strict(n)).toBeLessThan(loose(n));
  });

  it("loses about the share of output the shock model takes on average over two years", () => {
    // 2 % a day × 5 days × an average cut of 75 % ≈ 7 % of business days lost (a bit more with
    // overlaps counted once), so the table's median loss at 740 days is near 52–58 days.
    const row = SHOCK_LOSS_TABLE.find(([n]) => n === 740);
    const median = row ? ([...new Array<number>(row[1]).fill(0), ...row[2]][50] ?? 0) : 0;
    expect(median).toBeGreaterThan(48);
    expect(median).toBeLessThan(60);
  });
});

describe("normalCdf", () => {
  it("inverts normalQuantile", () => {
    for (const p of [0.001, 0.1, 0.5, 0.9, 0.999])
      expect(normalCdf(normalQuantile(p))).toBeCloseTo(p, 6);
  });
});
