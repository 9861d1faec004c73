// The storefront's delay banner follows the forecast when it gets worse (bad news sooner), and
// waits for the merchant when it gets better, or when they knowingly overrode the forecast.
import type { PrismaClient } from "@prisma/client";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { appDataOf, metafieldJsonValue } from "@delay-desk/simulator/resolvers/app-installation";
import {
  callRoute,
  startAppUnderTest,
  type AppUnderTest,
} from "../../tests/support/app-under-test";
import { insertTrackedOrders, trackedOrdersFromStore } from "../../tests/support/factories";

let app: AppUnderTest;
let db: PrismaClient;

beforeAll(async () => {
  app = await startAppUnderTest({ orders: 300, seed: 5 });
  db = (await import("../db.server")).default;
});

/**
 * Imports the shop's orders, so the forecast has a backlog to speak of. Opening the app started
 * the shop's first import in the background (hooks.afterAuth); it is finished first and its rows
 * replaced, or it would insert the same orders beside these (a unique-key clash, seen under load).
 */
async function importBacklog() {
  const store = app.simulator.stores.get(app.shop);
  if (!store) throw new Error("no store");
  const { appServices } = await import("../services.server");
  await appServices().orderSync.drain();
  await db.trackedOrder.deleteMany({ where: { shop: app.shop } });
  await insertTrackedOrders(db, trackedOrdersFromStore(store));
}

// What a test's page load started is finished before the next test's reset.
afterEach(async () => {
  const { appServices } = await import("../services.server");
  await appServices().orderSync.drain();
});

afterAll(async () => {
  await db.$disconnect();
  await app.close();
});

// Each test on a fresh database: the merchant opens the storefront page (token exchange).
beforeEach(async () => {
  const { loader } = await import("../routes/app.storefront");
  await callRoute(loader, app.embeddedDocumentRequest("/app/storefront"));
});

async function showDelay(
  min: string,
  max: string,
  unit: "days" | "weeks",
  overrideReason?: string,
): Promise<number> {
  const { action } = await import("../routes/app.storefront");
  const body = new URLSearchParams({
    intent: "delayed",
    estimateMin: min,
    estimateMax: max,
    estimateUnit: unit,
    ...(overrideReason ? { override: "on", overrideReason } : {}),
  });
  const response = await callRoute(
    action,
    app.bearerRequest("/app/storefront", {
      method: "POST",
      body,
      headers: { "Content-Type": "application/x-www-form-urlencoded" },
    }),
  );
  return response.status;
}

function bannerEstimate(): unknown {
  const store = app.simulator.stores.get(app.shop);
  if (!store) throw new Error("no store");
  const data = appDataOf(store);
  const metafield = data.metafield(data.installationGid, "delay_desk", "storefront_notice");
  const value = metafield ? metafieldJsonValue(metafield) : undefined;
  return typeof value === "object" && value !== null && "estimate" in value
    ? value.estimate
    : undefined;
}

async function keepInStep(): Promise<boolean> {
  const { keepDelayInStepWithForecast } = await import("./storefront-mode.server");
  const { unauthenticated } = await import("../shopify.server");
  const { admin } = await unauthenticated.admin(app.shop);
  return keepDelayInStepWithForecast({ admin, db, shop: app.shop, now: new Date() });
}

describe("keeping the delay banner in step with the forecast", () => {
  it("lengthens a banner the forecast has outgrown, logged as the forecast", async () => {
    // Set before the orders arrived (nothing to forecast yet), then the backlog lands.
    expect(await showDelay("1", "2", "days")).toBe(200);
    await importBacklog();
    expect(await keepInStep()).toBe(true);
    const state = await db.storefrontState.findUniqueOrThrow({ where: { shop: app.shop } });
    expect(state.mode).toBe("delayed");
    const longest =
      state.estimateUnit === "weeks" ? (state.estimateMax ?? 0) * 7 : (state.estimateMax ?? 0);
    expect(longest).toBeGreaterThan(2);
    expect(bannerEstimate()).toMatchObject({ max: state.estimateMax, unit: state.estimateUnit });
    const log = await db.modeChange.findMany({
      where: { shop: app.shop },
      orderBy: { createdAt: "asc" },
    });
    expect(log.at(-1)).toMatchObject({
      actorName: "forecast",
      reason: "the forecast got worse",
      fromMode: "delayed",
      toMode: "delayed",
    });
    // Already in step: nothing more to do.
    expect(await keepInStep()).toBe(false);
  });

  it("leaves a longer banner alone when the forecast is better: good news waits for the merchant", async () => {
    await importBacklog();
    expect(await showDelay("30", "52", "weeks")).toBe(200);
    expect(await keepInStep()).toBe(false);
    expect(bannerEstimate()).toMatchObject({ min: 30, max: 52, unit: "weeks" });
  });

  it("leaves a banner the merchant set by an explicit override as they set it", async () => {
    await importBacklog();
    expect(await showDelay("1", "2", "days")).toBe(400);
    expect(await showDelay("1", "2", "days", "Our second workshop opens on Monday.")).toBe(200);
    expect(await keepInStep()).toBe(false);
    expect(bannerEstimate()).toMatchObject({ min: 1, max: 2, unit: "days" });
  });

  it("does nothing unless the storefront shows a delay", async () => {
    expect(await keepInStep()).toBe(false);
    expect(await db.modeChange.count()).toBe(0);
  });
});
