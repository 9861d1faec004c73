// The lifecycle webhooks, delivered as Shopify delivers them (signed bodies to the app's routes),
// against a shop seeded with a row in every table. What each topic must do comes from shopify.dev
// "Privacy law compliance" (https://shopify.dev/docs/apps/build/compliance/privacy-law-compliance)
// and "Mandatory compliance webhooks" (https://shopify.dev/docs/apps/webhooks/configuration/mandatory-webhooks):
// customers/data_request { customer: { id, email, phone }, orders_requested, data_request: { id } }
// gives the store owner the customer's data; customers/redact { customer, orders_to_redact }
// deletes or anonymises it; shop/redact (48 hours after uninstall) erases the shop's data.
// Every table is found through Prisma's DMMF, so a new one cannot escape the scans: the DMMF of the
// database the test runs on, so PostgreSQL's own tables (TrackedOrderTrigram) are scanned there.
import { Prisma, type PrismaClient } from "@prisma/client";
import { Prisma as PostgresqlPrisma } from "@delay-desk/prisma-postgresql";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { z } from "zod";
import { signedWebhookRequest } from "@delay-desk/simulator/webhook-request";
import {
  callRoute,
  startAppUnderTest,
  TEST_APP,
  type AppUnderTest,
} from "../../tests/support/app-under-test";
import {
  customersDataRequestPayload,
  customersRedactPayload,
} from "@delay-desk/simulator/webhooks/compliance-payloads";
import {
  insertTrackedOrders,
  trackedOrder,
  trackedOrdersFromStore,
} from "../../tests/support/factories";
import { workerDatabase } from "../../tests/support/test-databases";
import { deliverToWebhookRoute } from "../../tests/support/webhook-delivery";
import { UNINSTALLED_REASON } from "./shop-lifecycle.server";

let app: AppUnderTest;
let db: PrismaClient;

const onPostgresql = workerDatabase() === "postgresql";
const MODELS = (onPostgresql ? PostgresqlPrisma : Prisma).dmmf.datamodel.models;

interface Customer {
  id: number;
  email: string;
  phone: string;
  firstName: string;
  lastName: string;
  orderNumbers: number[];
}

const zelda: Customer = {
  id: 70001,
  email: "zelda.quartermaine@example.com",
  phone: "+1 555 010 7788",
  firstName: "Zelda",
  lastName: "Quartermaine",
  orderNumbers: [5550001, 5550002],
};
const bruno: Customer = {
  id: 70002,
  email: "bruno.okafor@example.com",
  phone: "+1 555 010 9911",
  firstName: "Bruno",
  lastName: "Okafor",
  orderNumbers: [5550003],
};

const orderGid = (n: number) => `gid://shopify/Order/${n}`;
const traces = (c: Customer) => [c.email, c.firstName, c.lastName, c.phone];

function deliver(topic: string, shop: string, payload: unknown, eventId?: string) {
  const request = signedWebhookRequest({
    url: `${TEST_APP.appUrl}/webhooks/${topic}`,
    topic,
    shop,
    payload,
    apiSecret: TEST_APP.apiSecret,
    ...(eventId ? { eventId } : {}),
  });
  return deliverToWebhookRoute(request);
}

const redactPayload = (shop: string, c: Customer) => ({
  shop_id: 1,
  shop_domain: shop,
  customer: { id: c.id, email: c.email, phone: c.phone },
  orders_to_redact: c.orderNumbers,
});

const dataRequestPayload = (shop: string, c: Customer, requestId: number) => ({
  shop_id: 1,
  shop_domain: shop,
  orders_requested: c.orderNumbers.slice(0, 1),
  customer: { id: c.id, email: c.email, phone: c.phone },
  data_request: { id: requestId },
});

/** A row in every table: the shop's own, and for each customer the order trail a delay leaves. */
async function seedShop(shop: string, customers: Customer[]) {
  // Not the offline session's id (offline_<shop>): the app under test gets its own by token exchange.
  await db.session.create({
    data: { id: `seed_${shop}`, shop, state: "", accessToken: "shpat_seed", scope: "read_orders" },
  });
  await db.shopInstall.upsert({ where: { shop }, create: { shop }, update: {} });
  await db.shopSettings.create({
    data: { shop, rules: "{}", senderName: "Mara Lindqvist", updatedBy: "1" },
  });
  await db.noticeTemplate.create({
    data: {
      shop,
      subject: "Your order {{order_name}} is delayed",
      body: "Hi {{first_name}}",
      reason: "Kiln repair",
      replyTo: "help@oak.example",
    },
  });
  await db.storefrontState.create({ data: { shop, mode: "delayed", message: "Ships in 2 weeks" } });
  await db.modeChange.create({
    data: {
      shop,
      fromMode: "normal",
      toMode: "delayed",
      actorId: "1",
      actorName: "Mara Lindqvist",
    },
  });
  await db.orderSync.create({
    data: { shop, kind: "bulk", status: "completed", ordersImported: 3 },
  });
  await db.webhookReceipt.create({
    data: { shop, topic: "orders/create", eventId: `evt-${shop}`, webhookId: "wh-1" },
  });
  const job = await db.job.create({
    data: {
      shop,
      kind: "refund",
      status: "completed",
      params: JSON.stringify({
        orderIds: customers.flatMap((c) => c.orderNumbers.map(orderGid)),
        note: `Sorry ${customers[0]?.firstName ?? ""}`,
      }),
    },
  });
  for (const c of customers) {
    for (const n of c.orderNumbers) {
      const orderId = orderGid(n);
      await db.trackedOrder.create({
        data: trackedOrder(shop, {
          id: orderId,
          name: `#${n}`,
          email: c.email,
          customerFirstName: c.firstName,
          customerLastName: c.lastName,
          totalAmount: "58.00",
          customerLocale: "en",
        }),
      });
      const notice = await db.notice.create({
        data: {
          shop,
          orderId,
          jobId: job.id,
          revision: 1,
          estimateFrom: "2026-12-10",
          estimateTo: "2026-12-14",
          toEmail: c.email,
          subject: `${c.firstName}, your order #${n} is delayed`,
          status: "sent",
          messageId: `<m${n}@mail>`,
          sentAt: new Date("2026-11-25T10:00:00Z"),
        },
      });
      await db.customerChoice.create({
        data: { shop, orderId, choice: "cancel", noticeId: notice.id },
      });
      await db.consentRequest.create({
        data: {
          shop,
          noticeId: notice.id,
          orderId,
          ruleSet: "ftc",
          terms: "yes",
          reason: "long",
          delayDays: 40,
          deadline: "2026-12-01",
          status: "consented",
        },
      });
      await db.orderFulfillmentState.create({
        data: {
          shop,
          orderId,
          pendingCancellation: "customer_refund",
          holdIds: JSON.stringify(["gid://shopify/FulfillmentHold/1"]),
          appFulfillBy: new Date("2026-12-20T04:59:59Z"),
          appFulfillDate: "2026-12-19",
        },
      });
      await db.orderEvent.create({
        data: {
          shop,
          orderId,
          kind: "notice",
          actorId: "system",
          detail: JSON.stringify({
            noticeId: notice.id,
            toEmail: c.email,
            summary: `Told ${c.firstName} ${c.lastName}`,
          }),
        },
      });
      await db.orderEvent.create({
        data: {
          shop,
          orderId,
          kind: "choice",
          actorId: "customer",
          actorName: "Customer",
          detail: JSON.stringify({ choice: "cancel" }),
        },
      });
      await db.jobItem.create({
        data: {
          jobId: job.id,
          shop,
          orderId,
          idempotencyKey: `dd-${shop}-${n}`,
          status: "done",
          amount: "58.00",
          result: JSON.stringify({
            outcome: { refundId: `gid://shopify/Refund/${n}` },
            summary: `Refunded 58.00 to ${c.email}`,
          }),
        },
      });
    }
    await db.dataRequest.create({
      data: {
        shop,
        shopifyRequestId: `seed-${c.id}`,
        customerId: String(c.id),
        customerEmail: c.email,
        customerPhone: c.phone,
        ordersRequested: "[]",
      },
    });
  }
  // Background work the shop has queued or holds (order sync, the pause sweep's lease).
  await db.syncTask.create({ data: { shop, kind: "reconcile", target: "" } });
  await db.lease.create({
    data: { shop, name: "pause-end", leaseOwner: "seed", leaseUntil: new Date() },
  });
  // Staff rules and a money job's gate (app/staff/): staff ids and names, no customer data.
  await db.staffRules.create({ data: { shop, updatedById: "2", updatedByName: "Marcus Hale" } });
  const gated = await db.job.create({
    data: { shop, kind: "refund", status: "countdown", params: "{}", createdBy: "1" },
  });
  await db.jobGate.create({
    data: { jobId: gated.id, shop, needsApproval: false, undoMinutes: 5, startsAt: new Date() },
  });
  // Shopify Flow: a queued trigger and a taken action run.
  await db.flowTrigger.create({
    data: {
      shop,
      handle: "order-became-at-risk",
      dedupeKey: `seed:${shop}`,
      orderId: "gid://shopify/Order/1",
      payload: JSON.stringify({ order_id: 1 }),
    },
  });
  await db.flowActionRun.create({
    data: { shop, actionRunId: `seed-${shop}`, handle: "pause-sales", status: "done" },
  });
  // The outcomes page's summary and per-order facts.
  await db.outcomeWeek.create({ data: { shop, week: "2026-11-30", metric: "late", count: 1 } });
  await db.orderOutcome.create({
    data: { shop, orderId: "gid://shopify/Order/1", lateAt: new Date(), lateWeek: "2026-11-30" },
  });
  // The waitlist while paused: each customer left their address, as typed (app/waitlist stores
  // it lower-cased; redaction must find it however Shopify spells it).
  for (const c of customers)
    await db.waitlistSignup.create({
      data: {
        shop,
        email: c.email.toLowerCase(),
        locale: "en",
        consentText: "Email me once when the shop reopens. I can unsubscribe with one click.",
        consentAt: new Date("2026-11-20T09:00:00Z"),
      },
    });
}

// Prisma.sql writes each database's placeholders (? on SQLite, $1 on PostgreSQL); the table name
// comes from Prisma's own model list, never from input.
const table = (model: string) => Prisma.raw(`"${model}"`);
const countRow = z.array(z.object({ n: z.union([z.number(), z.bigint()]).transform(Number) }));
const anyRows = z.array(z.record(z.string(), z.unknown()));

async function countsByModel(shop: string): Promise<Record<string, number>> {
  const counts: Record<string, number> = {};
  for (const model of MODELS) {
    counts[model.name] =
      countRow.parse(
        await db.$queryRaw(
          Prisma.sql`SELECT COUNT(*) AS n FROM ${table(model.name)} WHERE "shop" = ${shop}`,
        ),
      )[0]?.n ?? -1;
  }
  return counts;
}

/** Every text column of every row of the shop in every model, with where it was found. */
async function textCells(shop: string): Promise<{ where: string; text: string }[]> {
  const cells: { where: string; text: string }[] = [];
  for (const model of MODELS) {
    const columns = model.fields
      .filter((field) => field.kind === "scalar" && field.type === "String")
      .map((field) => field.name);
    for (const row of anyRows.parse(
      await db.$queryRaw(Prisma.sql`SELECT * FROM ${table(model.name)} WHERE "shop" = ${shop}`),
    )) {
      for (const column of columns) {
        const value = row[column];
        if (typeof value === "string")
          cells.push({ where: `${model.name}.${column}`, text: value });
      }
    }
  }
  return cells;
}

async function tracesOf(shop: string, c: Customer): Promise<string[]> {
  const needles = traces(c).map((t) => t.toLowerCase());
  return (await textCells(shop))
    .filter((cell) => needles.some((needle) => cell.text.toLowerCase().includes(needle)))
    .map((cell) => cell.where);
}

async function snapshot(shop: string): Promise<unknown> {
  const all: Record<string, unknown> = {};
  for (const model of MODELS)
    all[model.name] = anyRows
      .parse(
        await db.$queryRaw(
          Prisma.sql`SELECT * FROM ${table(model.name)} WHERE "shop" = ${shop} ORDER BY 1`,
        ),
      )
      .map((row) =>
        JSON.stringify(row, (_k, v: unknown) => (typeof v === "bigint" ? String(v) : v)),
      );
  return all;
}

beforeAll(async () => {
  app = await startAppUnderTest();
  db = (await import("../db.server")).default;
});

afterAll(async () => {
  await db.$disconnect();
  await app.close();
});

describe("the install record", () => {
  it("is written when the app first gets a session for the shop, and survives the uninstall for the compliance webhooks", async () => {
    expect(await db.shopInstall.findUnique({ where: { shop: app.shop } })).toBeNull();
    const { authenticate } = await import("../shopify.server");
    await authenticate.admin(app.embeddedDocumentRequest("/app"));
    const installed = await db.shopInstall.findUniqueOrThrow({ where: { shop: app.shop } });
    expect(installed.uninstalledAt).toBeNull();
    expect(await db.session.count({ where: { shop: app.shop } })).toBeGreaterThan(0);

    expect((await deliver("app/uninstalled", app.shop, { id: 1 })).status).toBe(200);
    expect(await db.session.count({ where: { shop: app.shop } })).toBe(0);
    expect(
      (await db.shopInstall.findUniqueOrThrow({ where: { shop: app.shop } })).uninstalledAt,
    ).not.toBeNull();
  });
});

describe("seeding", () => {
  it("puts rows of the shop in every model, so the scans below cover every table", async () => {
    await seedShop("seed-check.myshopify.com", [zelda]);
    const empty = Object.entries(await countsByModel("seed-check.myshopify.com"))
      .filter(([, n]) => n < 1)
      .map(([model]) => model);
    expect(empty).toEqual([]);
  });
});

describe("customers/redact", () => {
  const shop = "redact-me.myshopify.com";
  const neighbour = "redact-neighbour.myshopify.com";

  it("leaves no trace of the customer's email, name or phone in any table, keeps amounts, dates and order ids, and leaves other customers and shops alone", async () => {
    await seedShop(shop, [zelda, bruno]);
    await seedShop(neighbour, [zelda]);
    expect(await tracesOf(shop, zelda)).not.toEqual([]);

    expect((await deliver("customers/redact", shop, redactPayload(shop, zelda))).status).toBe(200);

    expect(await tracesOf(shop, zelda)).toEqual([]);
    // Accounting: the order, its amount and date, the refund's amount, when the notice went out.
    const order = await db.trackedOrder.findUniqueOrThrow({
      where: { shop_id: { shop, id: orderGid(5550001) } },
    });
    expect(order).toMatchObject({
      name: "#5550001",
      totalAmount: "58.00",
      currencyCode: "USD",
      createdAt: new Date("2026-11-20T15:00:00Z"),
      email: null,
      customerFirstName: null,
    });
    expect(
      await db.jobItem.findMany({
        where: { shop, orderId: { in: zelda.orderNumbers.map(orderGid) } },
        select: { amount: true, status: true },
      }),
    ).toEqual([
      { amount: "58.00", status: "done" },
      { amount: "58.00", status: "done" },
    ]);
    const notices = await db.notice.findMany({ where: { shop, orderId: orderGid(5550002) } });
    expect(notices.map((n) => [n.sentAt?.toISOString(), n.revision, n.estimateTo])).toEqual([
      ["2026-11-25T10:00:00.000Z", 1, "2026-12-14"],
    ]);
    expect(
      await db.customerChoice.count({
        where: { shop, orderId: { in: zelda.orderNumbers.map(orderGid) } },
      }),
    ).toBe(2);
    // Bruno in the same shop, and Zelda in another shop, are untouched.
    expect(new Set(await tracesOf(shop, bruno))).toEqual(
      new Set([
        "TrackedOrder.email",
        "TrackedOrder.customerFirstName",
        "TrackedOrder.customerLastName",
        ...(onPostgresql ? ["TrackedOrderTrigram.search"] : []),
        "Notice.toEmail",
        "Notice.subject",
        "OrderEvent.detail",
        "JobItem.result",
        "DataRequest.customerEmail",
        "DataRequest.customerPhone",
        "WaitlistSignup.email",
      ]),
    );
    expect(await tracesOf(neighbour, zelda)).toContain("TrackedOrder.email");
  });

  it("finds the customer's orders by email too, as Shopify may name none of them", async () => {
    const shop2 = "redact-by-email.myshopify.com";
    await seedShop(shop2, [zelda]);
    const payload = {
      ...redactPayload(shop2, zelda),
      orders_to_redact: [],
      customer: { id: zelda.id, email: zelda.email.toUpperCase(), phone: null },
    };
    expect((await deliver("customers/redact", shop2, payload)).status).toBe(200);
    expect(await tracesOf(shop2, zelda)).toEqual([]);
  });

  it("changes nothing more when Shopify delivers it again", async () => {
    await seedShop(shop, [zelda, bruno]);
    expect((await deliver("customers/redact", shop, redactPayload(shop, zelda))).status).toBe(200);
    const before = await snapshot(shop);
    expect((await deliver("customers/redact", shop, redactPayload(shop, zelda))).status).toBe(200);
    expect(await snapshot(shop)).toEqual(before);
  });

  it("answers 400 with the reason to a body that is not a customers/redact payload, and changes nothing", async () => {
    await seedShop(neighbour, [zelda]);
    const before = await snapshot(neighbour);
    expect(await tracesOf(neighbour, zelda)).not.toEqual([]);
    const response = await deliver("customers/redact", neighbour, {
      shop_domain: neighbour,
      orders_to_redact: "all",
    });
    expect(response.status).toBe(400);
    expect(await response.text()).toMatch(/customers\/redact payload/);
    expect(await snapshot(neighbour)).toEqual(before);
  });
});

describe("customers/redact for a customer of the simulated store", () => {
  it("anonymises every order Shopify names for them, as the import stored them, and no other customer's", async () => {
    const store = app.simulator.stores.get(app.shop);
    if (!store) throw new Error("no simulated store");
    const shop = "store-customer.myshopify.com";
    await insertTrackedOrders(
      db,
      trackedOrdersFromStore(store).map((row) => ({ ...row, shop })),
    );
    const counts = new Map<number, number>();
    for (const order of store.orders)
      if (order.customerId !== null)
        counts.set(order.customerId, (counts.get(order.customerId) ?? 0) + 1);
    const [customerId] = [...counts.entries()].sort((a, b) => b[1] - a[1])[0] ?? [];
    if (customerId === undefined) throw new Error("the seeded store has no customer with orders");
    const payload = customersRedactPayload(store, customerId);
    const customer = store.customer(customerId);
    const others = await db.trackedOrder.count({
      where: { shop, email: { not: null }, id: { notIn: payload.orders_to_redact.map(orderGid) } },
    });

    expect(
      (await deliver("customers/redact", shop, { ...payload, shop_domain: shop })).status,
    ).toBe(200);

    const redacted = await db.trackedOrder.findMany({
      where: { shop, id: { in: payload.orders_to_redact.map(orderGid) } },
    });
    expect(redacted).toHaveLength(payload.orders_to_redact.length);
    expect(
      redacted.every(
        (o) => o.email === null && o.customerFirstName === null && o.customerLastName === null,
      ),
    ).toBe(true);
    expect(redacted.every((o) => /^\d+\.\d{2}$/.test(o.totalAmount))).toBe(true);
    // The seeded store repeats surnames across customers, so the email is what must be gone everywhere.
    const left = (await textCells(shop)).filter(
      (cell) => customer && cell.text.toLowerCase().includes(customer.email.toLowerCase()),
    );
    expect(left).toEqual([]);
    expect(await db.trackedOrder.count({ where: { shop, email: { not: null } } })).toBe(others);
    expect(customersDataRequestPayload(store, customerId, 1).orders_requested).toEqual(
      payload.orders_to_redact,
    );
  });
});

describe("shop/redact", () => {
  it("leaves zero rows of the shop in every table and does not touch another shop's rows", async () => {
    const gone = "erase-me.myshopify.com";
    const stays = "erase-neighbour.myshopify.com";
    await seedShop(gone, [zelda]);
    await seedShop(stays, [bruno]);
    const neighbourBefore = await snapshot(stays);

    expect((await deliver("shop/redact", gone, { shop_id: 1, shop_domain: gone })).status).toBe(
      200,
    );

    const left = Object.entries(await countsByModel(gone)).filter(([, n]) => n !== 0);
    expect(left).toEqual([]);
    expect(await snapshot(stays)).toEqual(neighbourBefore);
    // A redelivery finds nothing and still succeeds.
    expect((await deliver("shop/redact", gone, { shop_id: 1, shop_domain: gone })).status).toBe(
      200,
    );
    expect(Object.values(await countsByModel(gone)).every((n) => n === 0)).toBe(true);
  });
});

describe("customers/data_request", () => {
  // The app under test's own shop: the page is opened with its session token.
  const shop = "oak-and-hide.myshopify.com";

  it("records the request once however often Shopify delivers it, with no customer email on the page", async () => {
    await seedShop(shop, [zelda, bruno]);
    expect(
      (await deliver("customers/data_request", shop, dataRequestPayload(shop, zelda, 9001))).status,
    ).toBe(200);
    expect(
      (await deliver("customers/data_request", shop, dataRequestPayload(shop, zelda, 9001))).status,
    ).toBe(200);
    expect(await db.dataRequest.count({ where: { shop, shopifyRequestId: "9001" } })).toBe(1);
  });

  it("downloads an export with the customer's orders, notices, choices, timeline and remedies and nothing of another customer, recording who downloaded it", async () => {
    await seedShop(shop, [zelda, bruno]);
    expect(
      (await deliver("customers/data_request", shop, dataRequestPayload(shop, zelda, 9001))).status,
    ).toBe(200);
    {
      const other = app;
      const { loader } = await import("../routes/app.data-requests");
      const { action } = await import("../routes/app.data-requests.$id.download");
      const listed = await callRoute(loader, other.bearerRequest("/app/data-requests"));
      const row = listed.requests.find((r) => r.shopifyRequestId === "9001");
      expect(row).toMatchObject({ customerId: String(zelda.id), downloadedAt: null });
      expect(JSON.stringify(listed)).not.toContain(zelda.email);

      const id = row?.id ?? "";
      const response = await callRoute(
        action,
        other.bearerRequest(`/app/data-requests/${id}/download`, { method: "POST" }, 42),
        { id },
      );
      expect(response.status).toBe(200);
      expect(response.headers.get("content-disposition")).toContain("attachment");
      const text = await response.text();
      const exported = z
        .object({
          request: z.object({ customer: z.object({ email: z.string() }) }),
          orders: z.array(z.object({ id: z.string(), email: z.string().nullable() })),
          notices: z.array(z.object({ orderId: z.string() })),
          choices: z.array(z.object({ orderId: z.string(), choice: z.string() })),
          timeline: z.array(z.object({ orderId: z.string() })),
          remedies: z.array(z.object({ orderId: z.string(), amount: z.string().nullable() })),
          waitlist: z.array(z.object({ email: z.string(), status: z.string() })),
        })
        .parse(JSON.parse(text));
      const zeldaOrders = zelda.orderNumbers.map(orderGid).sort();
      expect(exported.request.customer.email).toBe(zelda.email);
      // orders_requested names one order; the other is found by the customer's email.
      expect(exported.orders.map((o) => o.id).sort()).toEqual(zeldaOrders);
      expect(exported.orders.every((o) => o.email === zelda.email)).toBe(true);
      expect([...new Set(exported.notices.map((n) => n.orderId))].sort()).toEqual(zeldaOrders);
      expect(exported.choices.map((c) => c.choice)).toEqual(["cancel", "cancel"]);
      expect(exported.timeline).toHaveLength(4);
      expect(exported.remedies.map((r) => r.amount)).toEqual(["58.00", "58.00"]);
      expect(exported.waitlist.map((w) => [w.email, w.status])).toEqual([[zelda.email, "waiting"]]);
      for (const trace of [...traces(bruno), orderGid(bruno.orderNumbers[0] ?? 0)])
        expect(text).not.toContain(trace);

      const recorded = await db.dataRequest.findFirstOrThrow({
        where: { shop, shopifyRequestId: "9001" },
      });
      expect(recorded.downloadedBy).toBe("42");
      expect(recorded.downloadedAt).not.toBeNull();
    }
  });

  it("refuses to download another shop's request", async () => {
    await seedShop("export-neighbour.myshopify.com", [bruno]);
    const foreign = await db.dataRequest.findFirstOrThrow({
      where: { shop: "export-neighbour.myshopify.com" },
    });
    {
      const other = app;
      const { action } = await import("../routes/app.data-requests.$id.download");
      const response = await callRoute(
        action,
        other.bearerRequest(`/app/data-requests/${foreign.id}/download`, { method: "POST" }),
        { id: foreign.id },
      );
      expect(response.status).toBe(404);
      expect(
        (await db.dataRequest.findUniqueOrThrow({ where: { id: foreign.id } })).downloadedAt,
      ).toBeNull();
    }
  });
});

describe("app/uninstalled", () => {
  it("stops the shop's open jobs, drops its sessions, records the uninstall once, and leaves other shops' jobs running", async () => {
    const shop = "uninstall-me.myshopify.com";
    const other = "uninstall-neighbour.myshopify.com";
    await seedShop(shop, []);
    await seedShop(other, []);
    const openJob = async (s: string) => {
      const job = await db.job.create({
        data: { shop: s, kind: "notice", status: "running", params: "{}" },
      });
      await db.jobItem.createMany({
        data: [
          {
            jobId: job.id,
            shop: s,
            orderId: "gid://shopify/Order/1",
            idempotencyKey: `u-${s}-1`,
            status: "done",
          },
          {
            jobId: job.id,
            shop: s,
            orderId: "gid://shopify/Order/2",
            idempotencyKey: `u-${s}-2`,
            status: "pending",
          },
          {
            jobId: job.id,
            shop: s,
            orderId: "gid://shopify/Order/3",
            idempotencyKey: `u-${s}-3`,
            status: "running",
            attempts: 1,
          },
        ],
      });
      return job.id;
    };
    const jobId = await openJob(shop);
    const otherJobId = await openJob(other);

    expect((await deliver("app/uninstalled", shop, { id: 1, myshopify_domain: shop })).status).toBe(
      200,
    );

    expect(await db.session.count({ where: { shop } })).toBe(0);
    expect((await db.job.findUniqueOrThrow({ where: { id: jobId } })).status).toBe("cancelled");
    const items = await db.jobItem.findMany({
      where: { jobId },
      orderBy: { orderId: "asc" },
      select: { status: true, error: true },
    });
    expect(items).toEqual([
      { status: "done", error: null },
      { status: "skipped", error: UNINSTALLED_REASON },
      { status: "skipped", error: UNINSTALLED_REASON },
    ]);
    const install = await db.shopInstall.findUniqueOrThrow({ where: { shop } });
    expect(install.uninstalledAt).not.toBeNull();
    expect((await db.job.findUniqueOrThrow({ where: { id: otherJobId } })).status).toBe("running");
    expect(await db.session.count({ where: { shop: other } })).toBe(1);

    const before = await snapshot(shop);
    expect((await deliver("app/uninstalled", shop, { id: 1, myshopify_domain: shop })).status).toBe(
      200,
    );
    expect(await snapshot(shop)).toEqual(before);
  });
});
