// The dashboard's reminder that silence is the worst update: late orders nobody has written to
// for a week, with a way to write to them now.
import { Link } from "@remix-run/react";
import { BlockStack, Card, Text } from "@shopify/polaris";
import { gidId as numericId } from "../admin-api/gid";

export interface StaleNoticesSummary {
  count: number;
  never: number;
  cadenceDays: number;
  /** lastToldAt as the page shows it: the shop's day (app/locale/shop-zone.server.ts). */
  orders: Array<{ id: string; name: string; delayClass: string; lastToldAt: string | null }>;
}

export function StaleNoticesCard({ stale }: { stale: StaleNoticesSummary }) {
  return (
    <Card>
      <BlockStack gap="200">
        <Text as="h2" variant="headingMd">
          No update for {stale.cadenceDays} days
        </Text>
        <Text as="p">
          <span data-figure="no-update">{stale.count.toLocaleString("en-US")}</span> late{" "}
          {stale.count === 1 ? "order has" : "orders have"} heard nothing from you for{" "}
          {stale.cadenceDays === 7 ? "a week" : `${stale.cadenceDays} days`}
          {stale.never > 0 ? ` (${stale.never.toLocaleString("en-US")} never told at all)` : ""}.
          Weekly is the minimum.
        </Text>
        {stale.orders.length > 0 ? (
          <ul style={{ margin: 0, paddingLeft: "1.2em" }}>
            {stale.orders.map((order) => (
              <li key={order.id}>
                <Link to={`/app/orders/${numericId(order.id)}`}>{order.name}</Link> ·{" "}
                {order.lastToldAt ? `last told ${order.lastToldAt}` : "never told"}
              </li>
            ))}
          </ul>
        ) : null}
        {stale.count > 0 ? <Link to="/app/notices">Write to late customers</Link> : null}
      </BlockStack>
    </Card>
  );
}
