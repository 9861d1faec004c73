import type { LoaderFunctionArgs } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { BlockStack, Card, InlineGrid, Layout, Page, Text } from "@shopify/polaris";
import { loadShopOverview, type ShopOverview } from "../home/shop-overview.server";
import { authenticate } from "../shopify.server";

export const loader = async ({ request }: LoaderFunctionArgs) => {
  const { admin } = await authenticate.admin(request);
  return loadShopOverview(admin);
};

function formatCount({ count, precision }: ShopOverview["unshipped"]): string {
  return `${count.toLocaleString("en-US")}${precision === "AT_LEAST" ? "+" : ""}`;
}

function Figure({ label, value, help }: { label: string; value: string; help: string }) {
  return (
    <Card>
      <BlockStack gap="200">
        <Text as="h2" variant="headingSm">
          {label}
        </Text>
        <Text as="p" variant="heading2xl" tone="base">
          {value}
        </Text>
        <Text as="p" variant="bodySm" tone="subdued">
          {help}
        </Text>
      </BlockStack>
    </Card>
  );
}

export default function Home() {
  const overview = useLoaderData<typeof loader>();
  return (
    <Page title="Delay Desk" subtitle={overview.shop.name}>
      <Layout>
        <Layout.Section>
          <InlineGrid columns={{ xs: 1, sm: 2 }} gap="400">
            <Figure
              label="Orders waiting to ship"
              value={formatCount(overview.unshipped)}
              help="Open orders with nothing shipped yet."
            />
            <Figure
              label="Partly shipped"
              value={formatCount(overview.partial)}
              help="Open orders with some items still to ship."
            />
          </InlineGrid>
        </Layout.Section>
        <Layout.Section>
          <Text as="p" tone="subdued">
            {overview.shop.myshopifyDomain} · times in {overview.shop.ianaTimezone} · prices in {overview.shop.currencyCode}
          </Text>
        </Layout.Section>
      </Layout>
    </Page>
  );
}
