// The settings form's fields as the page posts them (app/routes/app.settings/: field names from
// useFormFields), for tests of the form's parser and of the route's action.
import type { SettingsFormValues } from "../../app/settings/settings-form";

export function settingsFormEntries(values: SettingsFormValues): [string, string][] {
  const entries: [string, string][] = [
    ["timeZone", values.timeZone],
    ["defaultLeadTime", values.defaultLeadTime],
    ["cutOffTime", values.cutOffTime],
  ];
  for (const day of values.openWeekdays) entries.push(["openWeekdays", String(day)]);
  for (const group of [
    "tagOverrides",
    "collectionOverrides",
    "productOverrides",
    "variantOverrides",
  ] as const)
    values[group].forEach((o, i) =>
      entries.push([`${group}.${i}.key`, o.key], [`${group}.${i}.leadTime`, o.leadTime]),
    );
  values.closures.forEach((c, i) =>
    entries.push(
      [`closures.${i}.label`, c.label],
      [`closures.${i}.from`, c.from],
      [`closures.${i}.to`, c.to],
    ),
  );
  entries.push(["capacityUnit", values.capacityUnit]);
  for (const [day, value] of Object.entries(values.capacity))
    entries.push([`capacity.${day}`, value]);
  entries.push(
    ["variability", values.variability],
    ["senderName", values.senderName],
    ["senderRole", values.senderRole],
  );
  if (values.tagOrders) entries.push(["tagOrders", "on"]);
  entries.push(
    ["noticeCadenceDays", values.noticeCadenceDays],
    ["consentRuleSet", values.consentRuleSet],
  );
  return entries;
}

/** The same fields as FormData, as the action's request.formData() hands them over. */
export function settingsFormData(values: SettingsFormValues): FormData {
  const form = new FormData();
  for (const [name, value] of settingsFormEntries(values)) form.append(name, value);
  return form;
}
