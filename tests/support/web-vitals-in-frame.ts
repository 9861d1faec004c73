// Measures a page's Web Vitals the way Shopify measures an embedded app's: inside the app's own
// frame (https://shopify.dev/docs/apps/build/performance/admin-installation-oauth: "Shopify uses
// Web Vitals to measure your app's performance in the Shopify admin"; App Bridge reports them from
// the app's document, https://shopify.dev/docs/api/app-bridge-library/apis/web-vitals). Google's
// `web-vitals` library runs in every document from the app's origin, from before its first
// script, and keeps each metric's latest value (reportAllChanges) for the harness to read, with
// the element each one points at (its attribution build), so a miss names its cause.
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import type { BrowserContext, Frame, Page } from "playwright-core";
import { z } from "zod";

const require = createRequire(import.meta.url);

export const vitalsSchema = z.object({
  LCP: z.number().optional(),
  CLS: z.number().optional(),
  INP: z.number().optional(),
  /** What each metric points at (the library's attribution): LCP element, largest shift, interaction. */
  where: z
    .object({ LCP: z.string().optional(), CLS: z.string().optional(), INP: z.string().optional() })
    .default({}),
  /**
   * Where the LCP's time went (the library's LCP attribution): the document's first byte, then
   * the wait before the LCP resource, its download, and the render after it (script, hydration).
   */
  lcpParts: z
    .object({
      ttfb: z.number(),
      resourceDelay: z.number(),
      resourceLoad: z.number(),
      renderDelay: z.number(),
    })
    .optional(),
});
export type Vitals = z.infer<typeof vitalsSchema>;

/** Installs the library in every frame of `context` whose origin is `appOrigin`. */
export async function measureVitalsIn(context: BrowserContext, appOrigin: string): Promise<void> {
  // The package exports no path to its IIFE build, which sits beside its UMD entry point.
  const library = readFileSync(
    path.join(path.dirname(require.resolve("web-vitals")), "web-vitals.attribution.iife.js"),
    "utf8",
  );
  // Event timing's smallest threshold (16 ms) rather than the library's 40 ms default, so a quick
  // interaction still yields an INP figure instead of none.
  await context.addInitScript({
    content: `if (location.origin === ${JSON.stringify(appOrigin)}) {
${library}
window.__delayDeskVitals = { where: {} };
const keep = (metric) => {
  window.__delayDeskVitals[metric.name] = metric.value;
  const a = metric.attribution || {};
  const where = a.target || a.largestShiftTarget || a.interactionTarget;
  if (where) window.__delayDeskVitals.where[metric.name] = String(where);
  if (metric.name === "LCP")
    window.__delayDeskVitals.lcpParts = {
      ttfb: a.timeToFirstByte || 0,
      resourceDelay: a.resourceLoadDelay || 0,
      resourceLoad: a.resourceLoadDuration || 0,
      renderDelay: a.elementRenderDelay || 0,
    };
};
webVitals.onLCP(keep, { reportAllChanges: true });
webVitals.onCLS(keep, { reportAllChanges: true });
webVitals.onINP(keep, { reportAllChanges: true, durationThreshold: 16 });
}`,
  });
}

/** The app's frame in a page of the simulated admin, once it has loaded. */
export async function appFrame(page: Page, appOrigin: string, timeoutMs = 60_000): Promise<Frame> {
  const fromApp = (frame: Frame) => frame.url().startsWith(appOrigin);
  // Listen before looking, so a frame that navigates to the app in between is not missed.
  const navigated = page.waitForEvent("framenavigated", { predicate: fromApp, timeout: timeoutMs });
  navigated.catch(() => undefined);
  const frame = page.frames().find(fromApp) ?? (await navigated);
  await frame.waitForLoadState("load", { timeout: timeoutMs });
  return frame;
}

export async function readVitals(frame: Frame): Promise<Vitals> {
  return vitalsSchema.parse(
    await frame.evaluate(() => Reflect.get(window, "__delayDeskVitals") ?? {}),
  );
}

/** Waits two animation frames in `frame`: whatever an interaction changed has been painted. */
export async function afterNextPaint(frame: Frame): Promise<void> {
  await frame.evaluate(
    () =>
      new Promise<void>((resolve) =>
        requestAnimationFrame(() => requestAnimationFrame(() => resolve())),
      ),
  );
}
