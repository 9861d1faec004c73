// Settings: lead times, cut-off, the time zone (Shopify's, shown read-only), open days, closures, capacity and the sender. "Preview"
// shows what a change would do before anything is saved (open orders keep the promise they were
// given, new orders get the new one, how the forecast moves); saving re-forecasts every order at
// once, so the dashboard shows the consequence straight away. The page and its sections are in
// components/ (rendered without a server in settings-page.test.tsx).
import { json, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import db from "../../db.server";
import { invalidForm } from "../../forms/form-result";
import { previewShopRulesChange } from "../../promise/open-promises.server";
import { appServices } from "../../services.server";
import { ruleTitles } from "../../settings/rule-titles.server";
import { saveSettingsAndReforecast } from "../../settings/save-settings.server";
import { formValuesFromSettings, parseSettingsForm } from "../../settings/settings-form";
import {
  recentShopTimeZone,
  settingsForShop,
  shopTimeZone,
} from "../../settings/shop-time-zone.server";
import { describeShopZone } from "../../locale/shop-time";
import { authenticate } from "../../shopify.server";

export const loader = async ({ request }: LoaderFunctionArgs) => {
  const { admin, session } = await authenticate.admin(request);
  // The zone is the shop's, as Shopify keeps it (Settings → General), read-only here and as
  // recently known; a save takes it again from Shopify (shop-time-zone.server.ts).
  const [settings, shopZone] = await Promise.all([
    settingsForShop(db, session.shop, admin, { zone: "recent" }),
    recentShopTimeZone(admin, session.shop),
  ]);
  return {
    values: { ...formValuesFromSettings(settings), timeZone: shopZone },
    saved: settings.saved,
    timeZone: {
      zone: shopZone,
      label: describeShopZone(shopZone, new Date()),
      // A saved zone Shopify no longer has: the next save moves the forecast to Shopify's.
      savedDiffers: settings.saved && settings.rules.timeZone !== shopZone,
    },
    ruleTitles: await ruleTitles(admin, [
      ...settings.rules.variantOverrides.map((o) => o.variantId),
      ...settings.rules.productOverrides.map((o) => o.productId),
      ...settings.rules.collectionOverrides.map((o) => o.collectionId),
    ]),
  };
};

export const action = async ({ request }: ActionFunctionArgs) => {
  const { admin, session, sessionToken } = await authenticate.admin(request);
  const current = await settingsForShop(db, session.shop, admin);
  const form = await request.formData();
  // Never the form's: the shop's time zone is Shopify's `shop { ianaTimezone }`.
  form.set("timeZone", await shopTimeZone(admin, session.shop));
  const result = parseSettingsForm(form, current.rules);
  if (!result.ok) return invalidForm(result.values, result.errors, { counts: null, preview: null });
  const now = new Date();
  if (form.get("intent") === "preview") {
    const preview = await previewShopRulesChange(
      db,
      session.shop,
      current.rules,
      result.rules,
      now,
    );
    return json({ ok: true as const, values: result.values, errors: {}, counts: null, preview });
  }
  const counts = await saveSettingsAndReforecast(
    { db, admin, orderSync: appServices().orderSync },
    {
      shop: session.shop,
      current: current.rules,
      next: {
        rules: result.rules,
        senderName: result.senderName,
        senderRole: result.senderRole,
        tagOrders: result.tagOrders,
        noticeCadenceDays: result.noticeCadenceDays,
        consentRuleSet: result.consentRuleSet,
        // The session token's subject is the staff member who pressed Save.
        updatedBy: sessionToken?.sub ?? null,
      },
      now,
    },
  );
  return json({ ok: true as const, values: result.values, errors: {}, counts, preview: null });
};

export { SettingsPage as default } from "./components/settings-page";
