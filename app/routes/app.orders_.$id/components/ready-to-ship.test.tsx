// @vitest-environment happy-dom
// The "Ready to ship" section as staff use it, rendered with Polaris under Remix's test router. The
// stub's action runs the route's real form parser (app/fulfillment/ready-lines.ts) and answers a
// review, so what the form submits is read from the requests the action gets.
import { cleanup, screen, waitFor } from "@testing-library/react";
import { useActionData } from "@remix-run/react";
import { afterEach, describe, expect, it } from "vitest";
import { renderPage } from "../../../../tests/support/render-page";
import { parseShipForm, type OrderLineToShip } from "../../../fulfillment/ready-lines";
import { ReadyToShip, type ShipOutcome } from "./ready-to-ship";

afterEach(cleanup);

const LINES: OrderLineToShip[] = [
  {
    lineItemId: "gid://shopify/LineItem/1",
    name: "Walnut Case",
    sku: null,
    ordered: 2,
    remaining: 2,
    shippableNow: 2,
    blocked: null,
  },
  {
    lineItemId: "gid://shopify/LineItem/2",
    name: "Strap",
    sku: null,
    ordered: 1,
    remaining: 1,
    shippableNow: 0,
    blocked: "on hold in Shopify",
  },
];

function Section() {
  const outcome = useActionData<ShipOutcome>() ?? null;
  return <ReadyToShip lines={LINES} late outcome={outcome} writeUrl="/app/notices?orders=1" />;
}

function openSection() {
  const submitted: Record<string, string>[] = [];
  const user = renderPage(
    [
      {
        path: "/app/orders/1",
        Component: Section,
        action: async ({ request }) => {
          const form: Record<string, string> = {};
          for (const [key, value] of await request.formData())
            if (typeof value === "string") form[key] = value;
          submitted.push(form);
          const parsed = parseShipForm(form);
          if (!parsed.ok) return Response.json({ stage: "refused", message: "no", values: null });
          return Response.json({
            stage: "review",
            shipped: [{ name: "Walnut Case", quantity: parsed.data.lines[0]?.quantity ?? 0 }],
            stillComing: [{ name: "Strap", quantity: 1 }],
            values: {
              lines: LINES.map((line, i) => ({
                lineItemId: line.lineItemId,
                ready: form[`lines.${i}.ready`] ?? "",
                quantity: form[`lines.${i}.quantity`] ?? "",
                seen: form[`lines.${i}.seen`] ?? "",
              })),
              trackingNumber: form.trackingNumber ?? "",
              trackingCompany: form.trackingCompany ?? "",
              notifyCustomer: false,
            },
          });
        },
      },
    ],
    "/app/orders/1",
  );
  return { user, submitted };
}

describe("the Ready to ship section", () => {
  it("says ready is the merchant's call, keeps a held line unshippable, and reviews the ticked line before shipping it", async () => {
    const { user, submitted } = openSection();
    expect(await screen.findByText(/"ready" is your call/)).toBeTruthy();
    expect(screen.getByText("1 of 1 left to ship (on hold in Shopify)")).toBeTruthy();
    expect(screen.getByLabelText<HTMLInputElement>("Ready: Strap").disabled).toBe(true);

    await user.click(screen.getByLabelText("Ready: Walnut Case"));
    const units = screen.getByLabelText<HTMLInputElement>("Units of Walnut Case to ship");
    expect(units.value).toBe("2");
    await user.clear(units);
    await user.type(units, "1");
    await user.type(screen.getByLabelText("Tracking number (optional)"), "1Z999");
    await user.click(screen.getByRole("button", { name: "Review shipment" }));
    await waitFor(() => expect(submitted).toHaveLength(1));
    expect(submitted[0]).toMatchObject({
      intent: "review",
      "lines.0.lineItemId": "gid://shopify/LineItem/1",
      "lines.0.ready": "on",
      "lines.0.quantity": "1",
      "lines.0.seen": "2",
      trackingNumber: "1Z999",
    });
    expect(submitted[0]?.["lines.1.ready"]).toBeUndefined();

    expect(await screen.findByText("Ship these now?")).toBeTruthy();
    expect(screen.getByText("1 × Walnut Case")).toBeTruthy();
    expect(screen.getByText("Keeps waiting:")).toBeTruthy();
    await user.click(screen.getByRole("button", { name: "Ship ready items now" }));
    await waitFor(() => expect(submitted).toHaveLength(2));
    expect(submitted[1]).toMatchObject({
      intent: "ship",
      "lines.0.ready": "on",
      "lines.0.quantity": "1",
      "lines.0.seen": "2",
      "lines.1.ready": "",
      trackingNumber: "1Z999",
    });
  });
});
