// The outcomes page: one card per chart, each with its headline sentence, the bars, a switch to
// the same figures as a table, and the chart's CSV.
import { useLoaderData } from "@remix-run/react";
import {
  Banner,
  BlockStack,
  Button,
  ButtonGroup,
  Card,
  DataTable,
  InlineStack,
  Layout,
  Page,
  Text,
} from "@shopify/polaris";
import { useState } from "react";
import { downloadFile } from "../../../orders/download-file";
import type { OutcomeChart } from "../../../outcomes/outcome-charts";
import type { loader } from "../route";
import { BarChart } from "./bar-chart";

function ChartCard({ chart }: { chart: OutcomeChart }) {
  const [asTable, setAsTable] = useState(false);
  const [error, setError] = useState<string | null>(null);
  // Through fetch, which carries App Bridge's session token (a plain link would not).
  const download = () => {
    setError(null);
    downloadFile(
      `/app/outcomes/export?chart=${chart.id}`,
      `delay-desk-outcomes-${chart.id}.csv`,
    ).catch((failure: unknown) =>
      setError(failure instanceof Error ? failure.message : "Download failed"),
    );
  };
  return (
    <section aria-label={chart.title}>
      <Card>
        <BlockStack gap="300">
          <InlineStack align="space-between" blockAlign="center">
            <Text as="h2" variant="headingMd">
              {chart.title}
            </Text>
            <ButtonGroup variant="segmented">
              <Button pressed={!asTable} onClick={() => setAsTable(false)}>
                Chart
              </Button>
              <Button pressed={asTable} onClick={() => setAsTable(true)}>
                Table
              </Button>
              <Button onClick={download}>Download CSV</Button>
            </ButtonGroup>
          </InlineStack>
          <Text as="p">{chart.summary}</Text>
          {error && (
            <Banner tone="critical" title="The download failed">
              {error}
            </Banner>
          )}
          {asTable ? (
            <DataTable
              columnContentTypes={chart.table.headings.map(() => "text")}
              headings={chart.table.headings}
              rows={chart.table.rows}
            />
          ) : (
            <BarChart chart={chart} />
          )}
        </BlockStack>
      </Card>
    </section>
  );
}

export function OutcomesPage() {
  const { charts, zone, weeks } = useLoaderData<typeof loader>();
  return (
    <Page
      title="Outcomes"
      subtitle={`The last ${weeks} weeks, by the shop's weeks (Monday to Sunday, ${zone}).`}
    >
      <Layout>
        {charts.map((chart) => (
          <Layout.Section key={chart.id}>
            <ChartCard chart={chart} />
          </Layout.Section>
        ))}
      </Layout>
    </Page>
  );
}
