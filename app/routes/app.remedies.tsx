// Confirmation before a bulk remedy: how many orders, how much money, the options; then start the
// job and go to its progress page. Thin: authenticate → zod → remedies module → respond.
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import {
  Banner,
  BlockStack,
  Button,
  Card,
  Checkbox,
  InlineStack,
  Page,
  Select,
  Text,
  TextField,
} from "@shopify/polaris";
import { useFormFields } from "../forms/use-form-fields";
import db from "../db.server";
import { appServices } from "../services.server";
import { requestAdminClient } from "../admin-api/graphql.server";
import { isZeroMoney } from "../jobs/money";
import { addOnVariants } from "../remedies/add-on-variants.server";
import { parseSelection, previewRemedy, remedyFormSchema } from "../remedies/remedy-request.server";
import { startRemedy } from "../remedies/start-remedy.server";
import { staffLocale, staffMoney } from "../remedies/staff-money.server";
import { authenticate } from "../shopify.server";
import { requestStaff } from "../staff/staff-identity.server";
import { movesMoney } from "../staff/start-staff-job.server";
import { staffRulesOf } from "../staff/staff-rules.server";
import { REMEDY_EXPLANATIONS } from "../remedies/remedy-explanations";

export const loader = async ({ request }: LoaderFunctionArgs) => {
  const { admin, session } = await authenticate.admin(request);
  const selection = parseSelection(new URL(request.url).searchParams);
  if (!selection) throw new Response("Choose a remedy and some orders first.", { status: 400 });
  const preview = await previewRemedy(db, session.shop, selection, requestAdminClient(admin));
  const locale = staffLocale(request);
  const variants = selection.remedy === "add_on" ? await addOnVariants(admin, locale) : [];
  // The preview is the shipping remedy's refund mode (the form's default).
  const rules = movesMoney(selection.remedy, { mode: "refund" })
    ? await staffRulesOf(db, session.shop)
    : null;
  return {
    preview,
    variants,
    // What happens after Start, said before it (app/staff/, docs/staff-and-money.md).
    staffNote: rules
      ? `Above ${staffMoney(rules.jobAmountLimit, preview.currencyCode, locale)} or ${rules.jobOrderLimit} orders in one job (or the day's limits), the account owner${rules.approverName ? ` or ${rules.approverName}` : ""} approves it first.${rules.undoMinutes > 0 ? ` It then starts after a ${rules.undoMinutes}-minute undo window, during which anyone can cancel it.` : ""}`
      : null,
    money: isZeroMoney(preview.amount)
      ? ""
      : ` — ${staffMoney(preview.amount, preview.currencyCode, locale)}`,
    // The first orders as the job takes them, their money formatted for staff.
    first: preview.first.map((row) => ({
      id: row.orderId,
      name: row.name,
      money: row.amount === null ? "" : staffMoney(row.amount, preview.currencyCode, locale),
    })),
  };
};

export const action = async ({ request }: ActionFunctionArgs) => {
  const { admin, session, sessionToken } = await authenticate.admin(request);
  const selection = parseSelection(new URL(request.url).searchParams);
  if (!selection) return { error: "Choose a remedy and some orders first." };
  const form = remedyFormSchema.safeParse(Object.fromEntries(await request.formData()));
  if (!form.success) return { error: form.error.issues[0]?.message ?? "Check the form." };
  const started = await startRemedy(
    { db, jobKinds: appServices().jobKinds },
    {
      shop: session.shop,
      selection,
      form: form.data,
      staffId: sessionToken?.sub ?? null,
      staff: await requestStaff(request, session.shop, sessionToken?.sub),
      admin,
    },
  );
  if (!started.ok) return json({ error: started.error }, { status: started.status });
  return redirect(`/app/jobs/${started.jobId}`);
};

export default function ConfirmRemedy() {
  const { preview, variants, money, staffNote, first } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const navigation = useNavigation();
  const form = useFormFields({
    notify: true,
    note: "",
    variantId: variants[0]?.id ?? "",
    shippingMode: "refund",
    percent: "15",
  });
  const error = result && "error" in result ? result.error : null;
  return (
    <Page
      title={`${preview.label}: confirm`}
      backAction={{ content: "Orders", url: "/app/orders" }}
    >
      <Card>
        <Form method="post">
          <BlockStack gap="400">
            {error ? <Banner tone="critical">{error}</Banner> : null}
            <Text as="h2" variant="headingLg">
              {preview.partial
                ? `Up to ${preview.count} orders`
                : `${preview.count} ${preview.count === 1 ? "order" : "orders"}${money}`}
            </Text>
            {preview.partial ? (
              <Text as="p">
                {`Shopify's refundable shipping for the first ${preview.partial.asked}${money || " — nothing"}. Delay Desk asks Shopify about the other ${preview.count - preview.partial.asked} when you start, leaves out any with no shipping left to refund, and the job's page shows the total.`}
              </Text>
            ) : null}
            <Text as="p">{REMEDY_EXPLANATIONS[preview.remedy]}</Text>
            {first.length > 0 ? (
              <BlockStack gap="100">
                <Text as="h3" variant="headingSm">
                  {preview.count > first.length ? `The first ${first.length}` : "The orders"}
                </Text>
                <ul data-testid="remedy-first-orders">
                  {first.map((row) => (
                    <li key={row.id}>{row.money ? `${row.name} — ${row.money}` : row.name}</li>
                  ))}
                </ul>
              </BlockStack>
            ) : null}
            {staffNote ? (
              <Text as="p" tone="subdued">
                {staffNote}
              </Text>
            ) : null}
            {preview.count < preview.selected ? (
              <Text
                as="p"
                tone="subdued"
              >{`${preview.selected - preview.count} of the ${preview.selected} selected cannot take this remedy (cancelled, or already shipped) and are left out.`}</Text>
            ) : null}
            {preview.remedy === "add_on" ? (
              <Select
                label="Free add-on"
                options={variants.map((v) => ({ label: v.label, value: v.id }))}
                {...form.field("variantId")}
              />
            ) : null}
            {preview.remedy === "shipping" ? (
              <Select
                label="Remedy"
                options={[
                  { label: "Refund the shipping cost", value: "refund" },
                  { label: "Upgrade to faster shipping, at our cost", value: "upgrade" },
                ]}
                {...form.field("shippingMode")}
              />
            ) : null}
            {preview.remedy === "discount_code" ? (
              <TextField
                label="Percent off the next order"
                type="number"
                {...form.field("percent")}
                autoComplete="off"
              />
            ) : (
              <>
                <Checkbox label="Let Shopify email the customer" {...form.checkbox("notify")} />
                <TextField
                  label="Note (staff only)"
                  {...form.field("note")}
                  autoComplete="off"
                  maxLength={255}
                />
              </>
            )}
            <InlineStack gap="200">
              <Button
                submit
                variant="primary"
                loading={navigation.state === "submitting"}
                disabled={preview.count === 0}
              >
                {`Start: ${preview.label.toLowerCase()} for ${preview.partial ? "up to " : ""}${preview.count} ${preview.count === 1 ? "order" : "orders"}`}
              </Button>
              <Button url="/app/orders">Cancel</Button>
            </InlineStack>
          </BlockStack>
        </Form>
      </Card>
    </Page>
  );
}
