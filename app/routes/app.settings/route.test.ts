// The settings page's loader and action, called as Remix calls them: defaults in the shop's own
// time zone, clear field errors that keep what was typed, and a save that re-forecasts at once.
import type { PrismaClient } from "@prisma/client";
import { DateTime } from "luxon";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  callRoute,
  startAppUnderTest,
  type AppUnderTest,
} from "../../../tests/support/app-under-test";
import { insertTrackedOrders, trackedOrder } from "../../../tests/support/factories";
import { settingsFormEntries } from "../../../tests/support/settings-form";
import type { SettingsFormValues } from "../../settings/settings-form";
import { loadShopSettings } from "../../settings/shop-settings.server";
import { reforecastShop } from "../../orders/reforecast.server";

let app: AppUnderTest;
let db: PrismaClient;

beforeAll(async () => {
  app = await startAppUnderTest({ orders: 10, seed: 4, timezone: "Europe/Paris" });
  db = (await import("../../db.server")).default;
});
afterAll(async () => {
  await db.$disconnect();
  await app.close();
});

function post(values: SettingsFormValues, intent?: "preview"): Request {
  const form = new URLSearchParams(intent ? [["intent", intent]] : []);
  for (const [name, value] of settingsFormEntries(values)) form.append(name, value);
  return app.bearerRequest("/app/settings", { method: "POST", body: form });
}

async function submit(values: SettingsFormValues, intent?: "preview") {
  const { action } = await import("./route");
  const response = await callRoute(action, post(values, intent));
  return { status: response.status, body: await response.json() };
}

async function dashboardCounts() {
  const { loader } = await import("../app._index");
  return (await callRoute(loader, app.bearerRequest("/app"))).dashboard.counts;
}

describe("settings page", () => {
  it("starts from the defaults in the shop's own time zone", async () => {
    const { loader } = await import("./route");
    const page = await callRoute(loader, app.embeddedDocumentRequest("/app/settings"));
    expect(page.saved).toBe(false);
    expect(page.values.timeZone).toBe("Europe/Paris");
    expect(page.values.defaultLeadTime).toBe("10");
    // Shopify's zone, read-only, named (https://shopify.dev/docs/api/admin-graphql/latest/objects/Shop#field-ianaTimezone).
    expect(page.timeZone.zone).toBe("Europe/Paris");
    expect(page.timeZone.label).toMatch(/^Europe\/Paris \((CET|CEST|GMT\+1|GMT\+2)\)$/);
  });

  it("takes the time zone from Shopify on save, whatever the form sent", async () => {
    const { loader } = await import("./route");
    const values = (await callRoute(loader, app.bearerRequest("/app/settings"))).values;
    const saved = await submit({ ...values, timeZone: "Asia/Tokyo" });
    expect(saved.body.ok).toBe(true);
    expect((await loadShopSettings(db, app.shop)).rules.timeZone).toBe("Europe/Paris");
  });

  it("names the saved collection overrides by their titles in Shopify; a collection Shopify no longer has gets none", async () => {
    const store = app.simulator.stores.get(app.shop);
    const collection = store?.collections[0];
    if (!collection) throw new Error("the seeded shop has no collection");
    const picked = `gid://shopify/Collection/${collection.id}`;
    const gone = "gid://shopify/Collection/999999999";
    const { loader } = await import("./route");
    const values = (await callRoute(loader, app.bearerRequest("/app/settings"))).values;
    const saved = await submit({
      ...values,
      collectionOverrides: [
        { key: picked, leadTime: "12" },
        { key: gone, leadTime: "3" },
      ],
    });
    expect(saved.body.ok).toBe(true);
    const page = await callRoute(loader, app.bearerRequest("/app/settings"));
    expect(page.values.collectionOverrides.map((o) => o.key)).toEqual([picked, gone]);
    expect(page.ruleTitles).toEqual({ [picked]: collection.title });
  });

  it("refuses bad input with field errors, keeps what was typed, and saves nothing", async () => {
    const { loader } = await import("./route");
    const values = (await callRoute(loader, app.bearerRequest("/app/settings"))).values;
    const typed = {
      ...values,
      cutOffTime: "2pm",
      capacity: { ...values.capacity, mon: "lots" },
      senderName: "Dawn Rivera",
    };
    const { status, body } = await submit(typed);
    expect(status).toBe(400);
    expect(body.ok).toBe(false);
    expect(body.errors).toEqual({
      cutOffTime: "Expected HH:MM (24-hour)",
      "capacity.mon": "Enter a number",
    });
    expect(body.values).toEqual(typed);
    expect(await db.shopSettings.count({ where: { shop: app.shop } })).toBe(0);
  });

  it("saves, re-forecasts at once, and the dashboard shows the new figures", async () => {
    // 60 one-unit orders placed this morning: at 12 a day they take 5 open days, well within 10.
    const now = DateTime.now().setZone("Europe/Paris");
    const placed = now.startOf("day").plus({ hours: 1 }).toJSDate();
    await insertTrackedOrders(
      db,
      Array.from({ length: 60 }, (_, i) =>
        trackedOrder(app.shop, { id: `settings-${i}`, createdAt: placed }),
      ),
    );
    const { loader } = await import("./route");
    const values = (await callRoute(loader, app.bearerRequest("/app/settings"))).values;

    const first = await submit({
      ...values,
      senderName: "Dawn Rivera",
      senderRole: "Operations manager",
    });
    expect(first.body).toMatchObject({
      ok: true,
      counts: { overdue: 0, at_risk: 0, on_track: 60 },
    });
    expect(await dashboardCounts()).toEqual({ overdue: 0, at_risk: 0, on_track: 60 });
    const saved = await loadShopSettings(db, app.shop);
    expect([saved.saved, saved.senderName, saved.rules.timeZone]).toEqual([
      true,
      "Dawn Rivera",
      "Europe/Paris",
    ]);
    expect((await db.shopSettings.findUniqueOrThrow({ where: { shop: app.shop } })).updatedBy).toBe(
      "1",
    );

    // A workshop making 2 a day cannot make 60 in 10 days: most orders become at risk.
    const slow = {
      ...values,
      capacity: { ...values.capacity, mon: "2", tue: "2", wed: "2", thu: "2", fri: "2" },
    };
    const second = await submit(slow);
    expect(second.body.ok).toBe(true);
    const slowCounts = await dashboardCounts();
    expect(slowCounts.at_risk).toBeGreaterThan(30);
    expect(slowCounts).toEqual(second.body.counts);

    // Closing the next two weeks pushes the last order's likely date back by at least those days.
    // The closure starts tomorrow: today may already be past the shop's cut-off (it was not a
    // working day to lose), which made this test fail every afternoon in Paris.
    const lastBefore = await db.trackedOrder.findUniqueOrThrow({
      where: { shop_id: { shop: app.shop, id: "settings-59" } },
    });
    const from = now.plus({ days: 1 }).toISODate() ?? "";
    const to = now.plus({ days: 14 }).toISODate() ?? "";
    const third = await submit({ ...slow, closures: [{ label: "Workshop move", from, to }] });
    expect(third.body.ok).toBe(true);
    const lastAfter = await db.trackedOrder.findUniqueOrThrow({
      where: { shop_id: { shop: app.shop, id: "settings-59" } },
    });
    expect(
      lastAfter.likelyShipDate &&
        lastBefore.likelyShipDate &&
        lastAfter.likelyShipDate > lastBefore.likelyShipDate,
    ).toBe(true);
    const days = DateTime.fromISO(lastAfter.likelyShipDate ?? "").diff(
      DateTime.fromISO(lastBefore.likelyShipDate ?? ""),
      "days",
    ).days;
    expect(days).toBeGreaterThanOrEqual(14);
    expect((await loadShopSettings(db, app.shop)).rules.closures).toEqual([
      { label: "Workshop move", from, to },
    ]);
  });

  // The incident: "changing the lead time (10 → 15 days) rewrote what past customers were promised:
  // order #1444 went from 'by 11-16' to 'by 11-23' and overdue fell from 255 to 150 with nothing
  // shipped". A promise is what the customer was told; only new orders get the new lead time.
  it("a longer lead time leaves every open order's promise and class as they were; only new orders get it", async () => {
    const { loader } = await import("./route");
    const values = (await callRoute(loader, app.bearerRequest("/app/settings"))).values;
    const reset = await submit({
      ...values,
      defaultLeadTime: "10",
      closures: [],
      capacity: { ...values.capacity, mon: "1", tue: "1", wed: "1", thu: "1", fri: "1" },
    });
    expect(reset.body.ok).toBe(true);
    // Placed 20 days ago: 10 business days have passed, so all are overdue under a 10-day lead.
    const placed = DateTime.now().setZone("Europe/Paris").minus({ days: 20 }).set({ hour: 9 });
    const seen = Array.from({ length: 8 }, (_, i) =>
      trackedOrder(app.shop, { id: `frozen-seen-${i}`, createdAt: placed.toJSDate() }),
    );
    // Imported a moment ago, not forecast yet: still placed under the 10-day rules.
    const fresh = trackedOrder(app.shop, { id: "frozen-fresh", createdAt: placed.toJSDate() });
    await insertTrackedOrders(db, seen);
    await reforecastShop(db, app.shop, new Date());
    await insertTrackedOrders(db, [fresh]);
    const before = await db.trackedOrder.findMany({
      where: { shop: app.shop, id: { startsWith: "frozen-seen-" } },
      orderBy: { id: "asc" },
    });
    expect(new Set(before.map((o) => o.delayClass))).toEqual(new Set(["overdue"]));
    const told = before[0]?.promisedShipDate ?? "";
    expect(before.map((o) => o.frozenPromiseDate)).toEqual(before.map(() => told));

    // Preview first: it says what would happen and saves nothing.
    const longer = { ...values, ...reset.body.values, defaultLeadTime: "15" };
    const preview = await submit(longer, "preview");
    expect(preview.status).toBe(200);
    const open = await db.trackedOrder.count({
      where: { shop: app.shop, cancelledAt: null, unitsRemaining: { gt: 0 } },
    });
    const shown = preview.body.preview;
    if (!shown) throw new Error("the preview returned no preview");
    expect(shown).toMatchObject({ openOrders: open, keepPromise: open });
    expect(shown.wouldHaveDiffered).toBeGreaterThanOrEqual(9);
    expect(shown.newOrderPromise.after > shown.newOrderPromise.before).toBe(true);
    expect(shown.counts.after.overdue).toBe(shown.counts.before.overdue);
    expect((await loadShopSettings(db, app.shop)).rules.defaultLeadTimeBusinessDays).toBe(10);

    const saved = await submit(longer);
    expect(saved.body.ok).toBe(true);
    expect((await loadShopSettings(db, app.shop)).rules.defaultLeadTimeBusinessDays).toBe(15);
    const after = await db.trackedOrder.findMany({
      where: { shop: app.shop, id: { startsWith: "frozen-" } },
      orderBy: { id: "asc" },
    });
    expect(after).toHaveLength(9);
    for (const order of after) {
      expect([order.id, order.promisedShipDate, order.frozenPromiseDate, order.delayClass]).toEqual(
        [order.id, told, told, "overdue"],
      );
    }
    expect(after.find((o) => o.id === "frozen-fresh")?.frozenPromiseSource).toBe("rules");
    expect(saved.body.counts?.overdue).toBe(shown.counts.before.overdue);
  });
});
