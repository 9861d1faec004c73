import { describe, expect, it } from "vitest";
import { makeLikeFiltersInsensitive } from "./case-insensitive-filters";

describe("makeLikeFiltersInsensitive", () => {
  it("adds mode insensitive to contains, startsWith and endsWith filters at any depth", () => {
    const where = {
      shop: "a.myshopify.com",
      AND: [{ OR: [{ name: { contains: "ava" } }, { email: { startsWith: "AVA" } }] }],
      NOT: { customerLastName: { endsWith: "chen" } },
    };
    makeLikeFiltersInsensitive(where);
    expect(where).toEqual({
      shop: "a.myshopify.com",
      AND: [
        {
          OR: [
            { name: { contains: "ava", mode: "insensitive" } },
            { email: { startsWith: "AVA", mode: "insensitive" } },
          ],
        },
      ],
      NOT: { customerLastName: { endsWith: "chen", mode: "insensitive" } },
    });
  });

  it("leaves equality, dates and an explicit mode alone", () => {
    const createdAt = new Date("2026-11-20T00:00:00Z");
    const where = {
      name: { equals: "#1001" },
      createdAt: { gt: createdAt },
      email: { contains: "x", mode: "default" },
    };
    makeLikeFiltersInsensitive(where);
    makeLikeFiltersInsensitive(where);
    expect(where).toEqual({
      name: { equals: "#1001" },
      createdAt: { gt: createdAt },
      email: { contains: "x", mode: "default" },
    });
    expect(where.createdAt.gt).toBe(createdAt);
  });
});
