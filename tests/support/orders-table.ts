// The orders table inside the admin frame, as the browser tests use it: its Overdue tab's order
// names, and rows selected for a bulk action by clicking their checkbox cell.
import { expect, type FrameLocator } from "@playwright/test";

/**
 * Opens Orders → Overdue, waits until it lists more than `moreThan` orders, and returns the first
 * `take` order names.
 */
export async function overdueOrderNames(
  app: FrameLocator,
  { moreThan, take }: { moreThan: number; take: number },
): Promise<string[]> {
  await app.getByRole("link", { name: "Orders", exact: true }).first().click();
  await app.getByRole("tab", { name: /Show Overdue orders/ }).click();
  await expect.poll(() => app.locator("tbody tr").count()).toBeGreaterThan(moreThan);
  return (await app.locator("tbody tr td:nth-child(2)").allInnerTexts())
    .map((text) => text.trim())
    .slice(0, take);
}

export async function selectRows(app: FrameLocator, names: readonly string[]): Promise<void> {
  for (const name of names)
    await app.locator("tbody tr", { hasText: name }).locator("td").first().click();
}
