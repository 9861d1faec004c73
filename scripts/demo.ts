// `npm run demo`: the whole product on one machine, no Shopify account needed. Prepares the
// SQLite database, seeds and starts the Admin API simulator (which also plays Shopify admin),
// builds and starts the app against it, and prints the one URL to open.
import { spawnSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import { createServer } from "node:net";
import path from "node:path";
import { parseArgs } from "node:util";
import { z } from "zod";
import { CANADIAN_SHOP } from "@delay-desk/simulator/cli";
import { startSimulator, type RunningSimulator } from "@delay-desk/simulator/index";
import { subscriptionsFromTomlFile } from "@delay-desk/simulator/webhooks/toml-subscriptions";
import { startMailServer, type RunningMailServer } from "@delay-desk/simulator/mail/mail-server";
import { tomlScopes } from "./app-config";
import { startAppServer } from "./app-server";
import { preflight } from "./preflight";

export const DEMO_SHOP = "oak-and-hide.myshopify.com";
/** With `--shops 2`: a shop in Canadian dollars, a third of whose buyers pay in US dollars. */
export const DEMO_CAD_SHOP = "oak-and-hide-2.myshopify.com";
export const DEMO_API_KEY = "delay-desk-demo";
const ROOT = path.resolve(import.meta.dirname, "..");

export interface DemoOptions {
  host: string;
  appPort: number; // 0 = any free port
  simulatorPort: number; // 0 = any free port
  orders: number;
  seed: number;
  databaseUrl: string;
  build: boolean;
  /** 1 (default) or 2: the second shop sells in CAD to buyers paying in CAD or USD. */
  shops?: number;
  /** The first shop's buyers who shop in French, German or Spanish (Order.customerLocale). */
  customerLanguages?: ReadonlyArray<{ locale: string; share: number }>;
}

/** `npm run demo`: a fifth of the buyers in French, a tenth in German, a fifth in Spanish. */
export const DEMO_CUSTOMER_LANGUAGES = [
  { locale: "fr", share: 0.2 },
  { locale: "de", share: 0.1 },
  { locale: "es", share: 0.2 },
] as const;

export interface RunningDemo {
  url: string;
  /** The admin URL of every shop, the first one being `url`. */
  urls: string[];
  appOrigin: string;
  simulator: RunningSimulator;
  /** The local SMTP server standing in for customers' mailboxes (shown at <simulator>/outbox). */
  mail: RunningMailServer;
  stop(): Promise<void>;
}

/** A free TCP port, so the app's URL is known before the simulator that frames it starts. */
export function freePort(host: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once("error", reject);
    probe.listen(0, host, () => {
      const address = probe.address();
      const port = typeof address === "object" && address ? address.port : 0;
      probe.close(() => resolve(port));
    });
  });
}

export async function startDemo(options: DemoOptions): Promise<RunningDemo> {
  if (options.build) {
    const build = spawnSync("npx", ["remix", "vite:build"], { cwd: ROOT, stdio: "inherit" });
    if (build.status !== 0) throw new Error("Building the app failed (see above).");
  }
  const appPort = options.appPort || (await freePort(options.host));
  const appUrl = `http://${options.host}:${appPort}`;
  // A fresh secret each run: the simulator and the app share it, nothing else ever sees it.
  const apiSecret = randomBytes(24).toString("hex");
  const scopes = tomlScopes();

  // Delay notices go to a local SMTP server that keeps them; the simulator shows them at /outbox.
  const mail = await startMailServer({ host: options.host });
  const simulator = await startSimulator({
    port: options.simulatorPort,
    host: options.host,
    app: { apiKey: DEMO_API_KEY, apiSecret, appUrl, scopes },
    shops: [
      {
        domain: DEMO_SHOP,
        orders: options.orders,
        seed: options.seed,
        ...(options.customerLanguages ? { customerLanguages: options.customerLanguages } : {}),
      },
      ...((options.shops ?? 1) >= 2
        ? [
            {
              domain: DEMO_CAD_SHOP,
              orders: options.orders,
              seed: options.seed + 1,
              ...CANADIAN_SHOP,
            },
          ]
        : []),
    ],
    outbox: mail,
    // Shopify delivers the webhooks the app declares in its toml; so does the simulator.
    webhooks: { subscriptions: subscriptionsFromTomlFile(path.join(ROOT, "shopify.app.toml")) },
  });
  try {
    Object.assign(process.env, {
      SHOPIFY_API_KEY: DEMO_API_KEY,
      SHOPIFY_API_SECRET: apiSecret,
      SHOPIFY_APP_URL: appUrl,
      SCOPES: scopes,
      DATABASE_URL: options.databaseUrl,
      SHOPIFY_ADMIN_ORIGIN: simulator.origin,
      SMTP_URL: mail.url,
      LOG_LEVEL: process.env.LOG_LEVEL ?? "warning",
    });
    preflight(process.env);
    const app = await startAppServer({ port: appPort, host: options.host });
    return {
      url: simulator.adminUrl(DEMO_SHOP),
      urls: [DEMO_SHOP, ...((options.shops ?? 1) >= 2 ? [DEMO_CAD_SHOP] : [])].map((shop) =>
        simulator.adminUrl(shop),
      ),
      appOrigin: app.origin,
      simulator,
      mail,
      stop: async () => {
        await app.close();
        await simulator.close();
        await mail.close();
      },
    };
  } catch (error) {
    await simulator.close();
    await mail.close();
    throw error;
  }
}

const flagsSchema = z.object({
  host: z.string().default("127.0.0.1"),
  port: z.coerce.number().int().min(0).max(65535).default(3000),
  "simulator-port": z.coerce.number().int().min(0).max(65535).default(4100),
  orders: z.coerce.number().int().min(0).max(200_000).default(1200),
  seed: z.coerce.number().int().default(1),
  shops: z.coerce.number().int().min(1).max(2).default(1),
  "no-build": z.boolean().default(false),
});

async function main() {
  const { values } = parseArgs({
    options: {
      host: { type: "string" },
      port: { type: "string" },
      "simulator-port": { type: "string" },
      orders: { type: "string" },
      seed: { type: "string" },
      shops: { type: "string" },
      "no-build": { type: "boolean" },
    },
  });
  const flags = flagsSchema.safeParse(values);
  if (!flags.success) {
    console.error(
      `npm run demo: ${flags.error.issues.map((i) => `--${i.path.join(".")} ${i.message}`).join("; ")}`,
    );
    process.exit(2);
  }
  const f = flags.data;
  const demo = await startDemo({
    host: f.host,
    appPort: f.port,
    simulatorPort: f["simulator-port"],
    orders: f.orders,
    seed: f.seed,
    databaseUrl: process.env.DATABASE_URL ?? "file:./prisma/dev.sqlite",
    build: !f["no-build"],
    shops: f.shops,
    customerLanguages: DEMO_CUSTOMER_LANGUAGES,
  });
  console.log(
    `\nDelay Desk demo is running. Open:\n\n  ${demo.urls.join("\n  ")}\n\nCustomers' email lands in the outbox: /outbox on the same host.\n(Ctrl-C stops it.)`,
  );
  let stopping = false;
  const stop = () => {
    if (stopping) return;
    stopping = true;
    void demo.stop().then(() => process.exit(0));
  };
  process.on("SIGINT", stop);
  process.on("SIGTERM", stop);
}

if (process.argv[1] && path.resolve(process.argv[1]) === path.resolve(import.meta.filename)) {
  main().catch((error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  });
}
