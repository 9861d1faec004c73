// Outcomes (issue 14 point 5; docs/outcomes.md): what Delay Desk achieved over the last weeks, in
// the shop's weeks: the on-time rate, late orders and the time to their first notice, notices by
// kind, what customers chose, refunds paid and revenue kept. The loader reads the per-week summary
// only (app/outcomes/), never the orders, so it stays fast at any shop size.
import type { LoaderFunctionArgs } from "@remix-run/node";
import db from "../../db.server";
import { describeShopZone } from "../../locale/shop-time";
import { outcomeCharts } from "../../outcomes/outcome-charts";
import { loadOutcomes, OUTCOME_WEEKS } from "../../outcomes/outcomes.server";
import { authenticate } from "../../shopify.server";

export const loader = async ({ request }: LoaderFunctionArgs) => {
  const { session } = await authenticate.admin(request);
  const now = new Date();
  const outcomes = await loadOutcomes(db, session.shop, now);
  return {
    charts: outcomeCharts(outcomes),
    zone: describeShopZone(outcomes.timeZone, now),
    weeks: OUTCOME_WEEKS,
  };
};

export { OutcomesPage as default } from "./components/outcomes-page";
