// The settings page inside the simulated admin, as the browser tests drive it: a lead time rule
// added through App Bridge's resource picker (the admin draws the dialog, outside the app's frame;
// https://shopify.dev/docs/api/app-home/apis/user-interface-and-interactions/resource-picker-api),
// saved from admin's save bar, and the rules the save stored.
import { expect, type FrameLocator, type Page } from "@playwright/test";
import type { PrismaClient } from "@prisma/client";
import { z } from "zod";

/** admin's contextual save bar (the form's data-save-bar), drawn by the simulated admin. */
export const saveBarOf = (page: Page) => page.getByRole("region", { name: "Unsaved changes" });

/**
 * "Add products" / "Add collections" → search the picker for `title`, tick it, Select; then the
 * new row's lead time. The row is named by the title, never the GID.
 */
export async function addLeadTimeRule(
  page: Page,
  app: FrameLocator,
  { resource, title, days }: { resource: "products" | "collections"; title: string; days: number },
): Promise<void> {
  await app.getByRole("button", { name: `Add ${resource}` }).click();
  const picker = page.getByRole("dialog", { name: new RegExp(`Select ${resource}`) });
  await picker.getByRole("searchbox", { name: "Search" }).fill(title);
  await picker.getByLabel(title, { exact: true }).check();
  await picker.getByRole("button", { name: "Select" }).click();
  await expect(picker).toBeHidden();
  await app.getByLabel(`Lead time for ${title} (business days)`).fill(String(days));
}

/** Save from admin's save bar; resolves once the page says it saved. */
export async function saveFromSaveBar(page: Page, app: FrameLocator): Promise<void> {
  await saveBarOf(page).getByRole("button", { name: "Save" }).click();
  await expect(app.getByText("Saved and re-forecast")).toBeVisible();
}

/** One list of the shop's stored rules (`productOverrides`, `collectionOverrides`, …), or null. */
export async function storedRules(
  db: PrismaClient,
  shop: string,
  list: "productOverrides" | "collectionOverrides",
): Promise<unknown> {
  const row = await db.shopSettings.findUnique({ where: { shop } });
  if (!row) return null;
  return z.record(z.unknown()).parse(JSON.parse(row.rules))[list] ?? null;
}
