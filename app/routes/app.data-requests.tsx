// Customers' data requests (customers/data_request), for the merchant to download and pass on
// (app/data-lifecycle/data-requests.server.ts). The download itself is app.data-requests.$id.download.tsx.
import type { LoaderFunctionArgs } from "@remix-run/node";
import { useLoaderData, useRevalidator } from "@remix-run/react";
import { Badge, Banner, Button, Card, Page, Text } from "@shopify/polaris";
import { EmptyCard } from "../home/empty-card";
import { useState } from "react";
import { ReadOnlyTable } from "../components/read-only-table";
import { listDataRequests } from "../data-lifecycle/data-requests.server";
import db from "../db.server";
import { downloadFile } from "../orders/download-file";
import { shopClock } from "../locale/shop-zone.server";
import { authenticate } from "../shopify.server";

export const loader = async ({ request }: LoaderFunctionArgs) => {
  const { admin, session } = await authenticate.admin(request);
  const clock = await shopClock(request, db, session.shop, admin);
  const requests = await listDataRequests(db, session.shop);
  return {
    requests: requests.map((row) => ({
      ...row,
      receivedAtText: clock.time(row.receivedAt),
      downloadedAtText: row.downloadedAt ? clock.time(row.downloadedAt) : null,
    })),
  };
};

export default function DataRequestsPage() {
  const { requests } = useLoaderData<typeof loader>();
  const { revalidate } = useRevalidator();
  const [error, setError] = useState<string | null>(null);
  const download = (id: string, shopifyRequestId: string) => {
    setError(null);
    downloadFile(
      `/app/data-requests/${encodeURIComponent(id)}/download`,
      `delay-desk-data-request-${shopifyRequestId}.json`,
      { method: "POST" },
    )
      .then(revalidate)
      .catch((failure: unknown) =>
        setError(failure instanceof Error ? failure.message : "Download failed"),
      );
  };
  return (
    <Page
      title="Data requests"
      subtitle="Customers asking, through Shopify, for the data Delay Desk holds about them"
      backAction={{ content: "Settings", url: "/app/settings" }}
    >
      {error ? (
        <Banner tone="critical" title="The download failed">
          <p>{error}</p>
        </Banner>
      ) : null}
      <Card padding="0">
        {requests.length === 0 ? (
          <EmptyCard heading="No data requests">
            When a customer asks your store for their data, Shopify tells Delay Desk and the request
            appears here for you to download and send on.
          </EmptyCard>
        ) : (
          <ReadOnlyTable
            noun={{ singular: "data request", plural: "data requests" }}
            headings={["Request", "Customer", "Received", "Status", ""]}
            rows={requests}
            rowId={(request) => request.id}
            cells={(request) => [
              `#${request.shopifyRequestId}`,
              request.customerId ? `Customer ${request.customerId}` : "Unknown customer",
              request.receivedAtText,
              request.downloadedAt ? (
                <Text as="span" tone="subdued">
                  Downloaded {request.downloadedAtText}
                  {request.downloadedByName ? ` by ${request.downloadedByName}` : ""}
                </Text>
              ) : (
                <Badge tone="attention">Pending</Badge>
              ),
              <Button onClick={() => download(request.id, request.shopifyRequestId)}>
                Download JSON
              </Button>,
            ]}
          />
        )}
      </Card>
    </Page>
  );
}
