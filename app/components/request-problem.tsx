// What the merchant sees when a page is asked for wrongly (a 4xx thrown by a loader): the reason
// in words and a way back, instead of a blank frame.
import { Banner, BlockStack, Button, Page, Text } from "@shopify/polaris";

export function RequestProblem({ status, message }: { status: number; message: string }) {
  return (
    <Page title="This page can't be shown">
      <BlockStack gap="400">
        <Banner tone="warning" title={`The request was not accepted (${status})`}>
          <Text as="p">{message}</Text>
        </Banner>
        <BlockStack gap="200" inlineAlign="start">
          <Button url="/app/orders">Go to Orders</Button>
          <Button url="/app" variant="plain">
            Back to the dashboard
          </Button>
        </BlockStack>
      </BlockStack>
    </Page>
  );
}

/** The same words without Polaris, for when the app frame (and so Polaris's provider) failed too. */
export function PlainRequestProblem({ status, message }: { status: number; message: string }) {
  return (
    <main>
      <h1>This page can&apos;t be shown</h1>
      <p>
        The request was not accepted ({status}): {message}
      </p>
      <p>
        <a href="/app">Back to the dashboard</a>
      </p>
    </main>
  );
}
