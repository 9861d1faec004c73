// Settings: lead times, cut-off, time zone, open days, closures, capacity and the sender. "Preview"
// shows what a change would do before anything is saved (open orders keep the promise they were
// given, new orders get the new one, how the forecast moves); saving re-forecasts every order at
// once, so the dashboard shows the consequence straight away.
import { json, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useNavigation, useSubmit } from "@remix-run/react";
import {
  Banner,
  BlockStack,
  Button,
  Card,
  Checkbox,
  FormLayout,
  InlineGrid,
  InlineStack,
  Layout,
  Page,
  Select,
  Text,
  TextField,
} from "@shopify/polaris";
import { useRef, useState } from "react";
import db from "../db.server";
import { reforecastShop } from "../orders/reforecast.server";
import { appServices } from "../services.server";
import { freezeOpenPromises, previewShopRulesChange } from "../promise/open-promises.server";
import type { RulesChangePreview } from "../promise/rules-change";
import { keepDelayInStepWithForecast } from "../storefront/storefront-mode.server";
import { WEEKDAY_KEYS } from "../promise/shop-rules";
import { CONSENT_RULE_SETS, RULE_SET_LABELS } from "../consent/consent-rules";
import {
  formValuesFromSettings,
  parseSettingsForm,
  type FieldErrors,
  type OverrideValues,
  type SettingsFormValues,
} from "../settings/settings-form";
import { saveShopSettings } from "../settings/shop-settings.server";
import { settingsForShop } from "../settings/shop-time-zone.server";
import { authenticate } from "../shopify.server";

function timeZones(current: string): string[] {
  const zones = Intl.supportedValuesOf("timeZone");
  return zones.includes(current) ? zones : [current, ...zones];
}

export const loader = async ({ request }: LoaderFunctionArgs) => {
  const { admin, session } = await authenticate.admin(request);
  const settings = await settingsForShop(db, session.shop, admin);
  return {
    values: formValuesFromSettings(settings),
    saved: settings.saved,
    timeZones: timeZones(settings.rules.timeZone),
  };
};

export const action = async ({ request }: ActionFunctionArgs) => {
  const { admin, session, sessionToken } = await authenticate.admin(request);
  const current = await settingsForShop(db, session.shop, admin);
  const form = await request.formData();
  const result = parseSettingsForm(form, current.rules);
  if (!result.ok)
    return json(
      {
        ok: false as const,
        values: result.values,
        errors: result.errors,
        counts: null,
        preview: null,
      },
      { status: 400 },
    );
  const now = new Date();
  if (form.get("intent") === "preview") {
    const preview = await previewShopRulesChange(
      db,
      session.shop,
      current.rules,
      result.rules,
      now,
    );
    return json({
      ok: true as const,
      values: result.values,
      errors: {} satisfies FieldErrors,
      counts: null,
      preview,
    });
  }
  // Orders not frozen yet were placed under the rules in force until now: freeze them under those
  // before the new ones take over, so the change applies to new orders only.
  await freezeOpenPromises(db, session.shop, current.rules, now);
  await saveShopSettings(db, session.shop, {
    rules: result.rules,
    senderName: result.senderName,
    senderRole: result.senderRole,
    tagOrders: result.tagOrders,
    noticeCadenceDays: result.noticeCadenceDays,
    consentRuleSet: result.consentRuleSet,
    // The session token's subject is the staff member who pressed Save.
    updatedBy: sessionToken?.sub ?? null,
  });
  const summary = await reforecastShop(db, session.shop, now);
  // Classes may have moved, or tagging was switched: bring Shopify's order tags in step, in the background.
  void appServices().orderSync.queueTagSync(session.shop);
  // Less capacity can mean a longer wait than the storefront's delay banner says: say so now.
  await keepDelayInStepWithForecast({ admin, db, shop: session.shop, now: new Date() });
  return json({
    ok: true as const,
    values: result.values,
    errors: {} satisfies FieldErrors,
    counts: summary.counts,
    preview: null,
  });
};

function PreviewBanner({ preview }: { preview: RulesChangePreview }) {
  const n = (value: number) => value.toLocaleString("en-US");
  const { before, after } = preview.counts;
  return (
    <Banner title="What this change would do (nothing is saved yet)" tone="info">
      <div data-testid="settings-preview">
        <p>
          {`${n(preview.keepPromise)} of ${n(preview.openOrders)} open orders keep the promise they were given`}
          {preview.wouldHaveDiffered > 0
            ? ` (${n(preview.wouldHaveDiffered)} would have been promised a different date under the new rules; their promise stays).`
            : "."}
        </p>
        <p>
          {preview.newOrderPromise.before === preview.newOrderPromise.after
            ? `New orders placed now are still promised ${preview.newOrderPromise.after}.`
            : `New orders placed now would be promised ${preview.newOrderPromise.after} (now ${preview.newOrderPromise.before}).`}
        </p>
        <p>
          {`Forecast after the change: ${n(after.overdue)} overdue, ${n(after.at_risk)} at risk, ${n(after.on_track)} on track (now ${n(before.overdue)}, ${n(before.at_risk)}, ${n(before.on_track)}).`}
        </p>
      </div>
    </Banner>
  );
}

const WEEKDAY_LABELS = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"];

function OverrideRows({
  group,
  label,
  keyLabel,
  rows,
  onChange,
  errors,
}: {
  group: string;
  label: string;
  keyLabel: string;
  rows: OverrideValues[];
  onChange: (rows: OverrideValues[]) => void;
  errors: FieldErrors;
}) {
  return (
    <BlockStack gap="200">
      <Text as="h3" variant="headingSm">
        {label}
      </Text>
      {rows.map((row, i) => (
        <InlineGrid key={i} columns={["twoThirds", "oneThird"]} gap="200">
          <TextField
            label={keyLabel}
            name={`${group}.${i}.key`}
            value={row.key}
            onChange={(key) => onChange(rows.map((r, j) => (j === i ? { ...r, key } : r)))}
            error={errors[`${group}.${i}.key`]}
            autoComplete="off"
          />
          <TextField
            label="Lead time (business days)"
            name={`${group}.${i}.leadTime`}
            value={row.leadTime}
            onChange={(leadTime) =>
              onChange(rows.map((r, j) => (j === i ? { ...r, leadTime } : r)))
            }
            error={errors[`${group}.${i}.leadTime`]}
            inputMode="numeric"
            autoComplete="off"
            connectedRight={
              <Button onClick={() => onChange(rows.filter((_, j) => j !== i))}>Remove</Button>
            }
          />
        </InlineGrid>
      ))}
      <InlineStack>
        <Button onClick={() => onChange([...rows, { key: "", leadTime: "" }])}>Add</Button>
      </InlineStack>
    </BlockStack>
  );
}

type TextFieldKey =
  | "defaultLeadTime"
  | "cutOffTime"
  | "variability"
  | "senderName"
  | "senderRole"
  | "timeZone"
  | "capacityUnit"
  | "noticeCadenceDays";

export default function SettingsPage() {
  const loaded = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const navigation = useNavigation();
  // What was typed survives a failed save: the action sends it back and the form starts from it.
  const [values, setValues] = useState<SettingsFormValues>(result?.values ?? loaded.values);
  const errors: FieldErrors = result && !result.ok ? result.errors : {};
  const set = <K extends keyof SettingsFormValues>(key: K, value: SettingsFormValues[K]) =>
    setValues((v) => ({ ...v, [key]: value }));
  // The props every single-value field takes: its name (form data), value, change handler and error.
  const bind = (key: TextFieldKey) => ({
    name: key,
    value: values[key],
    onChange: (v: string) => set(key, v),
    error: errors[key],
  });
  const saving = navigation.state === "submitting";
  const formRef = useRef<HTMLFormElement>(null);
  const submit = useSubmit();
  // The same fields as Save, with intent=preview: the action computes and saves nothing.
  const preview = () => {
    if (!formRef.current) return;
    const data = new FormData(formRef.current);
    data.set("intent", "preview");
    submit(data, { method: "post" });
  };
  const errorCount = Object.keys(errors).length;

  return (
    <Page
      title="Settings"
      backAction={{ content: "Dashboard", url: "/app" }}
      secondaryActions={[{ content: "Customer data requests", url: "/app/data-requests" }]}
    >
      <Form method="post" ref={formRef}>
        <Layout>
          <Layout.Section>
            {result?.ok && result.preview ? <PreviewBanner preview={result.preview} /> : null}
            {result?.ok && result.counts ? (
              <Banner title="Saved and re-forecast" tone="success">
                <p>
                  Now {result.counts.overdue.toLocaleString("en-US")} overdue,{" "}
                  {result.counts.at_risk.toLocaleString("en-US")} at risk and{" "}
                  {result.counts.on_track.toLocaleString("en-US")} on track.
                </p>
              </Banner>
            ) : null}
            {errorCount > 0 ? (
              <Banner
                title={`Nothing was saved: ${errorCount} ${errorCount === 1 ? "field needs" : "fields need"} attention`}
                tone="critical"
              >
                <p>Your changes are still in the form below.</p>
              </Banner>
            ) : null}
            {!loaded.saved && !result ? (
              <Banner title="You are using the default settings" tone="info">
                <p>
                  Check them before trusting the forecast: lead time, open days and capacity are
                  guesses until you set them.
                </p>
              </Banner>
            ) : null}
          </Layout.Section>
          <Layout.AnnotatedSection
            title="Promise"
            description="When a new order is promised to ship, unless Shopify already has a fulfill-by date for it. A change applies to new orders only: open orders keep the promise they were given."
          >
            <Card>
              <FormLayout>
                <Select label="Time zone" options={loaded.timeZones} {...bind("timeZone")} />
                <FormLayout.Group>
                  <TextField
                    label="Lead time (business days)"
                    {...bind("defaultLeadTime")}
                    inputMode="numeric"
                    autoComplete="off"
                  />
                  <TextField
                    label="Daily cut-off (HH:MM)"
                    {...bind("cutOffTime")}
                    helpText="Orders at or after this time count from the next open day."
                    autoComplete="off"
                  />
                </FormLayout.Group>
                <OverrideRows
                  group="tagOverrides"
                  label="Lead time by product tag"
                  keyLabel="Product tag"
                  rows={values.tagOverrides}
                  onChange={(rows) => set("tagOverrides", rows)}
                  errors={errors}
                />
                <OverrideRows
                  group="collectionOverrides"
                  label="Lead time by collection"
                  keyLabel="Collection ID"
                  rows={values.collectionOverrides}
                  onChange={(rows) => set("collectionOverrides", rows)}
                  errors={errors}
                />
              </FormLayout>
            </Card>
          </Layout.AnnotatedSection>
          <Layout.AnnotatedSection
            title="Open days and closures"
            description="Closed days have no capacity and do not count as business days."
          >
            <Card>
              <BlockStack gap="300">
                <fieldset style={{ border: 0, padding: 0, margin: 0 }}>
                  <legend>Open weekdays</legend>
                  <InlineStack gap="300">
                    {WEEKDAY_LABELS.map((label, i) => (
                      <Checkbox
                        key={label}
                        label={label}
                        name="openWeekdays"
                        value={String(i + 1)}
                        checked={values.openWeekdays.includes(i + 1)}
                        onChange={(checked) =>
                          set(
                            "openWeekdays",
                            checked
                              ? [...values.openWeekdays, i + 1].sort()
                              : values.openWeekdays.filter((d) => d !== i + 1),
                          )
                        }
                      />
                    ))}
                  </InlineStack>
                  {errors.openWeekdays ? (
                    <Text as="p" tone="critical">
                      {errors.openWeekdays}
                    </Text>
                  ) : null}
                </fieldset>
                <Text as="h3" variant="headingSm">
                  Closures
                </Text>
                {values.closures.map((closure, i) => (
                  <InlineGrid key={i} columns={3} gap="200">
                    <TextField
                      label="Label"
                      name={`closures.${i}.label`}
                      value={closure.label}
                      onChange={(label) =>
                        set(
                          "closures",
                          values.closures.map((c, j) => (j === i ? { ...c, label } : c)),
                        )
                      }
                      error={errors[`closures.${i}.label`]}
                      autoComplete="off"
                    />
                    <TextField
                      label="From"
                      type="date"
                      name={`closures.${i}.from`}
                      value={closure.from}
                      onChange={(from) =>
                        set(
                          "closures",
                          values.closures.map((c, j) => (j === i ? { ...c, from } : c)),
                        )
                      }
                      error={errors[`closures.${i}.from`]}
                      autoComplete="off"
                    />
                    <TextField
                      label="To (empty for one day)"
                      type="date"
                      name={`closures.${i}.to`}
                      value={closure.to}
                      onChange={(to) =>
                        set(
                          "closures",
                          values.closures.map((c, j) => (j === i ? { ...c, to } : c)),
                        )
                      }
                      error={errors[`closures.${i}.to`]}
                      autoComplete="off"
                      connectedRight={
                        <Button
                          onClick={() =>
                            set(
                              "closures",
                              values.closures.filter((_, j) => j !== i),
                            )
                          }
                        >
                          Remove
                        </Button>
                      }
                    />
                  </InlineGrid>
                ))}
                <InlineStack>
                  <Button
                    onClick={() =>
                      set("closures", [...values.closures, { label: "", from: "", to: "" }])
                    }
                  >
                    Add closure
                  </Button>
                </InlineStack>
              </BlockStack>
            </Card>
          </Layout.AnnotatedSection>
          <Layout.AnnotatedSection
            title="Capacity"
            description="What the workshop ships on an ordinary open day, and how much that varies."
          >
            <Card>
              <FormLayout>
                <Select
                  label="Capacity counted in"
                  options={[
                    { label: "Units (items made or packed)", value: "units" },
                    { label: "Orders shipped", value: "orders" },
                  ]}
                  {...bind("capacityUnit")}
                />
                <InlineGrid columns={{ xs: 4, md: 7 }} gap="200">
                  {WEEKDAY_KEYS.map((day, i) => (
                    <TextField
                      key={day}
                      label={WEEKDAY_LABELS[i]}
                      name={`capacity.${day}`}
                      value={values.capacity[day]}
                      onChange={(v) => set("capacity", { ...values.capacity, [day]: v })}
                      error={errors[`capacity.${day}`]}
                      inputMode="decimal"
                      autoComplete="off"
                    />
                  ))}
                </InlineGrid>
                <TextField
                  label="Day-to-day variability (%)"
                  {...bind("variability")}
                  helpText="How much a day's output typically strays from the plan. 25 % means a 12-unit day is often 9 to 15."
                  inputMode="decimal"
                  autoComplete="off"
                />
              </FormLayout>
            </Card>
          </Layout.AnnotatedSection>
          <Layout.AnnotatedSection
            title="Sender and Shopify"
            description="Updates come from a real person, never a no-reply address."
          >
            <Card>
              <FormLayout>
                <FormLayout.Group>
                  <TextField label="Sender's name" {...bind("senderName")} autoComplete="name" />
                  <TextField
                    label="Sender's role"
                    {...bind("senderRole")}
                    placeholder="Operations manager"
                    autoComplete="off"
                  />
                </FormLayout.Group>
                <TextField
                  label="Update each customer at most every (days)"
                  {...bind("noticeCadenceDays")}
                  helpText="Routine updates wait this long after the last one; a later date goes out at once. Customers who cancelled hear nothing more."
                  inputMode="numeric"
                  autoComplete="off"
                />
                <Select
                  label="Consent law to follow"
                  name="consentRuleSet"
                  options={CONSENT_RULE_SETS.map((value) => ({
                    value,
                    label: RULE_SET_LABELS[value],
                  }))}
                  value={values.consentRuleSet}
                  onChange={(v) => set("consentRuleSet", v)}
                  error={errors.consentRuleSet}
                  helpText="US: a delay over 30 days, or a second delay, needs the customer's yes by a stated deadline, or the order is cancelled and refunded. UK/EU: past the agreed date, the notice offers to end the contract with a full refund."
                />
                <Checkbox
                  label="Tag orders in Shopify (delay-desk:at-risk, delay-desk:overdue)"
                  name="tagOrders"
                  checked={values.tagOrders}
                  onChange={(v) => set("tagOrders", v)}
                />
              </FormLayout>
            </Card>
          </Layout.AnnotatedSection>
          <Layout.Section>
            <InlineStack align="end" gap="200">
              <Button
                loading={saving && navigation.formData?.get("intent") === "preview"}
                onClick={preview}
              >
                Preview changes
              </Button>
              <Button
                submit
                variant="primary"
                loading={saving && navigation.formData?.get("intent") !== "preview"}
              >
                Save and re-forecast
              </Button>
            </InlineStack>
          </Layout.Section>
        </Layout>
      </Form>
    </Page>
  );
}
