// CSV export of the orders table's current view (class, search, sort), or of the selected
// orders only (?ids=gid1,gid2). Streamed in batches, so a 100k-order export never sits in memory.
import type { LoaderFunctionArgs } from "@remix-run/node";
import { z } from "zod";
import db from "../db.server";
import { eachOrder } from "../orders/list-orders.server";
import { ordersCsvStream } from "../orders/orders-csv";
import { parseOrdersView } from "../orders/orders-view";
import { authenticate } from "../shopify.server";

// A selection is at most one page of the table; more than that is "the whole view".
const idsSchema = z
  .string()
  .max(50 * 200)
  .transform((text) =>
    text
      .split(",")
      .map((id) => id.trim())
      .filter(Boolean),
  )
  .pipe(z.array(z.string().max(200)).max(250));

export const loader = async ({ request }: LoaderFunctionArgs) => {
  const { session } = await authenticate.admin(request);
  const url = new URL(request.url);
  const view = parseOrdersView(url.searchParams);
  const idsParam = url.searchParams.get("ids");
  const ids = idsParam === null ? undefined : idsSchema.safeParse(idsParam);
  if (ids && !ids.success) return new Response("Too many or malformed order ids", { status: 400 });
  const stamp = new Date().toISOString().slice(0, 10);
  return new Response(ordersCsvStream(eachOrder(db, session.shop, view, ids?.data)), {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="delay-desk-orders-${view.filter}-${stamp}.csv"`,
      "Cache-Control": "no-store",
    },
  });
};
