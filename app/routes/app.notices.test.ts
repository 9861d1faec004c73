// The composer's loader and action as Remix calls them: a noreply reply-to is refused, the preview
// shows the order's real range and the sender from settings, a send is reviewed (count, sample)
// and confirmed before it becomes a notice job, and a second later date is stopped until the
// merchant overrides.
import { gidId } from "../admin-api/gid";
import type { PrismaClient } from "@prisma/client";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import {
  callRoute,
  startAppUnderTest,
  type AppUnderTest,
} from "../../tests/support/app-under-test";
import { insertTrackedOrders, trackedOrder } from "../../tests/support/factories";
import { DEFAULT_SHOP_RULES } from "../promise/shop-rules";
import { DEFAULT_TEMPLATE } from "../notices/render-notice";

let app: AppUnderTest;
let db: PrismaClient;
let route: typeof import("./app.notices");

beforeAll(async () => {
  app = await startAppUnderTest({ orders: 5, seed: 4 });
  db = (await import("../db.server")).default;
  route = await import("./app.notices");
});
// Each test on a fresh database: the shop's sender, as the settings page saves it.
beforeEach(async () => {
  await db.shopSettings.create({
    data: {
      shop: app.shop,
      rules: JSON.stringify(DEFAULT_SHOP_RULES),
      senderName: "Dawn Rivera",
      senderRole: "Operations manager",
    },
  });
});
afterAll(async () => {
  await db.$disconnect();
  await app.close();
});

const post = (fields: Record<string, string>) =>
  app.bearerRequest("/app/notices", { method: "POST", body: new URLSearchParams(fields) });
const save = (replyTo: string) =>
  callRoute(
    route.action,
    post({
      intent: "save",
      subject: DEFAULT_TEMPLATE.subject,
      body: DEFAULT_TEMPLATE.body,
      reason: "We want to spend Thanksgiving with our families too.",
      replyTo,
    }),
  );

/** The template as the first test saves it: each test starts without one (a fresh database). */
async function saveTheTemplate() {
  expect(await save("dawn@oakandhide.com")).toEqual({ intent: "save", ok: true });
}

describe("the composer, per language", () => {
  it("edits a language's own wording: refused without the estimate, saved, then previewed in French while the shop's English stays", async () => {
    await saveTheTemplate();
    const order = trackedOrder(app.shop, {
      delayClass: "overdue",
      likelyShipDate: "2026-12-07",
      conservativeShipDate: "2026-12-18",
      customerFirstName: "Léa",
    });
    await insertTrackedOrders(db, [order]);
    const numeric = gidId(order.id);
    const frenchDefault = await callRoute(
      route.loader,
      app.bearerRequest(`/app/notices?orders=${numeric}&lang=fr`),
    );
    // Until the merchant writes French, Delay Desk's French wording is shown and sent.
    expect(frenchDefault.language).toBe("fr");
    expect(frenchDefault.preview?.subject).toBe(`Des nouvelles de votre commande ${order.name}`);
    expect(frenchDefault.preview?.html).toContain('<html lang="fr">');
    expect(frenchDefault.preview?.text).toContain("vendredi 18 décembre");

    const missing = await callRoute(
      route.action,
      post({
        intent: "save-translation",
        language: "fr",
        kind: "first",
        subject: "Votre commande {{order_name}}",
        body: "Bonjour {{first_name}}, elle a du retard.",
        reason: "Notre fournisseur de cuir a du retard.",
      }),
    );
    expect(missing).toMatchObject({
      intent: "save-translation",
      ok: false,
      errors: { body: expect.stringContaining("{{estimate}}") },
    });
    const saved = await callRoute(
      route.action,
      post({
        intent: "save-translation",
        language: "fr",
        kind: "first",
        subject: "Votre commande {{order_name}} a du retard",
        body: "Bonjour {{first_name}},\n\n{{reason}}\n\nNous l’expédierons {{estimate}}.",
        reason: "Notre fournisseur de cuir a du retard.",
      }),
    );
    expect(saved).toEqual({ intent: "save-translation", ok: true });
    const row = await db.noticeTemplate.findUnique({ where: { shop: app.shop } });
    expect(JSON.parse(row?.translations ?? "{}")).toMatchObject({
      fr: { reason: "Notre fournisseur de cuir a du retard.", wordings: { first: {} } },
    });
    const french = await callRoute(
      route.loader,
      app.bearerRequest(`/app/notices?orders=${numeric}&lang=fr`),
    );
    expect(french.preview?.subject).toBe(`Votre commande ${order.name} a du retard`);
    expect(french.preview?.text).toContain(
      "Bonjour Léa,\n\nNotre fournisseur de cuir a du retard.",
    );
    const english = await callRoute(
      route.loader,
      app.bearerRequest(`/app/notices?orders=${numeric}`),
    );
    expect(english.language).toBe("en");
    expect(english.preview?.subject).toBe(`An update on your order ${order.name}`);
  });

  it("refuses an unknown language with a 400 and saves nothing", async () => {
    await saveTheTemplate();
    const response = await callRoute(
      route.action,
      post({ intent: "save-translation", language: "xx", kind: "first", subject: "a", body: "b" }),
    );
    expect(response).toBeInstanceOf(Response);
    expect(response instanceof Response ? response.status : 0).toBe(400);
    const row = await db.noticeTemplate.findUnique({ where: { shop: app.shop } });
    expect(row?.translations).toBe("{}");
  });
});

describe("the composer", () => {
  it("refuses a noreply reply-to, then saves and previews with the order's range and the sender", async () => {
    const refused = await save("no-reply@oakandhide.com");
    expect(refused).toMatchObject({
      intent: "save",
      ok: false,
      errors: { replyTo: expect.stringContaining("nobody reads") },
    });
    expect(await db.noticeTemplate.count()).toBe(0);

    expect(await save("dawn@oakandhide.com")).toEqual({ intent: "save", ok: true });
    const order = trackedOrder(app.shop, {
      delayClass: "overdue",
      likelyShipDate: "2026-12-07",
      conservativeShipDate: "2026-12-18",
      customerFirstName: "Maya",
    });
    await insertTrackedOrders(db, [order]);
    const numeric = gidId(order.id);
    const page = await callRoute(route.loader, app.bearerRequest(`/app/notices?orders=${numeric}`));
    expect(page.selection).toEqual([{ id: numeric, name: order.name }]);
    expect(page.preview?.text).toContain("Hi Maya,");
    // The wording depends on how far off 18 December is from the real today (the route uses the clock).
    expect(page.preview?.text).toContain("Friday 18 December");
    expect(page.preview?.text).toContain("We want to spend Thanksgiving with our families too.");
    expect(page.preview?.text).toMatch(/Dawn Rivera\nOperations manager, /);
    expect(page.preview?.html).toContain("Cancel and refund me");
  });

  it("sending asks to confirm: the review shows the count and a sample and sends nothing; confirm sends exactly that list", async () => {
    await saveTheTemplate();
    const orders = Array.from({ length: 7 }, () =>
      trackedOrder(app.shop, {
        delayClass: "at_risk",
        likelyShipDate: "2026-12-07",
        conservativeShipDate: "2026-12-18",
      }),
    );
    await insertTrackedOrders(db, orders);
    const numerics = orders.map((o) => gidId(o.id)).join(",");
    const review = await callRoute(
      route.action,
      post({ intent: "review", target: "selection", orders: numerics }),
    );
    if (review instanceof Response || review.intent !== "review") throw new Error("no review");
    expect(review.plan).toMatchObject({ total: 7, willSend: 7, first: 7, tooSoon: 0 });
    expect(review.plan.sample.map((s) => [s.name, s.change, s.from, s.to])).toEqual(
      orders.slice(0, 5).map((o) => [o.name, "first", "2026-12-07", "2026-12-18"]),
    );
    expect(await db.job.count({ where: { shop: app.shop, kind: "notice" } })).toBe(0);

    // Meanwhile one customer cancels: the reviewed list is no longer the list, nothing is sent.
    await db.customerChoice.create({
      data: { shop: app.shop, orderId: orders[6]?.id ?? "", choice: "cancel" },
    });
    const stale = await callRoute(
      route.action,
      post({
        intent: "confirm",
        target: "selection",
        orders: numerics,
        fingerprint: review.plan.fingerprint,
      }),
    );
    expect(stale).toMatchObject({
      intent: "review",
      message: expect.stringContaining("changed since you reviewed"),
      plan: { willSend: 6, cancelled: 1 },
    });
    expect(await db.job.count({ where: { shop: app.shop, kind: "notice" } })).toBe(0);

    if (stale instanceof Response || stale.intent !== "review") throw new Error("no review");
    const sent = await callRoute(
      route.action,
      post({
        intent: "confirm",
        target: "selection",
        orders: numerics,
        fingerprint: stale.plan.fingerprint,
      }),
    );
    expect(sent).toBeInstanceOf(Response);
    const location = sent instanceof Response ? (sent.headers.get("location") ?? "") : "";
    expect(location).toMatch(/^\/app\/jobs\/\w+$/);
    const job = await db.job.findFirst({
      where: { id: location.split("/").at(-1), shop: app.shop },
    });
    expect(job?.kind).toBe("notice");
    expect(JSON.parse(job?.params ?? "{}")).toMatchObject({
      replyTo: "dawn@oakandhide.com",
      sender: { name: "Dawn Rivera", role: "Operations manager" },
    });
    const items = await db.jobItem.findMany({
      where: { jobId: job?.id },
      select: { orderId: true },
    });
    expect(items.map((i) => i.orderId).sort()).toEqual(stale.plan.orderIds.slice().sort());
  });

  it("stops a second later date until overridden with a reason", async () => {
    await saveTheTemplate();
    const order = trackedOrder(app.shop, {
      delayClass: "at_risk",
      likelyShipDate: "2026-12-07",
      conservativeShipDate: "2026-12-18",
    });
    await insertTrackedOrders(db, [order]);
    const numeric = gidId(order.id);
    await db.notice.create({
      data: {
        shop: app.shop,
        orderId: order.id,
        revision: 1,
        estimateFrom: "2026-12-07",
        estimateTo: "2026-12-18",
        toEmail: "x@y.z",
        subject: "s",
        status: "sent",
        sentAt: new Date(),
      },
    });
    await db.trackedOrder.update({
      where: { shop_id: { shop: app.shop, id: order.id } },
      data: { conservativeShipDate: "2026-12-28" },
    });
    const jobsBefore = await db.job.count({ where: { shop: app.shop, kind: "notice" } });
    const blocked = await callRoute(
      route.action,
      post({ intent: "review", target: "selection", orders: numeric }),
    );
    expect(blocked).toMatchObject({
      intent: "review",
      plan: {
        blocked: [{ orderId: order.id, told: "2026-12-18", proposed: "2026-12-28" }],
        willSend: 0,
      },
    });

    const fields = { target: "selection", orders: numeric, overrideReason: "Our kiln broke" };
    const review = await callRoute(route.action, post({ intent: "review", ...fields }));
    if (review instanceof Response || review.intent !== "review") throw new Error("no review");
    expect(review.plan).toMatchObject({ willSend: 1, overridden: 1 });
    const overridden = await callRoute(
      route.action,
      post({ intent: "confirm", ...fields, fingerprint: review.plan.fingerprint }),
    );
    expect(overridden).toBeInstanceOf(Response);
    expect(await db.job.count({ where: { shop: app.shop, kind: "notice" } })).toBe(jobsBefore + 1);
  });

  it("a send without the review step's fingerprint sends nothing", async () => {
    await saveTheTemplate();
    const order = trackedOrder(app.shop, {
      delayClass: "at_risk",
      likelyShipDate: "2026-12-07",
      conservativeShipDate: "2026-12-18",
    });
    await insertTrackedOrders(db, [order]);
    const jobsBefore = await db.job.count({ where: { shop: app.shop } });
    const result = await callRoute(
      route.action,
      post({ intent: "confirm", target: "selection", orders: gidId(order.id) }),
    );
    expect(result).toMatchObject({ intent: "review", plan: { willSend: 1 } });
    expect(await db.job.count({ where: { shop: app.shop } })).toBe(jobsBefore);
  });

  it("each kind's wording is editable on its own, keeps what the kind must say, and previews as that kind", async () => {
    await saveTheTemplate();
    const refused = await callRoute(
      route.action,
      post({
        intent: "save-wording",
        kind: "later",
        subject: "New date for {{order_name}}",
        body: "Hi {{first_name}}, now {{estimate}}.",
        makeGood: "Free express shipping.",
      }),
    );
    expect(refused).toMatchObject({
      intent: "save-wording",
      ok: false,
      errors: { body: expect.stringContaining("{{previous_estimate}}") },
    });
    const body =
      "Hi {{first_name}}, I said {{previous_estimate}}; because {{override_reason}} it is now {{estimate}}. {{make_good}}";
    const saved = await callRoute(
      route.action,
      post({
        intent: "save-wording",
        kind: "later",
        subject: "New date for {{order_name}}",
        body,
        makeGood: "Free express shipping.",
      }),
    );
    expect(saved).toEqual({ intent: "save-wording", ok: true });
    const row = await db.noticeTemplate.findUniqueOrThrow({ where: { shop: app.shop } });
    expect(JSON.parse(row.wordings)).toEqual({
      later: { subject: "New date for {{order_name}}", body },
    });
    expect(row.makeGood).toBe("Free express shipping.");
    const order = trackedOrder(app.shop, {
      delayClass: "overdue",
      likelyShipDate: "2026-12-07",
      conservativeShipDate: "2026-12-18",
      customerFirstName: "Noor",
    });
    await insertTrackedOrders(db, [order]);
    const numeric = gidId(order.id);
    const page = await callRoute(
      route.loader,
      app.bearerRequest(`/app/notices?kind=later&preview=${numeric}`),
    );
    expect(page.kind).toBe("later");
    expect(page.preview?.subject).toBe(`New date for ${order.name}`);
    expect(page.preview?.text).toContain("Free express shipping.");
    expect(page.preview?.text).toContain("Cancel and refund me");
    expect(
      await callRoute(route.action, post({ intent: "save-wording", kind: "bogus" })),
    ).toMatchObject({ status: 400 });
  });
});
