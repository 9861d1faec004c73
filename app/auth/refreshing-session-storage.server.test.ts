// The offline session store against the simulator's token endpoint, which keeps Shopify's rules:
// each refresh returns a new pair; the traded refresh token stays usable until one of its
// replacements is first used, then answers 400 invalid_grant
// (https://shopify.dev/changelog/more-resilient-refreshes-for-expiring-offline-access-tokens).
// "Two processes" are two storages on one database file, each with its own in-process state.
import type { PrismaClient } from "@prisma/client";
import { Session } from "@shopify/shopify-api";
import { PrismaSessionStorage } from "@shopify/shopify-app-session-storage-prisma";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { startAppUnderTest, TEST_APP, type AppUnderTest } from "../../tests/support/app-under-test";
import { offlineSessionId } from "./offline-token";
import { refreshOfflineToken } from "./refresh-offline-token.server";
import { RefreshingSessionStorage } from "./refreshing-session-storage.server";

let app: AppUnderTest;
let db: PrismaClient;
let id: string;
const warnings: string[] = [];

beforeAll(async () => {
  app = await startAppUnderTest({ orders: 5, seed: 2 });
  db = (await import("../db.server")).default;
  // Importing the configuration routes the library's fetch to the simulator.
  await import("../shopify.server");
  id = offlineSessionId(app.shop);
});
afterAll(async () => {
  await db.$disconnect();
  await app.close();
});

/** Stores what token exchange with expiring=1 leaves, as if `minutesLeft` of its hour remained. */
async function storeExpiringSession(minutesLeft: number): Promise<string> {
  const pair = app.simulator.issueExpiringAccessToken(app.shop);
  await db.session.upsert({
    where: { id },
    create: {
      id,
      shop: app.shop,
      state: "",
      isOnline: false,
      accessToken: pair.accessToken,
      scope: pair.scope,
      expires: new Date(Date.now() + minutesLeft * 60_000),
      refreshToken: pair.refreshToken,
      refreshTokenExpires: new Date(Date.now() + pair.refreshTokenExpiresIn * 1000),
    },
    update: {
      accessToken: pair.accessToken,
      expires: new Date(Date.now() + minutesLeft * 60_000),
      refreshToken: pair.refreshToken,
    },
  });
  return pair.refreshToken;
}

type Refresh = ConstructorParameters<typeof RefreshingSessionStorage>[0]["refresh"];
const realRefresh: Refresh = (shop, refreshToken) =>
  refreshOfflineToken(
    { apiKey: TEST_APP.apiKey, apiSecret: TEST_APP.apiSecret },
    shop,
    refreshToken,
  );

function storage(refresh: Refresh = realRefresh): RefreshingSessionStorage {
  return new RefreshingSessionStorage({
    inner: new PrismaSessionStorage(db),
    db,
    refresh,
    warn: (message) => warnings.push(message),
  });
}

const refreshGrants = () =>
  app.simulator.tokenGrants(app.shop).filter((g) => g.grant === "refresh_token");

async function works(accessToken: string): Promise<boolean> {
  const response = await fetch(
    `${app.simulator.origin}/${app.shop}/admin/api/2026-10/graphql.json`,
    {
      method: "POST",
      headers: { "Content-Type": "application/json", "X-Shopify-Access-Token": accessToken },
      body: JSON.stringify({ query: "{ shop { name } }" }),
    },
  );
  return response.status === 200;
}

beforeEach(() => {
  warnings.length = 0;
});

describe("RefreshingSessionStorage", () => {
  it("hands out a session with more than 5 minutes left as stored, without refreshing", async () => {
    await storeExpiringSession(30);
    const before = refreshGrants().length;
    const session = await storage().loadSession(id);
    expect(session?.accessToken).toBe(
      (await db.session.findUniqueOrThrow({ where: { id } })).accessToken,
    );
    expect(refreshGrants()).toHaveLength(before);
  });

  it("reads the row once for loads in flight together (the frame's and the page's loader), and afresh after", async () => {
    await storeExpiringSession(30);
    const reads: string[] = [];
    class CountingStorage extends PrismaSessionStorage<PrismaClient> {
      override loadSession(sessionId: string) {
        reads.push(sessionId);
        return super.loadSession(sessionId);
      }
    }
    const store = new RefreshingSessionStorage({
      inner: new CountingStorage(db),
      db,
      refresh: realRefresh,
    });
    const [a, b] = await Promise.all([store.loadSession(id), store.loadSession(id)]);
    expect(reads).toEqual([id]);
    expect(a?.accessToken).toBe(b?.accessToken);
    // Settled, nothing is kept: a row written since is what the next load sees.
    const newer = await storeExpiringSession(30);
    const later = await store.loadSession(id);
    expect(reads).toEqual([id, id]);
    expect(later?.refreshToken).toBe(newer);
  });

  it("refreshes a session due within 5 minutes once for concurrent loads, and stores the new pair in the row", async () => {
    const traded = await storeExpiringSession(4);
    const before = refreshGrants().length;
    const store = storage();
    const loaded = await Promise.all([1, 2, 3, 4, 5].map(() => store.loadSession(id)));
    const grants = refreshGrants().slice(before);
    expect(grants.map((g) => [g.refreshToken, g.outcome])).toEqual([[traded, "issued"]]);
    const row = await db.session.findUniqueOrThrow({ where: { id } });
    expect(new Set(loaded.map((s) => s?.accessToken))).toEqual(new Set([grants[0]?.accessToken]));
    expect(row.accessToken).toBe(grants[0]?.accessToken);
    expect(row.refreshToken).not.toBe(traded);
    expect(((row.expires?.getTime() ?? 0) - Date.now()) / 60_000).toBeGreaterThan(59);
    expect(await works(row.accessToken)).toBe(true);
  });

  it("two processes refreshing with one refresh token: the later answer does not overwrite the stored pair, and both use it", async () => {
    await storeExpiringSession(1);
    const before = refreshGrants().length;
    let firstStored: () => void = () => {};
    const firstDone = new Promise<void>((resolve) => (firstStored = resolve));
    // Process B's answer arrives only after process A has stored its pair.
    const slow: Refresh = async (shop, refreshToken) => {
      const answer = await realRefresh(shop, refreshToken);
      await firstDone;
      return answer;
    };
    const b = storage(slow).loadSession(id);
    const a = await storage().loadSession(id);
    firstStored();
    const fromB = await b;
    const grants = refreshGrants().slice(before);
    expect(grants.map((g) => g.outcome)).toEqual(["issued", "issued"]);
    const row = await db.session.findUniqueOrThrow({ where: { id } });
    expect(row.accessToken).toBe(a?.accessToken);
    expect(fromB?.accessToken).toBe(a?.accessToken);
    expect(fromB?.refreshToken).toBe(row.refreshToken);
    // The stored refresh token still trades: no pair was lost.
    await db.session.update({ where: { id }, data: { expires: new Date(Date.now() + 60_000) } });
    expect(await works((await storage().loadSession(id))?.accessToken ?? "")).toBe(true);
  });

  it("a process still holding a refresh token whose replacement was already used: refused, it picks up the stored pair without a warning", async () => {
    const stale = await storeExpiringSession(1);
    let release: () => void = () => {};
    const held = new Promise<void>((resolve) => (release = resolve));
    const late: Refresh = async (shop, refreshToken) => {
      await held;
      return realRefresh(shop, refreshToken);
    };
    const b = storage(late).loadSession(id);
    // Process A refreshes twice meanwhile: the second trade uses the replacement, retiring `stale`.
    const a = storage();
    await a.loadSession(id);
    await db.session.update({ where: { id }, data: { expires: new Date(Date.now() + 60_000) } });
    const current = await a.loadSession(id);
    release();
    const fromB = await b;
    expect(
      refreshGrants()
        .filter((g) => g.refreshToken === stale)
        .map((g) => g.outcome),
    ).toEqual(["issued", "invalid_grant"]);
    expect(fromB?.accessToken).toBe(current?.accessToken);
    expect(warnings).toEqual([]);
  });

  it("a refresh token Shopify refuses with nothing newer stored: handed out without it, so the library does not retry, and the warning names the shop only", async () => {
    await storeExpiringSession(30);
    await db.session.update({
      where: { id },
      data: { refreshToken: "shprt_revoked", expires: new Date(Date.now() + 60_000) },
    });
    const session = await storage().loadSession(id);
    expect(session).toBeInstanceOf(Session);
    expect(session?.refreshToken).toBeUndefined();
    expect(warnings).toEqual([
      `Shopify refused the offline refresh token of ${app.shop}; background work for this shop waits until a staff member opens the app.`,
    ]);
    expect((await db.session.findUniqueOrThrow({ where: { id } })).refreshToken).toBe(
      "shprt_revoked",
    );
  });

  it("after a 401 on a token not yet due, replaceRejected refreshes once, or returns a newer stored token without refreshing", async () => {
    await storeExpiringSession(50);
    const row = await db.session.findUniqueOrThrow({ where: { id } });
    expect(app.simulator.expireAccessToken(app.shop)).toBeGreaterThan(0);
    expect(await works(row.accessToken)).toBe(false);
    const before = refreshGrants().length;
    const store = storage();
    const [first, second] = await Promise.all([
      store.replaceRejected(app.shop, row.accessToken),
      store.replaceRejected(app.shop, row.accessToken),
    ]);
    expect(refreshGrants()).toHaveLength(before + 1);
    expect(first.accessToken).toBe(second.accessToken);
    expect(await works(first.accessToken ?? "")).toBe(true);
    // Another process reports the same rejected token later: the stored one is newer, no refresh.
    const again = await storage().replaceRejected(app.shop, row.accessToken);
    expect(again.accessToken).toBe(first.accessToken);
    expect(refreshGrants()).toHaveLength(before + 1);
  });
});
