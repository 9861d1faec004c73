// The storefront page's loader and action, called as Remix calls them, against the simulator
// (metafield, validation) and a fresh database (state, log).
import type { PrismaClient } from "@prisma/client";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { heldItemMessage, readPauseConfig } from "../../extensions/checkout-pause/src/pause-rule";
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
  app = await startAppUnderTest({ orders: 40, seed: 5 });
  db = (await import("../db.server")).default;
  const { loader } = await import("./app.storefront");
  await callRoute(loader, app.embeddedDocumentRequest("/app/storefront"));
});

afterAll(async () => {
  await db.$disconnect();
  await app.close();
});

beforeEach(async () => {
  await db.modeChange.deleteMany({});
  await db.storefrontState.deleteMany({});
});

function store() {
  const found = app.simulator.stores.get(app.shop);
  if (!found) throw new Error("no store");
  return found;
}

function notice(): unknown {
  const data = appDataOf(store());
  const metafield = data.metafield(data.installationGid, "delay_desk", "storefront_notice");
  return metafield ? metafieldJsonValue(metafield) : undefined;
}

function checkoutPause() {
  const data = appDataOf(store());
  const validation = data.validations.find((v) => v.functionId === "01JDELAYDESK0CHECKOUTPAUSE");
  if (!validation) return undefined;
  const metafield = data.metafield(
    `gid://shopify/Validation/${validation.id}`,
    "$app:delay-desk",
    "checkout-pause",
  );
  return {
    enabled: validation.enabled,
    config: readPauseConfig(metafield ? metafieldJsonValue(metafield) : null),
  };
}

/** Posts the form; the body as JSON, with the status in `lastStatus`. */
let lastStatus = 0;
async function post(fields: Record<string, string>, userId?: number): Promise<unknown> {
  const { action } = await import("./app.storefront");
  const body = new URLSearchParams(fields);
  const response = await callRoute(
    action,
    app.bearerRequest(
      "/app/storefront",
      { method: "POST", body, headers: { "Content-Type": "application/x-www-form-urlencoded" } },
      userId,
    ),
  );
  lastStatus = response.status;
  return response.json();
}

async function load() {
  const { loader } = await import("./app.storefront");
  return callRoute(loader, app.bearerRequest("/app/storefront"));
}

function inHours(hours: number): Date {
  return new Date(Date.now() + hours * 3_600_000);
}

function localInput(date: Date, timeZone: string): string {
  const parts = new Intl.DateTimeFormat("sv-SE", {
    timeZone,
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
    hour: "2-digit",
    minute: "2-digit",
    hourCycle: "h23",
  }).format(date);
  return parts.replace(" ", "T");
}

describe("storefront page", () => {
  it("pauses: checkout hold on, paused notice written, state saved, log names the staff member", async () => {
    expect(await post({ intent: "paused", message: "Back soon." }, 2)).toEqual({
      ok: true,
      mode: "paused",
    });

    expect(checkoutPause()).toMatchObject({
      enabled: true,
      config: {
        paused: true,
        pausedUntilLocal: "9999-12-31T23:59:59",
        message: expect.stringMatching(/paused new orders.*Back soon\.$/),
      },
    });
    expect(notice()).toMatchObject({
      version: 1,
      mode: "paused",
      pausedUntil: null,
      message: "Back soon.",
    });
    expect(await db.storefrontState.findUnique({ where: { shop: app.shop } })).toMatchObject({
      mode: "paused",
      pausedUntil: null,
      message: "Back soon.",
    });
    const log = await db.modeChange.findMany({ where: { shop: app.shop } });
    expect(log).toEqual([
      expect.objectContaining({
        fromMode: "normal",
        toMode: "paused",
        actorId: "2",
        actorName: "Marcus Hale",
        reason: null,
      }),
    ]);

    const page = await load();
    expect(page).toMatchObject({
      mode: "paused",
      checkoutHold: true,
      log: [{ actor: "Marcus Hale", from: "normal", to: "paused" }],
    });
  });

  it("accepts the dashboard's one-button pause (intent=paused, source=dashboard) and says so in the log", async () => {
    expect(await post({ intent: "paused", source: "dashboard" })).toEqual({
      ok: true,
      mode: "paused",
    });
    const [entry] = await db.modeChange.findMany({ where: { shop: app.shop } });
    expect(entry).toMatchObject({
      toMode: "paused",
      actorId: "1",
      actorName: "Dawn Rivera",
      reason: "suggested on the dashboard",
    });
  });

  it("resume puts a delayed shop back exactly as it was: estimate notice, hold off", async () => {
    await post({
      intent: "delayed",
      estimateMin: "1",
      estimateMax: "2",
      estimateUnit: "weeks",
      message: "Busy season.",
    });
    const before = notice();
    await post({ intent: "paused", until: localInput(inHours(48), "America/New_York") });
    expect(checkoutPause()?.enabled).toBe(true);
    expect(await post({ intent: "resume" })).toEqual({ ok: true, mode: "delayed" });

    expect(notice()).toMatchObject({
      mode: "delayed",
      estimate: { min: 1, max: 2, unit: "weeks" },
    });
    expect({ ...(notice() as object), updatedAt: "", message: "" }).toEqual({
      ...(before as object),
      updatedAt: "",
      message: "",
    });
    expect(checkoutPause()).toMatchObject({ enabled: false, config: { paused: false } });
    const log = await db.modeChange.findMany({
      where: { shop: app.shop },
      orderBy: { createdAt: "asc" },
    });
    expect(log.map((e) => `${e.fromMode}>${e.toMode}`)).toEqual([
      "normal>delayed",
      "delayed>paused",
      "paused>delayed",
    ]);
  });

  it("returns field errors with what was typed, and changes nothing", async () => {
    const result = await post({
      intent: "delayed",
      estimateMin: "3",
      estimateMax: "1",
      estimateUnit: "weeks",
      message: "Keep me",
    });
    expect(result).toEqual({
      ok: false,
      errors: { estimateMax: "The longest wait must be at least the shortest." },
      values: expect.objectContaining({ estimateMin: "3", message: "Keep me" }),
    });
    expect(lastStatus).toBe(400);
    expect(await db.modeChange.count()).toBe(0);
    expect(await post({ intent: "paused", until: "2020-01-01T09:00" })).toMatchObject({
      ok: false,
      errors: { until: expect.stringMatching(/future/) },
    });
  });

  it("a timed pause ends by itself (scheduler, fixed clock): logged as the schedule, notice and hold restored", async () => {
    const { createPauseScheduler } = await import("../storefront/pause-scheduler.server");
    const { unauthenticated } = await import("../shopify.server");
    const timeZone = store().shop.ianaTimezone;
    const until = inHours(3);
    await post({ intent: "paused", until: localInput(until, timeZone) });
    const pausedUntil = (await db.storefrontState.findUnique({ where: { shop: app.shop } }))
      ?.pausedUntil;
    expect(pausedUntil).toBeInstanceOf(Date);
    const errors: unknown[] = [];
    const at = (date: Date) =>
      createPauseScheduler({
        db,
        adminFor: async (shop) => (await unauthenticated.admin(shop)).admin,
        clock: () => date,
        onError: (_s, e) => errors.push(e),
      });

    expect(await at(new Date((pausedUntil?.getTime() ?? 0) - 60_000)).tick()).toEqual([]);
    expect(checkoutPause()?.enabled).toBe(true);
    expect(await at(new Date(pausedUntil?.getTime() ?? 0)).tick()).toEqual([app.shop]);
    expect(errors).toEqual([]);

    expect(notice()).toMatchObject({ mode: "normal" });
    expect(checkoutPause()).toMatchObject({ enabled: false, config: { paused: false } });
    const last = await db.modeChange.findFirst({
      where: { shop: app.shop },
      orderBy: { createdAt: "desc" },
    });
    expect(last).toMatchObject({
      fromMode: "paused",
      toMode: "normal",
      actorId: null,
      actorName: "schedule",
    });
    // A second sweep finds nothing to do.
    expect(await at(new Date((pausedUntil?.getTime() ?? 0) + 60_000)).tick()).toEqual([]);
  });

  it("prefills the delay form from the forecast once orders are imported, and never from another shop's", async () => {
    expect((await load()).suggestion).toBeNull();
    await insertTrackedOrders(
      db,
      trackedOrdersFromStore(store()).map((row) => ({
        ...row,
        shop: "someone-else.myshopify.com",
      })),
    );
    expect((await load()).suggestion).toBeNull();
    await insertTrackedOrders(db, trackedOrdersFromStore(store()));
    try {
      const { suggestion } = await load();
      expect(suggestion?.estimate).toEqual({
        min: expect.any(Number),
        max: expect.any(Number),
        unit: expect.stringMatching(/^(days|weeks)$/),
      });
      expect(suggestion?.estimate.max).toBeGreaterThanOrEqual(suggestion?.estimate.min ?? Infinity);
    } finally {
      await db.trackedOrder.deleteMany({});
    }
  });

  it("refuses a lead time shorter than the forecast with a clear 400, keeping what was typed and changing nothing", async () => {
    await insertTrackedOrders(db, trackedOrdersFromStore(store()));
    try {
      const { suggestion } = await load();
      if (!suggestion) throw new Error("no forecast for the imported backlog");
      const before = notice();
      const result = await post({
        intent: "delayed",
        estimateMin: "1",
        estimateMax: "2",
        estimateUnit: "days",
        message: "Keep me",
      });
      expect(lastStatus).toBe(400);
      expect(result).toEqual({
        ok: false,
        errors: {
          estimateMax: expect.stringContaining(
            `The forecast says an order placed today ships in ${suggestion.estimate.min}–${suggestion.estimate.max} ${suggestion.estimate.unit}`,
          ),
        },
        values: expect.objectContaining({ estimateMax: "2", message: "Keep me" }),
        belowForecast: { forecast: suggestion.estimate },
      });
      // Nothing reached Shopify (the app-data metafield buyers' theme reads:
      // shopify.dev/docs/apps/custom-data/metafields/app-data) or the log.
      expect(notice()).toEqual(before);
      expect(await db.modeChange.count()).toBe(0);
      expect(await db.storefrontState.count()).toBe(0);

      // Ticking the override without a reason is refused too.
      expect(
        await post({
          intent: "delayed",
          estimateMin: "1",
          estimateMax: "2",
          estimateUnit: "days",
          override: "on",
        }),
      ).toMatchObject({ ok: false, errors: { overrideReason: expect.stringMatching(/why/) } });
      expect(lastStatus).toBe(400);

      // The forecast's own range, or longer, is accepted without any override.
      expect(
        await post({
          intent: "delayed",
          estimateMin: String(suggestion.estimate.min),
          estimateMax: String(suggestion.estimate.max),
          estimateUnit: suggestion.estimate.unit,
        }),
      ).toEqual({ ok: true, mode: "delayed" });
      expect(await db.modeChange.findFirst({ where: { shop: app.shop } })).toMatchObject({
        toMode: "delayed",
        reason: null,
      });
    } finally {
      await db.trackedOrder.deleteMany({});
    }
  });

  it("shows a shorter lead time only with an explicit override, logging who and why", async () => {
    await insertTrackedOrders(db, trackedOrdersFromStore(store()));
    try {
      const { suggestion } = await load();
      if (!suggestion) throw new Error("no forecast for the imported backlog");
      const result = await post(
        {
          intent: "delayed",
          estimateMin: "1",
          estimateMax: "2",
          estimateUnit: "days",
          override: "on",
          overrideReason: "A second maker starts on Monday.",
        },
        2,
      );
      expect(result).toEqual({ ok: true, mode: "delayed" });
      // Shoppers are told what the merchant chose: the app-data metafield on the app installation,
      // which the theme reads as app.metafields (shopify.dev/docs/apps/custom-data/metafields/app-data,
      // shopify.dev/docs/api/liquid/objects/app)...
      expect(notice()).toMatchObject({
        mode: "delayed",
        estimate: { min: 1, max: 2, unit: "days" },
      });
      // ...and the log says who overrode the forecast, against what, and why.
      const [entry] = await db.modeChange.findMany({ where: { shop: app.shop } });
      expect(entry).toMatchObject({
        fromMode: "normal",
        toMode: "delayed",
        actorId: "2",
        actorName: "Marcus Hale",
        reason: `override: shows 1–2 days against the forecast's ${suggestion.estimate.min}–${suggestion.estimate.max} ${suggestion.estimate.unit}. Why: A second maker starts on Monday.`,
      });
      const page = await load();
      expect(page.log[0]).toMatchObject({
        actor: "Marcus Hale",
        reason: expect.stringMatching(/^override:/),
      });
    } finally {
      await db.trackedOrder.deleteMany({});
    }
  });

  it("when Shopify refuses the hold (userErrors), shows why and keeps the old state", async () => {
    const data = appDataOf(store());
    const ours = data.validations.splice(0);
    // Other apps already use every one of the shop's 25 active validation slots.
    data.otherAppsFunctions.push({
      __typename: "ShopifyFunction",
      id: "other-app-limits",
      handle: "order-limits",
      title: "Order limits",
      description: "",
      apiType: "cart_checkout_validation",
      apiVersion: "2026-10",
    });
    for (let i = 0; i < 25; i++)
      data.validations.push({
        __typename: "Validation",
        id: data.newId(),
        functionId: "other-app-limits",
        title: `limit ${i}`,
        enabled: true,
        blockOnFailure: false,
      });
    try {
      const result = await post({ intent: "paused" });
      expect(result).toMatchObject({
        ok: false,
        formError: expect.stringMatching(/more than 25 active validation/),
      });
      expect(await db.storefrontState.count()).toBe(0);
      expect(await db.modeChange.count()).toBe(0);
    } finally {
      data.validations.splice(0, data.validations.length, ...ours);
    }
  });
});

// A `$app` metafield on a Validation needs a metafield definition first: "For security reasons, it's
// mandatory to create a metafield definition under a reserved namespace" (shopify.dev, Add
// configuration to your validation); without it validationCreate answers
// UNSTRUCTURED_RESERVED_NAMESPACE, which the simulator enforces (simulator/resolvers/mutations/
// validations.ts), so the pauses above could only hold because the app created the definition first.
// Issue 14 point 1: one product or collection paused on its own, the rest of the shop selling.
// The simulator's storefront runs the Function's real source on the config the app wrote, with
// Product.inAnyCollection answered from the store (input query variables from the validation's
// metafield: https://shopify.dev/docs/apps/build/functions/input-queries/use-variables-input-queries).
describe("pausing one product or collection", () => {
  const storefront = (path: string, init?: RequestInit) =>
    fetch(`${app.simulator.origin}/${app.shop}/storefront${path}`, init);
  const addJs = (variantId: number, locale?: string) =>
    storefront(locale ? `/cart/add.js?locale=${locale}` : "/cart/add.js", {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify({ id: variantId, quantity: 1 }),
    });
  function twoProducts() {
    const active = store().products.filter((p) => p.status === "ACTIVE" && p.variantIds[0]);
    const [paused, other] = [
      active[0],
      active.find((p) => p.id !== active[0]?.id && p.collectionIds.length === 0) ?? active[1],
    ];
    if (!paused || !other) throw new Error("seed has too few products");
    return {
      paused,
      other,
      pausedVariant: paused.variantIds[0] ?? 0,
      otherVariant: other.variantIds[0] ?? 0,
    };
  }

  it("pauses one product: checkout refuses it by name and sells the others; its page alone says so; resume lifts it", async () => {
    const { paused, other, pausedVariant, otherVariant } = twoProducts();
    const gid = `gid://shopify/Product/${paused.id}`;
    expect(await post({ intent: "hold", id: gid }, 2)).toEqual({ ok: true, mode: "normal" });

    expect(checkoutPause()).toMatchObject({
      enabled: true,
      config: { paused: false, heldItems: [{ kind: "product", id: gid, title: paused.title }] },
    });
    expect(notice()).toMatchObject({
      mode: "normal",
      items: { products: { [paused.id]: { paused: true } } },
    });
    const refused = await addJs(pausedVariant);
    expect(refused.status).toBe(422);
    expect(await refused.json()).toEqual({
      status: 422,
      message: "Cart Error",
      description: heldItemMessage(paused.title),
    });
    // A French buyer reads it in French: Shopify hands the Function the buyer's language.
    expect(await (await addJs(pausedVariant, "fr")).json()).toMatchObject({
      description: heldItemMessage(paused.title, "FR"),
    });
    expect(heldItemMessage(paused.title, "FR")).toMatch(/^« .+ » ne peut pas être commandé/);
    expect((await addJs(otherVariant)).status).toBe(200);
    expect(await (await storefront(`/products/${paused.handle}`)).text()).toContain(
      "New orders for this product are paused for now.",
    );
    expect(await (await storefront(`/products/${other.handle}`)).text()).not.toContain("dd-hold");
    expect(await load()).toMatchObject({
      mode: "normal",
      checkoutHold: true,
      heldItems: [{ id: gid, title: paused.title }],
      log: [
        {
          actor: "Marcus Hale",
          from: "normal",
          to: "normal",
          reason: `on its own: paused "${paused.title}"`,
        },
      ],
    });

    expect(await post({ intent: "release", id: gid })).toEqual({ ok: true, mode: "normal" });
    expect(checkoutPause()).toMatchObject({ enabled: false, config: { heldItems: [] } });
    expect((await addJs(pausedVariant)).status).toBe(200);
  });

  it("pauses a collection: every product in it is refused, one outside it is sold", async () => {
    const collection = store().collections[0];
    if (!collection) throw new Error("seed has no collection");
    const inside = store().products.find(
      (p) => p.status === "ACTIVE" && p.collectionIds.includes(collection.id),
    );
    const outside = store().products.find(
      (p) => p.status === "ACTIVE" && !p.collectionIds.includes(collection.id),
    );
    if (!inside?.variantIds[0] || !outside?.variantIds[0])
      throw new Error("seed has no such products");
    const gid = `gid://shopify/Collection/${collection.id}`;
    expect(await post({ intent: "hold", id: gid })).toEqual({ ok: true, mode: "normal" });
    expect(checkoutPause()?.config).toMatchObject({ heldCollectionIds: [gid] });
    const refused = await addJs(inside.variantIds[0]);
    expect(refused.status).toBe(422);
    expect(await refused.json()).toMatchObject({ description: heldItemMessage(inside.title) });
    expect((await addJs(outside.variantIds[0])).status).toBe(200);
    await post({ intent: "release", id: gid });
  });

  it("refuses a pick Shopify does not know, or nothing picked, with a 400 and changes nothing", async () => {
    expect(await post({ intent: "hold", id: "gid://shopify/Product/999999999" })).toMatchObject({
      ok: false,
      formError: "Shopify does not know gid://shopify/Product/999999999: pick it again.",
    });
    expect(lastStatus).toBe(400);
    expect(await post({ intent: "hold" })).toMatchObject({ ok: false });
    expect(lastStatus).toBe(400);
    expect(await db.storefrontState.findUnique({ where: { shop: app.shop } })).toBeNull();
  });
});

describe("the pause switch's metafield definition", () => {
  const validationDefinitions = () =>
    appDataOf(store()).metafieldDefinitions.filter((d) => d.ownerType === "VALIDATION");

  it("was created once, as Shopify's validation template makes it: ownerType VALIDATION, json, the app's namespace", () => {
    // Only the VALIDATION ones: the toml's declared order definitions exist in every shop too.
    expect(validationDefinitions()).toEqual([
      expect.objectContaining({
        ownerType: "VALIDATION",
        namespace: "app--1--delay-desk",
        key: "checkout-pause",
        type: "json",
        name: "Delay Desk checkout pause",
      }),
    ]);
    expect(checkoutPause()?.config).not.toBeNull();
  });

  it("a second create (another request got there first) answers TAKEN, which the app takes as done", async () => {
    const { authenticate } = await import("../shopify.server");
    const { defineCheckoutPauseConfig } = await import("../storefront/storefront-admin.server");
    const { admin } = await authenticate.admin(app.bearerRequest("/app/storefront"));
    await expect(defineCheckoutPauseConfig(admin)).resolves.toBeUndefined();
    expect(validationDefinitions()).toHaveLength(1);
  });
});
