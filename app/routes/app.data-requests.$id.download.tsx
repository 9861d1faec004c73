// The customer's data for one data request, as a JSON file. A resource route (no component), so
// Remix hands the file back as it is; a POST, because it records who took the customer's data and
// when, which a GET that a prefetch could trigger must not do.
import type { ActionFunctionArgs } from "@remix-run/node";
import { z } from "zod";
import { downloadDataRequest } from "../data-lifecycle/data-requests.server";
import db from "../db.server";
import { authenticate } from "../shopify.server";
import { staffName } from "../storefront/staff-name.server";

const paramsSchema = z.object({ id: z.string().min(1).max(100) });

export const action = async ({ request, params }: ActionFunctionArgs) => {
  const { session, sessionToken } = await authenticate.admin(request);
  const parsed = paramsSchema.safeParse(params);
  if (!parsed.success) return new Response("Say which data request to download.", { status: 400 });
  const staffId = sessionToken.sub ?? null;
  const by = {
    staffId,
    staffName: staffId ? await staffName(request, session.shop, staffId) : null,
  };
  const data = await downloadDataRequest(db, session.shop, parsed.data.id, by);
  if (!data) return new Response("This shop has no such data request.", { status: 404 });
  return new Response(JSON.stringify(data, null, 2), {
    headers: {
      "Content-Type": "application/json; charset=utf-8",
      "Content-Disposition": `attachment; filename="delay-desk-data-request-${data.request.shopifyRequestId}.json"`,
      "Cache-Control": "no-store",
    },
  });
};
