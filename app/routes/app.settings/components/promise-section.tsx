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

export function PromiseSection({
  form,
  timeZone,
}: {
  form: SettingsFields;
  /** The shop's zone from Shopify (read-only), named for the reader. */
  timeZone: { zone: string; label: string; savedDiffers: boolean };
}) {
  return (
    <SettingsSection
      title="Promise"
      description="When a new order is promised to ship, unless Shopify already has a fulfill-by date for it. A change applies to new orders only: open orders keep the promise they were given."
    >
      <FormLayout>
        {/* Posted for the form's parser; the action replaces it with Shopify's zone anyway. */}
        <input type="hidden" name="timeZone" value={timeZone.zone} />
        <TextField
          label="Time zone"
          value={timeZone.label}
          readOnly
          autoComplete="off"
          helpText={
            timeZone.savedDiffers
              ? "Your Shopify store's time zone changed since the last save: saving moves Delay Desk's days to it."
              : "Your Shopify store's time zone (Shopify admin → Settings → General). Change it there; Delay Desk follows it."
          }
        />
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
            helpText={`Orders at or after this time (${timeZone.label}) count from the next open day.`}
          />
        </FormLayout.Group>
      </FormLayout>
    </SettingsSection>
  );
}
