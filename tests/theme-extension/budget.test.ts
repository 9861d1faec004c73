// The storefront budget the benchmark reports for the extension: 0 bytes of JavaScript, one CSS
// file under 2 KB, and no request of its own for the data (the notice comes from app.metafields).
import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { SAMPLE_NOTICES } from "../support/sample-notices";
import {
  EXTENSION_DIR,
  readExtensionAsset,
} from "@delay-desk/simulator/storefront/extension-files";
import {
  renderProductPage,
  type ProductPageInput,
} from "@delay-desk/simulator/storefront/product-page";
import { findAll, parseHtml, type El } from "../support/html-tree";

const { delayed, paused } = SAMPLE_NOTICES;

const updatedAt = "2026-11-23T09:30:00Z";
const base: ProductPageInput = {
  shopName: "Oak & Hide",
  locale: "en",
  noticeValue: null,
  product: {
    title: "Walnut phone case",
    handle: "walnut-phone-case",
    currency: "USD",
    variants: [{ id: 1, title: "iPhone 16", priceCents: 4900, available: true }],
  },
};

function page(overrides: Partial<ProductPageInput> = {}): El {
  return parseHtml(renderProductPage({ ...base, ...overrides }));
}

describe("storefront budget", () => {
  it("adds no JavaScript: no script element on the page, no .js asset in the extension", () => {
    for (const noticeValue of [null, delayed, paused]) {
      expect(findAll(page({ noticeValue }), (el) => el.name === "script")).toEqual([]);
    }
    expect(
      readdirSync(path.join(EXTENSION_DIR, "assets")).filter((f) => f.endsWith(".js")),
    ).toEqual([]);
  });

  it("ships one CSS file under 2 KB, requested once per page and only when a notice shows", () => {
    const assets = readdirSync(path.join(EXTENSION_DIR, "assets"));
    expect(assets).toEqual(["delay-desk.css"]);
    expect(statSync(path.join(EXTENSION_DIR, "assets", "delay-desk.css")).size).toBeLessThan(2048);
    const links = (noticeValue: unknown) =>
      new Set(
        findAll(page({ noticeValue }), (el) => el.name === "link").map((el) => el.attrs.href),
      );
    expect(links(paused)).toEqual(new Set(["/storefront/assets/delay-desk.css"]));
    expect(links(null)).toEqual(new Set());
    expect(links({ version: 1, mode: "normal", updatedAt })).toEqual(new Set());
  });

  it("serves the asset bytes and refuses paths outside assets/", () => {
    expect(readExtensionAsset("delay-desk.css")).toBe(
      readFileSync(path.join(EXTENSION_DIR, "assets", "delay-desk.css"), "utf8"),
    );
    expect(() => readExtensionAsset("../blocks/notice-banner.liquid")).toThrow();
    expect(() => readExtensionAsset("nope.css")).toThrow(/not found/);
  });
});
