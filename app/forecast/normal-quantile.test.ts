import { describe, expect, it } from "vitest";
import { normalQuantile } from "./normal-quantile";

describe("normalQuantile", () => {
  it.each([
    [0.5, 0],
    [0.9, 1.2815515655446004],
    [0.975, 1.959963984540054],
    [0.01, -2.3263478740408408],
    [0.999, 3.090232306167813],
  ])("z(%f) ≈ %f", (p, z) => {
    expect(normalQuantile(p)).toBeCloseTo(z, 7);
  });

  it("refuses probabilities outside (0, 1)", () => {
    expect(() => normalQuantile(0)).toThrow(RangeError);
    expect(() => normalQuantile(1)).toThrow(RangeError);
    expect(() => normalQuantile(Number.NaN)).toThrow(RangeError);
  });
});
