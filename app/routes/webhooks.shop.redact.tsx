import type { ActionFunctionArgs } from "@remix-run/node";
import db from "../db.server";
import { eraseShopData } from "../shop-data/erase-shop-data.server";
import { authenticate } from "../shopify.server";

// Mandatory compliance webhook, 48 hours after uninstall: erase everything held for the shop.
export const action = async ({ request }: ActionFunctionArgs) => {
  const { shop } = await authenticate.webhook(request);
  await eraseShopData(db, shop);
  return new Response(null, { status: 200 });
};
