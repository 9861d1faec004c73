// Shopify Flow end to end: the app's triggers reach the simulator's flowTriggerReceive (which
// checks them against extensions/flow-*/shopify.extension.toml) exactly once per transition, and
// the action routes take Flow's signed requests, act once per action_run_id and refuse a bad
// signature. Sources: https://shopify.dev/docs/apps/flow/triggers (order_id is the order's numeric
// id; payload under 1 MB), https://shopify.dev/docs/apps/build/flow/actions/endpoints (the action
// body, the HMAC header, resends of one action_run_id), and @shopify/shopify-app-remix's
// authenticate.flow (dist/esm/server/authenticate/flow/authenticate.mjs: 400 on a bad HMAC).
import type { PrismaClient } from "@prisma/client";
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { gidId } from "../admin-api/gid";
import { receivedFlowTriggers } from "@delay-desk/simulator/flow/flow-records";
import { signedFlowActionRequest } from "@delay-desk/simulator/flow/flow-action-request";
import { appDataOf } from "@delay-desk/simulator/resolvers/app-installation";
import {
  callRoute,
  startAppUnderTest,
  TEST_APP,
  type AppUnderTest,
} from "../../tests/support/app-under-test";
import { insertTrackedOrders, trackedOrdersFromStore } from "../../tests/support/factories";
import { DEFAULT_SHOP_RULES } from "../promise/shop-rules";
import { FLOW_TRIGGERS } from "./flow-triggers";

let app: AppUnderTest;
let db: PrismaClient;

beforeAll(async () => {
  app = await startAppUnderTest({ orders: 40, seed: 5 });
  db = (await import("../db.server")).default;
});

// Each test has a fresh database (tests/setup/fresh-database.ts): the first admin page load stores
// the shop's offline session again (token exchange, whose install hook starts an import: let it
// finish), then the shop's orders as the test expects them.
beforeEach(async () => {
  const { loader } = await import("../routes/app.storefront");
  await callRoute(loader, app.embeddedDocumentRequest("/app/storefront"));
  await app.simulator.bulkOperationsIdle();
  const { appServices } = await import("../services.server");
  await appServices().orderSync.settle();
  await db.trackedOrder.deleteMany({ where: { shop: app.shop } });
  await insertTrackedOrders(db, trackedOrdersFromStore(store()));
});

afterAll(async () => {
  const { appServices } = await import("../services.server");
  await appServices().stop();
  await db.$disconnect();
  await app.close();
});

function store() {
  const found = app.simulator.stores.get(app.shop);
  if (!found) throw new Error("no store");
  return found;
}

const received = (handle: string) =>
  receivedFlowTriggers(store()).filter((trigger) => trigger.handle === handle);

/** Sweeps until the outbox has nothing more to send (a sweep sends a bounded batch). */
async function sendOutbox(): Promise<number> {
  const { appServices } = await import("../services.server");
  let total = 0;
  for (;;) {
    const sent = await appServices().flowTriggers.tick();
    if (sent === 0) return total;
    total += sent;
  }
}

async function reforecast(now: Date) {
  const { reforecastShop } = await import("../orders/reforecast.server");
  return reforecastShop(db, app.shop, now);
}

describe("Flow triggers", () => {
  it("sends 'order became at risk' and 'order became overdue' once per order entering the class", async () => {
    const now = new Date("2026-12-01T12:00:00Z");
    // The shop was forecast before (its baseline, next test): these rows arrive as new orders.
    await db.shopOrderSummary.update({
      where: { shop: app.shop },
      data: { forecastAt: new Date(now.getTime() - 86_400_000) },
    });
    await reforecast(now);
    const late = await db.trackedOrder.findMany({
      where: { shop: app.shop, delayClass: { in: ["at_risk", "overdue"] } },
      select: { id: true, delayClass: true, promisedShipDate: true, conservativeShipDate: true },
    });
    expect(late.length).toBeGreaterThan(0);
    await sendOutbox();
    const atRisk = late.filter((o) => o.delayClass === "at_risk");
    const overdue = late.filter((o) => o.delayClass === "overdue");
    expect(received(FLOW_TRIGGERS.atRisk).length).toBe(atRisk.length);
    expect(received(FLOW_TRIGGERS.overdue).length).toBe(overdue.length);
    // The payload as the trigger's TOML declares it: order_id is the numeric id, not the GID.
    const first = late[0];
    const sent = receivedFlowTriggers(store()).find(
      (t) => first && t.payload.order_id === Number(gidId(first.id)),
    );
    expect(sent?.payload).toEqual({
      order_id: Number(gidId(first?.id ?? "")),
      "promised ship date": first?.promisedShipDate,
      "expected ship date": first?.conservativeShipDate ?? "",
    });

    // A second pass with nothing changed fires nothing more.
    const before = receivedFlowTriggers(store()).length;
    await reforecast(new Date(now.getTime() + 60_000));
    await sendOutbox();
    expect(receivedFlowTriggers(store()).length).toBe(before);

    // An order back on track that becomes at risk again is a new transition: one more trigger.
    const again = atRisk[0];
    if (!again) throw new Error("the seed has no at-risk order");
    await db.trackedOrder.update({
      where: { shop_id: { shop: app.shop, id: again.id } },
      data: { delayClass: "on_track" },
    });
    await reforecast(new Date(now.getTime() + 120_000));
    await sendOutbox();
    expect(receivedFlowTriggers(store()).length).toBe(before + 1);
    expect(received(FLOW_TRIGGERS.atRisk).at(-1)?.payload.order_id).toBe(Number(gidId(again.id)));
    // The demo's view of the same records.
    const listed: unknown = await (
      await fetch(`${app.simulator.origin}/${app.shop}/flow/triggers`)
    ).json();
    expect(listed).toEqual({ triggers: JSON.parse(JSON.stringify(receivedFlowTriggers(store()))) });
    // And the order's timeline says Flow was told.
    expect(
      await db.orderEvent.count({
        where: { shop: app.shop, orderId: again.id, kind: "flow_trigger" },
      }),
    ).toBe(2);
  });

  it("sends nothing for the backlog of a shop's first forecast, and one trigger for a later order that arrives late", async () => {
    // The shop as its first import leaves it: the rows written, never forecast, no trigger queued.
    await db.trackedOrder.deleteMany({ where: { shop: app.shop } });
    await db.shopOrderSummary.deleteMany({ where: { shop: app.shop } });
    await db.flowTrigger.deleteMany({ where: { shop: app.shop } });
    const rows = trackedOrdersFromStore(store());
    await insertTrackedOrders(db, rows);
    const now = new Date("2026-12-01T12:00:00Z");
    const first = await reforecast(now);
    expect(first.counts.overdue).toBeGreaterThan(0);
    expect(await db.flowTrigger.count({ where: { shop: app.shop } })).toBe(0);

    // An order seen for the first time after that, already overdue: announced, once.
    const late = await db.trackedOrder.findFirstOrThrow({
      where: { shop: app.shop, delayClass: "overdue" },
    });
    const row = rows.find((r) => r.id === late.id);
    if (!row) throw new Error("no row for the overdue order");
    await db.trackedOrder.delete({ where: { shop_id: { shop: app.shop, id: late.id } } });
    await insertTrackedOrders(db, [row]);
    await reforecast(new Date(now.getTime() + 60_000));
    const queued = await db.flowTrigger.findMany({ where: { shop: app.shop } });
    expect(queued.map((q) => [q.handle, q.orderId])).toEqual([[FLOW_TRIGGERS.overdue, late.id]]);
    await sendOutbox();
    expect(received(FLOW_TRIGGERS.overdue).at(-1)?.payload.order_id).toBe(Number(gidId(late.id)));
  });

  it("sends 'customer chose to wait' and 'customer chose a refund' once each per order", async () => {
    const { recordChoice } = await import("../proxy/record-choice.server");
    await reforecast(new Date("2026-12-01T12:00:00Z"));
    const order = await db.trackedOrder.findFirstOrThrow({
      where: { shop: app.shop, delayClass: "at_risk" },
    });
    const numeric = Number(gidId(order.id));
    const choose = (choice: "wait" | "cancel") =>
      recordChoice(db, { shop: app.shop, orderId: order.id, noticeId: null, choice });
    await choose("wait");
    await choose("wait");
    await sendOutbox();
    const waits = received(FLOW_TRIGGERS.customerWaits).filter(
      (t) => t.payload.order_id === numeric,
    );
    expect(waits.map((t) => t.payload)).toEqual([
      { order_id: numeric, "expected ship date": order.conservativeShipDate ?? "" },
    ]);
    await choose("cancel");
    await choose("cancel");
    await sendOutbox();
    expect(
      received(FLOW_TRIGGERS.customerRefund).filter((t) => t.payload.order_id === numeric),
    ).toEqual([expect.objectContaining({ payload: { order_id: numeric } })]);
  });

  it("gives up a trigger Shopify refuses, with Shopify's reason, and sends it no more", async () => {
    const { enqueueFlowTrigger } = await import("./flow-outbox.server");
    await enqueueFlowTrigger(db, app.shop, {
      handle: FLOW_TRIGGERS.atRisk,
      dedupeKey: "refused-by-shopify",
      orderId: "gid://shopify/Order/1",
      // A GID where Flow wants the numeric id: the simulator refuses it as Shopify would.
      payload: {
        order_id: "gid://shopify/Order/1",
        "promised ship date": "",
        "expected ship date": "",
      },
    });
    const count = receivedFlowTriggers(store()).length;
    await sendOutbox();
    const row = await db.flowTrigger.findFirstOrThrow({
      where: { shop: app.shop, dedupeKey: "refused-by-shopify" },
    });
    expect(row.status).toBe("failed");
    expect(row.lastError).toMatch(/order_id/);
    expect(receivedFlowTriggers(store()).length).toBe(count);
  });
});

describe("Flow actions", () => {
  beforeEach(async () => {
    await db.modeChange.deleteMany({});
    await db.storefrontState.deleteMany({});
  });

  async function post(
    handle: string,
    properties: Record<string, unknown>,
    options: { actionRunId?: string; secret?: string } = {},
  ): Promise<{ status: number; body: unknown }> {
    const request = signedFlowActionRequest({
      appUrl: TEST_APP.appUrl,
      shop: app.shop,
      shopId: 1,
      handle,
      properties,
      apiSecret: options.secret ?? TEST_APP.apiSecret,
      ...(options.actionRunId ? { actionRunId: options.actionRunId } : {}),
    });
    const route = await import(`../routes/flow.${handle}.tsx`);
    try {
      const response: Response = await callRoute(route.action, request);
      return { status: response.status, body: await response.json() };
    } catch (thrown) {
      if (thrown instanceof Response) return { status: thrown.status, body: null };
      throw thrown;
    }
  }

  function checkoutPaused(): boolean {
    const data = appDataOf(store());
    return data.validations.some((v) => v.functionId === "01JDELAYDESK0CHECKOUTPAUSE" && v.enabled);
  }

  it("'pause sales' pauses once per run, logs Flow's run, and 'resume sales' ends it", async () => {
    const run = "run-pause-1";
    const first = await post("pause-sales", { message: "Back soon" }, { actionRunId: run });
    expect(first.status).toBe(200);
    expect(checkoutPaused()).toBe(true);
    // Flow resends the same run: answered again, done once.
    expect((await post("pause-sales", { message: "Back soon" }, { actionRunId: run })).status).toBe(
      200,
    );
    const log = await db.modeChange.findMany({ where: { shop: app.shop } });
    expect(log.map((row) => [row.toMode, row.actorName, row.reason])).toEqual([
      ["paused", "Shopify Flow", `Shopify Flow run ${run}`],
    ]);
    expect(
      (await db.storefrontState.findUniqueOrThrow({ where: { shop: app.shop } })).message,
    ).toBe("Back soon");
    const resumed = await post("resume-sales", {}, { actionRunId: "run-resume-1" });
    expect(resumed.status).toBe(200);
    expect(checkoutPaused()).toBe(false);
    expect((await db.storefrontState.findUniqueOrThrow({ where: { shop: app.shop } })).mode).toBe(
      "normal",
    );
  });

  it("refuses a request with a bad signature (400) and changes nothing", async () => {
    // The library logs the refusal (authenticate.mjs: "Received an invalid flow request").
    const logged: string[] = [];
    vi.spyOn(console, "error").mockImplementation((...args: unknown[]) => {
      logged.push(args.map(String).join(" "));
    });
    const runs = await db.flowActionRun.count({ where: { shop: app.shop } });
    const answer = await post("pause-sales", {}, { secret: "not-the-app-secret" });
    expect(answer.status).toBe(400);
    expect(logged.join("\n")).toMatch(/invalid flow request.*invalid_hmac/);
    expect(checkoutPaused()).toBe(false);
    expect(await db.modeChange.count({ where: { shop: app.shop } })).toBe(0);
    expect(await db.flowActionRun.count({ where: { shop: app.shop } })).toBe(runs);
  });

  it("'send delay notice' queues one notice job per run and records the run on the timeline", async () => {
    await db.shopSettings.upsert({
      where: { shop: app.shop },
      create: {
        shop: app.shop,
        rules: JSON.stringify(DEFAULT_SHOP_RULES),
        senderName: "Dawn Rivera",
      },
      update: { senderName: "Dawn Rivera" },
    });
    await db.noticeTemplate.upsert({
      where: { shop: app.shop },
      create: {
        shop: app.shop,
        subject: "Your order {{order_name}} is delayed",
        body: "Hi {{first_name}}, {{reason}}. New estimate: {{estimate}}.",
        reason: "Our kiln is being repaired",
        replyTo: "help@oak.example",
      },
      update: {},
    });
    await reforecast(new Date("2026-12-01T12:00:00Z"));
    const order = await db.trackedOrder.findFirstOrThrow({
      where: {
        shop: app.shop,
        delayClass: "overdue",
        cancelledAt: null,
        email: { not: null },
        conservativeShipDate: { not: null },
      },
    });
    const properties = { order_id: gidId(order.id) };
    const answer = await post("send-delay-notice", properties, { actionRunId: "run-notice-1" });
    expect(answer).toEqual({ status: 200, body: { summary: expect.stringContaining(order.name) } });
    expect(
      (await post("send-delay-notice", properties, { actionRunId: "run-notice-1" })).status,
    ).toBe(200);
    const items = await db.jobItem.findMany({ where: { shop: app.shop, orderId: order.id } });
    expect(items.length).toBe(1);
    const events = await db.orderEvent.findMany({
      where: { shop: app.shop, orderId: order.id, kind: "flow_action" },
    });
    expect(events.length).toBe(1);
    expect(JSON.parse(events[0]?.detail ?? "{}")).toMatchObject({ actionRunId: "run-notice-1" });
  });

  it("'send delay notice' for an order Delay Desk does not track fails (400), not retried", async () => {
    const answer = await post("send-delay-notice", { order_id: "999999999" });
    expect(answer.status).toBe(400);
    expect(answer.body).toEqual({ error: "Delay Desk does not track this order." });
  });
});
