// Renders the extension's real blocks through liquidjs and checks text and markup per mode and
// language. The notice values are what the app would write (see contracts/notice-metafield.ts).
import { describe, expect, it } from "vitest";
import { SAMPLE_NOTICES } from "../../tests/support/sample-notices";
import type { StorefrontNotice } from "@delay-desk/contracts/notice-metafield";
import { byClass, findAll, innerText, parseHtml, type El } from "../../tests/support/html-tree";
import { contrastRatio } from "./color-contrast.js";
import { renderAppBlock, resolveBlockSettings } from "./render-block.js";
import { createShopifyLiquid } from "./shopify-liquid.js";

const { normal, delayed, paused, pausedOpenEnded } = SAMPLE_NOTICES;

const product = { title: "Walnut phone case", handle: "walnut-phone-case", available: true };

function banner(notice: StorefrontNotice | null, locale = "en", settings = {}): El {
  return parseHtml(renderAppBlock("notice-banner", { notice, locale, settings }));
}

function estimate(
  notice: StorefrontNotice | null,
  locale = "en",
  settings = {},
  available = true,
): El {
  return parseHtml(
    renderAppBlock("shipping-estimate", {
      notice,
      locale,
      settings,
      product: { ...product, available },
    }),
  );
}

function only(root: El, className: string): El {
  const found = findAll(root, byClass(className));
  expect(found).toHaveLength(1);
  return found[0] as El;
}

describe("banner embed (notice-banner)", () => {
  it.each(["en", "fr"])(
    "shows nothing in normal mode or without a notice (%s), and loads no CSS",
    (locale) => {
      for (const notice of [normal, null]) {
        const root = banner(notice, locale);
        expect(findAll(root, byClass("dd-banner"))).toEqual([]);
        expect(findAll(root, (el) => el.name === "link")).toEqual([]);
        expect(innerText(root)).toBe("");
      }
    },
  );

  it.each([
    ["en", delayed, "Orders placed today ship in 1–2 weeks."],
    ["fr", delayed, "Les commandes passées aujourd’hui seront expédiées sous 1 à 2 semaines."],
    [
      "en",
      paused,
      "We have paused new orders until December 5, 2026 so we can catch up on the ones we have.",
    ],
    [
      "fr",
      paused,
      "Nous avons suspendu les nouvelles commandes jusqu’au 5 décembre 2026 pour rattraper notre retard.",
    ],
    [
      "en",
      pausedOpenEnded,
      "We have paused new orders for now so we can catch up on the ones we have.",
    ],
    [
      "fr",
      pausedOpenEnded,
      "Nous avons suspendu les nouvelles commandes pour le moment afin de rattraper notre retard.",
    ],
  ] as const)(
    "%s, %s mode: says the right thing inside role=status",
    (locale, notice, sentence) => {
      const root = banner(notice, locale);
      const status = findAll(root, (el) => el.attrs.role === "status");
      expect(status).toHaveLength(1);
      expect(innerText(status[0] as El)).toBe(sentence);
      expect(hasModeClass(root, notice.mode)).toBe(true);
    },
  );

  it("prints durations with the right plural and unit", () => {
    const text = (
      estimateValue: { min: number; max: number; unit: "days" | "weeks" },
      locale = "en",
    ) =>
      innerText(only(banner({ ...delayed, estimate: estimateValue }, locale), "dd-banner__line"));
    expect(text({ min: 1, max: 1, unit: "weeks" })).toBe("Orders placed today ship in 1 week.");
    expect(text({ min: 2, max: 2, unit: "weeks" })).toBe("Orders placed today ship in 2 weeks.");
    expect(text({ min: 5, max: 10, unit: "days" })).toBe("Orders placed today ship in 5–10 days.");
    expect(text({ min: 1, max: 1, unit: "days" }, "fr")).toBe(
      "Les commandes passées aujourd’hui seront expédiées sous 1 jour.",
    );
  });

  it("prints every month name from the locale files, without shifting the date", () => {
    for (let month = 1; month <= 12; month += 1) {
      const iso = `2027-${String(month).padStart(2, "0")}-01`;
      const en = innerText(only(banner({ ...paused, pausedUntil: iso }), "dd-banner__line"));
      const fr = innerText(only(banner({ ...paused, pausedUntil: iso }, "fr"), "dd-banner__line"));
      const english = new Intl.DateTimeFormat("en-US", { month: "long", timeZone: "UTC" }).format(
        new Date(`${iso}T00:00:00Z`),
      );
      const french = new Intl.DateTimeFormat("fr-FR", { month: "long", timeZone: "UTC" }).format(
        new Date(`${iso}T00:00:00Z`),
      );
      expect(en).toContain(`until ${english} 1, 2027 `);
      expect(fr).toContain(`jusqu’au 1er ${french} 2027 `);
    }
  });

  it("adds the merchant's message after the standard sentence, escaped", () => {
    const root = banner({ ...delayed, message: "We're a team of 3 <and> we're on it." });
    const lines = findAll(root, byClass("dd-banner__line")).map(innerText);
    expect(lines).toEqual([
      "Orders placed today ship in 1–2 weeks.",
      "We're a team of 3 <and> we're on it.",
    ]);
    expect(
      renderAppBlock("notice-banner", {
        notice: { ...delayed, message: "<script>x</script>" },
        locale: "en",
      }),
    ).not.toContain("<script>");
  });

  it("applies the schema defaults: bottom bar, dismissible, dark background with white text, buy buttons dimmed when paused", () => {
    const root = banner(paused);
    const container = only(root, "dd-banner");
    expect(container.attrs.class?.split(" ")).toEqual(
      expect.arrayContaining(["dd-banner--bar", "dd-hold"]),
    );
    expect(container.attrs.style).toBe("--dd-bg:#1f2d3d;--dd-fg:#ffffff;");
    const toggle = only(root, "dd-banner__toggle");
    expect(toggle.attrs.type).toBe("checkbox");
    const close = only(root, "dd-banner__close");
    expect(close.name).toBe("label");
    expect(close.attrs.for).toBe(toggle.attrs.id);
    expect(innerText(only(close, "dd-visually-hidden"))).toBe("Dismiss notice");
    expect(
      innerText(only(only(banner(paused, "fr"), "dd-banner__close"), "dd-visually-hidden")),
    ).toBe("Masquer le message");
  });

  it("has default colours well above the WCAG AA contrast ratio", () => {
    const { color_background, color_text } = resolveBlockSettings("notice-banner");
    expect(contrastRatio(String(color_background), String(color_text))).toBeGreaterThanOrEqual(7);
  });

  it("follows the merchant's settings", () => {
    const root = banner(paused, "en", {
      position: "right",
      dismissible: false,
      disable_buy_buttons: false,
      color_background: "#fff4d6",
      color_text: "#3d2b00",
    });
    const container = only(root, "dd-banner");
    expect(container.attrs.class?.split(" ")).toContain("dd-banner--right");
    expect(container.attrs.class?.split(" ")).not.toContain("dd-hold");
    expect(container.attrs.style).toBe("--dd-bg:#fff4d6;--dd-fg:#3d2b00;");
    expect(findAll(root, byClass("dd-banner__toggle"))).toEqual([]);
    expect(findAll(root, byClass("dd-banner__close"))).toEqual([]);
  });

  // The waitlist form (issue 14 point 6): a plain POST to the app proxy under the store's own URL
  // (Liquid's shop.url, "the full URL of the store", https://shopify.dev/docs/api/liquid/objects/shop#shop-url;
  // app proxies answer under /apps/<subpath>, https://shopify.dev/docs/apps/build/online-store/app-proxies).
  it.each(["en", "fr"])(
    "offers the waitlist form only while paused (%s): email and consent required, the locale sent along",
    (locale) => {
      const root = parseHtml(
        renderAppBlock("notice-banner", { notice: paused, locale, shopUrl: "https://oak.example" }),
      );
      const form = only(root, "dd-waitlist");
      expect(form.name).toBe("form");
      expect(form.attrs.method).toBe("post");
      expect(form.attrs.action).toBe("https://oak.example/apps/delay-desk/waitlist");
      const inputs = findAll(form, (el) => el.name === "input");
      expect(inputs.map((i) => [i.attrs.name, i.attrs.type, "required" in i.attrs])).toEqual([
        ["locale", "hidden", false],
        ["email", "email", true],
        ["consent", "checkbox", true],
      ]);
      expect(inputs[0]?.attrs.value).toBe(locale);
      expect(innerText(only(form, "dd-waitlist__consent"))).toBe(
        locale === "fr"
          ? "M’écrire une fois à la réouverture de la boutique. Je peux me désabonner en un clic."
          : "Email me once when the shop reopens. I can unsubscribe with one click.",
      );
      expect(findAll(banner(delayed, locale), byClass("dd-waitlist"))).toEqual([]);
    },
  );

  it("shows the pause but no waitlist form when the merchant turned the waitlist off", () => {
    const off = banner({ ...paused, waitlist: false });
    expect(findAll(off, byClass("dd-waitlist"))).toEqual([]);
    expect(innerText(only(off, "dd-banner__line"))).toBe(
      "We have paused new orders until December 5, 2026 so we can catch up on the ones we have.",
    );
    // A notice without the field (written before it existed) keeps the form.
    expect(findAll(banner(paused), byClass("dd-waitlist"))).toHaveLength(1);
  });

  it("replaces an unreadable text colour with black or white, whichever reads better", () => {
    expect(
      only(
        banner(delayed, "en", { color_background: "#ffffff", color_text: "#eeeeee" }),
        "dd-banner",
      ).attrs.style,
    ).toBe("--dd-bg:#ffffff;--dd-fg:#000000;");
    expect(
      only(
        banner(delayed, "en", { color_background: "#202020", color_text: "#333333" }),
        "dd-banner",
      ).attrs.style,
    ).toBe("--dd-bg:#202020;--dd-fg:#ffffff;");
  });

  it("rejects settings the schema does not have, or values it does not allow", () => {
    expect(() => banner(delayed, "en", { positon: "bar" })).toThrow(/no setting "positon"/);
    expect(() => banner(delayed, "en", { position: "top" })).toThrow(/cannot be "top"/);
    expect(() => banner(delayed, "en", { dismissible: "yes" })).toThrow(/cannot be "yes"/);
  });
});

function hasModeClass(root: El, mode: string): boolean {
  return (
    findAll(root, (el) => (el.attrs.class ?? "").split(" ").some((c) => c.endsWith(`--${mode}`)))
      .length > 0
  );
}

describe("shipping estimate app block", () => {
  it.each([
    ["en", normal, "Ships in 3 days"],
    ["fr", normal, "Expédition sous 3 jours"],
    ["en", delayed, "Ships in 1–2 weeks"],
    ["fr", delayed, "Expédition sous 1 à 2 semaines"],
    ["en", paused, "New orders are paused until December 5, 2026."],
    ["fr", paused, "Les nouvelles commandes sont suspendues jusqu’au 5 décembre 2026."],
  ] as const)("%s, %s mode: shows the estimate as a status", (locale, notice, sentence) => {
    const root = estimate(notice, locale);
    const p = only(root, "dd-estimate");
    expect(p.attrs.role).toBe("status");
    expect(innerText(p)).toBe(sentence);
    expect(p.attrs.class?.split(" ").includes("dd-hold")).toBe(notice.mode === "paused");
  });

  it("hides the normal-mode estimate when the merchant turns it off, but never the delay", () => {
    expect(
      findAll(estimate(normal, "en", { show_normal_estimate: false }), byClass("dd-estimate")),
    ).toEqual([]);
    expect(
      findAll(estimate(delayed, "en", { show_normal_estimate: false }), byClass("dd-estimate")),
    ).toHaveLength(1);
  });

  it("shows no estimate for a sold-out product, but still says orders are paused", () => {
    expect(findAll(estimate(delayed, "en", {}, false), byClass("dd-estimate"))).toEqual([]);
    expect(innerText(only(estimate(pausedOpenEnded, "en", {}, false), "dd-estimate"))).toBe(
      "New orders are paused for now.",
    );
  });

  it("inherits the theme's colours unless the merchant picks some", () => {
    expect(only(estimate(delayed), "dd-estimate").attrs.style).toBeUndefined();
    expect(
      only(
        estimate(delayed, "en", { color_background: "#f4f4f4", color_text: "#1a1a1a" }),
        "dd-estimate",
      ).attrs.style,
    ).toBe("--dd-bg:#f4f4f4;--dd-fg:#1a1a1a;");
  });

  it("renders nothing without a notice", () => {
    expect(innerText(estimate(null))).toBe("");
  });
});

// Per product (issue 14 point 1): the notice's `items` say what is paused on its own and each
// lead-time rule's estimate; the blocks match them on Liquid's product.id, its first available
// variant, its collections and tags. Liquid reads the app's data as `app.metafields` in theme app
// extensions (https://shopify.dev/docs/api/liquid/objects/app: "The metafields that are owned by
// the app"), so this costs the page no request.
describe("one product's own notice (items)", () => {
  const wallet = {
    ...product,
    id: 10,
    tags: ["Made-to-order"],
    collections: [{ id: 7 }],
    selected_or_first_available_variant: { id: 101 },
  };
  const strap = {
    ...product,
    id: 20,
    tags: [],
    collections: [],
    selected_or_first_available_variant: { id: 201 },
  };
  const withItems = (base: StorefrontNotice, items: object): StorefrontNotice => ({
    ...base,
    items,
  });
  const render = (
    block: "notice-banner" | "shipping-estimate",
    notice: StorefrontNotice,
    p = wallet,
    locale = "en",
  ) => parseHtml(renderAppBlock(block, { notice, locale, product: p }));

  it.each([
    ["the product", { products: { "10": { paused: true } } }],
    ["its variant", { variants: { "101": { paused: true } } }],
    ["one of its collections", { collections: { "7": { paused: true } } }],
  ])(
    "paused by %s: its page says so and dims the buy buttons; another product's page does not",
    (_by, items) => {
      const notice = withItems(normal, items);
      expect(innerText(only(render("shipping-estimate", notice), "dd-estimate"))).toBe(
        "New orders for this product are paused for now.",
      );
      expect(findAll(render("shipping-estimate", notice), byClass("dd-hold"))).toHaveLength(1);
      expect(innerText(only(render("notice-banner", notice), "dd-banner__line"))).toBe(
        "New orders for this product are paused for now. The rest of the shop is open.",
      );
      expect(findAll(render("notice-banner", notice, strap), byClass("dd-banner"))).toHaveLength(0);
      expect(findAll(render("shipping-estimate", notice, strap), byClass("dd-hold"))).toHaveLength(
        0,
      );
    },
  );

  it.each([
    ["fr", "Les nouvelles commandes de ce produit sont suspendues pour le moment."],
    ["de", "Neue Bestellungen für dieses Produkt sind vorerst pausiert."],
    ["es", "Los pedidos nuevos de este producto están en pausa por ahora."],
  ])("says it in %s", (locale, text) => {
    const notice = withItems(normal, { products: { "10": { paused: true } } });
    expect(
      innerText(only(render("shipping-estimate", notice, wallet, locale), "dd-estimate")),
    ).toBe(text);
  });

  it("shows the product's own estimate: variant over product over the longest of its collections and tags", () => {
    const week = (n: number) => ({ min: n, max: n, unit: "weeks" });
    const text = (items: object, base: StorefrontNotice = normal) =>
      innerText(only(render("shipping-estimate", withItems(base, items)), "dd-estimate"));
    expect(
      text({
        collections: { "7": { estimate: week(3) } },
        tags: { "made-to-order": { estimate: week(5) } },
      }),
    ).toBe("Ships in 5 weeks");
    expect(
      text({
        products: { "10": { estimate: week(8) } },
        tags: { "made-to-order": { estimate: week(9) } },
      }),
    ).toBe("Ships in 8 weeks");
    expect(
      text({
        variants: { "101": { estimate: { min: 3, max: 3, unit: "days" } } },
        products: { "10": { estimate: week(8) } },
      }),
    ).toBe("Ships in 3 days");
    // In French too, from the same locale files.
    expect(
      innerText(
        only(
          render(
            "shipping-estimate",
            withItems(normal, { products: { "10": { estimate: week(8) } } }),
            wallet,
            "fr",
          ),
          "dd-estimate",
        ),
      ),
    ).toBe("Expédition sous 8 semaines");
    // While the shop shows a delay, the longer of the two: never sooner than either.
    expect(text({ products: { "10": { estimate: week(8) } } }, delayed)).toBe("Ships in 8 weeks");
    expect(
      text({ products: { "10": { estimate: { min: 2, max: 2, unit: "days" } } } }, delayed),
    ).toBe("Ships in 1–2 weeks");
    // Another product keeps the shop's estimate.
    expect(
      innerText(
        only(
          render(
            "shipping-estimate",
            withItems(delayed, { products: { "10": { estimate: week(8) } } }),
            strap,
          ),
          "dd-estimate",
        ),
      ),
    ).toBe("Ships in 1–2 weeks");
  });
});

describe("the Liquid engine is strict", () => {
  const engine = createShopifyLiquid({ locale: "en", assetBaseUrl: "/a/" });

  it("throws on a filter or tag Shopify would not know", () => {
    expect(() => engine.parseAndRenderSync("{{ 'x' | money_sparkles }}")).toThrow(
      /undefined filter: money_sparkles/,
    );
    expect(() => engine.parseAndRenderSync("{% sparkle %}")).toThrow(/sparkle/);
  });

  it("throws on a missing translation or asset instead of printing a placeholder", () => {
    expect(() => engine.parseAndRenderSync("{{ 'delay_desk.nope' | t }}")).toThrow(
      /translation missing/,
    );
    expect(() => engine.parseAndRenderSync("{{ 'missing.css' | asset_url }}")).toThrow(
      /no such asset/,
    );
    expect(engine.parseAndRenderSync("{{ 'delay-desk.css' | asset_url | stylesheet_tag }}")).toBe(
      '<link href="/a/delay-desk.css" rel="stylesheet" type="text/css" media="all" />',
    );
  });
});
