// A notice for an order shipped in part (a split shipment, app/fulfillment/) says what is on its
// way and what is still coming, in the customer's language, whatever the merchant's template says;
// the template's {{items}} are then the waiting ones, the subject of the new date.
import { describe, expect, it } from "vitest";
import { CUSTOMER_LANGUAGES } from "../locale/language";
import { noticeItems, renderNotice, splitItems, type NoticeInput } from "./render-notice";

const partShippedOrder = JSON.stringify([
  { id: "gid://shopify/LineItem/1", title: "Walnut Case", quantity: 2, remaining: 2 },
  { id: "gid://shopify/LineItem/2", title: "Strap", quantity: 1, remaining: 0 },
]);

const input = (language: (typeof CUSTOMER_LANGUAGES)[number]): NoticeInput => ({
  template: { subject: "{{order_name}}", body: "Hello,\n\n({{items}}) {{estimate}}", reason: "" },
  order: { name: "#1042", customerFirstName: "Ava", items: noticeItems(partShippedOrder) },
  range: { from: "2026-12-07", to: "2026-12-18" },
  today: "2026-12-01",
  sender: { name: "Dawn Rivera", role: null, shopName: "Oak & Hide" },
  links: { wait: "https://w.test", cancel: "https://c.test" },
  reader: { language, locale: language, timeZone: "UTC", at: new Date("2026-12-01T12:00:00Z") },
});

const EXPECTED = {
  en: "Part of your order is already on its way: Strap. Still to come: 2 × Walnut Case",
  fr: "Une partie de votre commande est déjà en route : Strap. Encore à venir : 2 × Walnut Case",
  de: "Ein Teil Ihrer Bestellung ist bereits unterwegs: Strap. Noch ausstehend: 2 × Walnut Case",
  es: "Parte de tu pedido ya está en camino: Strap. Aún por llegar: 2 × Walnut Case",
} as const;

describe("a notice for an order shipped in part", () => {
  it.each(CUSTOMER_LANGUAGES)(
    "says in %s what shipped and what is still coming, in text and HTML",
    (language) => {
      const notice = renderNotice(input(language));
      expect(notice.text).toContain(EXPECTED[language]);
      expect(notice.html).toContain(EXPECTED[language]);
      // {{items}} names only what still waits for the date.
      expect(notice.text).toContain("(2 × Walnut Case)");
    },
  );

  it("says nothing of it when nothing has shipped, or everything has", () => {
    const none = JSON.stringify([{ title: "Strap", quantity: 1, remaining: 1 }]);
    const all = JSON.stringify([{ title: "Strap", quantity: 1, remaining: 0 }]);
    expect(splitItems(noticeItems(none))).toBeNull();
    expect(splitItems(noticeItems(all))).toBeNull();
    // Rows written before `remaining` existed read as nothing shipped.
    expect(splitItems(noticeItems(JSON.stringify([{ title: "Strap", quantity: 1 }])))).toBeNull();
    const notice = renderNotice({
      ...input("en"),
      order: { ...input("en").order, items: noticeItems(none) },
    });
    expect(notice.text).not.toContain("already on its way");
  });
});
