// What the workshop ships on an ordinary open day, and how much that varies.
import { FormLayout, InlineGrid, Select, TextField } from "@shopify/polaris";
import { SettingsSection } from "./settings-section";
import { WEEKDAY_KEYS } from "../../../promise/shop-rules";
import { WEEKDAY_LABELS, type SettingsFields } from "./settings-fields";

export function CapacitySection({ form }: { form: SettingsFields }) {
  const { values, errors } = form;
  return (
    <SettingsSection
      title="Capacity"
      description="What the workshop ships on an ordinary open day, and how much that varies."
    >
      <FormLayout>
        <Select
          label="Capacity counted in"
          options={[
            { label: "Units (items made or packed)", value: "units" },
            { label: "Orders shipped", value: "orders" },
          ]}
          {...form.field("capacityUnit")}
        />
        <InlineGrid columns={{ xs: 4, md: 7 }} gap="200">
          {WEEKDAY_KEYS.map((day, i) => (
            <TextField
              key={day}
              label={WEEKDAY_LABELS[i]}
              name={`capacity.${day}`}
              value={values.capacity[day]}
              onChange={(v) => form.set("capacity", { ...values.capacity, [day]: v })}
              error={errors[`capacity.${day}`]}
              inputMode="decimal"
              autoComplete="off"
            />
          ))}
        </InlineGrid>
        <TextField
          label="Day-to-day variability (%)"
          {...form.field("variability")}
          helpText="How much a day's output typically strays from the plan. 25 % means a 12-unit day is often 9 to 15."
          inputMode="decimal"
          autoComplete="off"
        />
      </FormLayout>
    </SettingsSection>
  );
}
