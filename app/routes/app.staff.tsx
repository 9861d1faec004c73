// Staff and money: the shop's limits for money-moving jobs staff start (per job and per day), who
// approves above them, the undo window, and the audit log of money moved per day and per staff
// member. Only the account owner changes the rules (a limited member could otherwise lift them).
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import {
  Banner,
  BlockStack,
  Button,
  Card,
  DataTable,
  FormLayout,
  InlineStack,
  Page,
  Text,
  TextField,
} from "@shopify/polaris";
import { useState } from "react";
import db from "../db.server";
import { downloadFile } from "../orders/download-file";
import { shopCurrencyOf, staffLocale, staffMoney } from "../remedies/staff-money.server";
import { authenticate } from "../shopify.server";
import { settingsForShop } from "../settings/shop-time-zone.server";
import { moneyAudit } from "../staff/money-audit.server";
import { requestStaff } from "../staff/staff-identity.server";
import { staffRulesFormSchema } from "../staff/staff-rules";
import { saveStaffRules, staffRulesOf } from "../staff/staff-rules.server";

export const loader = async ({ request }: LoaderFunctionArgs) => {
  const { admin, session, sessionToken } = await authenticate.admin(request);
  // Independent reads at once, not one after another (issue 15 point 5: the page's first byte);
  // the zone only labels the audit's days, so it may be the one Shopify gave recently.
  const [staff, rules, settings, currency] = await Promise.all([
    requestStaff(request, session.shop, sessionToken?.sub),
    staffRulesOf(db, session.shop),
    settingsForShop(db, session.shop, admin, { zone: "recent" }),
    shopCurrencyOf(db, session.shop),
  ]);
  const { timeZone } = settings.rules;
  const locale = staffLocale(request);
  const audit = await moneyAudit(db, session.shop, timeZone);
  return {
    rules,
    currency,
    timeZone,
    me: staff ? { name: staff.name, accountOwner: staff.accountOwner, id: staff.id } : null,
    audit: audit.map((row) => ({
      ...row,
      amountLabel: staffMoney(row.amount, row.currencyCode, locale),
    })),
  };
};

export const action = async ({ request }: ActionFunctionArgs) => {
  const { session, sessionToken } = await authenticate.admin(request);
  const staff = await requestStaff(request, session.shop, sessionToken?.sub);
  if (!staff?.accountOwner)
    return json(
      { ok: false as const, errors: { form: "Only the account owner can change these rules." } },
      { status: 403 },
    );
  const parsed = staffRulesFormSchema.safeParse(Object.fromEntries(await request.formData()));
  if (!parsed.success) {
    const errors: Record<string, string> = {};
    for (const issue of parsed.error.issues)
      errors[String(issue.path[0] ?? "form")] ??= issue.message;
    return json({ ok: false as const, errors }, { status: 400 });
  }
  await saveStaffRules(db, session.shop, parsed.data, staff);
  return json({ ok: true as const, errors: {} });
};

export default function StaffAndMoney() {
  const { rules, currency, me, audit, timeZone } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const navigation = useNavigation();
  const errors: Record<string, string | undefined> = result?.errors ?? {};
  const [values, setValues] = useState({
    jobAmountLimit: rules.jobAmountLimit,
    jobOrderLimit: String(rules.jobOrderLimit),
    dayAmountLimit: rules.dayAmountLimit,
    dayOrderLimit: String(rules.dayOrderLimit),
    approverId: rules.approverId ?? "",
    approverName: rules.approverName ?? "",
    undoMinutes: String(rules.undoMinutes),
  });
  const field = (name: keyof typeof values, label: string, help?: string) => (
    <TextField
      label={label}
      name={name}
      value={values[name]}
      onChange={(value) => setValues((old) => ({ ...old, [name]: value }))}
      error={errors[name]}
      helpText={help}
      autoComplete="off"
      disabled={!me?.accountOwner}
    />
  );
  const [downloadError, setDownloadError] = useState<string | null>(null);
  return (
    <Page title="Staff and money">
      <BlockStack gap="400">
        <Card>
          <Form method="post">
            <BlockStack gap="300">
              {errors.form ? <Banner tone="critical">{errors.form}</Banner> : null}
              {result?.ok ? <Banner tone="success">Saved.</Banner> : null}
              <Text as="p" tone="subdued">
                {`Refund, cancel-and-refund and shipping-cost-back jobs that staff start above these limits wait for approval by the account owner${rules.approverName ? ` or ${rules.approverName}` : ""}; every one starts after the undo window. Refunds customers choose, and those the law requires, are not limited. Amounts in ${currency ?? "the shop's currency"}.`}
              </Text>
              <FormLayout>
                <FormLayout.Group>
                  {field("jobAmountLimit", "Money per job")}
                  {field("jobOrderLimit", "Orders per job")}
                </FormLayout.Group>
                <FormLayout.Group>
                  {field("dayAmountLimit", `Money per day (${timeZone})`)}
                  {field("dayOrderLimit", `Orders per day (${timeZone})`)}
                </FormLayout.Group>
                <FormLayout.Group>
                  {field(
                    "approverId",
                    "Named approver's staff ID",
                    "Optional, besides the account owner",
                  )}
                  {field("approverName", "Named approver's name")}
                </FormLayout.Group>
                {field("undoMinutes", "Undo window (minutes)", "0 starts jobs at once")}
              </FormLayout>
              <InlineStack gap="200">
                <Button
                  submit
                  variant="primary"
                  disabled={!me?.accountOwner}
                  loading={navigation.state === "submitting"}
                >
                  Save
                </Button>
              </InlineStack>
              {!me?.accountOwner ? (
                <Text as="p" tone="subdued">
                  Only the account owner can change these rules.
                </Text>
              ) : null}
            </BlockStack>
          </Form>
        </Card>
        <Card>
          <BlockStack gap="300">
            <InlineStack align="space-between">
              <Text as="h2" variant="headingMd">
                Money moved, per day and staff member
              </Text>
              <Button
                onClick={() => {
                  setDownloadError(null);
                  downloadFile("/app/staff/audit", "delay-desk-money-audit.csv").catch(
                    (failure: unknown) =>
                      setDownloadError(
                        failure instanceof Error ? failure.message : "Download failed",
                      ),
                  );
                }}
              >
                Export (CSV)
              </Button>
            </InlineStack>
            <InlineStack align="space-between">
              <Text as="p" tone="subdued">
                Every job and notice send, approval, refusal, undo, storefront change and override,
                with who did it by name and staff ID.
              </Text>
              <Button
                onClick={() => {
                  setDownloadError(null);
                  downloadFile("/app/staff/activity", "delay-desk-staff-activity.csv").catch(
                    (failure: unknown) =>
                      setDownloadError(
                        failure instanceof Error ? failure.message : "Download failed",
                      ),
                  );
                }}
              >
                Staff activity (CSV)
              </Button>
            </InlineStack>
            {downloadError ? <Banner tone="critical">{downloadError}</Banner> : null}
            <div data-testid="money-audit">
              <DataTable
                columnContentTypes={["text", "text", "text", "numeric", "numeric", "numeric"]}
                headings={[
                  `Day (${timeZone})`,
                  "Started by",
                  "Staff ID",
                  "Jobs",
                  "Orders",
                  "Money moved",
                ]}
                rows={audit.map((row) => [
                  row.day,
                  row.staff,
                  row.staffId ?? "—",
                  row.jobs,
                  row.orders,
                  row.amountLabel,
                ])}
              />
            </div>
          </BlockStack>
        </Card>
      </BlockStack>
    </Page>
  );
}
