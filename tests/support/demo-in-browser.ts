// The setup every browser test shares: the demo (built app + simulator) on free ports with a
// fresh database, Debian's Chromium, and a Prisma client on the demo's database for assertions.
// Call it at the top of a test file; read `session.demo`, `.browser`, `.db` inside the tests.
import type { PrismaClient } from "@prisma/client";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, expect } from "vitest";
import { DEMO_SHOP, startDemo, type RunningDemo } from "../../scripts/demo";
import { launchBrowser } from "./browser";
import { freshDatabaseUrl } from "./database";
import { openDatabase } from "./factories";

export interface DemoInBrowser {
  readonly demo: RunningDemo;
  readonly browser: Browser;
  readonly db: PrismaClient;
  /** Resolves once the import the first admin visit started has finished (and re-forecast). */
  firstImportFinished(): Promise<void>;
}

export function demoInBrowser(shop: {
  orders: number;
  seed: number;
  /** Buyers in other languages (scripts/demo.ts, DEMO_CUSTOMER_LANGUAGES); English only if absent. */
  customerLanguages?: ReadonlyArray<{ locale: string; share: number }>;
}): DemoInBrowser {
  let demo: RunningDemo | undefined;
  let browser: Browser | undefined;
  let db: PrismaClient | undefined;

  beforeAll(async () => {
    const databaseUrl = freshDatabaseUrl();
    demo = await startDemo({
      host: "127.0.0.1",
      appPort: 0,
      simulatorPort: 0,
      ...shop,
      databaseUrl,
      build: false,
    });
    browser = await launchBrowser();
    db = await openDatabase(databaseUrl);
  });

  afterAll(async () => {
    await db?.$disconnect();
    await browser?.close();
    await demo?.stop();
  });

  const ready = <T>(value: T | undefined, name: string): T => {
    if (value === undefined)
      throw new Error(`${name} is not ready: use it inside a test, after beforeAll`);
    return value;
  };
  return {
    get demo() {
      return ready(demo, "demo");
    },
    get browser() {
      return ready(browser, "browser");
    },
    get db() {
      return ready(db, "db");
    },
    async firstImportFinished() {
      const database = ready(db, "db");
      await expect
        .poll(
          async () =>
            (
              await database.orderSync.findFirst({
                where: { shop: DEMO_SHOP },
                orderBy: { startedAt: "desc" },
              })
            )?.status,
          { timeout: 60_000 },
        )
        .toBe("completed");
    },
  };
}
