// The shop's money audit as CSV: money moved per shop day (its own time zone) and per starter (staff member by name
// and id, "Customer", "Delay Desk"), the last 90 days. A resource route; read only.
import type { LoaderFunctionArgs } from "@remix-run/node";
import db from "../db.server";
import { authenticate } from "../shopify.server";
import { auditCsv } from "../staff/job-report";
import { settingsForShop } from "../settings/shop-time-zone.server";
import { moneyAudit } from "../staff/money-audit.server";

export const loader = async ({ request }: LoaderFunctionArgs) => {
  const { admin, session } = await authenticate.admin(request);
  const stamp = new Date().toISOString().slice(0, 10);
  const { timeZone } = (await settingsForShop(db, session.shop, admin)).rules;
  return new Response(auditCsv(await moneyAudit(db, session.shop, timeZone), timeZone), {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="delay-desk-money-audit-${stamp}.csv"`,
      "Cache-Control": "no-store",
    },
  });
};
