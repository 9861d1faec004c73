// The shop's languages and the buyer's: QueryRoot.shopLocales ("Returns the locales enabled on a
// shop"; `published` "Return only published locales"; ShopLocale.primary "Whether the locale is the
// default locale for the shop"; https://shopify.dev/docs/api/admin-graphql/latest/queries/shopLocales,
// needing `read_locales` or `read_markets_home` by the schema's requiredAccess) and
// Order.customerLocale ("The customer's language and region preference at the time of purchase",
// https://shopify.dev/docs/api/admin-graphql/latest/objects/Order#field-customerLocale).
import { describe, expect, it } from "vitest";
import { z } from "zod";
import { grantFor } from "./access-grant";
import { prepareRequest, runRequest } from "./execute";
import { seedShop } from "./seed";
import type { ShopStore } from "./store/shop-store";

const now = new Date("2026-12-10T15:00:00Z");
const QUERY = `query Languages { shopLocales(published: true) { locale primary published } orders(first: 250) { nodes { id customerLocale } } }`;
const resultSchema = z.object({
  data: z.object({
    shopLocales: z.array(
      z.object({ locale: z.string(), primary: z.boolean(), published: z.boolean() }),
    ),
    orders: z.object({
      nodes: z.array(z.object({ id: z.string(), customerLocale: z.string().nullable() })),
    }),
  }),
});

async function run(store: ShopStore, scope: string) {
  const prepared = prepareRequest(QUERY);
  if ("errors" in prepared) throw new Error(JSON.stringify(prepared.errors));
  const grant = grantFor({ scope, apiKey: "key", now: now.getTime() });
  return JSON.parse(JSON.stringify(await runRequest(store, prepared, {}, null, grant)));
}

describe("shopLocales and Order.customerLocale", () => {
  it("a shop seeded with customer languages publishes them beside its primary English, and its orders carry a mix of them", async () => {
    const store = seedShop({
      domain: "oak-and-hide.myshopify.com",
      orders: 200,
      now,
      customerLanguages: [
        { locale: "fr", share: 0.2 },
        { locale: "de", share: 0.15 },
        { locale: "es", share: 0.2 },
      ],
    });
    const { data } = resultSchema.parse(await run(store, "read_orders,read_locales"));
    expect(data.shopLocales.filter((l) => l.primary).map((l) => l.locale)).toEqual(["en"]);
    expect(data.shopLocales.map((l) => l.locale).sort()).toEqual(["de", "en", "es", "fr"]);
    const seen = new Set(data.orders.nodes.map((o) => o.customerLocale));
    expect([...seen].sort()).toEqual(["de", "en", "es", "fr"]);
  });

  it("a shop seeded without languages is English only, as it always was", async () => {
    const store = seedShop({ domain: "oak-and-hide.myshopify.com", orders: 20, now });
    const { data } = resultSchema.parse(await run(store, "read_orders,read_locales"));
    expect(data.shopLocales).toEqual([{ locale: "en", primary: true, published: true }]);
    expect(new Set(data.orders.nodes.map((o) => o.customerLocale))).toEqual(new Set(["en"]));
  });

  it("refuses shopLocales without read_locales", async () => {
    const store = seedShop({ domain: "oak-and-hide.myshopify.com", orders: 2, now });
    const result = z
      .object({ errors: z.array(z.object({ message: z.string() })) })
      .parse(await run(store, "read_orders"));
    expect(result.errors.map((e) => e.message).join(" ")).toMatch(/read_locales/);
  });
});
