import { describe, expect, it } from "vitest";
import { contrastRatio } from "./color-contrast.js";

describe("contrastRatio", () => {
  it("matches the WCAG reference values", () => {
    expect(contrastRatio("#000000", "#ffffff")).toBeCloseTo(21, 5);
    expect(contrastRatio("#fff", "#fff")).toBeCloseTo(1, 5);
    // #767676 is the lightest grey that passes AA on white; #777777 just fails.
    expect(contrastRatio("#767676", "#ffffff")).toBeGreaterThanOrEqual(4.5);
    expect(contrastRatio("#777777", "#ffffff")).toBeLessThan(4.5);
  });

  it("does not depend on argument order", () => {
    expect(contrastRatio("#1f2d3d", "#ffe08a")).toBeCloseTo(
      contrastRatio("#ffe08a", "#1f2d3d"),
      10,
    );
  });

  it("rejects what is not a hex colour", () => {
    expect(() => contrastRatio("red", "#fff")).toThrow(/not a hex colour/);
  });
});
