import type { ActionFunctionArgs } from "@remix-run/node";
import { authenticate } from "../shopify.server";

// Mandatory compliance webhook. Delay Desk keeps no customer records of its own yet (orders are read
// from Shopify when needed), so there is nothing to report or erase; the HMAC check still applies.
// When customer data is stored (notices, choices), this handler must report or erase it.
export const action = async ({ request }: ActionFunctionArgs) => {
  await authenticate.webhook(request);
  return new Response(null, { status: 200 });
};
