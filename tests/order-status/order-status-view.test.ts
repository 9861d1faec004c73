// What the order status block renders for each state (extensions/order-status/src/order-status-view.ts),
// and that every sentence and button it names exists in the extension's English locale file
// (Shopify's localisation: the block's strings go through shopify.i18n.translate and
// locales/en.default.json, https://shopify.dev/docs/apps/checkout/best-practices/localizing-ui-extensions).
import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { z } from "zod";
import type { OrderStatus } from "../../contracts/order-status-metafield";
import {
  orderStatusView,
  type OrderFacts,
} from "../../extensions/order-status/src/order-status-view";

const link = (choice: string) =>
  `https://oak-and-hide.myshopify.com/apps/delay-desk/choice?choice=${choice}&token=t0k3n`;
const wording = "between Monday 7 December and Friday 18 December";
const estimate: OrderStatus = {
  version: 1,
  state: "estimate",
  updatedAt: "2026-11-24T12:00:00Z",
  estimate: { from: "2026-12-07", to: "2026-12-18", wording },
  links: { wait: link("wait"), cancel: link("cancel") },
};
const open = (status: unknown): OrderFacts => ({
  cancelledAt: null,
  fulfillmentStatus: "UNFULFILLED",
  statusValue: status === null ? null : JSON.stringify(status),
});

describe("the order status block", () => {
  it("shows nothing without a valid status from the app", () => {
    expect(orderStatusView(null)).toEqual({ kind: "none" });
    expect(orderStatusView(open(null))).toEqual({ kind: "none" });
    expect(orderStatusView({ ...open(null), statusValue: "{not json" })).toEqual({ kind: "none" });
    expect(orderStatusView(open({ ...estimate, version: 2 }))).toEqual({ kind: "none" });
  });

  it("shows the estimate in the app's words and offers to wait or to cancel for a refund", () => {
    expect(orderStatusView(open(estimate))).toEqual({
      kind: "estimate",
      lines: [{ key: "estimate", vars: { estimate: wording } }, { key: "askWaitOrCancel" }],
      actions: [
        { key: "wait", href: link("wait"), primary: true },
        { key: "cancel", href: link("cancel"), primary: false },
      ],
    });
  });

  it("after 'I'll wait', keeps the estimate and only the refund link", () => {
    expect(orderStatusView(open({ ...estimate, state: "waiting" }))).toEqual({
      kind: "waiting",
      lines: [{ key: "estimate", vars: { estimate: wording } }, { key: "waiting" }],
      actions: [{ key: "cancel", href: link("cancel"), primary: false }],
    });
  });

  it("after a refund request, offers no choice at all", () => {
    const status = { version: 1, state: "cancel_requested", updatedAt: estimate.updatedAt };
    expect(orderStatusView(open(status))).toEqual({
      kind: "cancel_requested",
      lines: [{ key: "cancelRequested" }],
      actions: [],
    });
  });

  it("says it has shipped, from the app's status or from Shopify's own fulfillment status", () => {
    const shipped = { kind: "shipped", lines: [{ key: "shipped" }], actions: [] };
    expect(
      orderStatusView(open({ version: 1, state: "shipped", updatedAt: estimate.updatedAt })),
    ).toEqual(shipped);
    expect(orderStatusView({ ...open(estimate), fulfillmentStatus: "FULFILLED" })).toEqual(shipped);
  });

  it("leaves a cancelled order to Shopify's own page", () => {
    expect(orderStatusView({ ...open(estimate), cancelledAt: "2026-11-25T09:00:00Z" })).toEqual({
      kind: "none",
    });
  });

  it("names only strings the English locale has, and the locale has no string it never uses", () => {
    const en = z
      .record(z.string(), z.string().min(1))
      .parse(
        JSON.parse(
          readFileSync(
            path.resolve(
              import.meta.dirname,
              "../../extensions/order-status/locales/en.default.json",
            ),
            "utf8",
          ),
        ),
      );
    const states: unknown[] = [
      estimate,
      { ...estimate, state: "waiting" },
      { version: 1, state: "cancel_requested", updatedAt: estimate.updatedAt },
      { version: 1, state: "shipped", updatedAt: estimate.updatedAt },
    ];
    const used = new Set(["heading"]);
    for (const state of states) {
      const view = orderStatusView(open(state));
      if (view.kind === "none") throw new Error("a valid state rendered nothing");
      for (const line of view.lines) {
        used.add(line.key);
        // Every interpolation the view passes is a placeholder in the sentence.
        for (const name of Object.keys(line.vars ?? {}))
          expect(en[line.key]).toContain(`{{${name}}}`);
      }
      for (const action of view.actions) used.add(action.key);
    }
    expect(Object.keys(en).sort()).toEqual([...used].sort());
  });
});
