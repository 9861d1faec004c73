// Who customer updates come from, how often, which consent law they follow, and whether Shopify's orders are tagged.
import { Checkbox, FormLayout, Select, TextField } from "@shopify/polaris";
import { CONSENT_RULE_SETS, RULE_SET_LABELS } from "../../../consent/consent-rules";
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
        <Select
          label="Consent law to follow"
          {...form.field("consentRuleSet")}
          options={CONSENT_RULE_SETS.map((value) => ({ value, label: RULE_SET_LABELS[value] }))}
          helpText="US: a delay over 30 days, or a second delay, needs the customer's yes by a stated deadline, or the order is cancelled and refunded. UK/EU: past the agreed date, the notice offers to end the contract with a full refund."
        />
        <Checkbox
          label="Tag orders in Shopify (delay-desk:at-risk, delay-desk:overdue)"
          {...form.checkbox("tagOrders")}
        />
      </FormLayout>
    </SettingsSection>
  );
}
