// Loaders never write (docs/architecture.md, "How to add a page"): every route module that exports
// a loader is found in app/routes and called as Remix calls it, in a shop whose state tempts a
// loader to write (a timed pause that is due, no order import on record, a job, a data request),
// and afterwards every table holds exactly the rows it held before and the shop in the
// simulator is as it was (no metafield, validation or bulk operation written). Install-time work belongs to the library's hooks.afterAuth ("A function to call after a
// merchant installs your app", https://shopify.dev/docs/api/shopify-app-remix/v3/entrypoints/shopifyapp),
// background work to the composition root's sweeps (app/services.server.ts).
import { readdirSync, statSync } from "node:fs";
import path from "node:path";
import type { PrismaClient } from "@prisma/client";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { z } from "zod";
import { bulkOperationsOf } from "@delay-desk/simulator/bulk/bulk-operations";
import { appDataOf } from "@delay-desk/simulator/resolvers/app-installation";
import { signedProxyQuery } from "@delay-desk/simulator/storefront-proxy";
import {
  callRoute,
  startAppUnderTest,
  TEST_APP,
  type AppUnderTest,
} from "../../tests/support/app-under-test";
import { trackedOrdersFromStore, insertTrackedOrders } from "../../tests/support/factories";
import { workerDatabase } from "../../tests/support/test-databases";
import { choiceLinks } from "../proxy/choice-links.server";

const ROUTES_DIR = path.dirname(new URL(import.meta.url).pathname);

/** Routes whose loader is the Shopify library's own login flow: storing sessions is its job. */
const LIBRARY_ROUTES = new Set(["auth.$"]);

let app: AppUnderTest;
let db: PrismaClient;
let orderNumericId = "";
let jobId = "";

/** Route modules as Remix's flat routes see them: `x.tsx` files and `x/route.tsx` folders. */
function routeModules(): { id: string; file: string }[] {
  return readdirSync(ROUTES_DIR)
    .flatMap((name) => {
      const full = path.join(ROUTES_DIR, name);
      if (statSync(full).isDirectory())
        return ["route.tsx", "route.ts"]
          .map((file) => path.join(full, file))
          .filter((file) => {
            try {
              return statSync(file).isFile();
            } catch {
              return false;
            }
          })
          .map((file) => ({ id: name, file }));
      if (!/\.tsx?$/.test(name) || /\.test\./.test(name)) return [];
      return [{ id: name.replace(/\.tsx?$/, ""), file: full }];
    })
    .sort((a, b) => a.id.localeCompare(b.id));
}

/** The URL a route id answers (flat routes: dots are slashes, `_` suffixes and `_index` drop out). */
function pathOf(id: string): string {
  const segments = id
    .split(".")
    .filter((segment) => segment !== "_index")
    .map((segment) => segment.replace(/_$/, ""))
    .map((segment) =>
      segment !== "$id" ? segment : id.startsWith("app.jobs") ? jobId : orderNumericId,
    );
  return `/${segments.join("/")}`;
}

function requestFor(id: string): Request {
  if (id.startsWith("app")) return app.bearerRequest(pathOf(id));
  if (id === "proxy.choice") {
    const link = choiceLinks(TEST_APP.apiSecret, {
      shop: app.shop,
      orderId: `gid://shopify/Order/${orderNumericId}`,
      noticeId: null,
      now: new Date(),
    }).cancel;
    const query = signedProxyQuery(new URL(link).searchParams, {
      shop: app.shop,
      secret: TEST_APP.apiSecret,
    });
    return new Request(`${TEST_APP.appUrl}/proxy/choice?${query.toString()}`);
  }
  return new Request(new URL(pathOf(id), TEST_APP.appUrl));
}

const tableNames = z.array(z.object({ name: z.string() }));

/** Every row of every table, as text, sorted: two equal snapshots mean nothing was written. */
async function snapshot(): Promise<Record<string, string[]>> {
  const tables = tableNames.parse(
    await db.$queryRawUnsafe(
      workerDatabase() === "postgresql"
        ? `SELECT tablename AS name FROM pg_tables WHERE schemaname = current_schema()`
        : `SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'`,
    ),
  );
  const out: Record<string, string[]> = {};
  for (const { name } of tables) {
    if (name === "_prisma_migrations") continue;
    const rows = z
      .array(z.record(z.unknown()))
      .parse(await db.$queryRawUnsafe(`SELECT * FROM "${name}"`));
    out[name] = rows
      .map((row) =>
        JSON.stringify(row, (_key, value: unknown) =>
          typeof value === "bigint" ? value.toString() : value,
        ),
      )
      .sort();
  }
  return out;
}

/** The shop as the simulator holds it (orders, metafields, validations, bulk operations…), as text. */
function shopifyState(): string {
  const store = app.simulator.stores.get(app.shop);
  if (!store) throw new Error("no store");
  const seen = new WeakSet<object>();
  return JSON.stringify(
    [store, appDataOf(store), bulkOperationsOf(store)],
    (_key, value: unknown) => {
      if (value instanceof Map) return [...value.entries()];
      if (value instanceof Set) return [...value.values()];
      if (typeof value === "bigint") return value.toString();
      if (typeof value === "function") return undefined;
      if (typeof value === "object" && value !== null) {
        if (seen.has(value)) return "(seen)";
        seen.add(value);
      }
      return value;
    },
  );
}

beforeAll(async () => {
  app = await startAppUnderTest({ orders: 30, seed: 3 });
  db = (await import("../db.server")).default;
});

// Each test has a fresh database (tests/setup/fresh-database.ts): open the app and tempt the
// loaders again before each.
beforeEach(async () => {
  const { appServices } = await import("../services.server");
  // The first request exchanges the token and runs the install hook; its writes are the library's.
  const { loader } = await import("./app");
  await callRoute(loader, app.embeddedDocumentRequest("/app"));
  await app.simulator.bulkOperationsIdle();
  await appServices().orderSync.settle();

  const store = app.simulator.stores.get(app.shop);
  if (!store) throw new Error("no store");
  const orders = trackedOrdersFromStore(store);
  await db.trackedOrder.deleteMany({ where: { shop: app.shop } });
  await insertTrackedOrders(db, orders);
  orderNumericId =
    String(orders[0]?.id ?? "")
      .split("/")
      .pop() ?? "";
  // A shop installed before its import began: a loader that "ensures" an import would start one.
  await db.orderSync.deleteMany({ where: { shop: app.shop } });
  // A timed pause whose end has passed: a loader that "ends due pauses" would write.
  await db.storefrontState.upsert({
    where: { shop: app.shop },
    create: { shop: app.shop, mode: "paused", pausedUntil: new Date(Date.now() - 60_000) },
    update: { mode: "paused", pausedUntil: new Date(Date.now() - 60_000) },
  });
  await db.dataRequest.create({
    data: { shop: app.shop, shopifyRequestId: "4242", ordersRequested: "[]" },
  });
  jobId = (
    await db.job.create({
      data: { shop: app.shop, kind: "notice", status: "completed", params: "{}" },
    })
  ).id;
});

afterAll(async () => {
  await db?.$disconnect();
  await app?.close();
});

describe("route loaders", () => {
  it("finds the app's loaders (the app frame, the dashboard, the storefront page among them)", async () => {
    const ids = routeModules().map((route) => route.id);
    expect(ids).toEqual(expect.arrayContaining(["app", "app._index", "app.storefront"]));
  });

  it("change no row here and nothing in Shopify, however the shop's state tempts them", async () => {
    const { appServices } = await import("../services.server");
    const before = await snapshot();
    const called: string[] = [];
    const shopifyBefore = shopifyState();
    await (async () => {
      for (const route of routeModules()) {
        if (LIBRARY_ROUTES.has(route.id)) continue;
        const mod: unknown = await import(/* @vite-ignore */ route.file);
        const loader = z.object({ loader: z.function() }).safeParse(mod);
        if (!loader.success) continue;
        called.push(route.id);
        try {
          const answer: unknown = await callRoute(loader.data.loader, requestFor(route.id));
          // A streamed body (the CSV export) is read to its end: its reads run as it streams.
          if (answer instanceof Response) await answer.text();
        } catch (thrown) {
          if (!(thrown instanceof Response)) throw thrown;
        }
      }
      // Work a loader queued without awaiting it would land here.
      await appServices().orderSync.settle();
    })();
    expect(called).toEqual(expect.arrayContaining(["app", "app.storefront", "app.settings"]));
    expect(await snapshot()).toEqual(before);
    expect(shopifyState()).toBe(shopifyBefore);
  });
});
