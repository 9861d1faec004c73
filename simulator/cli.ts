// `npm run simulator -- --port 4100 --orders 1200 --seed 1`: runs the Admin API simulator on its
// own, e.g. next to `shopify app dev`-less local runs of the app or for poking at it with curl.
import { realpathSync } from "node:fs";
import { pathToFileURL } from "node:url";
import { parseArgs } from "node:util";
import { z } from "zod";
import { startSimulator, type SeedOptions, type SimulatorOptions } from "./index";

const FIRST_SHOP = "oak-and-hide";

const flagsSchema = z.object({
  port: z.coerce.number().int().min(0).max(65535).default(4100),
  host: z.string().min(1).default("127.0.0.1"),
  orders: z.coerce.number().int().min(0).max(100_000).default(1200),
  seed: z.coerce.number().int().default(1),
  shops: z.coerce.number().int().min(1).max(50).default(1),
  plan: z.enum(["STANDARD", "ADVANCED", "PLUS"]).default("STANDARD"),
  "app-url": z.string().url().optional(),
  "access-token-seconds": z.coerce.number().int().min(1).max(86_400).optional(),
  log: z.boolean().default(true),
});

const envSchema = z.object({
  SHOPIFY_API_KEY: z
    .string({ required_error: "SHOPIFY_API_KEY is not set" })
    .min(1, "SHOPIFY_API_KEY is not set"),
  SHOPIFY_API_SECRET: z
    .string({ required_error: "SHOPIFY_API_SECRET is not set" })
    .min(1, "SHOPIFY_API_SECRET is not set"),
  SCOPES: z.string().default(""),
  SHOPIFY_APP_URL: z.string().url().optional(),
});

export type CliParse = { ok: true; options: SimulatorOptions } | { ok: false; message: string };

function describeIssues(error: z.ZodError, prefix: string): string {
  return error.issues
    .map((issue) => `${prefix}${issue.path.join(".") || "?"}: ${issue.message}`)
    .join("; ");
}

/** Flags and environment to simulator options, or one message saying what is wrong. */
export function parseCli(
  argv: readonly string[],
  env: Readonly<Record<string, string | undefined>>,
): CliParse {
  let values: Record<string, string | boolean | undefined>;
  try {
    values = parseArgs({
      args: [...argv],
      strict: true,
      allowPositionals: false,
      options: {
        port: { type: "string" },
        host: { type: "string" },
        orders: { type: "string" },
        seed: { type: "string" },
        shops: { type: "string" },
        plan: { type: "string" },
        "app-url": { type: "string" },
        "access-token-seconds": { type: "string" },
        log: { type: "boolean" },
        "no-log": { type: "boolean" },
      },
    }).values;
  } catch (error) {
    return { ok: false, message: error instanceof Error ? error.message : String(error) };
  }
  const { "no-log": noLog, ...rest } = values;
  const flags = flagsSchema.safeParse({ ...rest, ...(noLog ? { log: false } : {}) });
  if (!flags.success) return { ok: false, message: describeIssues(flags.error, "--") };
  const parsedEnv = envSchema.safeParse(env);
  if (!parsedEnv.success)
    return { ok: false, message: parsedEnv.error.issues.map((issue) => issue.message).join("; ") };

  const f = flags.data;
  const shops = Array.from({ length: f.shops }, (_, index) => ({
    domain:
      index === 0 ? `${FIRST_SHOP}.myshopify.com` : `${FIRST_SHOP}-${index + 1}.myshopify.com`,
    ...(index === 0
      ? {}
      : index === 1
        ? CANADIAN_SHOP
        : { name: `Oak & Hide Workshop ${index + 1}` }),
    plan: f.plan,
    orders: f.orders,
    // Distinct seeds so the shops differ, yet the whole set is reproducible from --seed.
    seed: f.seed + index,
  }));
  return {
    ok: true,
    options: {
      port: f.port,
      host: f.host,
      app: {
        apiKey: parsedEnv.data.SHOPIFY_API_KEY,
        apiSecret: parsedEnv.data.SHOPIFY_API_SECRET,
        appUrl: f["app-url"] ?? parsedEnv.data.SHOPIFY_APP_URL ?? "http://localhost:3000",
        scopes: parsedEnv.data.SCOPES,
      },
      shops,
      log: f.log,
      ...(f["access-token-seconds"] === undefined
        ? {}
        : { accessTokenSeconds: f["access-token-seconds"] }),
    },
  };
}

/**
 * The second shop sells in Canadian dollars, and a third of its buyers are in the United States
 * and pay in US dollars (their presentment currency), so every money path meets two currencies.
 */
export const CANADIAN_SHOP = {
  name: "Oak & Hide Workshop Canada",
  currency: "CAD",
  timezone: "America/Toronto",
  foreignBuyers: { currency: "USD", presentmentPerShop: 0.715, share: 0.35 },
} satisfies Partial<SeedOptions>;

async function main(): Promise<void> {
  const parsed = parseCli(process.argv.slice(2), process.env);
  if (!parsed.ok) {
    process.stderr.write(`simulator: ${parsed.message}\n`);
    process.exit(2);
  }
  const simulator = await startSimulator(parsed.options);
  process.stdout.write(`Shopify Admin API simulator listening on ${simulator.origin}\n`);
  for (const domain of simulator.stores.keys())
    process.stdout.write(`  ${domain}: ${simulator.adminUrl(domain)}\n`);

  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) return;
    stopping = true;
    process.stdout.write(`simulator: ${signal}, stopping\n`);
    simulator.close().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  };
  process.on("SIGINT", () => stop("SIGINT"));
  process.on("SIGTERM", () => stop("SIGTERM"));
}

function isEntryPoint(): boolean {
  const entry = process.argv[1];
  if (!entry) return false;
  try {
    return import.meta.url === pathToFileURL(realpathSync(entry)).href;
  } catch {
    return false;
  }
}

if (isEntryPoint()) {
  main().catch((error: unknown) => {
    process.stderr.write(`simulator: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(1);
  });
}
