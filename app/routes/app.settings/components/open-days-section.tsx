// Open weekdays and closures: closed days have no capacity and are not business days.
import {
  BlockStack,
  Button,
  Checkbox,
  InlineGrid,
  InlineStack,
  Text,
  TextField,
} from "@shopify/polaris";
import { SettingsSection } from "./settings-section";
import { WEEKDAY_LABELS, type SettingsFields } from "./settings-fields";

export function OpenDaysSection({ form }: { form: SettingsFields }) {
  const { values, errors } = form;
  return (
    <SettingsSection
      title="Open days and closures"
      description="Closed days have no capacity and do not count as business days."
    >
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
                  form.set(
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
        {values.closures.map((_, i) => (
          <InlineGrid key={i} columns={3} gap="200">
            <TextField label="Label" {...form.row("closures", i, "label")} autoComplete="off" />
            <TextField
              label="From"
              type="date"
              {...form.row("closures", i, "from")}
              autoComplete="off"
            />
            <TextField
              label="To (empty for one day)"
              type="date"
              {...form.row("closures", i, "to")}
              autoComplete="off"
              connectedRight={<Button onClick={() => form.removeRow("closures", i)}>Remove</Button>}
            />
          </InlineGrid>
        ))}
        <InlineStack>
          <Button onClick={() => form.addRow("closures", { label: "", from: "", to: "" })}>
            Add closure
          </Button>
        </InlineStack>
      </BlockStack>
    </SettingsSection>
  );
}
