// The reforecast's SQLite writes checkpoint the WAL between their transactions themselves
// (reforecast-rows.server.ts): its connection's automatic checkpoint is off, so none runs inside
// a COMMIT. Read from the WAL-index header in the -shm file (https://sqlite.org/walformat.html,
// "The WAL-Index Header"): mxFrame, the last valid frame, at byte 16, and nBackfill, the frames
// already copied into the database, at byte 96, both in native byte order. SQLite only.
import { readFileSync } from "node:fs";
import { endianness } from "node:os";
import type { PrismaClient } from "@prisma/client";
import { afterAll, beforeAll, expect, it } from "vitest";
import { insertTrackedOrders, openTestDatabase, trackedOrder } from "../../tests/support/factories";
import { workerDatabase } from "../../tests/support/test-databases";
import { databaseTargetOf } from "../prisma-client.server";
import { startReforecastPass } from "./order-summary.server";
import { openForecastRows, type ForecastWrite } from "./reforecast-rows.server";

const sqlite = workerDatabase() === "sqlite";
let db: PrismaClient;

beforeAll(async () => {
  db = await openTestDatabase();
});
afterAll(async () => {
  await db.$disconnect();
});

function walIndex(path: string): { mxFrame: number; nBackfill: number } {
  const header = readFileSync(`${path}-shm`);
  const read = (offset: number) =>
    endianness() === "LE" ? header.readUInt32LE(offset) : header.readUInt32BE(offset);
  return { mxFrame: read(16), nBackfill: read(96) };
}

it.skipIf(!sqlite)(
  "leaves every WAL frame its transactions wrote copied into the database file",
  async () => {
    const target = databaseTargetOf(db);
    if (target?.provider !== "sqlite") throw new Error("needs a SQLite test database");
    const shop = "wal.myshopify.com";
    const ids = Array.from({ length: 40 }, (_, i) => `o${i}`);
    await insertTrackedOrders(
      db,
      ids.map((id) => trackedOrder(shop, { id, createdAt: new Date("2026-11-12T15:00:00Z") })),
    );
    const pass = await startReforecastPass(db, shop);
    // Prisma's writes above are in the WAL, not yet in the database file.
    expect(walIndex(target.path).nBackfill).toBeLessThan(walIndex(target.path).mxFrame);
    const rows: ForecastWrite[] = ids.map((id) => ({
      id,
      promisedShipDate: "2026-11-20",
      promiseSource: "rules",
      likelyShipDate: "2026-11-19",
      conservativeShipDate: "2026-11-20",
      delayClass: "on_track",
      freeze: true,
      update: true,
      late: false,
    }));
    const store = openForecastRows(db);
    try {
      const wrote = await store.writeForecasts(shop, pass, new Date("2026-11-13T15:00:00Z"), rows, {
        maxRows: 7,
      });
      expect(wrote).toEqual({ written: 40, latest: true });
    } finally {
      await store.close();
    }
    const { mxFrame, nBackfill } = walIndex(target.path);
    expect(mxFrame).toBeGreaterThan(0);
    expect(nBackfill).toBe(mxFrame);
  },
);
