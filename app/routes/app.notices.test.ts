// The composer's loader and action as Remix calls them: a noreply reply-to is refused, the preview
// shows the order's real range and the sender from settings, a send becomes a notice job, and a
// second later date is stopped until the merchant skips or overrides.
import { gidId } from "../admin-api/gid";
import type { PrismaClient } from "@prisma/client";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  callRoute,
  startAppUnderTest,
  type AppUnderTest,
} from "../../tests/support/app-under-test";
import { insertTrackedOrders, trackedOrder } from "../../tests/support/factories";
import { DEFAULT_SHOP_RULES } from "../promise/shop-rules";
import { DEFAULT_TEMPLATE } from "../notices/render-notice";

let app: AppUnderTest;
let db: PrismaClient;
let route: typeof import("./app.notices");

beforeAll(async () => {
  app = await startAppUnderTest({ orders: 5, seed: 4 });
  db = (await import("../db.server")).default;
  route = await import("./app.notices");
  await db.shopSettings.create({
    data: {
      shop: app.shop,
      rules: JSON.stringify(DEFAULT_SHOP_RULES),
      senderName: "Dawn Rivera",
      senderRole: "Operations manager",
    },
  });
});
afterAll(async () => {
  await db.$disconnect();
  await app.close();
});

const post = (fields: Record<string, string>) =>
  app.bearerRequest("/app/notices", { method: "POST", body: new URLSearchParams(fields) });
const save = (replyTo: string) =>
  callRoute(
    route.action,
    post({
      intent: "save",
      subject: DEFAULT_TEMPLATE.subject,
      body: DEFAULT_TEMPLATE.body,
      reason: "We want to spend Thanksgiving with our families too.",
      replyTo,
    }),
  );

describe("the composer", () => {
  it("refuses a noreply reply-to, then saves and previews with the order's range and the sender", async () => {
    const refused = await save("no-reply@oakandhide.com");
    expect(refused).toMatchObject({
      intent: "save",
      ok: false,
      errors: { replyTo: expect.stringContaining("nobody reads") },
    });
    expect(await db.noticeTemplate.count()).toBe(0);

    expect(await save("dawn@oakandhide.com")).toEqual({ intent: "save", ok: true });
    const order = trackedOrder(app.shop, {
      delayClass: "overdue",
      likelyShipDate: "2026-12-07",
      conservativeShipDate: "2026-12-18",
      customerFirstName: "Maya",
    });
    await insertTrackedOrders(db, [order]);
    const numeric = gidId(order.id);
    const page = await callRoute(route.loader, app.bearerRequest(`/app/notices?orders=${numeric}`));
    expect(page.selection).toEqual([{ id: numeric, name: order.name }]);
    expect(page.preview?.text).toContain("Hi Maya,");
    // The wording depends on how far off 18 December is from the real today (the route uses the clock).
    expect(page.preview?.text).toContain("Friday 18 December");
    expect(page.preview?.text).toContain("We want to spend Thanksgiving with our families too.");
    expect(page.preview?.text).toMatch(/Dawn Rivera\nOperations manager, /);
    expect(page.preview?.html).toContain("Cancel and refund me");
  });

  it("sends to a selection as a job, and stops a second later date until skipped or overridden", async () => {
    const order = trackedOrder(app.shop, {
      delayClass: "at_risk",
      likelyShipDate: "2026-12-07",
      conservativeShipDate: "2026-12-18",
    });
    await insertTrackedOrders(db, [order]);
    const numeric = gidId(order.id);
    const sent = await callRoute(
      route.action,
      post({ intent: "send", target: "selection", orders: numeric }),
    );
    expect(sent).toBeInstanceOf(Response);
    const location = sent instanceof Response ? (sent.headers.get("location") ?? "") : "";
    expect(location).toMatch(/^\/app\/jobs\/\w+$/);
    const job = await db.job.findFirst({
      where: { id: location.split("/").at(-1), shop: app.shop },
    });
    expect(job?.kind).toBe("notice");
    expect(JSON.parse(job?.params ?? "{}")).toMatchObject({
      replyTo: "dawn@oakandhide.com",
      sender: { name: "Dawn Rivera", role: "Operations manager" },
    });

    // Pretend that notice went out, then the forecast slips again.
    await db.notice.create({
      data: {
        shop: app.shop,
        orderId: order.id,
        revision: 1,
        estimateFrom: "2026-12-07",
        estimateTo: "2026-12-18",
        toEmail: "x@y.z",
        subject: "s",
        status: "sent",
        sentAt: new Date(),
      },
    });
    await db.trackedOrder.update({
      where: { shop_id: { shop: app.shop, id: order.id } },
      data: { conservativeShipDate: "2026-12-28" },
    });
    const blocked = await callRoute(
      route.action,
      post({ intent: "send", target: "selection", orders: numeric }),
    );
    expect(blocked).toMatchObject({
      intent: "send",
      ok: false,
      check: {
        blocked: [{ orderId: order.id, told: "2026-12-18", proposed: "2026-12-28" }],
        willSend: 0,
      },
    });
    expect(await db.job.count({ where: { shop: app.shop, kind: "notice" } })).toBe(1);

    const overridden = await callRoute(
      route.action,
      post({
        intent: "send",
        target: "selection",
        orders: numeric,
        overrideReason: "Our kiln broke",
      }),
    );
    expect(overridden).toBeInstanceOf(Response);
    expect(await db.job.count({ where: { shop: app.shop, kind: "notice" } })).toBe(2);
  });
});
