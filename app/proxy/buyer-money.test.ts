import { describe, expect, it } from "vitest";
import { buyerTotal } from "./buyer-money";

// MoneyBag.presentmentMoney is "Amount in presentment currency", the buyer's; shopMoney is the
// shop's (https://shopify.dev/docs/api/admin-graphql/latest/objects/MoneyBag). Order.customerLocale
// is "The customer's language and region preference at the time of purchase".
describe("buyerTotal", () => {
  it("shows the buyer what they paid, in their currency and language, not the shop's money", () => {
    expect(
      buyerTotal({
        totalAmount: "104.00",
        currencyCode: "CAD",
        presentmentAmount: "74.36",
        presentmentCurrencyCode: "USD",
        customerLocale: "en",
      }),
    ).toBe("$74.36");
    expect(
      buyerTotal({
        totalAmount: "104.00",
        currencyCode: "CAD",
        presentmentAmount: "104.00",
        presentmentCurrencyCode: "CAD",
        customerLocale: "fr-CA",
      }),
    ).toBe("104,00\u00a0$");
  });

  it("falls back to the shop's money for a row synced before presentment money was kept, and to English for an unusable locale", () => {
    expect(
      buyerTotal({
        totalAmount: "58.00",
        currencyCode: "USD",
        presentmentAmount: null,
        presentmentCurrencyCode: null,
        customerLocale: "not a locale!",
      }),
    ).toBe("$58.00");
  });
});
