// The held money job on its page: why it waits and for whom, the approve / refuse buttons for an
// approver, the undo window's countdown with its one-click cancel, and the frozen list of orders
// and amounts that will run. Plain Polaris; the route passes the loader's data in.
import { Form } from "@remix-run/react";
import {
  Badge,
  Banner,
  BlockStack,
  Button,
  Card,
  DataTable,
  InlineStack,
  Text,
} from "@shopify/polaris";
import { useEffect, useState } from "react";
import { downloadFile } from "../orders/download-file";
import type { JobGateView } from "./job-gate-view.server";

function remaining(startsAt: string | null, now: number): string {
  if (!startsAt) return "";
  const seconds = Math.max(0, Math.ceil((Date.parse(startsAt) - now) / 1000));
  return `${Math.floor(seconds / 60)}:${String(seconds % 60).padStart(2, "0")}`;
}

function useNow(active: boolean): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    if (!active) return;
    const timer = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(timer);
  }, [active]);
  return now;
}

export function JobGatePanel(props: {
  gate: JobGateView;
  status: string;
  reportUrl: string;
  error: string | null;
}) {
  const { gate, status, reportUrl, error } = props;
  const counting = status === "countdown";
  const now = useNow(counting);
  const held = counting || status === "awaiting_approval";
  const [downloadError, setDownloadError] = useState<string | null>(null);
  return (
    <Card>
      <BlockStack gap="300">
        {error ? <Banner tone="critical">{error}</Banner> : null}
        {downloadError ? <Banner tone="critical">{downloadError}</Banner> : null}
        {status === "awaiting_approval" ? (
          <Banner tone="warning" title={`Waiting for approval by ${gate.approvers}`}>
            <p data-testid="approval-reason">{gate.approvalReason}</p>
          </Banner>
        ) : null}
        {gate.decision ? (
          <div data-testid="approval-decision">
            <Text as="p">
              {`${gate.decision === "approved" ? "Approved" : "Refused"} by ${gate.decidedBy ?? "staff"}${gate.decidedAt ? ` on ${gate.decidedAt}` : ""}`}
            </Text>
          </div>
        ) : null}
        {counting ? (
          <Banner tone="info" title="Undo window">
            <p>
              {"Starts in "}
              <span data-testid="countdown">{remaining(gate.startsAt, now)}</span>
              {". Anyone can cancel it until then; nothing has been refunded yet."}
            </p>
          </Banner>
        ) : null}
        {gate.cancelledAt ? (
          <div data-testid="undo-cancelled">
            <Text as="p">
              {`Cancelled in the undo window by ${gate.cancelledBy ?? "staff"}: nothing ran.`}
            </Text>
          </div>
        ) : null}
        <InlineStack gap="200">
          {status === "awaiting_approval" && gate.canApprove ? (
            <>
              <Form method="post">
                <input type="hidden" name="intent" value="approve" />
                <Button submit variant="primary">
                  Approve
                </Button>
              </Form>
              <Form method="post">
                <input type="hidden" name="intent" value="refuse" />
                <Button submit tone="critical">
                  Refuse
                </Button>
              </Form>
            </>
          ) : null}
          {held ? (
            <Form method="post">
              <input type="hidden" name="intent" value="undo" />
              <Button submit tone="critical" variant={counting ? "primary" : undefined}>
                Cancel this job
              </Button>
            </Form>
          ) : null}
          <Button
            onClick={() => {
              setDownloadError(null);
              downloadFile(reportUrl, "delay-desk-job-report.csv").catch((failure: unknown) =>
                setDownloadError(failure instanceof Error ? failure.message : "Download failed"),
              );
            }}
          >
            Download report (CSV)
          </Button>
        </InlineStack>
        {status === "awaiting_approval" && !gate.canApprove && gate.cannotApprove ? (
          <Text as="p" tone="subdued">
            {gate.cannotApprove}
          </Text>
        ) : null}
        <Text as="h3" variant="headingSm">
          {held ? "Exactly these orders and amounts will run" : "The frozen list"}
        </Text>
        <div data-testid="frozen-list">
          <DataTable
            columnContentTypes={["text", "numeric", "text"]}
            headings={["Order", "Amount", "Outcome"]}
            rows={gate.frozen.map((item) => [
              item.orderName,
              item.amountLabel,
              item.reason ? `${item.status}: ${item.reason}` : item.status,
            ])}
          />
        </div>
        {gate.moreItems > 0 ? (
          <Text as="p" tone="subdued">{`… and ${gate.moreItems} more in the report.`}</Text>
        ) : null}
        {gate.needsApproval && !held && !gate.decision ? <Badge>needed approval</Badge> : null}
      </BlockStack>
    </Card>
  );
}
