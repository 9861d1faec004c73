// A job's live progress (done, failed, remaining, rate), refreshed every second while it runs,
// with pause, resume, cancel and retry of failures. The runner works in the background; this
// page only reads and changes the job's row.
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useRevalidator } from "@remix-run/react";
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
import { JOB_STATUS_TONE, jobStatusLabel } from "../jobs/job-status-tone";
import db from "../db.server";
import { controlJob, jobProgress } from "../jobs/jobs.server";
import { isZeroMoney } from "../jobs/money";
import { appServices } from "../services.server";
import { shopCurrencyOf, staffLocale, staffMoney } from "../remedies/staff-money.server";
import { shopClock } from "../locale/shop-zone.server";
import { authenticate } from "../shopify.server";
import { approveJob, cancelHeldJob, refuseJob } from "../staff/job-gate.server";
import { JobGatePanel } from "../staff/job-gate-panel";
import { jobGateView } from "../staff/job-gate-view.server";
import { requestStaff } from "../staff/staff-identity.server";

export const loader = async ({ request, params }: LoaderFunctionArgs) => {
  const { admin, session, sessionToken } = await authenticate.admin(request);
  const progress = await jobProgress(db, session.shop, params.id ?? "");
  if (!progress) throw new Response("No such job", { status: 404 });
  const clock = await shopClock(request, db, session.shop, admin);
  const currency = await shopCurrencyOf(db, session.shop);
  const locale = staffLocale(request);
  // What moved beside what was planned: a refund job whose orders were skipped moved less than
  // its confirmation said, and the page must not let the planned figure pass for the result.
  const money = isZeroMoney(progress.amount)
    ? null
    : {
        planned: staffMoney(progress.amount, currency, locale),
        done: staffMoney(progress.amountDone, currency, locale),
      };
  const gated = await db.jobGate.count({ where: { jobId: progress.id, shop: session.shop } });
  const gate =
    gated > 0
      ? await jobGateView(
          db,
          session.shop,
          progress.id,
          await requestStaff(request, session.shop, sessionToken?.sub),
          (amount) => staffMoney(amount, currency, locale),
          (amount, currencyCode) => staffMoney(amount, currencyCode, locale),
        )
      : null;
  return {
    progress,
    startedAt: clock.time(progress.createdAt),
    money,
    gate: gate ? { ...gate, decidedAt: gate.decidedAt ? clock.time(gate.decidedAt) : null } : null,
    label: appServices().jobKinds.get(progress.kind)?.label ?? progress.kind,
  };
};

const controlSchema = z.object({
  intent: z.enum(["pause", "resume", "cancel", "retry_failed", "approve", "refuse", "undo"]),
});

export const action = async ({ request, params }: ActionFunctionArgs) => {
  const { session, sessionToken } = await authenticate.admin(request);
  const parsed = controlSchema.safeParse(Object.fromEntries(await request.formData()));
  if (!parsed.success) return json({ ok: false, error: "Unknown action." }, { status: 400 });
  const jobId = params.id ?? "";
  const intent = parsed.data.intent;
  if (intent === "approve" || intent === "refuse" || intent === "undo") {
    const staff = await requestStaff(request, session.shop, sessionToken?.sub);
    if (intent !== "undo" && !staff)
      return json(
        { ok: false, error: "Shopify could not confirm who you are; reload and try again." },
        { status: 403 },
      );
    const result =
      intent === "undo"
        ? await cancelHeldJob(db, session.shop, jobId, {
            id: staff?.id ?? sessionToken?.sub ?? null,
            name: staff?.name ?? null,
          })
        : staff
          ? await (intent === "approve" ? approveJob : refuseJob)(db, session.shop, jobId, staff)
          : null;
    if (result && !result.ok)
      return json({ ok: false, error: result.message }, { status: result.status });
    return json({ ok: true, error: null });
  }
  const ok = await controlJob(db, session.shop, jobId, intent);
  return json({ ok, error: ok ? null : "The job is not in a state that allows this." });
};

export default function JobPage() {
  const { progress, startedAt, money, label, gate } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const revalidator = useRevalidator();
  const held = progress.status === "countdown" || progress.status === "awaiting_approval";
  const active = progress.status === "running" || progress.status === "pending" || held;
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
      titleMetadata={
        <Badge tone={JOB_STATUS_TONE[progress.status]}>{jobStatusLabel(progress.status)}</Badge>
      }
    >
      <BlockStack gap="400">
        <div data-testid="job-started-by">
          <Text as="p" tone="subdued">
            {`Started by ${progress.createdBy}${progress.createdById ? ` (staff ID ${progress.createdById})` : ""} on ${startedAt}`}
          </Text>
        </div>
        {gate ? (
          <JobGatePanel
            gate={gate}
            status={progress.status}
            reportUrl={`/app/jobs/${progress.id}/report`}
            error={result?.error ?? null}
          />
        ) : null}
        <Card>
          <BlockStack gap="300">
            <ProgressBar
              progress={percent}
              tone={progress.counts.failed > 0 ? "critical" : "primary"}
            />
            <div data-testid="job-progress">
              <Text as="p">{`${progress.counts.done} done · ${progress.counts.failed} failed · ${progress.counts.skipped} skipped · ${progress.remaining} remaining${active ? ` · ${progress.perMinute} per minute` : ""}`}</Text>
            </div>
            {money ? (
              <div data-testid="job-money">
                <Text as="p">{`Money moved: ${money.done} of ${money.planned} planned`}</Text>
              </div>
            ) : null}
            <InlineStack gap="200">
              {active && !held ? control("pause", "Pause") : null}
              {progress.status === "paused" ? control("resume", "Resume") : null}
              {progress.counts.failed > 0 && progress.status !== "cancelled"
                ? control("retry_failed", `Retry ${progress.counts.failed} failed`)
                : null}
              {progress.status !== "completed" && progress.status !== "cancelled" && !held
                ? control("cancel", "Cancel the rest", "critical")
                : null}
            </InlineStack>
          </BlockStack>
        </Card>
        {progress.skips.length > 0 ? (
          <Banner tone="info" title={`Skipped orders (${progress.counts.skipped})`}>
            <List>
              {progress.skips.map((skip) => (
                <List.Item
                  key={skip.orderId}
                >{`${skip.orderName ?? skip.orderId}: ${skip.error}`}</List.Item>
              ))}
            </List>
          </Banner>
        ) : null}
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
