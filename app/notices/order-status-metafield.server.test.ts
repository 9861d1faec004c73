// The order status page after a delay notice, end to end: the notice job sends the email and
// writes the order's app-owned metafield through the simulated Admin API; the extension's own query
// (extensions/order-status) then reads it through the simulated Customer Account API and decides
// what the customer sees. Assertions are on the simulator's records and on what the extension
// renders, never on what the app meant to write.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startMailServer, type RunningMailServer } from "@delay-desk/simulator/mail/mail-server";
import { signedProxyQuery } from "@delay-desk/simulator/storefront-proxy";
import { TEST_APP } from "../../tests/support/app-under-test";
import { customerAccountFetch } from "@delay-desk/simulator/customer-account-api";
import { appDataOf } from "@delay-desk/simulator/resolvers/app-installation";
import type { OrderRecord } from "@delay-desk/simulator/store/records";
import { ORDER_STATUS_METAFIELD, parseOrderStatus } from "../../contracts/order-status-metafield";
import { loadOrderFacts } from "../../extensions/order-status/src/order-status-query";
import { orderStatusView } from "../../extensions/order-status/src/order-status-view";
import { createJob } from "../jobs/jobs.server";
import { noticeParams } from "../../tests/support/sample-shop";
import { startJobHarness, type JobHarness } from "../../tests/support/job-harness";
import { runJobsToEnd } from "../../tests/support/run-jobs";
import { verifyChoiceToken } from "../proxy/choice-token.server";
import { recordChoice } from "../proxy/record-choice.server";
import { smtpTransport } from "./mail-transport.server";
import { noticeJobKind } from "./notice-job.server";
import { AdminClient } from "../admin-api/graphql.server";
import { OrderStatusBatcher, orderStatusFor } from "./order-status-metafield.server";

// The app's own secret: the links must verify on the real wait-or-refund route too.
const SECRET = TEST_APP.apiSecret;
const NOW = new Date("2026-11-24T12:00:00Z");
const params = noticeParams();

let h: JobHarness;
let mail: RunningMailServer;
let transport: ReturnType<typeof smtpTransport>;

beforeAll(async () => {
  h = await startJobHarness({ orders: 12, seed: 5 });
  mail = await startMailServer();
  transport = smtpTransport(mail.url);
  h.registry.register(
    noticeJobKind({ db: h.db, transport: () => transport, secret: SECRET, now: () => NOW }),
  );
});
afterAll(async () => {
  transport.close();
  await mail.close();
  await h.close();
});

const gid = (order: OrderRecord) => `gid://shopify/Order/${order.id}`;
const used = new Set<number>();
function openOrder(): OrderRecord {
  const order = h.store.orders.find(
    (o) =>
      !used.has(o.id) &&
      o.cancelledAt === null &&
      o.fulfillmentStatus === "UNFULFILLED" &&
      o.email !== null,
  );
  if (!order) throw new Error("the seeded shop has no open order left");
  used.add(order.id);
  return order;
}

async function sendNotice(order: OrderRecord) {
  await h.db.trackedOrder.update({
    where: { shop_id: { shop: h.app.shop, id: gid(order) } },
    data: { likelyShipDate: "2026-12-07", conservativeShipDate: "2026-12-18" },
  });
  const kind = h.registry.get("notice");
  if (!kind) throw new Error("no notice kind");
  await createJob(h.db, {
    shop: h.app.shop,
    kind,
    params,
    orderIds: [gid(order)],
    createdBy: "1",
  });
  await runJobsToEnd(h.runner(), h.db);
}

/** What the customer's order status page shows, through the extension's own query. */
async function pageFor(order: OrderRecord) {
  const facts = await loadOrderFacts(
    customerAccountFetch(h.store, { customerOrderIds: [order.id] }),
    gid(order),
  );
  return orderStatusView(facts);
}

describe("the order status page after a delay notice", () => {
  it("shows the emailed estimate and the customer's own signed wait and refund links", async () => {
    const order = openOrder();
    await sendNotice(order);

    // Shopify's record: the metafield is on the order, in the app's reserved namespace.
    const stored = appDataOf(h.store).metafield(
      gid(order),
      ORDER_STATUS_METAFIELD.namespace,
      ORDER_STATUS_METAFIELD.key,
    );
    expect(stored?.namespace).toBe("app--1");
    expect(stored?.ownerType).toBe("ORDER");
    const status = parseOrderStatus(stored?.value);
    expect(status?.state).toBe("estimate");

    const page = await pageFor(order);
    expect(page.kind).toBe("estimate");
    if (page.kind === "none") throw new Error("nothing shown");
    expect(page.lines[0]).toEqual({
      key: "estimate",
      vars: { estimate: "between Monday 7 December and Friday 18 December" },
    });
    expect(page.actions.map((a) => a.key)).toEqual(["wait", "cancel"]);
    for (const action of page.actions) {
      const url = new URL(action.href);
      expect(`${url.host}${url.pathname}`).toBe(`${h.app.shop}/apps/delay-desk/choice`);
      expect(url.searchParams.get("choice")).toBe(action.key);
      expect(
        verifyChoiceToken(SECRET, url.searchParams.get("token") ?? "", {
          shop: h.app.shop,
          now: NOW,
        }),
      ).toMatchObject({ ok: true, claims: { orderId: gid(order) } });
    }
  });

  it("writes many orders' pages in metafieldsSet calls of at most 25, at one mutation's cost each", async () => {
    // metafieldsSet: "Allows a maximum of 25 metafields to be set at a time" (schema description,
    // https://shopify.dev/docs/api/admin-graphql/latest/mutations/metafieldsSet), and a mutation
    // costs 10 points (https://shopify.dev/docs/api/usage/limits#cost-calculation); the simulator
    // refuses a 26th (simulator/order-metafields.test.ts) and charges the same.
    const { backgroundAdmin } = await import("../shopify.server");
    const admin = new AdminClient(backgroundAdmin(h.app.shop));
    const batcher = new OrderStatusBatcher(admin);
    const orders = h.store.orders.slice(0, 12);
    // Each order written five times over (as five jobs' items might): the last value wins.
    const writes = orders.flatMap((order, i) =>
      [0, 1, 2, 3, 4].map((n) => ({
        orderId: gid(order),
        status: {
          version: 1 as const,
          state: "cancel_requested" as const,
          updatedAt: new Date(Date.UTC(2026, 10, 24, 12, i, n)).toISOString(),
        },
      })),
    );
    const outcomes = await Promise.allSettled(
      writes.map((w) => batcher.write(w.orderId, w.status)),
    );
    expect(outcomes.every((o) => o.status === "fulfilled")).toBe(true);
    expect(admin.stats.calls).toBeLessThanOrEqual(Math.ceil(writes.length / 25) + 1);
    expect(admin.stats.cost).toBe(admin.stats.calls * 10);
    const data = appDataOf(h.store);
    for (const [i, order] of orders.entries()) {
      const stored = data.metafield(
        gid(order),
        ORDER_STATUS_METAFIELD.namespace,
        ORDER_STATUS_METAFIELD.key,
      );
      expect(parseOrderStatus(stored?.value)?.updatedAt).toBe(
        new Date(Date.UTC(2026, 10, 24, 12, i, 4)).toISOString(),
      );
    }
  });

  it("shows another customer's order nothing", async () => {
    const order = openOrder();
    await sendNotice(order);
    const facts = await loadOrderFacts(
      customerAccountFetch(h.store, { customerOrderIds: [order.id + 1000] }),
      gid(order),
    );
    expect(facts).toBeNull();
    expect(orderStatusView(facts)).toEqual({ kind: "none" });
  });

  it("says 'shipped' once Shopify has the order fulfilled, whatever the metafield still says", async () => {
    const order = openOrder();
    await sendNotice(order);
    order.fulfillmentStatus = "FULFILLED";
    expect((await pageFor(order)).kind).toBe("shipped");
  });

  it("reflects the customer's answer on the next write: waiting keeps the refund link, cancel offers nothing", async () => {
    const order = openOrder();
    await sendNotice(order);
    const deps = { db: h.db, secret: SECRET, now: () => NOW };
    await recordChoice(
      h.db,
      { shop: h.app.shop, orderId: gid(order), noticeId: null, choice: "wait" },
      async () => ({ staffRequest: "not in this test" }),
    );
    expect((await orderStatusFor(deps, h.app.shop, gid(order)))?.state).toBe("waiting");
    await recordChoice(
      h.db,
      { shop: h.app.shop, orderId: gid(order), noticeId: null, choice: "cancel" },
      async () => ({ staffRequest: "not in this test" }),
    );
    expect(await orderStatusFor(deps, h.app.shop, gid(order))).toEqual({
      version: 1,
      state: "cancel_requested",
      updatedAt: NOW.toISOString(),
    });
    // Scoped by shop: the same order id in another shop has no notice and no page.
    expect(await orderStatusFor(deps, "other-shop.myshopify.com", gid(order))).toBeNull();
  });

  it("follows the customer's click on the wait-or-refund page: waiting, then a refund request", async () => {
    const order = openOrder();
    await sendNotice(order);
    const route = await import("../routes/proxy.choice");
    const before = await pageFor(order);
    if (before.kind === "none") throw new Error("nothing shown");
    // The customer follows the block's own buttons, through Shopify's app proxy.
    const click = async (choice: "wait" | "cancel") => {
      const href = before.actions.find((a) => a.key === choice)?.href ?? "";
      const query = signedProxyQuery(new URL(href).searchParams, {
        shop: h.app.shop,
        secret: TEST_APP.apiSecret,
      });
      const response = await route.action({
        request: new Request(`${TEST_APP.appUrl}/proxy/choice?${query.toString()}`, {
          method: "POST",
          body: new URLSearchParams({ confirm: choice }),
        }),
        params: {},
        context: {},
      });
      expect(response.status).toBe(200);
    };

    await click("wait");
    const waiting = await pageFor(order);
    expect(waiting.kind).toBe("waiting");
    if (waiting.kind === "none") throw new Error("nothing shown");
    expect(waiting.actions.map((a) => a.key)).toEqual(["cancel"]);

    await click("cancel");
    expect(
      parseOrderStatus(
        appDataOf(h.store).metafield(gid(order), "$app", ORDER_STATUS_METAFIELD.key)?.value,
      ),
    ).toEqual({ version: 1, state: "cancel_requested", updatedAt: expect.any(String) });
    expect((await pageFor(order)).kind).toBe("cancel_requested");
  });
});
