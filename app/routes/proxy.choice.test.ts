// The wait-or-refund page through a simulated app proxy request: Shopify's signature and the
// notice's token are both checked, the choice is recorded once, and a cancel queues the remedy.
import type { PrismaClient } from "@prisma/client";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { z } from "zod";
import { signedProxyQuery } from "@delay-desk/simulator/storefront-proxy";
import {
  callRoute,
  startAppUnderTest,
  TEST_APP,
  type AppUnderTest,
} from "../../tests/support/app-under-test";
import { insertTrackedOrders, openDatabase, trackedOrder } from "../../tests/support/factories";
import { choiceLinks } from "../proxy/choice-links.server";
import { signChoiceToken } from "../proxy/choice-token.server";

let app: AppUnderTest;
let db: PrismaClient;
let route: typeof import("./proxy.choice");

beforeAll(async () => {
  app = await startAppUnderTest();
  db = await openDatabase(app.databaseUrl);
  route = await import("./proxy.choice");
});
afterAll(async () => {
  await db?.$disconnect();
  await app?.close();
});

async function newOrder() {
  const order = trackedOrder(app.shop, { totalAmount: "58.00", customerFirstName: "Ava" });
  await insertTrackedOrders(db, [order]);
  return order;
}

/** The notice's signed links for the order, as a notice sent now carries them. */
const linksFor = (order: { id: string }, noticeId: string | null = null) =>
  choiceLinks(TEST_APP.apiSecret, { shop: app.shop, orderId: order.id, noticeId, now: new Date() });

/** What Shopify sends the app when the shopper opens `link` (https://<shop>/apps/delay-desk/...). */
function proxied(
  link: string,
  init: { method?: string; body?: URLSearchParams; secret?: string } = {},
): Request {
  const query = signedProxyQuery(new URL(link).searchParams, {
    shop: app.shop,
    secret: init.secret ?? TEST_APP.apiSecret,
  });
  return new Request(`${TEST_APP.appUrl}/proxy/choice?${query.toString()}`, {
    method: init.method ?? "GET",
    ...(init.body ? { body: init.body } : {}),
  });
}

const post = (link: string, confirm: string) =>
  proxied(link, { method: "POST", body: new URLSearchParams({ confirm }) });

describe("the wait-or-refund page", () => {
  it("tells a buyer who paid in USD to a CAD shop the refund in their own money, not the shop's", async () => {
    // MoneyBag.presentmentMoney is the buyer's currency, shopMoney the shop's
    // (https://shopify.dev/docs/api/admin-graphql/latest/objects/MoneyBag); sync keeps both.
    const order = trackedOrder(app.shop, {
      totalAmount: "104.00",
      currencyCode: "CAD",
      presentmentAmount: "74.36",
      presentmentCurrencyCode: "USD",
      customerLocale: "en",
      customerFirstName: "Sam",
    });
    await insertTrackedOrders(db, [order]);
    const links = linksFor(order);
    const html = await (await callRoute(route.loader, proxied(links.cancel))).text();
    expect(html).toContain("refund the full $74.36 to your original payment method");
    expect(html).not.toContain("104.00");
  });

  it("speaks German to a German customer (lang attribute, buttons, money, confirmation) and records the choice", async () => {
    // Order.customerLocale: "The customer's language and region preference at the time of
    // purchase" (https://shopify.dev/docs/api/admin-graphql/latest/objects/Order#field-customerLocale).
    const order = trackedOrder(app.shop, {
      presentmentAmount: "1234.50",
      presentmentCurrencyCode: "EUR",
      customerLocale: "de-DE",
      customerFirstName: "Jonas",
    });
    await insertTrackedOrders(db, [order]);
    const links = linksFor(order);
    const html = await (await callRoute(route.loader, proxied(links.cancel))).text();
    expect(html).toContain('<html lang="de-DE">');
    expect(html).toContain(`Bestellung ${order.name} stornieren?`);
    expect(html).toContain("Hallo Jonas,");
    expect(html).toContain("die vollen 1.234,50\u00a0€ auf Ihr ursprüngliches Zahlungsmittel");
    expect(html).toContain(">Ja, stornieren und Geld zurück</button>");
    const done = await (await callRoute(route.action, post(links.cancel, "cancel"))).text();
    expect(done).toContain("Ihre Bestellung wird storniert");
    expect(
      (await db.customerChoice.findMany({ where: { shop: app.shop, orderId: order.id } })).map(
        (c) => c.choice,
      ),
    ).toEqual(["cancel"]);
  });

  it("speaks the language the notice was written in when the order's own has no texts (pt-BR, told in French)", async () => {
    const order = trackedOrder(app.shop, { customerLocale: "pt-BR", customerFirstName: "Ana" });
    await insertTrackedOrders(db, [order]);
    const notice = await db.notice.create({
      data: {
        shop: app.shop,
        orderId: order.id,
        revision: 1,
        kind: "first",
        language: "fr",
        estimateFrom: "2026-12-07",
        estimateTo: "2026-12-18",
        toEmail: order.email ?? "",
        subject: "Des nouvelles",
        status: "sent",
      },
    });
    const links = linksFor(order, notice.id);
    const html = await (await callRoute(route.loader, proxied(links.wait))).text();
    expect(html).toContain('<html lang="fr">');
    expect(html).toContain("entre le lundi 7 décembre et le vendredi 18 décembre");
    expect(html).toContain(">Oui, j’attendrai</button>");
  });

  it("confirms, then records a cancel once and queues the cancel-and-refund remedy", async () => {
    const order = await newOrder();
    const links = linksFor(order);

    const page = await callRoute(route.loader, proxied(links.cancel));
    expect(page.status).toBe(200);
    expect(await page.text()).toContain(`Cancel order ${order.name}?`);
    expect(await db.customerChoice.count({ where: { orderId: order.id } })).toBe(0);

    const first = await callRoute(route.action, post(links.cancel, "cancel"));
    expect(await first.text()).toContain("Your order is being cancelled");
    const again = await callRoute(route.action, post(links.cancel, "cancel"));
    expect(await again.text()).toContain("already being cancelled");

    expect(
      (await db.customerChoice.findMany({ where: { shop: app.shop, orderId: order.id } })).map(
        (c) => c.choice,
      ),
    ).toEqual(["cancel"]);
    const events = await db.orderEvent.findMany({
      where: { shop: app.shop, orderId: order.id },
      orderBy: { createdAt: "asc" },
    });
    expect(events.map((e) => e.kind)).toEqual(["choice", "remedy_queued"]);
    const jobId: unknown = JSON.parse(events[1]?.detail ?? "{}").jobId;
    const job = await db.job.findFirst({ where: { id: String(jobId), shop: app.shop } });
    expect(job?.kind).toBe("cancel_refund");
    expect(await db.jobItem.count({ where: { jobId: job?.id, orderId: order.id } })).toBe(1);
  });

  it("lets a customer who chose to wait change their mind, but not undo a cancel", async () => {
    const order = await newOrder();
    const links = linksFor(order);
    expect(await (await callRoute(route.action, post(links.wait, "wait"))).text()).toContain(
      "Thank you for your patience",
    );
    expect(await (await callRoute(route.action, post(links.cancel, "cancel"))).text()).toContain(
      "being cancelled",
    );
    expect(await (await callRoute(route.action, post(links.wait, "wait"))).text()).toContain(
      "already being cancelled",
    );
    expect((await db.customerChoice.findFirst({ where: { orderId: order.id } }))?.choice).toBe(
      "cancel",
    );
  });

  it("refuses a bad proxy signature with 401", async () => {
    const order = await newOrder();
    const links = linksFor(order);
    expect(
      (await callRoute(route.loader, proxied(links.cancel, { secret: "not-the-secret" }))).status,
    ).toBe(401);
    expect(
      (
        await callRoute(
          route.action,
          new Request(
            `${TEST_APP.appUrl}/proxy/choice${new URL(links.cancel).search}&shop=${app.shop}`,
            { method: "POST", body: new URLSearchParams({ confirm: "cancel" }) },
          ),
        )
      ).status,
    ).toBe(401);
    expect(await db.customerChoice.count({ where: { orderId: order.id } })).toBe(0);
  });

  it("refuses a tampered or expired token with 403", async () => {
    const order = await newOrder();
    const other = await newOrder();
    const links = linksFor(order);
    const tampered = new URL(links.cancel);
    const [body, signature] = (tampered.searchParams.get("token") ?? "").split(".");
    const payload = z
      .record(z.unknown())
      .parse(JSON.parse(Buffer.from(body ?? "", "base64url").toString()));
    tampered.searchParams.set(
      "token",
      `${Buffer.from(JSON.stringify({ ...payload, o: other.id })).toString("base64url")}.${signature}`,
    );
    expect((await callRoute(route.action, post(tampered.toString(), "cancel"))).status).toBe(403);

    const expired = new URL(links.cancel);
    expired.searchParams.set(
      "token",
      signChoiceToken(TEST_APP.apiSecret, {
        shop: app.shop,
        orderId: order.id,
        noticeId: null,
        expiresAt: new Date(Date.now() - 1000),
      }),
    );
    const refused = await callRoute(route.loader, proxied(expired.toString()));
    expect(refused.status).toBe(403);
    expect(await refused.text()).toContain("expired");
    expect(
      await db.customerChoice.count({ where: { orderId: { in: [order.id, other.id] } } }),
    ).toBe(0);
  });
});
