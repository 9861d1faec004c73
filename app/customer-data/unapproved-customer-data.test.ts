// The app keeps working when Shopify withholds protected customer data, and says what it cannot
// do. The simulator redacts as shopify.dev documents ("Responses will include only approved
// fields, and unapproved fields will be redacted"; unapproved fields read null with a "This app
// is not approved to access the Customer object" error at their path,
// https://shopify.dev/docs/apps/launch/protected-customer-data). Asserted in the app's database
// and the simulator's records, through the app's real loaders, actions and webhook routes.
import type { OrderSync } from "../orders/sync.server";
import { gidId } from "../admin-api/gid";
import type { PrismaClient } from "@prisma/client";
import { describe, expect, it } from "vitest";
import { z } from "zod";
import { callRoute, type AppUnderTest } from "../../tests/support/app-under-test";
import {
  EMAILS_UNAVAILABLE,
  NAMES_UNAVAILABLE,
  ORDERS_UNAVAILABLE,
  customerDataNotices,
} from "./customer-data-notices";
import { openAppForEachTestOfFile, settleOrderSync } from "../../tests/support/webhook-delivery";
import type { ShopStore } from "@delay-desk/simulator/store/shop-store";

let app: AppUnderTest;
let db: PrismaClient;
let sync: OrderSync;
let store: ShopStore;

const settle = () => settleOrderSync(app.simulator, sync);

openAppForEachTestOfFile(
  { orders: 80, seed: 13 },
  (opened) => ({ app, db, sync, store } = opened),
  // Approved for protected customer data, but for none of the protected fields (level 1).
  (started) => started.simulator.setCustomerData(started.shop, { level: 1 }),
);

describe("protected customer fields not approved (level 1)", () => {
  it("imports every order anyway, with no email and no names stored", async () => {
    const syncs = await db.orderSync.findMany({ where: { shop: app.shop, kind: "bulk" } });
    expect(syncs[0]).toMatchObject({
      status: "completed",
      ordersImported: store.orders.length,
      error: null,
    });
    expect(store.orders.some((order) => order.email !== null)).toBe(true);
    expect(await db.trackedOrder.count({ where: { shop: app.shop } })).toBe(store.orders.length);
    expect(
      await db.trackedOrder.count({
        where: {
          shop: app.shop,
          OR: [
            { email: { not: null } },
            { customerFirstName: { not: null } },
            { customerLastName: { not: null } },
          ],
        },
      }),
    ).toBe(0);
  });

  it("keeps an order a webhook announces (the single-order read is redacted, not refused)", async () => {
    const response = await fetch(`${app.simulator.origin}/${app.shop}/simulator/orders`, {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify({ email: "new.buyer@example.com" }),
    });
    const created = z
      .object({ order: z.object({ admin_graphql_api_id: z.string() }) })
      .parse(await response.json());
    await settle();
    const row = await db.trackedOrder.findUnique({
      where: { shop_id: { shop: app.shop, id: created.order.admin_graphql_api_id } },
    });
    expect(row).toMatchObject({ email: null, customerFirstName: null });
  });

  it("says on the dashboard that emails and names are not available", async () => {
    const { loader } = await import("../routes/app._index");
    const data = await callRoute(loader, app.bearerRequest("/app"));
    expect(data.customerData).toEqual({ orders: true, emails: false, names: false });
    expect(customerDataNotices(data.customerData)).toEqual([EMAILS_UNAVAILABLE, NAMES_UNAVAILABLE]);
    expect(data.dashboard.state).not.toBe("empty");
  });

  it("refuses to send notices (no job, no email), with the reason", async () => {
    const route = await import("../routes/app.notices");
    const loaded = await callRoute(route.loader, app.bearerRequest("/app/notices"));
    expect(loaded.customerData.emails).toBe(false);
    const order = await db.trackedOrder.findFirstOrThrow({ where: { shop: app.shop } });
    const sent = await callRoute(
      route.action,
      app.bearerRequest("/app/notices", {
        method: "POST",
        body: new URLSearchParams({
          intent: "review",
          target: "selection",
          orders: gidId(order.id),
        }),
      }),
    );
    expect(sent).toEqual({ intent: "send", ok: false, message: EMAILS_UNAVAILABLE });
    expect(await db.job.count({ where: { shop: app.shop, kind: "notice" } })).toBe(0);
  });

  it("sees emails again once Shopify approves the email field (level 2, email only)", async () => {
    app.simulator.setCustomerData(app.shop, { level: 2, fields: ["email"] });
    const { loader } = await import("../routes/app._index");
    const data = await callRoute(loader, app.bearerRequest("/app"));
    expect(data.customerData).toEqual({ orders: true, emails: true, names: false });
  });
});

describe("not approved for protected customer data at all (level 0)", () => {
  it("still opens the dashboard and the notices page, says orders are not available, and sends nothing", async () => {
    app.simulator.setCustomerData(app.shop, { level: 0 });
    const home = await import("../routes/app._index");
    const data = await callRoute(home.loader, app.bearerRequest("/app"));
    expect(data.shop.myshopifyDomain).toBe(app.shop);
    expect(data.customerData).toEqual({ orders: false, emails: false, names: false });
    expect(customerDataNotices(data.customerData)).toEqual([
      ORDERS_UNAVAILABLE,
      EMAILS_UNAVAILABLE,
    ]);
    const notices = await import("../routes/app.notices");
    const order = await db.trackedOrder.findFirstOrThrow({ where: { shop: app.shop } });
    const sent = await callRoute(
      notices.action,
      app.bearerRequest("/app/notices", {
        method: "POST",
        body: new URLSearchParams({
          intent: "review",
          target: "selection",
          orders: gidId(order.id),
        }),
      }),
    );
    expect(sent).toEqual({ intent: "send", ok: false, message: EMAILS_UNAVAILABLE });
    expect(await db.job.count({ where: { shop: app.shop, kind: "notice" } })).toBe(0);
  });
});
