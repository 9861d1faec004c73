// Lead time rules: by variant, product, collection or product tag, each picked in Shopify (tags
// are typed). The section says the precedence the promise applies (app/promise/lead-time.ts):
// variant, then product, then collection or tag (the longest of those), then the shop's rule.
import { BlockStack, Button, InlineGrid, InlineStack, Text, TextField } from "@shopify/polaris";
import { PickedRuleRows } from "./picked-rule-rows";
import { SettingsSection } from "./settings-section";
import type { SettingsFields } from "./settings-fields";

function OverrideRows({
  form,
  group,
  label,
  keyLabel,
}: {
  form: SettingsFields;
  group: "tagOverrides";
  label: string;
  keyLabel: string;
}) {
  return (
    <BlockStack gap="200">
      <Text as="h3" variant="headingSm">
        {label}
      </Text>
      {form.values[group].map((_, i) => (
        <InlineGrid key={i} columns={["twoThirds", "oneThird"]} gap="200">
          <TextField label={keyLabel} {...form.row(group, i, "key")} autoComplete="off" />
          <TextField
            label="Lead time (business days)"
            {...form.row(group, i, "leadTime")}
            inputMode="numeric"
            autoComplete="off"
            connectedRight={<Button onClick={() => form.removeRow(group, i)}>Remove</Button>}
          />
        </InlineGrid>
      ))}
      <InlineStack>
        <Button onClick={() => form.addRow(group, { key: "", leadTime: "" })}>Add</Button>
      </InlineStack>
    </BlockStack>
  );
}

export function LeadTimeRulesSection({
  form,
  titles,
}: {
  form: SettingsFields;
  /** Title by collection, product or variant GID, for what the saved rules name. */
  titles: Record<string, string>;
}) {
  return (
    <SettingsSection
      title="Lead time rules"
      description="Products that take longer, or less, than the shop's lead time. The most specific rule wins: a variant's rule, else its product's, else its collections' or tags' (the longest of those), else the shop's lead time. An order ships when its slowest item does. A change applies to new orders only."
    >
      <BlockStack gap="400">
        <PickedRuleRows form={form} type="variant" heading="Lead time by variant" titles={titles} />
        <PickedRuleRows form={form} type="product" heading="Lead time by product" titles={titles} />
        <PickedRuleRows
          form={form}
          type="collection"
          heading="Lead time by collection"
          titles={titles}
        />
        <OverrideRows
          form={form}
          group="tagOverrides"
          label="Lead time by product tag"
          keyLabel="Product tag"
        />
      </BlockStack>
    </SettingsSection>
  );
}
