// One order's page: what it was promised, what it was told and when, what the customer chose, and
// its whole history. (File name `app.orders_.$id`: the URL is /app/orders/<id>, but the page is
// not drawn inside the orders table's layout.)
import type { LoaderFunctionArgs } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { Badge, BlockStack, Card, InlineStack, Layout, Page, Text } from "@shopify/polaris";
import db from "../db.server";
import { shopClock } from "../locale/shop-zone.server";
import { authenticate } from "../shopify.server";
import { staffName } from "../storefront/staff-name.server";
import { loadOrderHistory, orderGid, orderNumericId } from "../timeline/order-timeline.server";

export const loader = async ({ request, params }: LoaderFunctionArgs) => {
  const { admin, session, sessionToken } = await authenticate.admin(request);
  const orderId = orderGid(params.id ?? "");
  if (!orderId) throw new Response("Not found", { status: 404 });
  const names = new Map<string, string>();
  const me = sessionToken.sub;
  if (me) {
    const name = await staffName(request, session.shop, me);
    if (name) names.set(me, name);
  }
  const history = await loadOrderHistory(db, session.shop, orderId, names);
  if (!history) throw new Response("Not found", { status: 404 });
  // Every time on the page on the shop's clock, its zone named (app/locale/shop-time.ts).
  const clock = await shopClock(request, db, session.shop, admin);
  return {
    ...history,
    order: {
      ...history.order,
      promisedShipDate: history.order.promisedShipDate
        ? clock.date(history.order.promisedShipDate)
        : null,
    },
    lastTold: history.lastTold
      ? { ...history.lastTold, at: clock.time(history.lastTold.at) }
      : null,
    entries: history.entries.map((entry) => ({ ...entry, when: clock.time(entry.at) })),
    numericId: orderNumericId(orderId),
  };
};

const TONES = {
  info: "info",
  success: "success",
  warning: "warning",
  critical: "critical",
} as const;

export default function OrderPage() {
  const { order, entries, lastTold, choice, numericId } = useLoaderData<typeof loader>();
  return (
    <Page
      title={`Order ${order.name}`}
      backAction={{ content: "Orders", url: "/app/orders" }}
      primaryAction={{ content: "Write to this customer", url: `/app/notices?orders=${numericId}` }}
      secondaryActions={[
        // App Bridge opens the admin's own order page for this protocol, in the top window:
        // https://shopify.dev/docs/api/app-home/apis/navigation
        {
          content: "View in Shopify admin",
          url: `shopify://admin/orders/${numericId}`,
          target: "_top",
        },
      ]}
    >
      <Layout>
        <Layout.Section variant="oneThird">
          <Card>
            <BlockStack gap="200">
              <Text as="h2" variant="headingMd">
                {order.customer}
              </Text>
              <Text as="p" tone="subdued">
                {order.email ?? "No email address"}
              </Text>
              <Text as="p">Promised: {order.promisedShipDate ?? "—"}</Text>
              <Text as="p">Forecast: {order.estimate ?? "not forecast yet"}</Text>
              <Text as="p" data-testid="last-told">
                {lastTold
                  ? `Last told ${lastTold.at}: ships ${lastTold.range}`
                  : "Not told anything yet"}
              </Text>
              {choice ? (
                <Badge tone={choice.choice === "cancel" ? "critical" : "success"}>
                  {choice.choice === "cancel" ? "Asked to cancel" : "Will wait"}
                </Badge>
              ) : null}
            </BlockStack>
          </Card>
        </Layout.Section>
        <Layout.Section>
          <Card>
            <BlockStack gap="300">
              <Text as="h2" variant="headingMd">
                Timeline
              </Text>
              <ol aria-label="Timeline" style={{ listStyle: "none", margin: 0, padding: 0 }}>
                {entries.map((entry, index) => (
                  <li
                    key={`${entry.at}-${index}`}
                    style={{ padding: "8px 0", borderBottom: "1px solid #eee" }}
                  >
                    <BlockStack gap="100">
                      <InlineStack gap="200" blockAlign="center">
                        <Badge tone={TONES[entry.tone]}>{entry.kind.replaceAll("_", " ")}</Badge>
                        <Text as="span" fontWeight="semibold">
                          {entry.title}
                        </Text>
                      </InlineStack>
                      {entry.detail ? <Text as="p">{entry.detail}</Text> : null}
                      <Text as="p" tone="subdued" variant="bodySm">
                        {entry.when} · {entry.actor}
                      </Text>
                    </BlockStack>
                  </li>
                ))}
              </ol>
            </BlockStack>
          </Card>
        </Layout.Section>
      </Layout>
    </Page>
  );
}
