// The settings form's fields, as every section of the page takes them.
import type { FormFields } from "../../../forms/use-form-fields";
import type { SettingsFormValues } from "../../../settings/settings-form";

export type SettingsFields = FormFields<SettingsFormValues>;

export const WEEKDAY_LABELS = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"];
