// "Sync now": POST /app/sync. Starts the first import if the shop has none, otherwise queues a
// reconcile pass; the work runs in the background and the dashboard shows its OrderSync row.
import type { ActionFunctionArgs } from "@remix-run/node";
import { appServices } from "../services.server";
import { authenticate } from "../shopify.server";

export const action = async ({ request }: ActionFunctionArgs) => {
  const { admin, session } = await authenticate.admin(request);
  if (request.method !== "POST") return Response.json({ error: "POST only" }, { status: 405 });
  try {
    return Response.json(
      { sync: await appServices().orderSync.syncNow(admin, session.shop) },
      { status: 202 },
    );
  } catch (error) {
    return Response.json(
      { error: error instanceof Error ? error.message : String(error) },
      { status: 502 },
    );
  }
};
