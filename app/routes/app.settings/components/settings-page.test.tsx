// @vitest-environment happy-dom
// The settings page as a merchant uses it, rendered in a DOM with Polaris and its English
// translations, under Remix's test router (createRemixStub). The stub's action is the route's
// refusal path with the real form parser (app/settings/settings-form.ts), so a validation message
// is the one the server gives; what the form submits is read from the request the action gets.
import { cleanup, screen, waitFor, within } from "@testing-library/react";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import {
  installAppBridgeFake,
  type AppBridgeFake,
} from "../../../../tests/support/app-bridge-fake";
import { renderPage } from "../../../../tests/support/render-page";
import { DEFAULT_CADENCE_DAYS } from "../../../notices/cadence";
import { DEFAULT_SHOP_RULES } from "../../../promise/shop-rules";
import { formValuesFromSettings, parseSettingsForm } from "../../../settings/settings-form";
import { cutOffOptions } from "./promise-section";
import { SettingsPage } from "./settings-page";

let appBridge: AppBridgeFake;
beforeEach(() => {
  appBridge = installAppBridgeFake();
});
afterEach(cleanup);

const loaded = {
  values: formValuesFromSettings({
    rules: DEFAULT_SHOP_RULES,
    senderName: null,
    senderRole: null,
    tagOrders: false,
    noticeCadenceDays: DEFAULT_CADENCE_DAYS,
    consentRuleSet: "ftc",
    saved: false,
  }),
  saved: false,
  ruleTitles: {},
  timeZone: {
    zone: DEFAULT_SHOP_RULES.timeZone,
    label: `${DEFAULT_SHOP_RULES.timeZone} (EST)`,
    savedDiffers: false,
  },
};

function openPage() {
  const submitted: FormData[] = [];
  const user = renderPage(
    [
      {
        path: "/app/settings",
        Component: SettingsPage,
        loader: () => loaded,
        action: async ({ request }) => {
          const form = await request.formData();
          submitted.push(form);
          const result = parseSettingsForm(form, DEFAULT_SHOP_RULES);
          if (!result.ok)
            return Response.json(
              {
                ok: false,
                values: result.values,
                errors: result.errors,
                counts: null,
                preview: null,
              },
              { status: 400 },
            );
          return {
            ok: true,
            values: result.values,
            errors: {},
            counts:
              form.get("intent") === "preview" ? null : { overdue: 1, at_risk: 2, on_track: 30 },
            preview: null,
          };
        },
      },
    ],
    "/app/settings",
  );
  return { submitted, user };
}

describe("the settings page", () => {
  it("adds collections picked in Shopify's resource picker as rows named by title, each submitting the collection's GID; a cancelled picker or a collection already listed adds nothing", async () => {
    const { submitted, user } = openPage();
    const wallets = { id: "gid://shopify/Collection/41", title: "Wallets" };
    const desk = { id: "gid://shopify/Collection/42", title: "Desk" };
    appBridge.answerNextPicker([wallets, desk]);
    await user.click(await screen.findByRole("button", { name: "Add collections" }));
    const walletsLeadTime = await screen.findByLabelText("Lead time for Wallets (business days)");
    await user.type(walletsLeadTime, "12");
    await user.type(screen.getByLabelText("Lead time for Desk (business days)"), "4");
    expect(appBridge.pickerCalls).toEqual([
      { type: "collection", action: "select", multiple: true, selectionIds: [] },
    ]);

    appBridge.answerNextPicker(undefined);
    await user.click(screen.getByRole("button", { name: "Add collections" }));
    appBridge.answerNextPicker([wallets]);
    await user.click(screen.getByRole("button", { name: "Add collections" }));
    // "Change" on Desk opens the picker on Desk and puts the pick in its place.
    const phoneCases = { id: "gid://shopify/Collection/43", title: "Phone Cases" };
    appBridge.answerNextPicker([phoneCases]);
    await user.click(screen.getByRole("button", { name: "Change collection Desk" }));
    await screen.findByLabelText("Lead time for Phone Cases (business days)");
    expect(appBridge.pickerCalls.at(-1)).toEqual({
      type: "collection",
      action: "select",
      multiple: false,
      selectionIds: [desk.id],
    });

    await user.click(screen.getByRole("button", { name: "Save and re-forecast" }));
    await waitFor(() => expect(submitted).toHaveLength(1));
    const form = submitted[0];
    expect([
      form?.get("collectionOverrides.0.key"),
      form?.get("collectionOverrides.0.leadTime"),
      form?.get("collectionOverrides.1.key"),
      form?.get("collectionOverrides.1.leadTime"),
      form?.get("collectionOverrides.2.key"),
    ]).toEqual([wallets.id, "12", phoneCases.id, "4", null]);
  });

  it("adds lead-time rules for products and variants picked in Shopify's resource picker, named by title and display name, submitting their GIDs, under a section that states the precedence", async () => {
    const { submitted, user } = openPage();
    expect(
      await screen.findByText(/a variant's rule, else its product's, else its collections'/),
    ).toBeTruthy();
    // A product picker answers with the product and the variants picked with it (App Bridge's
    // Product.variants); the rule is the product's.
    const wallet = {
      id: "gid://shopify/Product/7",
      title: "Bifold wallet",
      variants: [{ id: "gid://shopify/ProductVariant/71" }],
    };
    appBridge.answerNextPicker([wallet]);
    await user.click(screen.getByRole("button", { name: "Add products" }));
    await user.type(
      await screen.findByLabelText("Lead time for Bifold wallet (business days)"),
      "20",
    );
    const tan = {
      id: "gid://shopify/ProductVariant/71",
      title: "Tan",
      displayName: "Bifold wallet - Tan",
    };
    appBridge.answerNextPicker([tan]);
    await user.click(screen.getByRole("button", { name: "Add variants" }));
    await user.type(
      await screen.findByLabelText("Lead time for Bifold wallet - Tan (business days)"),
      "2",
    );
    expect(appBridge.pickerCalls).toEqual([
      { type: "product", action: "select", multiple: true, selectionIds: [] },
      { type: "variant", action: "select", multiple: true, selectionIds: [] },
    ]);
    expect(screen.queryByText(/gid:\/\//)).toBeNull();

    await user.click(screen.getByRole("button", { name: "Save and re-forecast" }));
    await waitFor(() => expect(submitted).toHaveLength(1));
    const form = submitted[0];
    expect([
      form?.get("productOverrides.0.key"),
      form?.get("productOverrides.0.leadTime"),
      form?.get("variantOverrides.0.key"),
      form?.get("variantOverrides.0.leadTime"),
    ]).toEqual([wallet.id, "20", tan.id, "2"]);
  });

  it("asks App Bridge for the save bar with a discard confirmation, and a reset (Discard) puts back the loaded values", async () => {
    // data-save-bar / data-discard-confirmation, and Discard resetting the form:
    // https://shopify.dev/docs/api/app-home/app-bridge-web-components/save-bar
    const { user } = openPage();
    const cutOff = await screen.findByLabelText<HTMLSelectElement>("Daily cut-off (shop time)");
    const form = cutOff.closest("form");
    if (!form) throw new Error("the fields are not in a form");
    expect(form.hasAttribute("data-save-bar")).toBe(true);
    expect(form.hasAttribute("data-discard-confirmation")).toBe(true);
    await user.selectOptions(cutOff, "09:30");
    expect(cutOff.value).toBe("09:30");
    form.reset();
    await waitFor(() =>
      expect(screen.getByLabelText<HTMLSelectElement>("Daily cut-off (shop time)").value).toBe(
        loaded.values.cutOffTime,
      ),
    );
  });

  it("shows the defaults under the labels a merchant reads, and says they are defaults", async () => {
    openPage();
    expect(await screen.findByText("You are using the default settings")).toBeTruthy();
    expect(screen.getByLabelText<HTMLSelectElement>("Daily cut-off (shop time)").value).toBe(
      loaded.values.cutOffTime,
    );
    expect(screen.getByLabelText<HTMLInputElement>("Sender's name").value).toBe("");
    expect(
      screen.getByLabelText<HTMLInputElement>(
        "Tag orders in Shopify (delay-desk:at-risk, delay-desk:overdue)",
      ).checked,
    ).toBe(false);
    expect(screen.getByRole("button", { name: "Save and re-forecast" })).toBeTruthy();
  });

  it("shows the shop's time zone read-only, named, and says it comes from Shopify", async () => {
    openPage();
    const zone = await screen.findByLabelText<HTMLInputElement>("Time zone");
    expect(zone.value).toBe(loaded.timeZone.label);
    expect(zone.readOnly).toBe(true);
    expect(
      screen.getByText(/Your Shopify store's time zone \(Shopify admin → Settings → General\)/),
    ).toBeTruthy();
    expect(screen.queryAllByRole("option", { name: "Europe/Paris" })).toHaveLength(0);
  });

  it("a bad lead time shows the server's message beside the field, and what was typed stays", async () => {
    const { user } = openPage();
    const [leadTime] = await screen.findAllByLabelText<HTMLInputElement>(
      "Lead time (business days)",
    );
    if (!leadTime) throw new Error("no lead time field");
    await user.clear(leadTime);
    await user.type(leadTime, "ten");
    await user.type(screen.getByLabelText("Sender's name"), "Dawn Rivera");
    await user.click(screen.getByRole("button", { name: "Save and re-forecast" }));

    expect(await screen.findByText("Nothing was saved: 1 field needs attention")).toBeTruthy();
    expect(screen.getByText("Enter a number")).toBeTruthy();
    expect(screen.getAllByLabelText<HTMLInputElement>("Lead time (business days)")[0]?.value).toBe(
      "ten",
    );
    expect(screen.getByLabelText<HTMLInputElement>("Sender's name").value).toBe("Dawn Rivera");
  });

  it("offers the cut-off as times of day in half hours, named in the shop's time zone, keeping a saved time between them", () => {
    const options = cutOffOptions("14:15");
    expect(options).toHaveLength(49);
    expect(options[0]).toEqual({ value: "00:00", label: "12:00 AM (00:00)" });
    expect(options.find((o) => o.value === "17:00")?.label).toBe("5:00 PM (17:00)");
    expect(options.map((o) => o.value).indexOf("14:15")).toBe(29);
    expect(cutOffOptions("17:00")).toHaveLength(48);
  });

  it("Save submits what the merchant typed under the names the action reads, then shows the new figures", async () => {
    const { submitted, user } = openPage();
    await user.type(await screen.findByLabelText("Sender's name"), "Dawn Rivera");
    await user.type(screen.getByLabelText("Sender's role"), "Operations manager");
    // Closed on Saturdays from now on, and shut for a holiday.
    const openDays = screen.getByRole("group", { name: "Open weekdays" });
    const saturday = within(openDays).getByLabelText<HTMLInputElement>("Sat");
    const wasOpen = saturday.checked;
    await user.click(saturday);
    await user.click(screen.getByRole("button", { name: "Add closure" }));
    await user.type(screen.getByLabelText("Label"), "Winter break");
    await user.type(screen.getByLabelText("From"), "2026-12-24");
    await user.click(
      screen.getByLabelText("Tag orders in Shopify (delay-desk:at-risk, delay-desk:overdue)"),
    );
    await user.selectOptions(screen.getByLabelText("Consent law to follow"), "uk_eu");
    await user.click(screen.getByRole("button", { name: "Save and re-forecast" }));

    expect(await screen.findByText("Saved and re-forecast")).toBeTruthy();
    expect(screen.getByText(/Now 1 overdue, 2 at risk and 30 on track\./)).toBeTruthy();
    const form = submitted.at(-1);
    expect(form?.get("senderName")).toBe("Dawn Rivera");
    expect(form?.get("senderRole")).toBe("Operations manager");
    expect(form?.get("tagOrders")).toBe("on");
    expect(form?.get("consentRuleSet")).toBe("uk_eu");
    expect(form?.get("closures.0.label")).toBe("Winter break");
    expect(form?.get("closures.0.from")).toBe("2026-12-24");
    expect(form?.getAll("openWeekdays").includes("6")).toBe(!wasOpen);
    expect(form?.get("intent")).toBeNull();
  });

  it("Preview changes submits the same fields with intent=preview", async () => {
    const { submitted, user } = openPage();
    const lead = await screen.findByLabelText<HTMLInputElement>("Lead time (business days)");
    await user.clear(lead);
    await user.type(lead, "15");
    await user.click(screen.getByRole("button", { name: "Preview changes" }));
    await waitFor(() => expect(submitted).toHaveLength(1));
    expect(submitted.at(-1)?.get("intent")).toBe("preview");
    expect(submitted.at(-1)?.get("defaultLeadTime")).toBe("15");
  });
});
