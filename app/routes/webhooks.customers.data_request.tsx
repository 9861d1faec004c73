import type { ActionFunctionArgs } from "@remix-run/node";
import { onCustomersDataRequest } from "../data-lifecycle/compliance-webhooks.server";
import db from "../db.server";
import { verifyShopifyWebhook } from "../webhooks/verify-webhook.server";

// Mandatory compliance webhook: the app keeps customer records (tracked orders, notices, choices,
// timeline, remedies), so the request is recorded and the merchant downloads the customer's data
// from the app's Data requests page (app/data-lifecycle/data-requests.server.ts).
export const action = async ({ request }: ActionFunctionArgs) => {
  const { shop, payload } = await verifyShopifyWebhook(request, "customers/data_request");
  return onCustomersDataRequest(db, shop, payload);
};
