// The dashboard: how many orders are overdue, at risk and on track, when the backlog will be
// gone, what an order placed today can honestly be promised, and the first thing to do.
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import {
  Form,
  Link as RemixLink,
  useFetcher,
  useLoaderData,
  useNavigation,
  useRevalidator,
} from "@remix-run/react";
import {
  Badge,
  Banner,
  BlockStack,
  Button,
  Card,
  InlineGrid,
  InlineStack,
  Layout,
  Page,
  SkeletonBodyText,
  Text,
} from "@shopify/polaris";
import { useEffect } from "react";
import { z } from "zod";
import { BurnDownChart } from "../dashboard/burn-down-chart";
import { loadDashboard, type Dashboard } from "../dashboard/dashboard.server";
import { ShopifyCounts } from "../dashboard/shopify-counts";
import db from "../db.server";
import { loadShopProfile, recentShopProfile } from "../home/shop-overview.server";
import { StaleNoticesCard } from "../notices/stale-notices-card";
import { ordersWithoutUpdate } from "../notices/stale-orders.server";
import { reforecastShop } from "../orders/reforecast.server";
import { CustomerDataBanner } from "../customer-data/customer-data-banner";
import { shopClock } from "../locale/shop-zone.server";
import { authenticate } from "../shopify.server";

export const loader = async ({ request }: LoaderFunctionArgs) => {
  const { admin, session } = await authenticate.admin(request);
  // Shopify's live counts of every open order, the slow part at 100k orders, are not asked here:
  // the page's last line fetches them from /app/shop-counts once it is live in the browser
  // (dashboard/shopify-counts.tsx), so this document neither waits for them nor streams them.
  // As recently known (home/shop-overview.server.ts): no Admin API round trip before the first
  // byte on a return visit; its zone is then the clock's too (shopClock asks no more).
  const profile = await recentShopProfile(admin, session.shop);
  const [dashboard, noUpdate, clock] = await Promise.all([
    loadDashboard(db, session.shop, { fallbackTimeZone: profile.shop.ianaTimezone }),
    ordersWithoutUpdate(db, session.shop, new Date()),
    // Times on the shop's clock, its zone named (app/locale/shop-time.ts).
    shopClock(request, db, session.shop, admin),
  ]);
  return {
    ...profile,
    dashboard: {
      ...dashboard,
      forecastAtText: dashboard.forecastAt ? clock.time(dashboard.forecastAt) : null,
    },
    noUpdate: {
      ...noUpdate,
      orders: noUpdate.orders.map((o) => ({
        ...o,
        lastToldAt: o.lastToldAt ? clock.day(o.lastToldAt) : null,
      })),
    },
  };
};

const actionSchema = z.object({ intent: z.literal("reforecast") });

export const action = async ({ request }: ActionFunctionArgs) => {
  const { admin, session } = await authenticate.admin(request);
  const parsed = actionSchema.safeParse(Object.fromEntries(await request.formData()));
  if (!parsed.success) return Response.json({ error: "Unknown action" }, { status: 400 });
  const profile = await loadShopProfile(admin);
  const summary = await reforecastShop(db, session.shop, new Date(), {
    fallbackTimeZone: profile.shop.ianaTimezone,
  });
  return { reforecastAt: summary.forecastAt.toISOString(), counts: summary.counts };
};

const CLASS_CARDS = [
  { key: "overdue", label: "Overdue", help: "Promised ship date has passed.", tone: "critical" },
  {
    key: "at_risk",
    label: "At risk",
    help: "Likely to miss the promise (90 % forecast).",
    tone: "warning",
  },
  {
    key: "on_track",
    label: "On track",
    help: "Should ship by the promised date.",
    tone: "success",
  },
] as const;

function ClassCard({
  label,
  help,
  count,
  filter,
}: {
  label: string;
  help: string;
  count: number;
  filter: string;
}) {
  return (
    <Card>
      <BlockStack gap="200">
        <Text as="h2" variant="headingSm">
          {label}
        </Text>
        <Text as="p" variant="heading2xl" tone="base">
          <span data-figure={filter}>{count.toLocaleString("en-US")}</span>
        </Text>
        <Text as="p" variant="bodySm" tone="subdued">
          {help}
        </Text>
        <RemixLink to={`/app/orders?class=${filter}`}>See {label.toLowerCase()} orders</RemixLink>
      </BlockStack>
    </Card>
  );
}

function NextActionCard({ dashboard }: { dashboard: Dashboard }) {
  const action = dashboard.nextAction;
  const tone =
    action.kind === "pause" || action.kind === "tell-overdue"
      ? "critical"
      : action.kind === "warn-at-risk"
        ? "warning"
        : "success";
  return (
    <Banner title={action.title} tone={tone}>
      <BlockStack gap="200">
        <p>{action.detail}</p>
        {action.kind === "pause" ? (
          <Form method="post" action="/app/storefront">
            <input type="hidden" name="intent" value="paused" />
            <input type="hidden" name="source" value="dashboard" />
            <Button submit variant="primary" tone="critical">
              Pause sales
            </Button>
          </Form>
        ) : null}
        {action.kind === "tell-overdue" ? (
          <RemixLink to="/app/orders?class=overdue">Review the overdue orders</RemixLink>
        ) : null}
        {action.kind === "warn-at-risk" ? (
          <RemixLink to="/app/orders?class=at_risk">Review the at-risk orders</RemixLink>
        ) : null}
      </BlockStack>
    </Banner>
  );
}

function ImportBanner({ dashboard }: { dashboard: Dashboard }) {
  const last = dashboard.lastImport;
  if (last?.status === "running") {
    return (
      <Banner title="Importing your orders" tone="info">
        <p>
          {last.ordersImported.toLocaleString("en-US")} orders imported so far. Figures appear when
          the import ends.
        </p>
      </Banner>
    );
  }
  if (last?.status === "failed") {
    return (
      <Banner title="The last order import failed" tone="critical">
        <p>{last.error ?? "Unknown error"}</p>
      </Banner>
    );
  }
  return null;
}

function Outlook({ dashboard }: { dashboard: Dashboard }) {
  const outlook = dashboard.outlook;
  if (!outlook) return null;
  const { newOrders } = outlook;
  return (
    <Card>
      <BlockStack gap="300">
        <Text as="h2" variant="headingMd">
          When would a new order ship?
        </Text>
        <Text as="p" variant="bodyLg">
          New orders placed today would ship between <strong>{newOrders.likely ?? "—"}</strong> and{" "}
          <strong>{newOrders.conservative ?? "beyond the forecast horizon"}</strong>.
        </Text>
        <InlineStack gap="200">
          <Text as="span" tone="subdued">
            Your lead time promises {newOrders.promise}.
          </Text>
          {outlook.cannotKeepPromise ? (
            <Badge tone="critical">Promise can&apos;t be kept</Badge>
          ) : (
            <Badge tone="success">Promise holds</Badge>
          )}
          {outlook.cannotKeepPromise && newOrders.leadTimeNeeded !== null ? (
            <Text as="span" tone="subdued">
              A lead time of {newOrders.leadTimeNeeded} business days would be honest.
            </Text>
          ) : null}
        </InlineStack>
        <BurnDownChart points={outlook.burnDown} unit={outlook.unit} />
      </BlockStack>
    </Card>
  );
}

const IMPORT_REFRESH_MS = 2_000;

/** While the first import runs (or is about to), reload the figures so they appear on their own. */
function useRefreshWhileImporting(dashboard: Dashboard): void {
  const { revalidate, state } = useRevalidator();
  // No import yet: the app frame's loader is starting the first one alongside this page.
  const importing = !dashboard.lastImport || dashboard.lastImport.status === "running";
  useEffect(() => {
    if (!importing || state !== "idle") return;
    const timer = setTimeout(revalidate, IMPORT_REFRESH_MS);
    return () => clearTimeout(timer);
  }, [importing, state, revalidate]);
}

export default function DashboardPage() {
  const data = useLoaderData<typeof loader>();
  const { dashboard } = data;
  useRefreshWhileImporting(dashboard);
  const navigation = useNavigation();
  const refresh = useFetcher<typeof action>();
  const loading = navigation.state === "loading" && navigation.location.pathname === "/app";
  return (
    <Page
      title="Delay Desk"
      subtitle={data.shop.name}
      primaryAction={{ content: "Settings", url: "/app/settings" }}
      secondaryActions={[{ content: "Orders", url: "/app/orders" }]}
    >
      <Layout>
        <Layout.Section>
          <BlockStack gap="300">
            <ImportBanner dashboard={dashboard} />
            <CustomerDataBanner availability={data.customerData} />
          </BlockStack>
        </Layout.Section>
        {loading ? (
          <Layout.Section>
            <Card>
              <SkeletonBodyText lines={6} />
            </Card>
          </Layout.Section>
        ) : dashboard.state === "empty" ? (
          <Layout.Section>
            <Card>
              <BlockStack gap="200">
                <Text as="h2" variant="headingMd">
                  No orders imported yet
                </Text>
                <Text as="p">
                  Delay Desk forecasts from its own copy of your orders. Once the first import has
                  run, this page shows which orders are overdue or at risk.
                </Text>
              </BlockStack>
            </Card>
          </Layout.Section>
        ) : (
          <>
            <Layout.Section>
              <NextActionCard dashboard={dashboard} />
            </Layout.Section>
            <Layout.Section>
              <InlineGrid columns={{ xs: 1, sm: 3 }} gap="400">
                {CLASS_CARDS.map((card) => (
                  <ClassCard
                    key={card.key}
                    label={card.label}
                    help={card.help}
                    count={dashboard.counts[card.key]}
                    filter={card.key}
                  />
                ))}
              </InlineGrid>
            </Layout.Section>
            <Layout.Section>
              <Outlook dashboard={dashboard} />
            </Layout.Section>
            <Layout.Section>
              <StaleNoticesCard stale={data.noUpdate} />
            </Layout.Section>
          </>
        )}
        <Layout.Section>
          <BlockStack gap="200">
            <InlineStack gap="300" blockAlign="center">
              <Text as="p" tone="subdued">
                {dashboard.forecastAtText
                  ? `Forecast as of ${dashboard.forecastAtText}`
                  : "Not forecast yet"}
                {dashboard.unforecast > 0
                  ? ` · ${dashboard.unforecast.toLocaleString("en-US")} new orders not yet forecast`
                  : ""}
              </Text>
              {dashboard.state !== "empty" ? (
                <refresh.Form method="post">
                  <input type="hidden" name="intent" value="reforecast" />
                  <Button submit loading={refresh.state !== "idle"}>
                    Re-forecast now
                  </Button>
                </refresh.Form>
              ) : null}
            </InlineStack>
            <Text as="p" tone="subdued">
              {data.shop.myshopifyDomain} · times in {data.shop.ianaTimezone} · prices in{" "}
              {data.shop.currencyCode}
            </Text>
            {/* The page's last line: nothing below it moves while it waits for Shopify. */}
            <ShopifyCounts />
          </BlockStack>
        </Layout.Section>
      </Layout>
    </Page>
  );
}
