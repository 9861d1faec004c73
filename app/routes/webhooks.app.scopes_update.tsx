import type { ActionFunctionArgs } from "@remix-run/node";
import { z } from "zod";
import db from "../db.server";
import { verifyShopifyWebhook } from "../webhooks/verify-webhook.server";

const payloadSchema = z.object({ current: z.array(z.string()) });

export const action = async ({ request }: ActionFunctionArgs) => {
  const { shop, payload } = await verifyShopifyWebhook(request, "app/scopes_update");
  const parsed = payloadSchema.safeParse(payload);
  if (!parsed.success) return new Response("Unexpected payload", { status: 400 });
  await db.session.updateMany({ where: { shop }, data: { scope: parsed.data.current.join(",") } });
  return new Response(null, { status: 200 });
};
