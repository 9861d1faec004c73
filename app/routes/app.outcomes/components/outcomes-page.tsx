// The outcomes page: one card per chart, each with its headline sentence, the bars, a switch to
// the same figures as a table, and the chart's CSV.
import { useLoaderData } from "@remix-run/react";
import {
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
import type { OutcomeChart } from "../../../outcomes/outcome-charts";
import type { loader } from "../route";
import { BarChart } from "./bar-chart";

function ChartCard({ chart }: { chart: OutcomeChart }) {
  const [asTable, setAsTable] = useState(false);
  return (
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
            <Button url={`/app/outcomes/export?chart=${chart.id}`} download>
              Download CSV
            </Button>
          </ButtonGroup>
        </InlineStack>
        <Text as="p">{chart.summary}</Text>
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
  );
}

export function OutcomesPage() {
  const { charts, zone, weeks } = useLoaderData<typeof loader>();
  return (
    <Page title="Outcomes" subtitle={`The last ${weeks} weeks, in shop time (${zone}).`}>
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
