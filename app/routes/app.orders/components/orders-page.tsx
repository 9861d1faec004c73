// The orders table as the merchant uses it: class tabs, search, sort, bulk selection and its
// actions (remedies, notices, CSV), paging. Data comes from the route's loader (../route.tsx).
import { Form, useLoaderData, useNavigate, useNavigation, useSearchParams } from "@remix-run/react";
import {
  Badge,
  BlockStack,
  Button,
  Card,
  EmptySearchResult,
  IndexTable,
  InlineStack,
  Link,
  Page,
  Select,
  Tabs,
  Text,
  TextField,
  useIndexResourceState,
} from "@shopify/polaris";
import { memo, useState } from "react";
import { gidId } from "../../../admin-api/gid";
import { useFormFields } from "../../../forms/use-form-fields";
import { formatShopDate, formatShopTime } from "../../../locale/shop-time";
import { downloadFile } from "../../../orders/download-file";
import { ORDER_FILTERS, ordersViewParams, type OrderFilter } from "../../../orders/orders-view";
import type { OrderListRow } from "../../../orders/list-orders.server";
import type { loader } from "../route";

const FILTER_LABELS: Record<OrderFilter, string> = {
  all: "All open",
  overdue: "Overdue",
  at_risk: "At risk",
  on_track: "On track",
  done: "Done",
};
const CLASS_BADGES: Record<
  string,
  { tone: "critical" | "warning" | "success" | undefined; label: string }
> = {
  overdue: { tone: "critical", label: "Overdue" },
  at_risk: { tone: "warning", label: "At risk" },
  on_track: { tone: "success", label: "On track" },
  done: { tone: undefined, label: "Done" },
};
const SORT_OPTIONS = [
  { label: "Promised date, earliest first", value: "promise:asc" },
  { label: "Promised date, latest first", value: "promise:desc" },
  { label: "Forecast, earliest first", value: "forecast:asc" },
  { label: "Forecast, latest first", value: "forecast:desc" },
  { label: "Placed, oldest first", value: "created:asc" },
  { label: "Placed, newest first", value: "created:desc" },
];

/** The class the orders page being loaded will show (its URL's `class`, as parseOrdersView reads it). */
function pendingFilter(search: string): OrderFilter {
  const wanted = new URLSearchParams(search).get("class");
  return ORDER_FILTERS.find((filter) => filter === wanted) ?? "all";
}

export function OrdersPage() {
  const { view, rows, total, totalIsFloor, next, previous, clock } = useLoaderData<typeof loader>();
  const [, setSearchParams] = useSearchParams();
  const navigation = useNavigation();
  const search = useFormFields({ q: view.q });
  const [exportError, setExportError] = useState<string | null>(null);
  const { selectedResources, allResourcesSelected, handleSelectionChange, clearSelection } =
    useIndexResourceState(rows);
  const loading = navigation.state === "loading" && navigation.location.pathname === "/app/orders";
  const navigate = useNavigate();
  // Remedies (app.remedies.tsx) confirm the count and money before anything happens.
  const remedy = (kind: string) => {
    const params = new URLSearchParams({ remedy: kind });
    if (allResourcesSelected) params.set("class", view.filter);
    else params.set("ids", selectedResources.join(","));
    navigate(`/app/remedies?${params.toString()}`);
  };
  // The composer (app.notices.tsx) previews and checks before anything is sent; it takes numeric ids.
  const tellCustomers = () => {
    if (allResourcesSelected) return navigate("/app/notices");
    const ids = selectedResources.map((gid) => gidId(gid)).filter(Boolean);
    navigate(`/app/notices?${new URLSearchParams({ orders: ids.join(",") }).toString()}`);
  };

  const go = (change: Partial<typeof view>) => {
    // Clearing an empty selection would still re-render all 50 rows inside the click (INP).
    if (selectedResources.length > 0 || allResourcesSelected) clearSelection();
    setSearchParams(ordersViewParams({ ...view, ...change }));
  };
  const turnPage = (direction: "after" | "before", cursor: string) => {
    clearSelection();
    const params = ordersViewParams(view);
    params.set(direction, cursor);
    setSearchParams(params);
  };
  const exportUrl = (ids?: string[]) => {
    const params = ordersViewParams(view);
    if (ids) params.set("ids", ids.join(","));
    return `/app/orders/export?${params.toString()}`;
  };
  const runExport = (ids?: string[]) => {
    setExportError(null);
    downloadFile(exportUrl(ids), "delay-desk-orders.csv").catch((error: unknown) =>
      setExportError(error instanceof Error ? error.message : "Export failed"),
    );
  };

  // The tab clicked shows as selected while its orders load, not once they have arrived.
  const shownFilter = loading ? pendingFilter(navigation.location.search) : view.filter;
  const selectedTab = Math.max(0, ORDER_FILTERS.indexOf(shownFilter));
  return (
    <Page
      title="Orders"
      backAction={{ content: "Dashboard", url: "/app" }}
      primaryAction={{ content: "Export CSV", onAction: () => runExport() }}
    >
      <BlockStack gap="300">
        {exportError ? (
          <Text as="p" tone="critical">
            {exportError}
          </Text>
        ) : null}
        <Card padding="0">
          {/* Polaris draws the tabs only once it has measured them, after hydration: the row's
              height (a tab plus the list's padding) is kept from the start, or the table below
              jumps 28 px on every visit (CLS 0.021 in `npm run bench -- vitals`). */}
          <div style={{ minHeight: "calc(var(--p-height-700) + 2 * var(--p-space-200))" }}>
            <Tabs
              tabs={ORDER_FILTERS.map((filter) => ({
                id: `filter-${filter}`,
                content: FILTER_LABELS[filter],
                accessibilityLabel: `Show ${FILTER_LABELS[filter]} orders`,
              }))}
              selected={selectedTab}
              onSelect={(index) => go({ filter: ORDER_FILTERS[index] ?? "all" })}
            />
          </div>
          <div style={{ padding: "12px" }}>
            <Form
              method="get"
              onSubmit={(event) => {
                event.preventDefault();
                go({ q: search.values.q.trim() });
              }}
            >
              <InlineStack gap="200" wrap={false} blockAlign="end">
                <div style={{ flex: 1 }}>
                  <TextField
                    label="Search orders"
                    labelHidden
                    {...search.field("q")}
                    placeholder="Order number, customer name or email"
                    autoComplete="off"
                    clearButton
                    onClearButtonClick={() => {
                      search.set("q", "");
                      go({ q: "" });
                    }}
                  />
                </div>
                <Button submit>Search</Button>
                <Select
                  label="Sort"
                  labelInline
                  options={SORT_OPTIONS}
                  value={`${view.sort}:${view.dir}`}
                  onChange={(value) => {
                    const [sort, dir] = value.split(":");
                    if (
                      (sort === "promise" || sort === "forecast" || sort === "created") &&
                      (dir === "asc" || dir === "desc")
                    )
                      go({ sort, dir });
                  }}
                />
              </InlineStack>
            </Form>
          </div>
          <IndexTable
            resourceName={{ singular: "order", plural: "orders" }}
            itemCount={rows.length}
            hasMoreItems={total > rows.length}
            selectedItemsCount={allResourcesSelected ? "All" : selectedResources.length}
            onSelectionChange={handleSelectionChange}
            loading={loading}
            promotedBulkActions={[
              {
                content: "Export selected (CSV)",
                onAction: () => runExport(allResourcesSelected ? undefined : selectedResources),
              },
              { content: "Tell their customers", onAction: tellCustomers },
              { content: "Refund", onAction: () => remedy("refund") },
              { content: "Free add-on", onAction: () => remedy("add_on") },
            ]}
            bulkActions={[
              { content: "Cancel and refund", onAction: () => remedy("cancel_refund") },
              { content: "Faster shipping or its cost back", onAction: () => remedy("shipping") },
              { content: "Thank-you discount code", onAction: () => remedy("discount_code") },
            ]}
            emptyState={
              <EmptySearchResult
                title={view.q || view.filter !== "all" ? "No orders match" : "No orders yet"}
                description={
                  view.q || view.filter !== "all"
                    ? "Try another class or search."
                    : "Orders appear here once they are imported and forecast."
                }
                withIllustration
              />
            }
            headings={[
              { title: "Order" },
              { title: "Customer" },
              { title: "Placed" },
              { title: "Promised" },
              { title: "Likely" },
              { title: "Conservative" },
              { title: "Units", alignment: "end" },
              { title: "Status" },
            ]}
            pagination={{
              hasNext: next !== null,
              hasPrevious: previous !== null,
              onNext: () => next && turnPage("after", next),
              onPrevious: () => previous && turnPage("before", previous),
              // A search counts up to 1,000 matches (app/orders/list-orders.server.ts).
              label: `${total.toLocaleString("en-US")}${totalIsFloor ? "+" : ""} ${total === 1 && !totalIsFloor ? "order" : "orders"}`,
            }}
          >
            <OrderRows rows={rows} selected={selectedResources} clock={clock} />
          </IndexTable>
        </Card>
      </BlockStack>
    </Page>
  );
}

interface OrderRowsProps {
  rows: OrderListRow[];
  selected: string[];
  clock: { zone: string; locale: string };
}

// The table's 50 rows, drawn again only when the rows, the selection or the clock change: a tab,
// a sort or a search first re-renders the page to show its pending state, and redrawing every
// row inside that click was most of the orders page's interaction time (issue 15 point 5, INP).
const OrderRows = memo(function OrderRows({ rows, selected, clock }: OrderRowsProps) {
  // One time convention (issue 14 point 7): placed on the shop's clock with its zone named, the
  // promise and forecast days as human dates of the shop's calendar.
  const placed = (createdAt: string) => formatShopTime(createdAt, clock.zone, clock.locale);
  const day = (date: string | null) => (date ? formatShopDate(date, clock.locale) : "—");
  return rows.map((row, index) => {
    const badge = row.delayClass ? CLASS_BADGES[row.delayClass] : undefined;
    return (
      <IndexTable.Row
        id={row.id}
        key={row.id}
        position={index}
        selected={selected.includes(row.id)}
      >
        <IndexTable.Cell>
          {/* The name opens the order's page (promise, what the customer was told, timeline).
                A click elsewhere on the row still selects it: the link keeps its click
                from the row, which would take it as a selection and cancel it. */}
          <span onClick={(event) => event.stopPropagation()}>
            <Link url={`/app/orders/${gidId(row.id)}`} removeUnderline>
              <Text as="span" fontWeight="semibold">
                {row.name}
              </Text>
            </Link>
          </span>
        </IndexTable.Cell>
        <IndexTable.Cell>
          <BlockStack>
            <span>{row.customer || "Guest"}</span>
            <Text as="span" tone="subdued" variant="bodySm">
              {row.email ?? ""}
            </Text>
          </BlockStack>
        </IndexTable.Cell>
        <IndexTable.Cell>{placed(row.createdAt)}</IndexTable.Cell>
        <IndexTable.Cell>
          {day(row.promisedShipDate)}
          {row.promiseSource === "fulfillBy" ? (
            <Text as="span" tone="subdued" variant="bodySm">
              {" "}
              (Shopify)
            </Text>
          ) : null}
        </IndexTable.Cell>
        <IndexTable.Cell>{day(row.likelyShipDate)}</IndexTable.Cell>
        <IndexTable.Cell>{day(row.conservativeShipDate)}</IndexTable.Cell>
        <IndexTable.Cell>
          <Text as="span" alignment="end" numeric>
            {row.unitsRemaining}
          </Text>
        </IndexTable.Cell>
        <IndexTable.Cell>
          {badge ? <Badge tone={badge.tone}>{badge.label}</Badge> : "Not forecast"}
        </IndexTable.Cell>
      </IndexTable.Row>
    );
  });
});
