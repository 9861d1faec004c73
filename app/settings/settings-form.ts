// The settings form: what the page shows (every field as the text the merchant typed) and how a
// submission becomes ShopRules. Errors are keyed by field name so each input shows its own, and
// the typed values travel back untouched, so a mistake never costs the merchant the rest.
import { z } from "zod";
import {
  MAX_COEFFICIENT_OF_VARIATION,
  shopRulesSchema,
  WEEKDAY_KEYS,
  type ShopRules,
  type WeekdayKey,
} from "../promise/shop-rules";
import { consentRuleSetSchema, type ConsentRuleSet } from "../consent/consent-rules";
import { MAX_CADENCE_DAYS, MIN_CADENCE_DAYS } from "../notices/cadence";
import type { ShopSettings } from "./shop-settings.server";

export interface OverrideValues {
  key: string;
  leadTime: string;
}
export interface ClosureValues {
  label: string;
  from: string;
  /** Empty for a single day. */
  to: string;
}

export interface SettingsFormValues {
  timeZone: string;
  defaultLeadTime: string;
  cutOffTime: string;
  openWeekdays: number[];
  tagOverrides: OverrideValues[];
  collectionOverrides: OverrideValues[];
  /** Picked in Shopify: `key` is the product's GID. */
  productOverrides: OverrideValues[];
  /** Picked in Shopify: `key` is the variant's GID. */
  variantOverrides: OverrideValues[];
  closures: ClosureValues[];
  capacityUnit: string;
  capacity: Record<WeekdayKey, string>;
  /** Percent, as typed ("25" for a coefficient of variation of 0.25). */
  variability: string;
  senderName: string;
  senderRole: string;
  tagOrders: boolean;
  /** Days between routine customer updates, as typed; "" leaves the saved value as it is. */
  noticeCadenceDays: string;
  /** The consent law to follow, as chosen; "" leaves the saved value as it is. */
  consentRuleSet: string;
}

export type FieldErrors = Record<string, string>;

export type SettingsFormResult =
  | {
      ok: true;
      rules: ShopRules;
      senderName: string | null;
      senderRole: string | null;
      tagOrders: boolean;
      /** Undefined when the form did not carry the field: the saved value stays. */
      noticeCadenceDays: number | undefined;
      /** Undefined when the form did not carry the field: the saved value stays. */
      consentRuleSet: ConsentRuleSet | undefined;
      values: SettingsFormValues;
    }
  | { ok: false; values: SettingsFormValues; errors: FieldErrors };

export function formValuesFromSettings(settings: ShopSettings): SettingsFormValues {
  const { rules } = settings;
  const capacity = Object.fromEntries(
    WEEKDAY_KEYS.map((day) => [day, String(rules.capacity.perWeekday[day])]),
  );
  return {
    timeZone: rules.timeZone,
    defaultLeadTime: String(rules.defaultLeadTimeBusinessDays),
    cutOffTime: rules.cutOffTime,
    openWeekdays: [...rules.openWeekdays],
    tagOverrides: rules.productTagOverrides.map((o) => ({
      key: o.tag,
      leadTime: String(o.leadTimeBusinessDays),
    })),
    collectionOverrides: rules.collectionOverrides.map((o) => ({
      key: o.collectionId,
      leadTime: String(o.leadTimeBusinessDays),
    })),
    productOverrides: rules.productOverrides.map((o) => ({
      key: o.productId,
      leadTime: String(o.leadTimeBusinessDays),
    })),
    variantOverrides: rules.variantOverrides.map((o) => ({
      key: o.variantId,
      leadTime: String(o.leadTimeBusinessDays),
    })),
    closures: rules.closures.map((c) => ({
      label: c.label,
      from: c.from,
      to: c.to === c.from ? "" : c.to,
    })),
    capacityUnit: rules.capacity.unit,
    capacity: { mon: "", tue: "", wed: "", thu: "", fri: "", sat: "", sun: "", ...capacity },
    variability: String(Math.round(rules.capacity.coefficientOfVariation * 1000) / 10),
    senderName: settings.senderName ?? "",
    senderRole: settings.senderRole ?? "",
    tagOrders: settings.tagOrders,
    noticeCadenceDays: String(settings.noticeCadenceDays),
    consentRuleSet: settings.consentRuleSet,
  };
}

function text(form: FormData, name: string): string {
  const value = form.get(name);
  return typeof value === "string" ? value.trim() : "";
}

/** Rows of a repeated group (`closures.0.label`, `closures.1.label`, …), in index order. */
function rows(form: FormData, group: string, fields: readonly string[]): Record<string, string>[] {
  const indexes = new Set<number>();
  const pattern = new RegExp(`^${group}\\.(\\d{1,3})\\.`);
  for (const key of form.keys()) {
    const match = pattern.exec(key);
    if (match?.[1]) indexes.add(Number(match[1]));
  }
  return (
    [...indexes]
      .sort((a, b) => a - b)
      .map((i) =>
        Object.fromEntries(fields.map((field) => [field, text(form, `${group}.${i}.${field}`)])),
      )
      // A row left entirely blank is one the merchant added and did not use.
      .filter((row) => Object.values(row).some((value) => value !== ""))
  );
}

function overrideRows(form: FormData, group: string): OverrideValues[] {
  return rows(form, group, ["key", "leadTime"]).map((r) => ({
    key: r.key ?? "",
    leadTime: r.leadTime ?? "",
  }));
}

export function formValuesFromFormData(form: FormData): SettingsFormValues {
  const capacity = { mon: "", tue: "", wed: "", thu: "", fri: "", sat: "", sun: "" };
  for (const day of WEEKDAY_KEYS) capacity[day] = text(form, `capacity.${day}`);
  const weekdays = form
    .getAll("openWeekdays")
    .map((value) => (typeof value === "string" ? Number(value) : NaN))
    .filter((day) => Number.isInteger(day) && day >= 1 && day <= 7);
  return {
    timeZone: text(form, "timeZone"),
    defaultLeadTime: text(form, "defaultLeadTime"),
    cutOffTime: text(form, "cutOffTime"),
    openWeekdays: [...new Set(weekdays)].sort(),
    tagOverrides: rows(form, "tagOverrides", ["key", "leadTime"]).map((r) => ({
      key: r.key ?? "",
      leadTime: r.leadTime ?? "",
    })),
    collectionOverrides: overrideRows(form, "collectionOverrides"),
    productOverrides: overrideRows(form, "productOverrides"),
    variantOverrides: overrideRows(form, "variantOverrides"),
    closures: rows(form, "closures", ["label", "from", "to"]).map((r) => ({
      label: r.label ?? "",
      from: r.from ?? "",
      to: r.to ?? "",
    })),
    capacityUnit: text(form, "capacityUnit"),
    capacity,
    variability: text(form, "variability"),
    senderName: text(form, "senderName"),
    senderRole: text(form, "senderRole"),
    tagOrders: form.get("tagOrders") === "on",
    noticeCadenceDays: text(form, "noticeCadenceDays"),
    consentRuleSet: text(form, "consentRuleSet"),
  };
}

// Numbers typed into text inputs: "" or "abc" must say "enter a number", not "expected number,
// received nan".
function toNumber(value: string, field: string, errors: FieldErrors): number {
  const number = value === "" ? NaN : Number(value);
  if (!Number.isFinite(number)) errors[field] = "Enter a number";
  return number;
}

const MAX_VARIABILITY_PERCENT = MAX_COEFFICIENT_OF_VARIATION * 100;

const senderSchema = z.string().max(80, "At most 80 characters");

/** Maps a zod issue path in ShopRules to the form field that shows it. */
function fieldOf(path: readonly (string | number)[]): string {
  const [head, index, leaf, sub] = path;
  switch (head) {
    case "timeZone":
      return "timeZone";
    case "defaultLeadTimeBusinessDays":
      return "defaultLeadTime";
    case "cutOffTime":
      return "cutOffTime";
    case "openWeekdays":
      return "openWeekdays";
    case "productTagOverrides":
      return `tagOverrides.${index}.${leaf === "tag" ? "key" : "leadTime"}`;
    case "collectionOverrides":
      return `collectionOverrides.${index}.${leaf === "collectionId" ? "key" : "leadTime"}`;
    // A refinement on the whole list (the same product twice) has no index: shown on the first row.
    case "productOverrides":
      return `productOverrides.${index ?? 0}.${leaf === "leadTimeBusinessDays" ? "leadTime" : "key"}`;
    case "variantOverrides":
      return `variantOverrides.${index ?? 0}.${leaf === "leadTimeBusinessDays" ? "leadTime" : "key"}`;
    case "closures":
      // A range whose end precedes its start is reported on the closure itself: show it on "to".
      return `closures.${index}.${leaf === "label" ? "label" : leaf === "date" ? "from" : (leaf ?? "to")}`;
    case "capacity":
      if (index === "perWeekday") return `capacity.${leaf}`;
      if (index === "coefficientOfVariation") return "variability";
      if (index === "unit") return "capacityUnit";
      return `capacity.${String(leaf ?? sub ?? "")}`;
    default:
      return "form";
  }
}

export function parseSettingsForm(form: FormData, current: ShopRules): SettingsFormResult {
  const values = formValuesFromFormData(form);
  const errors: FieldErrors = {};
  const perWeekday = Object.fromEntries(
    WEEKDAY_KEYS.map((day) => [day, toNumber(values.capacity[day], `capacity.${day}`, errors)]),
  );
  const input = {
    timeZone: values.timeZone,
    defaultLeadTimeBusinessDays: toNumber(values.defaultLeadTime, "defaultLeadTime", errors),
    productTagOverrides: values.tagOverrides.map((o, i) => ({
      tag: o.key,
      leadTimeBusinessDays: toNumber(o.leadTime, `tagOverrides.${i}.leadTime`, errors),
    })),
    collectionOverrides: values.collectionOverrides.map((o, i) => ({
      collectionId: o.key,
      leadTimeBusinessDays: toNumber(o.leadTime, `collectionOverrides.${i}.leadTime`, errors),
    })),
    productOverrides: values.productOverrides.map((o, i) => ({
      productId: o.key,
      leadTimeBusinessDays: toNumber(o.leadTime, `productOverrides.${i}.leadTime`, errors),
    })),
    variantOverrides: values.variantOverrides.map((o, i) => ({
      variantId: o.key,
      leadTimeBusinessDays: toNumber(o.leadTime, `variantOverrides.${i}.leadTime`, errors),
    })),
    cutOffTime: values.cutOffTime,
    openWeekdays: values.openWeekdays,
    closures: values.closures.map((c) =>
      c.to === "" ? { label: c.label, date: c.from } : { label: c.label, from: c.from, to: c.to },
    ),
    capacity: {
      unit: values.capacityUnit,
      perWeekday,
      coefficientOfVariation: toNumber(values.variability, "variability", errors) / 100,
      // Not on the form: recorded output is kept as it was.
      outputHistory: current.capacity.outputHistory,
    },
    conservativeConfidence: current.conservativeConfidence,
  };
  const parsed = shopRulesSchema.safeParse(input);
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const field = fieldOf(issue.path);
      // The "Enter a number" already there is clearer than zod's "expected number, received nan".
      errors[field] ??=
        issue.path[0] === "openWeekdays" && issue.code === "too_small"
          ? "Open at least one weekday"
          : field === "variability"
            ? // The rule holds a fraction (0–3); the merchant types a percentage, so say it in %.
              `Enter a percentage from 0 to ${MAX_VARIABILITY_PERCENT}`
            : issue.message;
    }
  }
  for (const field of ["senderName", "senderRole"] as const) {
    const sender = senderSchema.safeParse(values[field]);
    if (!sender.success) errors[field] = sender.error.issues[0]?.message ?? "Invalid";
  }
  let noticeCadenceDays: number | undefined;
  if (values.noticeCadenceDays !== "") {
    const days = Number(values.noticeCadenceDays);
    if (!Number.isInteger(days) || days < MIN_CADENCE_DAYS || days > MAX_CADENCE_DAYS)
      errors.noticeCadenceDays = `Enter whole days, ${MIN_CADENCE_DAYS} to ${MAX_CADENCE_DAYS}`;
    else noticeCadenceDays = days;
  }
  let consentRuleSet: ConsentRuleSet | undefined;
  if (values.consentRuleSet !== "") {
    const ruleSet = consentRuleSetSchema.safeParse(values.consentRuleSet);
    if (ruleSet.success) consentRuleSet = ruleSet.data;
    else errors.consentRuleSet = "Choose the US FTC rule or the UK/EU rules";
  }
  if (!parsed.success || Object.keys(errors).length > 0) return { ok: false, values, errors };
  return {
    ok: true,
    rules: parsed.data,
    senderName: values.senderName || null,
    senderRole: values.senderRole || null,
    tagOrders: values.tagOrders,
    noticeCadenceDays,
    consentRuleSet,
    values,
  };
}
