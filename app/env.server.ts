// Configuration, read once at start-up and validated, so a bad setting stops the app with one clear
// message instead of failing on the first request. Messages name variables, never their values:
// the secret must not reach a log.
import { z } from "zod";
import { DEFAULT_DATABASE_URL } from "./database-url";

const envSchema = z.object({
  SHOPIFY_API_KEY: z
    .string({ required_error: "is missing (the app's client id)" })
    .min(1, "is empty"),
  SHOPIFY_API_SECRET: z
    .string({ required_error: "is missing (the app's client secret, from `shopify app env show`)" })
    .min(1, "is empty"),
  SHOPIFY_APP_URL: z
    .string({ required_error: "is missing (the public URL this app is served from)" })
    .url("is not a URL"),
  SCOPES: z
    .string({
      required_error: "is missing (comma-separated access scopes, as in shopify.app.toml)",
    })
    .min(1, "is empty"),
  DATABASE_URL: z.string().default(DEFAULT_DATABASE_URL),
  // Set only against the Admin API simulator (demo, tests, benchmarks): the origin that stands in
  // for https://<shop>.myshopify.com and for Shopify admin. Unset in production.
  SHOPIFY_ADMIN_ORIGIN: z.string().url("is not a URL").optional(),
  SHOP_CUSTOM_DOMAIN: z.string().optional(),
  // The merchant's own mail server for delay notices (smtp:// or smtps://, credentials in the URL).
  // Optional: without it the app works, and a notice job fails each item with a reason saying so.
  SMTP_URL: z
    .string()
    .url("is not a URL")
    .refine((value) => /^smtps?:\/\//.test(value), "must start with smtp:// or smtps://")
    .optional(),
  // How often the order reconcile runs (default 15 minutes; 0 turns it off, e.g. in browser tests).
  ORDER_RECONCILE_INTERVAL_MS: z.coerce
    .number({ message: "must be a number of milliseconds" })
    .int()
    .min(0)
    .optional(),
  // How long a job item stays claimed by a process that stopped renewing it (default 60 s, decision
  // 012): a dead instance's items are taken over after this. The many-process test shortens it.
  JOB_LEASE_MS: z.coerce
    .number({ message: "must be a number of milliseconds" })
    .int()
    .min(500, "must be at least 500 ms")
    .optional(),
  // How long a notice's send claim holds (default 2 min, app/notices/notice-send-claim.ts): a
  // notice that a dead instance was sending goes again after this. The many-process test shortens it.
  NOTICE_SEND_CLAIM_MS: z.coerce
    .number({ message: "must be a number of milliseconds" })
    .int()
    .min(500, "must be at least 500 ms")
    .optional(),
  // How long an order edit claim holds (default 2 min, app/remedies/order-edit-claim.ts): an order
  // a dead instance was editing is edited by another after this. The many-process test shortens it.
  ORDER_EDIT_CLAIM_MS: z.coerce
    .number({ message: "must be a number of milliseconds" })
    .int()
    .min(500, "must be at least 500 ms")
    .optional(),
  // How much the Shopify library logs: tests and the bench use "warning" to keep output readable.
  LOG_LEVEL: z
    .enum(["error", "warning", "info", "debug"], {
      message: "must be error, warning, info or debug",
    })
    .default("info"),
});

export type AppEnv = z.infer<typeof envSchema>;

export class ConfigError extends Error {
  override name = "ConfigError";
}

export function parseEnv(source: Record<string, string | undefined>): AppEnv {
  const result = envSchema.safeParse(source);
  if (result.success) return result.data;
  const problems = result.error.issues.map((issue) => `${issue.path.join(".")} ${issue.message}`);
  throw new ConfigError(`Delay Desk cannot start: ${problems.join("; ")}.`);
}

let loaded: AppEnv | undefined;

/** The validated environment of this process (parsed on first use). */
export function appEnv(): AppEnv {
  loaded ??= parseEnv(process.env);
  return loaded;
}
