// The demo storefront's home and collection pages: theme-like, JavaScript-free, with Delay Desk's
// banner embed as the only app markup (Shopify renders body embeds on every page), and none of
// it when the theme has the app switched off (the baseline Shopify's Lighthouse test compares to).
import { describe, expect, it } from "vitest";
import type { StorefrontNotice } from "@delay-desk/contracts/notice-metafield";
import { byClass, findAll, innerText, parseHtml } from "../../tests/support/html-tree";
import { renderCollectionPage, renderHomePage, type ThemePageInput } from "./theme-pages.js";

const paused: StorefrontNotice = {
  version: 1,
  mode: "paused",
  pausedUntil: "2026-12-05",
  updatedAt: "2026-11-23T09:30:00Z",
};

const products = Array.from({ length: 12 }, (_, i) => ({
  title: `Case ${i + 1}`,
  handle: `case-${i + 1}`,
  currency: "USD",
  variants: [{ id: i + 1, title: "Default", priceCents: 1000 + i * 100, available: i !== 3 }],
}));
const base: ThemePageInput = {
  shopName: "Oak & Hide",
  products,
  noticeValue: paused,
  locale: "en",
};

describe("demo home and collection pages", () => {
  it("home shows the shop's name and its first 8 products; the collection page every product, with prices and sold-out badges", () => {
    const home = parseHtml(renderHomePage(base));
    expect(innerText(findAll(home, (el) => el.name === "h1")[0] ?? home)).toBe("Oak & Hide");
    expect(findAll(home, byClass("card"))).toHaveLength(8);
    const collection = parseHtml(renderCollectionPage(base));
    const cards = findAll(collection, byClass("card"));
    expect(cards).toHaveLength(12);
    expect(findAll(cards[0] ?? collection, (el) => el.name === "a")[0]?.attrs.href).toBe(
      "/products/case-1",
    );
    expect(
      innerText(findAll(cards[1] ?? collection, byClass("card__price"))[0] ?? collection),
    ).toBe("$11.00");
    expect(findAll(collection, byClass("card__badge"))).toHaveLength(1);
  });

  it("carries the banner embed and no script; with the app switched off, no Delay Desk markup or stylesheet at all", () => {
    for (const render of [renderHomePage, renderCollectionPage]) {
      const on = render(base);
      expect(on).toContain("dd-banner--paused");
      expect(on).not.toContain("<script");
      const off = render({ ...base, appExtension: false });
      expect(off).not.toMatch(/dd-|delay-desk/);
      expect(off).not.toContain("<script");
    }
  });
});
