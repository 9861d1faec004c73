import { describe, expect, it } from "vitest";
import { settingsFormData } from "../../tests/support/settings-form";
import { DEFAULT_SHOP_RULES } from "../promise/shop-rules";
import { formValuesFromSettings, parseSettingsForm } from "./settings-form";

const defaults = {
  rules: DEFAULT_SHOP_RULES,
  senderName: "Dawn Rivera",
  senderRole: "Operations manager",
  tagOrders: false,
  noticeCadenceDays: 7,
  consentRuleSet: "ftc" as const,
  saved: true,
};

describe("settings form", () => {
  it("round-trips the saved settings unchanged", () => {
    const result = parseSettingsForm(
      settingsFormData(formValuesFromSettings(defaults)),
      DEFAULT_SHOP_RULES,
    );
    if (!result.ok) throw new Error(JSON.stringify(result.errors));
    expect(result.rules).toEqual(DEFAULT_SHOP_RULES);
    expect([result.senderName, result.senderRole, result.tagOrders]).toEqual([
      "Dawn Rivera",
      "Operations manager",
      false,
    ]);
  });

  it("reads overrides, single-day and ranged closures, percent variability and the tag toggle", () => {
    const values = formValuesFromSettings(defaults);
    values.tagOverrides = [{ key: "engraved", leadTime: "15" }];
    values.collectionOverrides = [{ key: "gid://shopify/Collection/42", leadTime: "12" }];
    values.closures = [
      { label: "Thanksgiving week", from: "2026-11-23", to: "2026-11-27" },
      { label: "Christmas", from: "2026-12-25", to: "" },
    ];
    values.capacityUnit = "orders";
    values.capacity.sat = "4";
    values.variability = "40";
    values.tagOrders = true;
    const form = settingsFormData(values);
    // A blank row the merchant added and left empty is ignored.
    form.set("closures.7.label", "");
    form.set("closures.7.from", "");
    const result = parseSettingsForm(form, DEFAULT_SHOP_RULES);
    if (!result.ok) throw new Error(JSON.stringify(result.errors));
    expect(result.rules.productTagOverrides).toEqual([
      { tag: "engraved", leadTimeBusinessDays: 15 },
    ]);
    expect(result.rules.collectionOverrides).toEqual([
      { collectionId: "gid://shopify/Collection/42", leadTimeBusinessDays: 12 },
    ]);
    expect(result.rules.closures).toEqual([
      { label: "Thanksgiving week", from: "2026-11-23", to: "2026-11-27" },
      { label: "Christmas", from: "2026-12-25", to: "2026-12-25" },
    ]);
    expect(result.rules.capacity).toMatchObject({ unit: "orders", coefficientOfVariation: 0.4 });
    expect(result.rules.capacity.perWeekday.sat).toBe(4);
    expect(result.tagOrders).toBe(true);
  });

  it("states the variability limit in percent, the unit the merchant types (500 is refused as over 300)", () => {
    const values = formValuesFromSettings(defaults);
    values.variability = "500";
    const over = parseSettingsForm(settingsFormData(values), DEFAULT_SHOP_RULES);
    expect(over.ok).toBe(false);
    if (!over.ok) expect(over.errors.variability).toBe("Enter a percentage from 0 to 300");
    values.variability = "300";
    const atLimit = parseSettingsForm(settingsFormData(values), DEFAULT_SHOP_RULES);
    expect(atLimit.ok && atLimit.rules.capacity.coefficientOfVariation).toBe(3);
  });

  it("reads the consent rule set, and names an unknown one as the field's error", () => {
    const values = formValuesFromSettings(defaults);
    expect(values.consentRuleSet).toBe("ftc");
    values.consentRuleSet = "uk_eu";
    const chosen = parseSettingsForm(settingsFormData(values), DEFAULT_SHOP_RULES);
    expect(chosen.ok && chosen.consentRuleSet).toBe("uk_eu");
    values.consentRuleSet = "mars";
    const bad = parseSettingsForm(settingsFormData(values), DEFAULT_SHOP_RULES);
    expect(bad.ok).toBe(false);
    if (!bad.ok) {
      expect(bad.errors.consentRuleSet).toBe("Choose the US FTC rule or the UK/EU rules");
      expect(bad.values.consentRuleSet).toBe("mars");
    }
  });

  it("names each bad field and keeps everything typed", () => {
    const values = formValuesFromSettings(defaults);
    values.timeZone = "Mars/Olympus";
    values.defaultLeadTime = "ten";
    values.cutOffTime = "25:00";
    values.openWeekdays = [];
    values.capacity.tue = "-3";
    values.closures = [{ label: "Backwards", from: "2026-12-10", to: "2026-12-01" }];
    values.tagOverrides = [{ key: "", leadTime: "3" }];
    values.senderName = "x".repeat(81);
    const result = parseSettingsForm(settingsFormData(values), DEFAULT_SHOP_RULES);
    if (result.ok) throw new Error("expected errors");
    expect(result.errors).toMatchObject({
      timeZone: "Unknown IANA time zone",
      defaultLeadTime: "Enter a number",
      cutOffTime: "Expected HH:MM (24-hour)",
      openWeekdays: "Open at least one weekday",
      "closures.0.to": "A closure must end on or after its start",
      senderName: "At most 80 characters",
    });
    expect(result.errors["capacity.tue"]).toMatch(/greater than or equal to 0/);
    expect(result.errors["tagOverrides.0.key"]).toBeDefined();
    expect(result.values).toEqual(values);
  });
});
