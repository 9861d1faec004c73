// One job's report as CSV: every order, amount, currency, outcome and reason
// (app/staff/money-audit.server.ts). A resource route; read only.
import type { LoaderFunctionArgs } from "@remix-run/node";
import { z } from "zod";
import db from "../db.server";
import { authenticate } from "../shopify.server";
import { jobReportCsv } from "../staff/job-report";
import { jobReport } from "../staff/money-audit.server";

const paramsSchema = z.object({ id: z.string().min(1).max(100) });

export const loader = async ({ request, params }: LoaderFunctionArgs) => {
  const { session } = await authenticate.admin(request);
  const parsed = paramsSchema.safeParse(params);
  if (!parsed.success) return new Response("Say which job.", { status: 400 });
  const rows = await jobReport(db, session.shop, parsed.data.id);
  if (!rows) return new Response("This shop has no such job.", { status: 404 });
  return new Response(jobReportCsv(rows), {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="delay-desk-job-${parsed.data.id}.csv"`,
      "Cache-Control": "no-store",
    },
  });
};
