import type { ActionFunctionArgs } from "@remix-run/node";
import db from "../db.server";
import { forgetShopSessions } from "../shop-data/erase-shop-data.server";
import { authenticate } from "../shopify.server";

// Shopify may deliver this more than once, and after the session is gone: deleting is idempotent.
export const action = async ({ request }: ActionFunctionArgs) => {
  const { shop } = await authenticate.webhook(request);
  await forgetShopSessions(db, shop);
  return new Response(null, { status: 200 });
};
