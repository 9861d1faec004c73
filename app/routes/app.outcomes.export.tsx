// One outcomes chart's figures as CSV (?chart=on_time|late|notices|choices|refunds|kept): the
// table view of that chart, from the same per-week summary.
import type { LoaderFunctionArgs } from "@remix-run/node";
import { z } from "zod";
import db from "../db.server";
import { CHART_IDS, csvOf, outcomeCharts } from "../outcomes/outcome-charts";
import { loadOutcomes } from "../outcomes/outcomes.server";
import { authenticate } from "../shopify.server";

const chartSchema = z.enum(CHART_IDS);

export const loader = async ({ request }: LoaderFunctionArgs) => {
  const { session } = await authenticate.admin(request);
  const chartId = chartSchema.safeParse(new URL(request.url).searchParams.get("chart"));
  if (!chartId.success)
    return new Response(`Unknown chart: expected one of ${CHART_IDS.join(", ")}`, { status: 400 });
  const now = new Date();
  const chart = outcomeCharts(await loadOutcomes(db, session.shop, now)).find(
    (c) => c.id === chartId.data,
  );
  if (!chart) return new Response("Unknown chart", { status: 400 });
  return new Response(csvOf(chart), {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="delay-desk-outcomes-${chart.id}.csv"`,
      "Cache-Control": "no-store",
    },
  });
};
