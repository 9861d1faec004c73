// The fixtures every browser test shares (Playwright test fixtures,
// https://playwright.dev/docs/test-fixtures): the demo (built app + simulator) on free ports with
// a fresh database, a Prisma client on that database for assertions, and a merchant's page in
// Debian's Chromium (playwright.config.ts) presenting an ordinary Chrome user agent
// (tests/support/browser.ts). Each test file says which seeded shop it wants:
//   test.use({ demoShop: { orders: 300, seed: 3 } });
// and gets its own demo, started once for the file's tests (a worker fixture: one worker per file).
import type { PrismaClient } from "@prisma/client";
import { test as base, expect, type Frame, type Page } from "@playwright/test";
import { DEMO_SHOP, startDemo, type RunningDemo } from "../../scripts/demo";
import { merchantUserAgent } from "./browser";
import { freshDatabaseUrl } from "./database";
import { openDatabase } from "./factories";

export { expect };

export interface DemoShop {
  orders: number;
  seed: number;
  /** Buyers in other languages (scripts/demo.ts, DEMO_CUSTOMER_LANGUAGES); English only if absent. */
  customerLanguages?: ReadonlyArray<{ locale: string; share: number }>;
}

interface DemoWorkerFixtures {
  /** The seeded shop the demo starts with; set per file with test.use. */
  demoShop: DemoShop;
  databaseUrl: string;
  demo: RunningDemo;
  /** A client on the demo's database, for what the test asserts (and the rows it seeds). */
  db: PrismaClient;
}

interface DemoTestFixtures {
  /** Page errors (uncaught exceptions) on `page`; a test asserts it stays empty. */
  pageErrors: string[];
  /** Resolves once the import the first admin visit started has finished (and re-forecast). */
  firstImportFinished: () => Promise<void>;
  /** The merchant's first visit: opens the admin on `page`, then waits for firstImportFinished. */
  firstVisit: () => Promise<void>;
}

// A fixture hands its value on through its second argument (Playwright calls it `use`; named
// `provide` here so that React's hook rule does not take it for a hook).
export const test = base.extend<DemoTestFixtures, DemoWorkerFixtures>({
  demoShop: [
    { orders: 50, seed: 5 },
    { scope: "worker", option: true },
  ],
  databaseUrl: [
    // eslint-disable-next-line no-empty-pattern -- Playwright reads a fixture's needs from it
    async ({}, provide) => provide(freshDatabaseUrl()),
    { scope: "worker" },
  ],
  demo: [
    async ({ demoShop, databaseUrl }, provide) => {
      const demo = await startDemo({
        host: "127.0.0.1",
        appPort: 0,
        simulatorPort: 0,
        ...demoShop,
        databaseUrl,
        build: false,
      });
      await provide(demo);
      await demo.stop();
    },
    { scope: "worker", timeout: 120_000 },
  ],
  db: [
    async ({ databaseUrl }, provide) => {
      const db = await openDatabase(databaseUrl);
      await provide(db);
      await db.$disconnect();
    },
    { scope: "worker" },
  ],
  userAgent: async ({ browser }, provide) => provide(merchantUserAgent(browser.version())),
  pageErrors: async ({ page }, provide) => {
    const errors: string[] = [];
    page.on("pageerror", (error) => errors.push(error.message));
    await provide(errors);
  },
  firstImportFinished: async ({ db }, provide) =>
    provide(async () => {
      await expect
        .poll(
          async () =>
            (
              await db.orderSync.findFirst({
                where: { shop: DEMO_SHOP },
                orderBy: { startedAt: "desc" },
              })
            )?.status,
          { timeout: 60_000 },
        )
        .toBe("completed");
    }),
  firstVisit: async ({ demo, page, firstImportFinished }, provide) =>
    provide(async () => {
      await page.goto(demo.url);
      await firstImportFinished();
    }),
});

/**
 * The app's frame once Remix has started hydrating its document: its router is set up then
 * (`window.__remixRouter`, set by @remix-run/react's RemixBrowser), and from then on a click on a
 * link is a client-side navigation rather than a document request. Waits for that, not for the
 * frame's load event, which a document still streaming has not fired.
 */
export async function hydratedAppFrame(page: Page, appOrigin: string): Promise<Frame> {
  const fromApp = () => page.frames().find((frame) => frame.url().startsWith(appOrigin));
  await expect.poll(() => fromApp() !== undefined, { timeout: 30_000 }).toBe(true);
  const frame = fromApp();
  if (!frame) throw new Error(`no frame from ${appOrigin}`);
  await frame.waitForFunction(() => "__remixRouter" in window, undefined, { timeout: 30_000 });
  return frame;
}
