// The timed-pause sweep, for a shop whose pause cannot be ended: here an uninstalled shop, for which
// the library's unauthenticated.admin throws SessionNotFoundError
// (node_modules/@shopify/shopify-app-remix/dist/esm/server/unauthenticated/admin/factory.mjs). It
// used to be retried every minute, forever, with an error each time.
import type { PrismaClient } from "@prisma/client";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startAppUnderTest, type AppUnderTest } from "../../tests/support/app-under-test";
import { retryDelay } from "../retry-delay";
import { claimNamedLease, releaseNamedLease } from "../leases/named-lease.server";
import { createPauseScheduler } from "./pause-scheduler.server";

let app: AppUnderTest;
let db: PrismaClient;
const SHOP = "uninstalled-paused.myshopify.com";
const T0 = new Date("2026-12-01T12:00:00Z");
const minutes = (n: number) => new Date(T0.getTime() + n * 60_000);

beforeAll(async () => {
  app = await startAppUnderTest({ orders: 1, seed: 1 });
  db = (await import("../db.server")).default;
});

afterAll(async () => {
  await db.$disconnect();
  await app.close();
});

describe("the pause sweep for a pause it cannot end", () => {
  it("retries after doubling delays, then gives up with the reason on the shop's row; a new pause starts afresh", async () => {
    const { unauthenticated } = await import("../shopify.server");
    await db.storefrontState.create({
      data: { shop: SHOP, mode: "paused", pausedUntil: minutes(-1) },
    });
    const failures: { at: string; retryAt: string | null }[] = [];
    let now = T0;
    const scheduler = createPauseScheduler({
      db,
      adminFor: async (shop) => (await unauthenticated.admin(shop)).admin,
      clock: () => now,
      retryDelayMs: (n) => retryDelay(n, { baseMs: 60_000, capMs: 180_000 }),
      maxFailures: 4,
      onError: (_shop, _error, retryAt) =>
        failures.push({ at: now.toISOString(), retryAt: retryAt?.toISOString() ?? null }),
    });
    // One sweep a minute for 15 minutes, as the app runs it.
    for (let minute = 0; minute <= 15; minute++) {
      now = minutes(minute);
      expect(await scheduler.tick()).toEqual([]);
    }
    expect(failures).toEqual([
      { at: minutes(0).toISOString(), retryAt: minutes(1).toISOString() },
      { at: minutes(1).toISOString(), retryAt: minutes(3).toISOString() },
      { at: minutes(3).toISOString(), retryAt: minutes(6).toISOString() },
      { at: minutes(6).toISOString(), retryAt: null },
    ]);
    const row = await db.storefrontState.findUniqueOrThrow({ where: { shop: SHOP } });
    expect(row.mode).toBe("paused");
    expect(row.pauseEndFailures).toBe(4);
    expect(row.pauseEndError).toMatch(
      /^Gave up ending the pause after 4 failed tries: Could not find a session for shop uninstalled-paused\.myshopify\.com/,
    );

    // The merchant sets a new pause: its end is tried again from the start.
    await db.storefrontState.update({ where: { shop: SHOP }, data: { pausedUntil: minutes(20) } });
    now = minutes(20);
    await scheduler.tick();
    expect(failures.at(-1)).toEqual({
      at: minutes(20).toISOString(),
      retryAt: minutes(21).toISOString(),
    });
    expect(
      (await db.storefrontState.findUniqueOrThrow({ where: { shop: SHOP } })).pauseEndFailures,
    ).toBe(1);
  });
});

describe("the pause sweep in several app processes", () => {
  it("ends a shop's due pause from one process at a time: the others find its pause-end lease taken", async () => {
    const shop = "two-processes-paused.myshopify.com";
    await db.storefrontState.create({ data: { shop, mode: "paused", pausedUntil: minutes(-1) } });
    const calls: string[] = [];
    const sweepOf = (owner: string) =>
      createPauseScheduler({
        db,
        clock: () => T0,
        // Shopify slow to answer, then failing: the first process is still at it when the second sweeps.
        adminFor: async (s) => {
          calls.push(`${owner} ${s}`);
          await new Promise((resolve) => setTimeout(resolve, 200));
          throw new Error("Shopify unavailable");
        },
        onError: () => undefined,
        lease: {
          claim: (s) => claimNamedLease(db, { shop: s, name: "pause-end" }, owner, 60_000),
          release: (s) => releaseNamedLease(db, { shop: s, name: "pause-end" }, owner),
        },
      });
    const [a, b] = [sweepOf("process-a"), sweepOf("process-b")];
    await Promise.all([a.tick(), b.tick()]);
    expect(calls.filter((call) => call.endsWith(shop))).toHaveLength(1);
    // Given back when done: held by nobody now.
    const lease = await db.lease.findUniqueOrThrow({
      where: { shop_name: { shop, name: "pause-end" } },
    });
    expect(lease.leaseOwner).toBeNull();
  });
});
