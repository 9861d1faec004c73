// The orders table: every open order with its promise and forecast, filtered by class, searched,
// sorted, selected in bulk, paged by cursor and exported as CSV. The URL holds the whole state.
// The page is components/orders-page.tsx (rendered without a server in its test).
import type { LoaderFunctionArgs } from "@remix-run/node";
import db from "../../db.server";
import { shopClock } from "../../locale/shop-zone.server";
import { listOrders } from "../../orders/list-orders.server";
import { encodeCursor, parseOrdersView } from "../../orders/orders-view";
import { authenticate } from "../../shopify.server";

export const loader = async ({ request }: LoaderFunctionArgs) => {
  const { admin, session } = await authenticate.admin(request);
  const view = parseOrdersView(new URL(request.url).searchParams);
  const [page, clock] = await Promise.all([
    listOrders(db, session.shop, view),
    shopClock(request, db, session.shop, admin),
  ]);
  return {
    // The page formats on the shop's clock (app/locale/shop-time.ts), the same text on the
    // server and as it hydrates, since both get the zone and locale from here.
    clock: { zone: clock.zone, locale: clock.locale },
    view: { filter: view.filter, q: view.q, sort: view.sort, dir: view.dir },
    rows: page.rows,
    total: page.total,
    totalIsFloor: page.totalIsFloor,
    next: page.next ? encodeCursor(page.next) : null,
    previous: page.previous ? encodeCursor(page.previous) : null,
  };
};

export { OrdersPage as default } from "./components/orders-page";
