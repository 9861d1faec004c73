// The waitlist end to end against the simulator and a fresh database: the banner's form through a
// signed app proxy request (the simulator signs it as Shopify documents, independently of the
// app's library), the resume through the storefront page's own action, the mail through the
// app's pooled transport to the SMTP sink, the unsubscribe link through the proxy again, and the
// data lifecycle. Outcomes are read in the rows and at the sink.
//
// Sources: app proxy signature and parameters, https://shopify.dev/docs/apps/build/online-store/
// app-proxies/authenticate-app-proxies (simulator/storefront-proxy.ts); one-click unsubscribe,
// RFC 8058 §3.1 (https://www.rfc-editor.org/rfc/rfc8058#section-3.1): "List-Unsubscribe" with one
// HTTPS URI, "List-Unsubscribe-Post: List-Unsubscribe=One-Click", and the POST body
// "List-Unsubscribe=One-Click"; compliance webhooks, https://shopify.dev/docs/apps/build/
// compliance/privacy-law-compliance (customers/redact by the customer's email, shop/redact all).
import type { PrismaClient } from "@prisma/client";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { startMailServer, type RunningMailServer } from "@delay-desk/simulator/mail/mail-server";
import { signedProxyQuery } from "@delay-desk/simulator/storefront-proxy";
import { appDataOf, metafieldJsonValue } from "@delay-desk/simulator/resolvers/app-installation";
import {
  callRoute,
  startAppUnderTest,
  TEST_APP,
  type AppUnderTest,
} from "../../tests/support/app-under-test";
import { smtpTransport } from "../notices/mail-transport.server";
import { WAITLIST_TEXTS } from "../locale/waitlist-texts";
import { DEFAULT_SHOP_RULES } from "../promise/shop-rules";
import { createWaitlistMailer } from "./waitlist-mailer.server";

let app: AppUnderTest;
let db: PrismaClient;
let mail: RunningMailServer;
let transport: ReturnType<typeof smtpTransport>;
let signupRoute: typeof import("../routes/proxy.waitlist");
let unsubscribeRoute: typeof import("../routes/proxy.unsubscribe");

beforeAll(async () => {
  app = await startAppUnderTest({ orders: 5, seed: 4 });
  db = (await import("../db.server")).default;
  signupRoute = await import("../routes/proxy.waitlist");
  unsubscribeRoute = await import("../routes/proxy.unsubscribe");
  mail = await startMailServer();
  transport = smtpTransport(mail.url);
});
afterAll(async () => {
  transport?.close();
  await mail?.close();
  await app?.close();
});
beforeEach(async () => {
  await app.storeOfflineSession();
  await db.noticeTemplate.create({
    data: {
      shop: app.shop,
      subject: "An update on your order {{order_name}}",
      body: "Hi {{first_name}}, {{estimate}}",
      reason: "",
      replyTo: "dawn@oakandhide.com",
    },
  });
  await db.shopSettings.create({
    // Real rules: the storefront page's changes read them to write each product's estimate.
    data: { shop: app.shop, rules: JSON.stringify(DEFAULT_SHOP_RULES), senderName: "Dawn Rivera" },
  });
});

/** Posts the storefront page's form, as the merchant's browser does. */
async function storefrontAction(fields: Record<string, string>) {
  const { action } = await import("../routes/app.storefront");
  return callRoute(
    action,
    app.bearerRequest("/app/storefront", {
      method: "POST",
      body: new URLSearchParams(fields),
      headers: { "Content-Type": "application/x-www-form-urlencoded" },
    }),
  );
}

async function setMode(intent: "paused" | "resume") {
  expect((await storefrontAction({ intent })).status).toBe(200);
}

/** The notice the theme reads (the app-data metafield in the simulated store). */
function publishedNotice(): unknown {
  const store = app.simulator.stores.get(app.shop);
  if (!store) throw new Error("no store");
  const data = appDataOf(store);
  const metafield = data.metafield(data.installationGid, "delay_desk", "storefront_notice");
  return metafield ? metafieldJsonValue(metafield) : undefined;
}

/** What Shopify forwards when a shopper posts to https://<shop>/apps/delay-desk/<path>. */
function proxied(
  path: string,
  init: {
    method?: string;
    body?: string;
    contentType?: string | null;
    secret?: string;
    query?: URLSearchParams;
  } = {},
): Request {
  const query = signedProxyQuery(init.query ?? new URLSearchParams(), {
    shop: app.shop,
    secret: init.secret ?? TEST_APP.apiSecret,
  });
  const headers: Record<string, string> = {};
  const type =
    init.contentType === undefined ? "application/x-www-form-urlencoded" : init.contentType;
  if (type) headers["Content-Type"] = type;
  return new Request(`${TEST_APP.appUrl}/proxy/${path}?${query.toString()}`, {
    method: init.method ?? "POST",
    headers,
    ...(init.body !== undefined ? { body: init.body } : {}),
  });
}

function signupBody(fields: Record<string, string>): string {
  return new URLSearchParams(fields).toString();
}

async function signUp(fields: Record<string, string>, init: Parameters<typeof proxied>[1] = {}) {
  const response = await callRoute(
    signupRoute.action,
    proxied("waitlist", { body: signupBody(fields), ...init }),
  );
  return { status: response.status, html: await response.text() };
}

function mailer() {
  return createWaitlistMailer({
    db,
    transport: () => transport,
    adminFor: async (shop) => (await import("../shopify.server")).backgroundAdmin(shop),
    secret: TEST_APP.apiSecret,
    owner: "test-process",
  });
}

/** A header of a received message, unfolded (RFC 5322 §2.2.3). */
function header(raw: string, name: string): string | null {
  const head = raw.split(/\r?\n\r?\n/)[0] ?? "";
  const unfolded = head.replace(/\r?\n[ \t]+/g, " ");
  const line = unfolded
    .split(/\r?\n/)
    .find((l) => l.toLowerCase().startsWith(`${name.toLowerCase()}:`));
  return line ? line.slice(name.length + 1).trim() : null;
}

describe("joining the waitlist through the banner's form", () => {
  it("puts a shopper on the paused shop's list once, with the consent words shown and when", async () => {
    await setMode("paused");
    const before = new Date();
    const first = await signUp({ email: " Ava@Example.com ", consent: "yes", locale: "fr" });
    expect(first.status).toBe(200);
    expect(first.html).toContain(WAITLIST_TEXTS.fr.joinedTitle);
    // The page never repeats the address.
    expect(first.html.toLowerCase()).not.toContain("ava@example.com");
    const again = await signUp({ email: "ava@example.com", consent: "yes", locale: "en" });
    expect(again.status).toBe(200);
    const rows = await db.waitlistSignup.findMany({ where: { shop: app.shop } });
    expect(rows.map((r) => [r.email, r.status, r.locale, r.consentText])).toEqual([
      ["ava@example.com", "waiting", "fr", WAITLIST_TEXTS.fr.consent],
    ]);
    expect(rows[0]?.consentAt.getTime()).toBeGreaterThanOrEqual(before.getTime() - 1000);
  });

  it("refuses what is not a signup with a clear 4xx and writes nothing", async () => {
    await setMode("paused");
    const noType = await signUp(
      { email: "ava@example.com", consent: "yes" },
      { contentType: null },
    );
    expect(noType.status).toBe(415);
    const badEmail = await signUp({ email: "ava at example", consent: "yes" });
    expect(badEmail.status).toBe(400);
    expect(badEmail.html).toContain(WAITLIST_TEXTS.en.badEmailTitle);
    const noConsent = await signUp({ email: "ava@example.com" });
    expect(noConsent.status).toBe(400);
    expect(noConsent.html).toContain(WAITLIST_TEXTS.en.noConsentTitle);
    const forged = await signUp(
      { email: "ava@example.com", consent: "yes" },
      { secret: "not-the-app-secret" },
    );
    expect(forged.status).toBe(401);
    const get = await callRoute(signupRoute.loader, proxied("waitlist", { method: "GET" }));
    expect(get.status).toBe(405);
    expect(await db.waitlistSignup.count({ where: { shop: app.shop } })).toBe(0);
  });

  it("answers 409 and keeps no address while the shop is open", async () => {
    await setMode("paused");
    await setMode("resume");
    const open = await signUp({ email: "ava@example.com", consent: "yes" });
    expect(open.status).toBe(409);
    expect(open.html).toContain(WAITLIST_TEXTS.en.notPausedTitle);
    expect(await db.waitlistSignup.count({ where: { shop: app.shop } })).toBe(0);
  });
});

describe("the merchant's switch: waitlist while paused", () => {
  it("off: the notice says so, sign-ups get a 404 page and nothing is stored; those already on the list still get their mail", async () => {
    await setMode("paused");
    expect(publishedNotice()).not.toHaveProperty("waitlist");
    await signUp({ email: "ava@example.com", consent: "yes" });

    const off = await storefrontAction({ intent: "waitlist", waitlist: "off" });
    expect(off.status).toBe(200);
    expect(await off.json()).toEqual({ ok: true, waitlistOffered: false });
    expect(publishedNotice()).toMatchObject({ mode: "paused", waitlist: false });

    const refused = await signUp({ email: "ben@example.com", consent: "yes", locale: "de" });
    expect(refused.status).toBe(404);
    expect(refused.html).toContain(WAITLIST_TEXTS.de.closedTitle);
    // An address already waiting is not renewed or touched either.
    const again = await signUp({ email: "ava@example.com", consent: "yes" });
    expect(again.status).toBe(404);
    const rows = await db.waitlistSignup.findMany({ where: { shop: app.shop } });
    expect(rows.map((r) => [r.email, r.status])).toEqual([["ava@example.com", "waiting"]]);

    // Pausing again later keeps the merchant's choice.
    await setMode("resume");
    await setMode("paused");
    expect(publishedNotice()).toMatchObject({ mode: "paused", waitlist: false });
    await setMode("resume");
    expect(await mailer().sweep()).toEqual({ mailed: 1, failed: 0 });
    expect(mail.received().filter((m) => m.to.includes("ava@example.com"))).toHaveLength(1);

    // On again: the form is back and sign-ups are taken.
    await setMode("paused");
    expect((await storefrontAction({ intent: "waitlist", waitlist: "on" })).status).toBe(200);
    expect(publishedNotice()).not.toHaveProperty("waitlist");
    expect((await signUp({ email: "ben@example.com", consent: "yes" })).status).toBe(200);
  });

  it("refuses a switch that is neither on nor off with a 400 and changes nothing", async () => {
    await setMode("paused");
    const bad = await storefrontAction({ intent: "waitlist", waitlist: "maybe" });
    expect(bad.status).toBe(400);
    expect(await db.storefrontState.findUnique({ where: { shop: app.shop } })).toMatchObject({
      waitlist: true,
    });
    expect(publishedNotice()).not.toHaveProperty("waitlist");
  });
});

describe("the mail on reopening", () => {
  it("sends each signup exactly one mail on resume, in its language, with a one-click unsubscribe", async () => {
    await setMode("paused");
    await signUp({ email: "ava@example.com", consent: "yes", locale: "fr" });
    await signUp({ email: "ben@example.com", consent: "yes", locale: "en" });
    // Nothing while still paused.
    expect((await mailer().sweep()).mailed).toBe(0);
    const before = mail.received().length;
    await setMode("resume");
    expect(await mailer().sweep()).toEqual({ mailed: 2, failed: 0 });
    // A second sweep (another process, a restart) finds nothing due.
    expect(await mailer().sweep()).toEqual({ mailed: 0, failed: 0 });
    const sent = mail.received().slice(before);
    expect(sent.map((m) => m.to[0]).sort()).toEqual(["ava@example.com", "ben@example.com"]);
    const ava = sent.find((m) => m.to[0] === "ava@example.com");
    expect(ava?.text).toContain("nous prenons de nouveau des commandes");
    expect(ava?.from).toEqual({ name: "Dawn Rivera", address: "dawn@oakandhide.com" });
    const unsubscribe = header(ava?.raw ?? "", "List-Unsubscribe");
    expect(unsubscribe).toMatch(/^<https:\/\/[^>]+\/apps\/delay-desk\/unsubscribe\?token=[^>]+>$/);
    expect(header(ava?.raw ?? "", "List-Unsubscribe-Post")).toBe("List-Unsubscribe=One-Click");
    const rows = await db.waitlistSignup.findMany({ where: { shop: app.shop } });
    expect(rows.map((r) => r.status)).toEqual(["mailed", "mailed"]);
    expect(rows.every((r) => r.rawMessage === null && r.leaseOwner === null)).toBe(true);
  });

  it("mails the list when a timed pause reaches its end (the pause sweep's resume), not before", async () => {
    // Every way out of a pause (the page, the pause sweep's endDuePause, Flow's "resume sales",
    // app/flow/flow-actions.server.ts) goes through applyStorefrontSettings, whose transaction
    // makes the list due.
    const { endDuePause } = await import("../storefront/storefront-mode.server");
    const { backgroundAdmin } = await import("../shopify.server");
    await setMode("paused");
    await signUp({ email: "hal@example.com", consent: "yes" });
    const end = new Date(Date.now() + 3_600_000);
    await db.storefrontState.update({ where: { shop: app.shop }, data: { pausedUntil: end } });
    const admin = backgroundAdmin(app.shop);
    expect(await endDuePause({ admin, db, shop: app.shop, now: new Date() })).toBe(false);
    expect((await mailer().sweep()).mailed).toBe(0);
    const before = mail.received().length;
    expect(
      await endDuePause({ admin, db, shop: app.shop, now: new Date(end.getTime() + 1000) }),
    ).toBe(true);
    expect(await mailer().sweep()).toEqual({ mailed: 1, failed: 0 });
    expect(
      mail
        .received()
        .slice(before)
        .map((m) => m.to[0]),
    ).toEqual(["hal@example.com"]);
  });

  it("sends nothing to an address unsubscribed by the mail's one-click POST", async () => {
    await setMode("paused");
    await signUp({ email: "cy@example.com", consent: "yes" });
    await signUp({ email: "dee@example.com", consent: "yes" });
    await setMode("resume");
    const before = mail.received().length;
    await mailer().sweep();
    const cyMail = mail
      .received()
      .slice(before)
      .find((m) => m.to[0] === "cy@example.com");
    const link = new URL((header(cyMail?.raw ?? "", "List-Unsubscribe") ?? "").slice(1, -1));

    // The mailbox provider's one-click POST (RFC 8058 §3.1), forwarded by the app proxy.
    const oneClick = await callRoute(
      unsubscribeRoute.action,
      proxied("unsubscribe", { query: link.searchParams, body: "List-Unsubscribe=One-Click" }),
    );
    expect(oneClick.status).toBe(200);
    // A tampered token is refused and changes nothing.
    const tampered = new URLSearchParams({ token: `${link.searchParams.get("token")}x` });
    const refused = await callRoute(
      unsubscribeRoute.action,
      proxied("unsubscribe", { query: tampered, body: "List-Unsubscribe=One-Click" }),
    );
    expect(refused.status).toBe(403);

    // The next pause: both ask again (a new request, a new consent), then cy unsubscribes with the
    // link from the first mail before the shop reopens: only dee is mailed.
    await setMode("paused");
    await signUp({ email: "cy@example.com", consent: "yes" });
    await signUp({ email: "dee@example.com", consent: "yes" });
    const cyRow = await db.waitlistSignup.findFirstOrThrow({
      where: { shop: app.shop, email: "cy@example.com" },
    });
    await callRoute(
      unsubscribeRoute.action,
      proxied("unsubscribe", { query: link.searchParams, body: "List-Unsubscribe=One-Click" }),
    );
    expect((await db.waitlistSignup.findFirstOrThrow({ where: { id: cyRow.id } })).status).toBe(
      "unsubscribed",
    );
    const second = mail.received().length;
    await setMode("resume");
    await mailer().sweep();
    expect(
      mail
        .received()
        .slice(second)
        .map((m) => m.to[0]),
    ).toEqual(["dee@example.com"]);
  });

  it("shows a confirmation, not an unsubscribe, to a GET of the link (mail scanners open links)", async () => {
    await setMode("paused");
    await signUp({ email: "eve@example.com", consent: "yes", locale: "de" });
    await setMode("resume");
    const before = mail.received().length;
    await mailer().sweep();
    const sent = mail.received().slice(before)[0];
    const link = new URL((header(sent?.raw ?? "", "List-Unsubscribe") ?? "").slice(1, -1));
    const page = await callRoute(
      unsubscribeRoute.loader,
      proxied("unsubscribe", { method: "GET", query: link.searchParams }),
    );
    expect(await page.text()).toContain(WAITLIST_TEXTS.de.unsubscribe.confirmTitle);
    expect((await db.waitlistSignup.findFirstOrThrow({ where: { shop: app.shop } })).status).toBe(
      "mailed",
    );
  });
});

describe("the waitlist in the data lifecycle", () => {
  it("customers/redact erases the customer's signups by email; shop/redact erases the rest", async () => {
    await setMode("paused");
    await signUp({ email: "fay@example.com", consent: "yes" });
    await signUp({ email: "gus@example.com", consent: "yes" });
    const { redactCustomer } = await import("../data-lifecycle/redact-customer.server");
    const { eraseShop } = await import("../data-lifecycle/shop-lifecycle.server");
    const redacted = await redactCustomer(db, app.shop, {
      customerId: null,
      email: "FAY@example.com",
      phone: null,
      orderIds: [],
    });
    expect(redacted.waitlist).toBe(1);
    expect(
      (await db.waitlistSignup.findMany({ where: { shop: app.shop } })).map((r) => r.email),
    ).toEqual(["gus@example.com"]);
    await eraseShop(db, app.shop);
    expect(await db.waitlistSignup.count({ where: { shop: app.shop } })).toBe(0);
  });
});
