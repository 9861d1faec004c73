import type { ActionFunctionArgs } from "@remix-run/node";
import { onShopRedact } from "../data-lifecycle/compliance-webhooks.server";
import db from "../db.server";
import { verifyShopifyWebhook } from "../webhooks/verify-webhook.server";

// Mandatory compliance webhook, 48 hours after uninstall: every row of the shop, in every table.
export const action = async ({ request }: ActionFunctionArgs) => {
  const { shop } = await verifyShopifyWebhook(request, "shop/redact");
  return onShopRedact(db, shop);
};
