import type { ActionFunctionArgs } from "@remix-run/node";
import { onCustomersRedact } from "../data-lifecycle/compliance-webhooks.server";
import db from "../db.server";
import { verifyShopifyWebhook } from "../webhooks/verify-webhook.server";

// Mandatory compliance webhook: the customer's email, name and free text leave every table the app
// keeps (orders, notices, timeline, job results); amounts, dates and order ids stay
// (app/data-lifecycle/model-treatment.ts, docs/data-lifecycle.md).
export const action = async ({ request }: ActionFunctionArgs) => {
  const { shop, payload } = await verifyShopifyWebhook(request, "customers/redact");
  return onCustomersRedact(db, shop, payload);
};
