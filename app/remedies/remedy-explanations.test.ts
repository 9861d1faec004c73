// The confirm page says what each remedy does to the order; the two refunds must say which one
// keeps the order open (it still ships) and which one cancels it.
import { describe, expect, it } from "vitest";
import { REMEDY_EXPLANATIONS } from "./remedy-explanations";
import { REMEDIES } from "./remedy-request.server";

describe("remedy explanations", () => {
  it("explain every remedy, and tell the full refund (order stays open, still ships) from cancel and refund (order cancelled, restocked, will not ship)", () => {
    for (const remedy of REMEDIES) expect(REMEDY_EXPLANATIONS[remedy].length).toBeGreaterThan(40);
    expect(REMEDY_EXPLANATIONS.refund).toMatch(/stays open/);
    expect(REMEDY_EXPLANATIONS.refund).toMatch(/still ship/);
    expect(REMEDY_EXPLANATIONS.cancel_refund).toMatch(/^Cancels the order/);
    expect(REMEDY_EXPLANATIONS.cancel_refund).toMatch(/will not ship/);
  });
});
