// Notices in the customer's language, on the real runner, a real database and a real SMTP server.
// The order's language is Order.customerLocale ("The customer's language and region preference at
// the time of purchase", e.g. "en", "fr-CA", "es-MX":
// https://shopify.dev/docs/api/admin-graphql/latest/objects/Order#field-customerLocale); the
// fallback is the shop's primary locale (ShopLocale.primary, "the default locale for the shop":
// https://shopify.dev/docs/api/admin-graphql/latest/queries/shopLocales).
import type { PrismaClient } from "@prisma/client";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { startMailServer, type RunningMailServer } from "@delay-desk/simulator/mail/mail-server";
import { freshDatabaseUrl } from "../../tests/support/database";
import { insertTrackedOrders, openDatabase, trackedOrder } from "../../tests/support/factories";
import { runJobsToEnd } from "../../tests/support/run-jobs";
import { createJob } from "../jobs/jobs.server";
import { JobKindRegistry } from "../jobs/job-kind";
import { JobRunner } from "../jobs/runner.server";
import { smtpTransport } from "./mail-transport.server";
import { noticeJobKind, type NoticeJobParams } from "./notice-job.server";
import { DEFAULT_TEMPLATE } from "./render-notice";

const SHOP = "oak-and-hide.myshopify.com";
const SECRET = "test-secret";
const params: NoticeJobParams = {
  template: DEFAULT_TEMPLATE,
  replyTo: "dawn@oakandhide.com",
  sender: { name: "Dawn Rivera", role: "Operations manager", shopName: "Oak & Hide Workshop" },
  overrideReason: null,
  confirmBetter: false,
  wordings: {},
  makeGood: null,
  primaryLocale: "en",
  translations: {},
};
const clock = new Date("2026-11-24T12:00:00Z");

let mail: RunningMailServer;
let transport: ReturnType<typeof smtpTransport>;
let db: PrismaClient;

beforeAll(async () => {
  mail = await startMailServer();
  transport = smtpTransport(mail.url);
});
afterAll(async () => {
  transport.close();
  await mail.close();
});
beforeEach(async () => {
  db = await openDatabase(freshDatabaseUrl());
});
afterEach(async () => {
  await db.$disconnect();
});

function kind() {
  return noticeJobKind({ db, transport: () => transport, secret: SECRET, now: () => clock });
}

/** Sends one notice to an order in `locale` and returns the mail it received. */
async function noticeTo(
  locale: string | null,
  overrides: Partial<NoticeJobParams> = {},
  order: Parameters<typeof trackedOrder>[1] = {},
) {
  const row = trackedOrder(SHOP, {
    delayClass: "at_risk",
    promisedShipDate: "2026-12-01",
    likelyShipDate: "2026-12-07",
    conservativeShipDate: "2026-12-18",
    customerLocale: locale,
    ...order,
  });
  await insertTrackedOrders(db, [row]);
  await createJob(db, {
    shop: SHOP,
    kind: kind(),
    params: { ...params, ...overrides },
    orderIds: [row.id],
    createdBy: "1",
  });
  const runner = new JobRunner({
    db,
    registry: new JobKindRegistry().register(kind()),
    adminFor: () => Promise.reject(new Error("no Admin API")),
    pollMs: 10,
  });
  await runJobsToEnd(runner, db);
  const received = mail.received().find((m) => m.to[0] === row.email);
  const notice = await db.notice.findFirst({ where: { shop: SHOP, orderId: row.id } });
  return { mail: received, notice };
}

describe("a notice in the customer's language", () => {
  it("a French order gets a French notice, French dates and French money (1 234,50 €), and the notice records fr", async () => {
    const { mail: received, notice } = await noticeTo(
      "fr",
      {},
      {
        presentmentAmount: "1234.50",
        presentmentCurrencyCode: "EUR",
      },
    );
    expect(received?.subject).toMatch(/^Des nouvelles de votre commande #\d+$/);
    const text = received?.text ?? "";
    expect(text).toContain("Bonjour Ava,");
    expect(text).toContain(
      "Nous prévoyons désormais de l’expédier dans 2 à 4 semaines (au plus tard le vendredi 18 décembre).",
    );
    // Intl's French grouping is a narrow no-break space before the euro sign's no-break space.
    expect(text).toMatch(/intégralement 1\u202f234,50\u00a0€/);
    expect(text).toContain("Annuler et me rembourser: https://");
    expect(text).toContain("J’attendrai: https://");
    expect(received?.html).toContain('<html lang="fr">');
    expect(text).not.toMatch(/We now expect|Cancel and refund me/);
    expect(notice?.language).toBe("fr");
  });

  it("an English order reads $1,234.50 and English dates", async () => {
    const { mail: received } = await noticeTo(
      "en-US",
      {},
      {
        presentmentAmount: "1234.50",
        presentmentCurrencyCode: "USD",
      },
    );
    expect(received?.text).toContain("Cancelling refunds the full $1,234.50");
    expect(received?.text).toContain("in 2–4 weeks (by Friday 18 December)");
  });

  it("fr-CA falls back to the French wording and keeps Canadian formats", async () => {
    const { mail: received, notice } = await noticeTo(
      "fr-CA",
      {},
      {
        presentmentAmount: "84.50",
        presentmentCurrencyCode: "CAD",
      },
    );
    expect(received?.text).toContain("Bonjour Ava,");
    expect(received?.text).toMatch(/84,50\u00a0\$/);
    expect(received?.html).toContain('<html lang="fr-CA">');
    expect(notice?.language).toBe("fr");
  });

  it("a language without texts (pt-BR) falls back to the shop's primary locale, here German", async () => {
    const { mail: received, notice } = await noticeTo("pt-BR", {
      primaryLocale: "de",
      // The shop's own template is in its primary language.
      template: {
        subject: "Neuigkeiten zu {{order_name}}",
        body: "Hallo {{first_name}}, wir versenden {{estimate}}.",
        reason: "Viele Bestellungen.",
      },
    });
    expect(received?.subject).toMatch(/^Neuigkeiten zu #/);
    expect(received?.text).toContain(
      "wir versenden in 2–4 Wochen (spätestens Freitag, 18. Dezember).",
    );
    expect(received?.text).toContain("Stornieren und Geld zurück: https://");
    expect(notice?.language).toBe("de");
  });

  it("a locale that is not one at all never crashes: the shop's primary is used", async () => {
    const { mail: received, notice } = await noticeTo("not a locale!!", { primaryLocale: "en" });
    expect(received?.subject).toMatch(/^An update on your order #/);
    expect(notice?.language).toBe("en");
  });

  it("the merchant's own wording in a language replaces Delay Desk's for that language only", async () => {
    const translations = {
      es: {
        reason: "Nuestro proveedor de cuero llegó tarde.",
        wordings: {
          first: {
            subject: "Tu pedido {{order_name}} se retrasa",
            body: "Hola, {{first_name}}: {{reason}} Lo enviaremos {{estimate}}.",
          },
        },
      },
    };
    const { mail: received } = await noticeTo("es-MX", { translations });
    expect(received?.subject).toMatch(/^Tu pedido #\d+ se retrasa$/);
    expect(received?.text).toContain(
      "Hola, Ava: Nuestro proveedor de cuero llegó tarde. Lo enviaremos dentro de 2 a 4 semanas (a más tardar el viernes 18 de diciembre).",
    );
    const french = await noticeTo("fr", { translations });
    expect(french.mail?.subject).toMatch(/^Des nouvelles de votre commande/);
  });

  it("a customer without a first name is greeted without a dangling comma", async () => {
    const { mail: received } = await noticeTo("es", {}, { customerFirstName: null });
    expect(received?.text.startsWith("Hola:\n")).toBe(true);
  });
});
