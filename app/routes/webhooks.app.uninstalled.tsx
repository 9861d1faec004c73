import type { ActionFunctionArgs } from "@remix-run/node";
import { onAppUninstalled } from "../data-lifecycle/compliance-webhooks.server";
import db from "../db.server";
import { verifyShopifyWebhook } from "../webhooks/verify-webhook.server";

// Shopify may deliver this more than once, and after the session is gone: every step is idempotent.
// The shop's jobs stop and its sessions go; the install record stays for the compliance webhooks.
export const action = async ({ request }: ActionFunctionArgs) => {
  const { shop } = await verifyShopifyWebhook(request, "app/uninstalled");
  return onAppUninstalled(db, shop);
};
