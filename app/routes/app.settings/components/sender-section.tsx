// Who customer updates come from, how often, and whether Shopify's orders are tagged.
import { Checkbox, FormLayout, TextField } from "@shopify/polaris";
import { SettingsSection } from "./settings-section";
import type { SettingsFields } from "./settings-fields";

export function SenderSection({ form }: { form: SettingsFields }) {
  return (
    <SettingsSection
      title="Sender and Shopify"
      description="Updates come from a real person, never a no-reply address."
    >
      <FormLayout>
        <FormLayout.Group>
          <TextField label="Sender's name" {...form.field("senderName")} autoComplete="name" />
          <TextField
            label="Sender's role"
            {...form.field("senderRole")}
            placeholder="Operations manager"
            autoComplete="off"
          />
        </FormLayout.Group>
        <TextField
          label="Update each customer at most every (days)"
          {...form.field("noticeCadenceDays")}
          helpText="Routine updates wait this long after the last one; a later date goes out at once. Customers who cancelled hear nothing more."
          inputMode="numeric"
          autoComplete="off"
        />
        <Checkbox
          label="Tag orders in Shopify (delay-desk:at-risk, delay-desk:overdue)"
          {...form.checkbox("tagOrders")}
        />
      </FormLayout>
    </SettingsSection>
  );
}
