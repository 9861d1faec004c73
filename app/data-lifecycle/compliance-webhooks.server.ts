// What each lifecycle webhook does, one call per route (the routes authenticate and respond).
// Compliance topics arrive without a session (shop/redact comes 48 hours after uninstall), so
// nothing here needs one. A payload the app cannot read gets a 400 with the reason and changes
// nothing; Shopify then retries, and the delivery shows as failed in the Partner Dashboard.
import type { PrismaClient } from "@prisma/client";
import { parseCustomersDataRequest, parseCustomersRedact } from "./compliance-payloads";
import { recordDataRequest } from "./data-requests.server";
import { redactCustomer } from "./redact-customer.server";
import { eraseShop, uninstallShop } from "./shop-lifecycle.server";

const ok = () => new Response(null, { status: 200 });
const badRequest = (message: string) =>
  new Response(message, { status: 400, headers: { "Content-Type": "text/plain; charset=utf-8" } });

export async function onCustomersRedact(
  db: PrismaClient,
  shop: string,
  payload: unknown,
): Promise<Response> {
  const parsed = parseCustomersRedact(payload);
  if (!parsed.ok) return badRequest(parsed.message);
  await redactCustomer(db, shop, parsed.value);
  return ok();
}

export async function onCustomersDataRequest(
  db: PrismaClient,
  shop: string,
  payload: unknown,
): Promise<Response> {
  const parsed = parseCustomersDataRequest(payload);
  if (!parsed.ok) return badRequest(parsed.message);
  await recordDataRequest(db, shop, parsed.value);
  return ok();
}

export async function onShopRedact(db: PrismaClient, shop: string): Promise<Response> {
  await eraseShop(db, shop);
  return ok();
}

export async function onAppUninstalled(db: PrismaClient, shop: string): Promise<Response> {
  await uninstallShop(db, shop);
  return ok();
}
