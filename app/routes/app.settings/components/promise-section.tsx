// When a new order is promised to ship: time zone, the shop's lead time and the cut-off (the
// rules by product, variant, collection or tag are the next section, lead-time-rules-section.tsx).
import { FormLayout, Select, TextField } from "@shopify/polaris";
import { SettingsSection } from "./settings-section";
import type { SettingsFields } from "./settings-fields";

/** Every half hour of the day, plus the saved time when it is between them (e.g. 14:15). */
export function cutOffOptions(current: string): { label: string; value: string }[] {
  const times = Array.from({ length: 48 }, (_, i) => {
    const hour = String(Math.floor(i / 2)).padStart(2, "0");
    return `${hour}:${i % 2 === 0 ? "00" : "30"}`;
  });
  if (/^\d{2}:\d{2}$/.test(current) && !times.includes(current)) times.push(current);
  return times.sort().map((value) => ({ value, label: clockLabel(value) }));
}

function clockLabel(hhmm: string): string {
  const [hour = 0, minute = 0] = hhmm.split(":").map(Number);
  const suffix = hour < 12 ? "AM" : "PM";
  return `${hour % 12 === 0 ? 12 : hour % 12}:${String(minute).padStart(2, "0")} ${suffix} (${hhmm})`;
}

export function PromiseSection({ form, timeZones }: { form: SettingsFields; timeZones: string[] }) {
  return (
    <SettingsSection
      title="Promise"
      description="When a new order is promised to ship, unless Shopify already has a fulfill-by date for it. A change applies to new orders only: open orders keep the promise they were given."
    >
      <FormLayout>
        <Select label="Time zone" options={timeZones} {...form.field("timeZone")} />
        <FormLayout.Group>
          <TextField
            label="Lead time (business days)"
            helpText="The shop's rule: for every product no lead-time rule below names."
            {...form.field("defaultLeadTime")}
            inputMode="numeric"
            autoComplete="off"
          />
          <Select
            label="Daily cut-off (shop time)"
            options={cutOffOptions(form.values.cutOffTime)}
            {...form.field("cutOffTime")}
            helpText={`Orders at or after this time (${form.values.timeZone}) count from the next open day.`}
          />
        </FormLayout.Group>
      </FormLayout>
    </SettingsSection>
  );
}
