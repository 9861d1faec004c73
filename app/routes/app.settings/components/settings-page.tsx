// The settings page as the merchant sees it: the sections, the banners after Preview or Save, and
// the two buttons. Data comes from the route's loader and action (../route.tsx).
import { Form, useActionData, useLoaderData, useNavigation, useSubmit } from "@remix-run/react";
import { Banner, Button, InlineStack, Layout, Page } from "@shopify/polaris";
import { useRef } from "react";
import { useFormFields } from "../../../forms/use-form-fields";
import type { action, loader } from "../route";
import { CapacitySection } from "./capacity-section";
import { OpenDaysSection } from "./open-days-section";
import { PreviewBanner } from "./preview-banner";
import { LeadTimeRulesSection } from "./lead-time-rules-section";
import { PromiseSection } from "./promise-section";
import { SenderSection } from "./sender-section";

export function SettingsPage() {
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
      {/* data-save-bar: App Bridge shows admin's save bar while a field differs from what the
          page loaded, and the admin keeps the merchant on the page until they save or discard
          (https://shopify.dev/docs/api/app-home/app-bridge-web-components/save-bar). Discard
          resets the form; the fields are React state, so the reset puts back the saved values. */}
      <Form
        method="post"
        ref={formRef}
        data-save-bar
        data-discard-confirmation
        onReset={(event) => {
          event.preventDefault();
          form.reset(loaded.values);
        }}
      >
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
          <PromiseSection form={form} timeZone={loaded.timeZone} />
          <LeadTimeRulesSection form={form} titles={loaded.ruleTitles} />
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
