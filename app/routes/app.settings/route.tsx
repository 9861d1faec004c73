// Settings: lead times, cut-off, time zone, open days, closures, capacity and the sender. "Preview"
// shows what a change would do before anything is saved (open orders keep the promise they were
// given, new orders get the new one, how the forecast moves); saving re-forecasts every order at
// once, so the dashboard shows the consequence straight away. The sections are in components/.
import { json, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useNavigation, useSubmit } from "@remix-run/react";
import { Banner, Button, InlineStack, Layout, Page } from "@shopify/polaris";
import { useRef } from "react";
import db from "../../db.server";
import { invalidForm } from "../../forms/form-result";
import { useFormFields } from "../../forms/use-form-fields";
import { previewShopRulesChange } from "../../promise/open-promises.server";
import { appServices } from "../../services.server";
import { saveSettingsAndReforecast } from "../../settings/save-settings.server";
import { formValuesFromSettings, parseSettingsForm } from "../../settings/settings-form";
import { settingsForShop } from "../../settings/shop-time-zone.server";
import { authenticate } from "../../shopify.server";
import { CapacitySection } from "./components/capacity-section";
import { OpenDaysSection } from "./components/open-days-section";
import { PreviewBanner } from "./components/preview-banner";
import { PromiseSection } from "./components/promise-section";
import { SenderSection } from "./components/sender-section";

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
  if (!result.ok) return invalidForm(result.values, result.errors, { counts: null, preview: null });
  const now = new Date();
  if (form.get("intent") === "preview") {
    const preview = await previewShopRulesChange(
      db,
      session.shop,
      current.rules,
      result.rules,
      now,
    );
    return json({ ok: true as const, values: result.values, errors: {}, counts: null, preview });
  }
  const counts = await saveSettingsAndReforecast(
    { db, admin, orderSync: appServices().orderSync },
    {
      shop: session.shop,
      current: current.rules,
      next: {
        rules: result.rules,
        senderName: result.senderName,
        senderRole: result.senderRole,
        tagOrders: result.tagOrders,
        noticeCadenceDays: result.noticeCadenceDays,
        // The session token's subject is the staff member who pressed Save.
        updatedBy: sessionToken?.sub ?? null,
      },
      now,
    },
  );
  return json({ ok: true as const, values: result.values, errors: {}, counts, preview: null });
};

export default function SettingsPage() {
  const loaded = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const navigation = useNavigation();
  // What was typed survives a failed save: the action sends it back and the form starts from it.
  const form = useFormFields(
    result?.values ?? loaded.values,
    result && !result.ok ? result.errors : {},
  );
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
  const errorCount = Object.keys(form.errors).length;

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
          <PromiseSection form={form} timeZones={loaded.timeZones} />
          <OpenDaysSection form={form} />
          <CapacitySection form={form} />
          <SenderSection form={form} />
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
