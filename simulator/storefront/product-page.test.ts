// The demo product page: the theme-like page around the extension, and the storefront budgets
// the benchmark reports (0 bytes of JS, under 2 KB of CSS, no extra request for the data).
import { describe, expect, it } from "vitest";
import { SAMPLE_NOTICES } from "../../tests/support/sample-notices";
import {
  ancestors,
  byClass,
  findAll,
  hasClass,
  innerText,
  parseHtml,
  type El,
} from "../../tests/support/html-tree";
import { readExtensionAsset } from "./extension-files.js";
import { renderProductPage, type ProductPageInput } from "./product-page.js";

const { delayed, paused } = SAMPLE_NOTICES;

const base: ProductPageInput = {
  shopName: "Oak & Hide",
  locale: "en",
  noticeValue: null,
  product: {
    title: "Walnut phone case",
    handle: "walnut-phone-case",
    currency: "USD",
    variants: [
      { id: 101, title: "iPhone 16", priceCents: 4900, available: true },
      { id: 102, title: "Pixel 9", priceCents: 5200, available: false },
    ],
  },
};

function page(overrides: Partial<ProductPageInput> = {}): El {
  return parseHtml(renderProductPage({ ...base, ...overrides }));
}

function body(root: El): El {
  const found = findAll(root, (el) => el.name === "body");
  expect(found).toHaveLength(1);
  return found[0] as El;
}

const cssRules = () => readExtensionAsset("delay-desk.css");

describe("demo product page", () => {
  it("is a theme-like page: header, product, price, variants, a buy form posting to /cart/add", () => {
    const root = page({ noticeValue: delayed });
    const headerLinks = findAll(
      findAll(root, (el) => el.name === "header")[0] as El,
      (el) => el.name === "a",
    );
    expect(headerLinks.map((a) => [innerText(a), a.attrs.href])).toEqual([
      ["Oak & Hide", "/"],
      ["Cart", "/cart"],
    ]);
    expect(innerText(findAll(root, (el) => el.name === "h1")[0] as El)).toBe("Walnut phone case");
    expect(innerText(findAll(root, byClass("product__price"))[0] as El)).toBe("$49.00");
    const form = findAll(root, (el) => el.name === "form");
    expect(form).toHaveLength(1);
    expect(form[0]?.attrs).toMatchObject({ method: "post", action: "/cart/add" });
    const options = findAll(root, (el) => el.name === "option");
    expect(options.map((o) => o.attrs.value)).toEqual(["101", "102"]);
    expect("disabled" in (options[1] as El).attrs).toBe(true);
  });

  it("serves its links and buy form under another root when the simulator mounts it per shop", () => {
    const root = page({ noticeValue: delayed, routesRoot: "/oak.myshopify.com/storefront" });
    expect(findAll(root, (el) => el.name === "form")[0]?.attrs.action).toBe(
      "/oak.myshopify.com/storefront/cart/add",
    );
    expect(findAll(root, (el) => el.name === "a").map((a) => a.attrs.href)).toEqual([
      "/oak.myshopify.com/storefront/",
      "/oak.myshopify.com/storefront/cart",
    ]);
  });

  it("puts the product block right after the buy form and the banner embed last in <body>", () => {
    const root = page({ noticeValue: delayed });
    const estimate = findAll(root, byClass("dd-estimate"))[0] as El;
    const section = ancestors(estimate).find((el) => hasClass(el, "shopify-section"));
    expect(section).toBeDefined();
    const productChildren = (findAll(root, byClass("product"))[0] as El).children.filter(
      (c) => c.name !== "#text",
    );
    const formIndex = productChildren.findIndex((c) => c.name === "form");
    expect(productChildren[formIndex + 1]?.attrs.class).toContain("shopify-app-block");
    const bodyChildren = body(root).children.filter((c) => c.name !== "#text");
    expect(bodyChildren.at(-1)?.attrs.id).toBe("shopify-block-delay_desk_notice_banner");
    expect(innerText(bodyChildren.at(-1) as El)).toBe(
      "Orders placed today ship in 1–2 weeks. × Dismiss notice",
    );
  });

  it("renders the French, German and Spanish storefronts in their language, and an unknown language in English", () => {
    const fr = page({ noticeValue: paused, locale: "fr" });
    expect(findAll(fr, (el) => el.name === "html")[0]?.attrs.lang).toBe("fr");
    expect(innerText(findAll(fr, byClass("dd-estimate"))[0] as El)).toBe(
      "Les nouvelles commandes sont suspendues jusqu’au 5 décembre 2026.",
    );
    expect(innerText(findAll(fr, (el) => el.name === "button")[0] as El)).toBe("Ajouter au panier");
    const frCa = page({ noticeValue: paused, locale: "fr-CA" });
    expect(innerText(findAll(frCa, byClass("dd-estimate"))[0] as El)).toBe(
      "Les nouvelles commandes sont suspendues jusqu’au 5 décembre 2026.",
    );
    const de = page({ noticeValue: paused, locale: "de" });
    expect(innerText(findAll(de, byClass("dd-estimate"))[0] as El)).toBe(
      "Neue Bestellungen sind bis zum 5. Dezember 2026 pausiert.",
    );
    const es = page({ noticeValue: paused, locale: "es" });
    expect(innerText(findAll(es, byClass("dd-estimate"))[0] as El)).toBe(
      "Los pedidos nuevos están pausados hasta el 5 de diciembre de 2026.",
    );
    const ja = page({ noticeValue: paused, locale: "ja" });
    expect(innerText(findAll(ja, byClass("dd-estimate"))[0] as El)).toBe(
      "New orders are paused until December 5, 2026.",
    );
  });

  it("reads the metafield as stored (a JSON string) and ignores an invalid one without breaking the page", () => {
    const fromString = page({ noticeValue: JSON.stringify(delayed) });
    expect(findAll(fromString, byClass("dd-banner"))).toHaveLength(1);
    for (const bad of [
      "{not json",
      { ...delayed, mode: "closed" },
      { ...paused, pausedUntil: "05/12/2026" },
      42,
    ]) {
      const root = page({ noticeValue: bad });
      expect(findAll(root, (el) => el.name === "form")).toHaveLength(1);
      expect(findAll(root, byClass("dd-banner"))).toEqual([]);
      expect(findAll(root, byClass("dd-estimate"))).toEqual([]);
    }
  });

  it("while paused, marks the page so the CSS dims the form's submit button; otherwise not", () => {
    const pausedPage = page({ noticeValue: paused });
    expect(findAll(pausedPage, byClass("dd-hold")).length).toBeGreaterThan(0);
    // The rule in delay-desk.css, and the theme markup it has to match on this page.
    expect(cssRules()).toContain(
      'body:has(.dd-hold) form[action*="/cart/add"] :is([type=submit],.shopify-payment-button)',
    );
    const form = findAll(pausedPage, (el) => el.name === "form")[0] as El;
    expect(form.attrs.action).toContain("/cart/add");
    expect(findAll(form, (el) => el.attrs.type === "submit")).toHaveLength(1);

    expect(findAll(page({ noticeValue: delayed }), byClass("dd-hold"))).toEqual([]);
    expect(
      findAll(
        page({
          noticeValue: paused,
          blockSettings: {
            banner: { disable_buy_buttons: false },
            estimate: { disable_buy_buttons: false },
          },
        }),
        byClass("dd-hold"),
      ),
    ).toEqual([]);
  });
});
