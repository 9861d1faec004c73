// One order's page: what it was promised, what it was told and when, what the customer chose, and
// its whole history, and which of its lines can ship now while the rest waits (split shipments).
// (File name `app.orders_.$id`: the URL is /app/orders/<id>, but the page is not drawn inside the
// orders table's layout.)
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { json } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { Badge, BlockStack, Card, InlineStack, Layout, Page, Text } from "@shopify/polaris";
import { requestAdminClient } from "../../admin-api/graphql.server";
import db from "../../db.server";
import { shopClock } from "../../locale/shop-zone.server";
import { isLate } from "../../fulfillment/fulfillment-truth";
import { parseShipForm, type ShipRequest } from "../../fulfillment/ready-lines";
import {
  loadReadyLines,
  reviewShipment,
  shipReadyLines,
} from "../../fulfillment/ship-ready.server";
import { authenticate } from "../../shopify.server";
import { requestStaff } from "../../staff/staff-identity.server";
import { staffName } from "../../storefront/staff-name.server";
import { loadOrderHistory, orderGid, orderNumericId } from "../../timeline/order-timeline.server";
import { ReadyToShip, type ShipFormValues } from "./components/ready-to-ship";

export const loader = async ({ request, params }: LoaderFunctionArgs) => {
  const { admin, session, sessionToken } = await authenticate.admin(request);
  const orderId = orderGid(params.id ?? "");
  if (!orderId) throw new Response("Not found", { status: 404 });
  const names = new Map<string, string>();
  const me = sessionToken.sub;
  // Side by side, not one after another (issue 15 point 5: the page's first byte). Every time on
  // the page is on the shop's clock, its zone named (app/locale/shop-time.ts).
  const [name, clock] = await Promise.all([
    me ? staffName(request, session.shop, me) : null,
    shopClock(request, db, session.shop, admin),
  ]);
  if (me && name) names.set(me, name);
  const [history, ready] = await Promise.all([
    loadOrderHistory(db, session.shop, orderId, names, clock.date),
    // What Shopify says is left on each line, read fresh: the order row may lag a webhook.
    loadReadyLines(requestAdminClient(admin), orderId),
  ]);
  if (!history) throw new Response("Not found", { status: 404 });
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
    readyLines: ready && !ready.cancelled ? ready.lines : [],
    displayFulfillmentStatus: ready?.displayFulfillmentStatus ?? null,
  };
};

/** The form as the page sent it, to give back with a refusal or a review (nothing typed is lost). */
function valuesOf(form: Record<string, string>): ShipFormValues {
  const lines: ShipFormValues["lines"] = [];
  for (let i = 0; form[`lines.${i}.lineItemId`] !== undefined && i < 1000; i++)
    lines.push({
      lineItemId: form[`lines.${i}.lineItemId`] ?? "",
      ready: form[`lines.${i}.ready`] === "on" ? "on" : "",
      quantity: form[`lines.${i}.quantity`] ?? "",
      seen: form[`lines.${i}.seen`] ?? "",
    });
  return {
    lines,
    trackingNumber: form.trackingNumber ?? "",
    trackingCompany: form.trackingCompany ?? "",
    notifyCustomer: form.notifyCustomer === "on",
  };
}

export const action = async ({ request, params }: ActionFunctionArgs) => {
  const { admin, session, sessionToken } = await authenticate.admin(request);
  const orderId = orderGid(params.id ?? "");
  if (!orderId) throw new Response("Not found", { status: 404 });
  const form: Record<string, string> = {};
  for (const [key, value] of await request.formData())
    if (typeof value === "string") form[key] = value;
  const values = valuesOf(form);
  const parsed = parseShipForm(form);
  if (!parsed.ok)
    return json(
      {
        stage: "refused" as const,
        message: parsed.errors.form ?? "Check the highlighted lines.",
        values,
        errors: parsed.errors,
      },
      { status: 400 },
    );
  const shipRequest: ShipRequest = {
    lines: parsed.data.lines,
    tracking: { number: parsed.data.trackingNumber, company: parsed.data.trackingCompany },
    notifyCustomer: parsed.data.notifyCustomer,
  };
  const client = requestAdminClient(admin);
  if (parsed.data.intent === "review") {
    const review = await reviewShipment(client, orderId, shipRequest);
    if (!review.ok)
      return json(
        { stage: "refused" as const, message: review.message, values, errors: {} },
        { status: review.status },
      );
    return json({
      stage: "review" as const,
      shipped: review.shipped,
      stillComing: review.stillComing,
      values,
    });
  }
  const result = await shipReadyLines(db, client, {
    shop: session.shop,
    orderId,
    request: shipRequest,
    staff: await requestStaff(request, session.shop, sessionToken.sub),
  });
  if (!result.ok)
    return json(
      { stage: "refused" as const, message: result.message, values, errors: {} },
      { status: result.status },
    );
  return json({
    stage: "shipped" as const,
    shipped: result.shipped,
    stillComing: result.stillComing,
  });
};

const TONES = {
  info: "info",
  success: "success",
  warning: "warning",
  critical: "critical",
} as const;

export default function OrderPage() {
  const { order, entries, lastTold, choice, numericId, readyLines, displayFulfillmentStatus } =
    useLoaderData<typeof loader>();
  const outcome = useActionData<typeof action>() ?? null;
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
              {displayFulfillmentStatus ? (
                <div data-testid="fulfillment-status">
                  <Text as="p">
                    In Shopify: {displayFulfillmentStatus.toLowerCase().replaceAll("_", " ")}
                  </Text>
                </div>
              ) : null}
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
          <BlockStack gap="400">
            <ReadyToShip
              lines={readyLines}
              late={isLate(order.delayClass)}
              outcome={outcome}
              writeUrl={`/app/notices?orders=${numericId}`}
            />
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
          </BlockStack>
        </Layout.Section>
      </Layout>
    </Page>
  );
}
