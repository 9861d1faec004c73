// The shop's staff activity log as CSV: who started which job or notice send, approved, refused
// or cancelled one, changed the storefront, overrode the one-excuse rule or acted on the consent
// list, by name and staff id (app/staff/staff-activity.server.ts). A resource route; read only.
import type { LoaderFunctionArgs } from "@remix-run/node";
import db from "../db.server";
import { appServices } from "../services.server";
import { settingsForShop } from "../settings/shop-time-zone.server";
import { authenticate } from "../shopify.server";
import { activityCsv } from "../staff/staff-activity";
import { staffActivity } from "../staff/staff-activity.server";

export const loader = async ({ request }: LoaderFunctionArgs) => {
  const { admin, session } = await authenticate.admin(request);
  const { timeZone } = (await settingsForShop(db, session.shop, admin)).rules;
  const kinds = appServices().jobKinds;
  const rows = await staffActivity(db, session.shop, (kind) => kinds.get(kind)?.label ?? kind);
  const stamp = new Date().toISOString().slice(0, 10);
  return new Response(activityCsv(rows, timeZone), {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="delay-desk-staff-activity-${stamp}.csv"`,
      "Cache-Control": "no-store",
    },
  });
};
