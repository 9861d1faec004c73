import { describe, expect, it } from "vitest";
import type { OrderListRow } from "./list-orders.server";
import { csvField, ordersCsvStream } from "./orders-csv";

const row = (over: Partial<OrderListRow>): OrderListRow => ({
  id: "gid://shopify/Order/1",
  name: "#1001",
  createdAt: "2026-11-20T15:00:00.000Z",
  customer: "Ava Chen",
  email: "ava@example.com",
  unitsRemaining: 2,
  totalAmount: "58.00",
  currencyCode: "USD",
  promisedShipDate: "2026-12-04",
  promiseSource: "rules",
  likelyShipDate: "2026-12-08",
  conservativeShipDate: "2026-12-10",
  delayClass: "at_risk",
  ...over,
});

async function* rows(list: OrderListRow[]) {
  yield* list;
}

describe("orders CSV", () => {
  it("quotes commas, quotes and line breaks, and defuses formulas in customer text", () => {
    expect(csvField("plain")).toBe("plain");
    expect(csvField('Say "hi", please')).toBe('"Say ""hi"", please"');
    expect(csvField("two\nlines")).toBe('"two\nlines"');
    expect(csvField('=HYPERLINK("x")')).toBe('"\'=HYPERLINK(""x"")"');
    expect(csvField("-12", false)).toBe("-12");
    expect(csvField(null)).toBe("");
  });

  it("streams a header and one CRLF line per order, parseable back into the same fields", async () => {
    const list = [
      row({}),
      row({
        id: "2",
        name: "#1002",
        customer: "O'Hara, Ben",
        email: null,
        delayClass: "overdue",
        promiseSource: "fulfillBy",
      }),
    ];
    for (let i = 0; i < 1200; i += 1) list.push(row({ id: `x${i}`, name: `#${5000 + i}` }));
    const text = await new Response(ordersCsvStream(rows(list))).text();
    // Response.text() drops the BOM; the bytes carry it.
    const bytes = new Uint8Array(
      await new Response(ordersCsvStream(rows(list.slice(0, 1)))).arrayBuffer(),
    );
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = text.split("\r\n");
    expect(lines[0]).toBe(
      "Order,Placed at,Customer,Email,Units to ship,Total,Currency,Promised ship date,Promise from,Likely ship date,Conservative ship date,Status",
    );
    expect(lines[1]).toBe(
      "#1001,2026-11-20T15:00:00.000Z,Ava Chen,ava@example.com,2,58.00,USD,2026-12-04,Lead-time rules,2026-12-08,2026-12-10,At risk",
    );
    expect(lines[2]).toBe(
      '#1002,2026-11-20T15:00:00.000Z,"O\'Hara, Ben",,2,58.00,USD,2026-12-04,Shopify fulfill-by,2026-12-08,2026-12-10,Overdue',
    );
    expect(lines).toHaveLength(list.length + 2); // header + rows + the empty string after the last CRLF
    expect(lines.at(-1)).toBe("");
  });
});
