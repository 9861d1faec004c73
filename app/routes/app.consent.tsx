// Consent and refunds (issue 13 point 6; docs/consent.md): the orders whose customer did not say
// yes to a delay by the deadline the notice stated, held in Shopify while the merchant reviews
// them; from here they are cancelled and refunded in full (a cancel-and-refund job) or dropped from
// the list (the hold comes off). Below, every refund the law requires, against the rule set's time
// limit, flagged when overdue. The loader only reads; each action calls one use case.
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { Badge, Banner, BlockStack, Button, Card, InlineStack, Page, Text } from "@shopify/polaris";
import { EmptyCard } from "../home/empty-card";
import { z } from "zod";
import { ReadOnlyTable } from "../components/read-only-table";
import { RULE_SET_LABELS } from "../consent/consent-rules";
import {
  cancelReviewedOrders,
  consentReviewList,
  dropFromReview,
  refundsOwed,
  sweepConsentDeadlines,
  type OwedRefund,
} from "../consent/consent.server";
import db from "../db.server";
import { appEnv } from "../env.server";
import { shopClock } from "../locale/shop-zone.server";
import { loadShopSettings } from "../settings/shop-settings.server";
import { authenticate } from "../shopify.server";
import { staffName } from "../storefront/staff-name.server";

export const loader = async ({ request }: LoaderFunctionArgs) => {
  const { admin, session } = await authenticate.admin(request);
  const now = new Date();
  const [review, refunds, settings, clock] = await Promise.all([
    consentReviewList(db, session.shop),
    refundsOwed(db, session.shop, now),
    loadShopSettings(db, session.shop),
    shopClock(request, db, session.shop, admin),
  ]);
  // Shop-local days as human dates (issue 14 point 7); the rows keep their ids for the forms.
  const human = (day: string | null) => (day ? clock.date(day) : null);
  return {
    review: review.map((row) => ({ ...row, deadline: human(row.deadline) })),
    refunds: refunds.map((r) => ({
      ...r,
      owedSince: clock.date(r.owedSince),
      dueBy: clock.date(r.dueBy),
      refundedOn: human(r.refundedOn),
    })),
    ruleSet: RULE_SET_LABELS[settings.consentRuleSet],
    timeTravel: againstSimulator(),
  };
};

// Against the simulator only (demo, tests): deadlines are checked as if days had passed, so a
// merchant trying the demo sees a deadline pass without waiting a week.
const againstSimulator = () => appEnv().SHOPIFY_ADMIN_ORIGIN !== undefined;

const actionSchema = z.discriminatedUnion("intent", [
  z.object({ intent: z.literal("cancel"), orderIds: z.array(z.string().min(1)).min(1) }),
  z.object({ intent: z.literal("drop"), orderId: z.string().min(1) }),
  z.object({ intent: z.literal("sweep"), days: z.coerce.number().int().min(0).max(90).default(0) }),
]);

export const action = async ({ request }: ActionFunctionArgs) => {
  const { admin, session, sessionToken } = await authenticate.admin(request);
  const form = await request.formData();
  const parsed = actionSchema.safeParse({
    intent: form.get("intent"),
    orderIds: form.getAll("orderId"),
    orderId: form.get("orderId"),
    days: form.get("days") ?? undefined,
  });
  if (!parsed.success)
    return json({ ok: false as const, message: "Choose the orders to act on." }, { status: 400 });
  // Who acts, by id and name (issue 16): the name from their online token, when Shopify gives it.
  const staffId = sessionToken?.sub ?? null;
  const staff = {
    id: staffId,
    name: staffId ? await staffName(request, session.shop, staffId) : null,
  };
  if (parsed.data.intent === "sweep") {
    const days = againstSimulator() ? parsed.data.days : 0;
    const asOf = new Date(Date.now() + days * 86_400_000);
    const { toReview } = await sweepConsentDeadlines(db, session.shop, asOf);
    const clock = await shopClock(request, db, session.shop, admin);
    return json({
      ok: true as const,
      message: `${days > 0 ? `As of ${clock.time(asOf)} (demo clock): ` : ""}${toReview.length} order${toReview.length === 1 ? "" : "s"} passed the deadline without a yes and ${toReview.length === 1 ? "is" : "are"} now on hold for your review.`,
    });
  }
  if (parsed.data.intent === "drop") {
    const dropped = await dropFromReview(db, session.shop, parsed.data.orderId, staff, new Date());
    return dropped
      ? json({ ok: true as const, message: "Taken off the list; its hold in Shopify comes off." })
      : json(
          { ok: false as const, message: "That order is no longer on the list." },
          { status: 409 },
        );
  }
  const job = await cancelReviewedOrders(db, session.shop, parsed.data.orderIds, staff, new Date());
  if (!job)
    return json(
      { ok: false as const, message: "None of these orders is still on the list." },
      { status: 409 },
    );
  return json({
    ok: true as const,
    message: `Cancelling and refunding ${job.orders} order${job.orders === 1 ? "" : "s"} in full, shipping included (job ${job.jobId}).`,
    jobId: job.jobId,
  });
};

const STANDING: Record<
  OwedRefund["standing"],
  { label: string; tone: "success" | "critical" | "attention" | "warning" }
> = {
  due: { label: "Due", tone: "attention" },
  overdue: { label: "Overdue", tone: "critical" },
  refunded: { label: "Refunded in time", tone: "success" },
  refunded_late: { label: "Refunded late", tone: "warning" },
};

export default function ConsentPage() {
  const { review, refunds, ruleSet, timeTravel } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const navigation = useNavigation();
  const busy = navigation.state === "submitting";
  const waiting = review.filter((row) => row.status === "review");
  const overdue = refunds.filter((r) => r.standing === "overdue").length;
  return (
    <Page
      title="Consent and refunds"
      subtitle={`Rule set: ${ruleSet} (change it in Settings)`}
      backAction={{ content: "Dashboard", url: "/app" }}
    >
      <BlockStack gap="400">
        {result ? (
          <Banner tone={result.ok ? "success" : "critical"}>
            <p>{result.message}</p>
          </Banner>
        ) : null}
        <Form method="post">
          <input type="hidden" name="intent" value="sweep" />
          <InlineStack gap="200" blockAlign="center">
            {timeTravel ? (
              <>
                <input type="hidden" name="days" value="30" />
                <Button submit loading={busy}>
                  Demo: check deadlines as if 30 days had passed
                </Button>
              </>
            ) : (
              <Button submit loading={busy}>
                Check deadlines now
              </Button>
            )}
            <Text as="span" tone="subdued">
              Delay Desk checks every 15 minutes by itself.
            </Text>
          </InlineStack>
        </Form>
        <Card padding="0">
          <div data-testid="consent-review">
            {review.length === 0 ? (
              <EmptyCard heading="No order awaits your review">
                When a customer does not say yes to a delay by the deadline their notice stated, the
                order is held in Shopify and listed here for you to cancel and refund in full.
              </EmptyCard>
            ) : (
              <BlockStack gap="200">
                <Form method="post">
                  <input type="hidden" name="intent" value="cancel" />
                  {waiting.map((row) => (
                    <input key={row.orderId} type="hidden" name="orderId" value={row.orderId} />
                  ))}
                  <InlineStack align="space-between" blockAlign="center">
                    <Text as="h2" variant="headingMd">
                      {`No yes by the deadline: ${waiting.length} order${waiting.length === 1 ? "" : "s"} on hold`}
                    </Text>
                    <Button
                      submit
                      variant="primary"
                      tone="critical"
                      loading={busy}
                      disabled={waiting.length === 0}
                    >
                      {`Cancel and refund ${waiting.length} in full`}
                    </Button>
                  </InlineStack>
                </Form>
                <ReadOnlyTable
                  noun={{ singular: "order", plural: "orders" }}
                  headings={["Order", "Delay", "Deadline for a yes", "Total", "Status", ""]}
                  rows={review}
                  rowId={(row) => row.orderId}
                  cells={(row) => [
                    row.name,
                    row.delayDays === null
                      ? "No firm date"
                      : `${row.delayDays} days${row.reason === "renewed" ? " (a further delay)" : ""}`,
                    row.deadline ?? "",
                    `${row.amount} ${row.currencyCode}`,
                    row.status === "cancelling" ? (
                      <Badge tone="info">Cancelling</Badge>
                    ) : (
                      <Badge tone="attention">On hold, awaiting you</Badge>
                    ),
                    row.status === "review" ? (
                      <Form method="post">
                        <input type="hidden" name="intent" value="drop" />
                        <input type="hidden" name="orderId" value={row.orderId} />
                        <Button submit disabled={busy}>
                          Keep the order (release hold)
                        </Button>
                      </Form>
                    ) : null,
                  ]}
                />
              </BlockStack>
            )}
          </div>
        </Card>
        <Card padding="0">
          <div data-testid="refund-clock">
            <BlockStack gap="200">
              <Text as="h2" variant="headingMd">
                {overdue > 0
                  ? `Refunds the law requires: ${overdue} overdue`
                  : "Refunds the law requires"}
              </Text>
              {refunds.length === 0 ? (
                <Text as="p" tone="subdued">
                  No refund is owed.
                </Text>
              ) : (
                <ReadOnlyTable
                  noun={{ singular: "refund", plural: "refunds" }}
                  headings={["Order", "Why", "Owed since", "Due by", "Refunded", "Standing"]}
                  rows={refunds}
                  rowId={(r) => r.orderId}
                  cells={(r) => [
                    r.name,
                    r.cause === "customer_choice"
                      ? "Customer chose a refund"
                      : "No yes by the deadline",
                    r.owedSince,
                    `${r.dueBy} (${r.rule})`,
                    r.refundedOn ?? "Not yet",
                    <Badge tone={STANDING[r.standing].tone}>{STANDING[r.standing].label}</Badge>,
                  ]}
                />
              )}
            </BlockStack>
          </div>
        </Card>
      </BlockStack>
    </Page>
  );
}
