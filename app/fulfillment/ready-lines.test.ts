// Which lines can ship now and the fulfillmentCreate input for the ones staff ticked: quantities
// within what Shopify says remains, only fulfillment orders offering CREATE_FULFILLMENT
// (FulfillmentOrderAction: "Creates a fulfillment for selected line items in the fulfillment
// order"), one location per fulfillmentCreate ("The fulfillment orders are … assigned to the same
// Location", https://shopify.dev/docs/api/admin-graphql/latest/mutations/fulfillmentCreate).
import { describe, expect, it } from "vitest";
import {
  linesToShip,
  mayShip,
  parseShipForm,
  planShipment,
  type ShippableFulfillmentOrder,
} from "./ready-lines";

const line = (n: number, remaining: number, total = remaining) => ({
  id: `gid://shopify/FulfillmentOrderLineItem/${n}0`,
  remainingQuantity: remaining,
  totalQuantity: total,
  lineItem: { id: `gid://shopify/LineItem/${n}`, name: `Item ${n}`, sku: null },
});
const fo = (
  id: number,
  lines: ShippableFulfillmentOrder["lineItems"],
  status = "OPEN",
  location = "gid://shopify/Location/1",
): ShippableFulfillmentOrder => ({
  id: `gid://shopify/FulfillmentOrder/${id}`,
  status,
  supportedActions:
    status === "OPEN" || status === "IN_PROGRESS" ? ["CREATE_FULFILLMENT"] : ["RELEASE_HOLD"],
  locationId: location,
  lineItems: lines,
});
const want = (n: number, quantity: number, seenRemaining: number) => ({
  lineItemId: `gid://shopify/LineItem/${n}`,
  quantity,
  seenRemaining,
});
const none = { tracking: { number: null, company: null }, notifyCustomer: false };

describe("planShipment", () => {
  it("names the ticked fulfillment-order lines and quantities, and what keeps waiting", () => {
    const plan = planShipment([fo(1, [line(1, 2), line(2, 3)])], {
      lines: [want(1, 2, 2)],
      tracking: { number: "1Z", company: "UPS" },
      notifyCustomer: false,
    });
    expect(plan).toEqual({
      ok: true,
      input: {
        lineItemsByFulfillmentOrder: [
          {
            fulfillmentOrderId: "gid://shopify/FulfillmentOrder/1",
            fulfillmentOrderLineItems: [
              { id: "gid://shopify/FulfillmentOrderLineItem/10", quantity: 2 },
            ],
          },
        ],
        notifyCustomer: false,
        trackingInfo: { number: "1Z", company: "UPS" },
      },
      shipped: [{ name: "Item 1", quantity: 2 }],
      stillComing: [{ name: "Item 2", quantity: 3 }],
    });
  });

  it("refuses what staff did not see (409), more than can ship, a held line and two locations", () => {
    expect(
      planShipment([fo(1, [line(1, 1, 2)])], { lines: [want(1, 1, 2)], ...none }),
    ).toMatchObject({
      ok: false,
      status: 409,
    });
    expect(planShipment([fo(1, [line(1, 2)])], { lines: [want(1, 3, 2)], ...none })).toMatchObject({
      ok: false,
      status: 400,
      message: "Only 2 of Item 1 can ship now.",
    });
    expect(
      planShipment([fo(1, [line(1, 2)], "ON_HOLD")], { lines: [want(1, 1, 2)], ...none }),
    ).toMatchObject({ ok: false, message: "Item 1 cannot ship now (on hold in Shopify)." });
    expect(
      planShipment([fo(1, [line(1, 1)]), fo(2, [line(2, 1)], "OPEN", "gid://shopify/Location/2")], {
        lines: [want(1, 1, 1), want(2, 1, 1)],
        ...none,
      }),
    ).toMatchObject({ ok: false, status: 400 });
    expect(planShipment([fo(1, [line(1, 1)])], { lines: [], ...none })).toMatchObject({
      ok: false,
    });
  });

  it("counts a line across fulfillment orders, shipping only from the ones Shopify lets fulfil", () => {
    const fos = [
      fo(1, [line(1, 2, 2)], "ON_HOLD"),
      fo(2, [{ ...line(1, 1, 1), id: "gid://shopify/FulfillmentOrderLineItem/99" }]),
    ];
    expect(linesToShip(fos)).toEqual([
      {
        lineItemId: "gid://shopify/LineItem/1",
        name: "Item 1",
        sku: null,
        ordered: 3,
        remaining: 3,
        shippableNow: 1,
        blocked: "on hold in Shopify",
      },
    ]);
  });
});

describe("parseShipForm", () => {
  it("reads the ticked lines only, and answers a bad quantity per field", () => {
    const form = {
      intent: "ship",
      trackingNumber: " 1Z ",
      trackingCompany: "",
      "lines.0.lineItemId": "gid://shopify/LineItem/1",
      "lines.0.ready": "on",
      "lines.0.quantity": "2",
      "lines.0.seen": "2",
      "lines.1.lineItemId": "gid://shopify/LineItem/2",
      "lines.1.quantity": "1",
      "lines.1.seen": "1",
    };
    expect(parseShipForm(form)).toEqual({
      ok: true,
      data: {
        intent: "ship",
        trackingNumber: "1Z",
        trackingCompany: null,
        notifyCustomer: false,
        lines: [want(1, 2, 2)],
      },
    });
    expect(parseShipForm({ ...form, "lines.0.quantity": "0" })).toEqual({
      ok: false,
      errors: { "lines.0.quantity": "Ship at least 1, or untick the line" },
    });
    expect(parseShipForm({ ...form, "lines.0.ready": "" })).toEqual({
      ok: false,
      errors: { form: "Tick at least one line as ready." },
    });
  });
});

describe("mayShip", () => {
  it("lets staff ship only with the fulfilment permission Shopify gives them", () => {
    expect(
      mayShip({ name: "Dawn", scopes: ["write_merchant_managed_fulfillment_orders"] }),
    ).toEqual({ ok: true });
    expect(mayShip({ name: "Priya", scopes: ["read_orders"] })).toMatchObject({ ok: false });
    expect(mayShip(null)).toMatchObject({ ok: false });
  });
});
