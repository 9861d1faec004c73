// A job's live progress (done, failed, remaining, rate), refreshed every second while it runs,
// with pause, resume, cancel and retry of failures. The runner works in the background; this
// page only reads and changes the job's row.
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { Form, useLoaderData, useRevalidator } from "@remix-run/react";
import {
  Badge,
  Banner,
  BlockStack,
  Button,
  Card,
  InlineStack,
  List,
  Page,
  ProgressBar,
  Text,
} from "@shopify/polaris";
import { useEffect } from "react";
import { z } from "zod";
import { JOB_STATUS_TONE } from "../jobs/job-status-tone";
import db from "../db.server";
import { controlJob, jobProgress } from "../jobs/jobs.server";
import { isZeroMoney } from "../jobs/money";
import { appServices } from "../services.server";
import { shopCurrencyOf, staffLocale, staffMoney } from "../remedies/staff-money.server";
import { authenticate } from "../shopify.server";

export const loader = async ({ request, params }: LoaderFunctionArgs) => {
  const { session } = await authenticate.admin(request);
  const progress = await jobProgress(db, session.shop, params.id ?? "");
  if (!progress) throw new Response("No such job", { status: 404 });
  const money = isZeroMoney(progress.amount)
    ? null
    : staffMoney(progress.amount, await shopCurrencyOf(db, session.shop), staffLocale(request));
  return {
    progress,
    money,
    label: appServices().jobKinds.get(progress.kind)?.label ?? progress.kind,
  };
};

const controlSchema = z.object({ intent: z.enum(["pause", "resume", "cancel", "retry_failed"]) });

export const action = async ({ request, params }: ActionFunctionArgs) => {
  const { session } = await authenticate.admin(request);
  const parsed = controlSchema.safeParse(Object.fromEntries(await request.formData()));
  if (!parsed.success) return { ok: false };
  return { ok: await controlJob(db, session.shop, params.id ?? "", parsed.data.intent) };
};

export default function JobPage() {
  const { progress, money, label } = useLoaderData<typeof loader>();
  const revalidator = useRevalidator();
  const active = progress.status === "running" || progress.status === "pending";
  useEffect(() => {
    if (!active) return;
    const timer = setInterval(() => {
      if (revalidator.state === "idle") revalidator.revalidate();
    }, 1000);
    return () => clearInterval(timer);
  }, [active, revalidator]);
  const finished = progress.counts.done + progress.counts.failed + progress.counts.skipped;
  const percent = progress.total === 0 ? 100 : Math.round((finished / progress.total) * 100);
  const control = (intent: string, text: string, tone?: "critical") => (
    <Form method="post">
      <input type="hidden" name="intent" value={intent} />
      <Button submit tone={tone}>
        {text}
      </Button>
    </Form>
  );
  return (
    <Page
      title={`${label}: ${progress.total} orders`}
      backAction={{ content: "Orders", url: "/app/orders" }}
      titleMetadata={<Badge tone={JOB_STATUS_TONE[progress.status]}>{progress.status}</Badge>}
    >
      <BlockStack gap="400">
        <Card>
          <BlockStack gap="300">
            <ProgressBar
              progress={percent}
              tone={progress.counts.failed > 0 ? "critical" : "primary"}
            />
            <div data-testid="job-progress">
              <Text as="p">{`${progress.counts.done} done · ${progress.counts.failed} failed · ${progress.counts.skipped} skipped · ${progress.remaining} remaining${active ? ` · ${progress.perMinute} per minute` : ""}`}</Text>
            </div>
            {money ? <Text as="p" tone="subdued">{`Money involved: ${money}`}</Text> : null}
            <InlineStack gap="200">
              {active ? control("pause", "Pause") : null}
              {progress.status === "paused" ? control("resume", "Resume") : null}
              {progress.counts.failed > 0 && progress.status !== "cancelled"
                ? control("retry_failed", `Retry ${progress.counts.failed} failed`)
                : null}
              {progress.status !== "completed" && progress.status !== "cancelled"
                ? control("cancel", "Cancel the rest", "critical")
                : null}
            </InlineStack>
          </BlockStack>
        </Card>
        {progress.failures.length > 0 ? (
          <Banner tone="critical" title="Failed orders">
            <List>
              {progress.failures.map((failure) => (
                <List.Item
                  key={failure.orderId}
                >{`${failure.orderName ?? failure.orderId}: ${failure.error}`}</List.Item>
              ))}
            </List>
          </Banner>
        ) : null}
      </BlockStack>
    </Page>
  );
}
