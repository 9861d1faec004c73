// @vitest-environment happy-dom
// The orders table as a merchant uses it, rendered in a DOM with Polaris and its English
// translations under Remix's test router (createRemixStub). The stub loader answers each URL the
// page navigates to and records it, so a search, a tab or a bulk action is asserted by the
// request it makes (the URL is the page's whole state, as the real loader reads it).
import { cleanup, screen, within } from "@testing-library/react";
import { afterEach, describe, expect, it } from "vitest";
import { renderPage } from "../../../../tests/support/render-page";
import type { OrderListRow } from "../../../orders/list-orders.server";
import { parseOrdersView } from "../../../orders/orders-view";
import { OrdersPage } from "./orders-page";

afterEach(cleanup);

function row(n: number, over: Partial<OrderListRow>): OrderListRow {
  return {
    id: `gid://shopify/Order/${5500000000 + n}`,
    name: `#${1000 + n}`,
    createdAt: "2026-11-20T10:00:00.000Z",
    customer: "Ava Jones",
    email: "ava@example.com",
    unitsRemaining: 2,
    totalAmount: "58.00",
    currencyCode: "USD",
    promisedShipDate: "2026-11-30",
    promiseSource: "rules",
    likelyShipDate: "2026-12-04",
    conservativeShipDate: "2026-12-08",
    delayClass: "overdue",
    ...over,
  };
}

const ROWS = [
  row(1, {}),
  row(2, { customer: "", email: null, delayClass: "at_risk", promiseSource: "fulfillBy" }),
  row(3, { customer: "Sam Lee", delayClass: null }),
];

/** `hold`: a promise the loader waits for before answering a request for a class (a slow load). */
function openPage({ hold }: { hold?: Promise<void> } = {}) {
  const requested: URL[] = [];
  const user = renderPage(
    [
      {
        path: "/app/orders",
        Component: OrdersPage,
        loader: async ({ request }) => {
          const url = new URL(request.url);
          requested.push(url);
          if (hold && url.searchParams.has("class")) await hold;
          const view = parseOrdersView(url.searchParams);
          return {
            view: { filter: view.filter, q: view.q, sort: view.sort, dir: view.dir },
            rows: ROWS,
            total: ROWS.length,
            totalIsFloor: false,
            next: null,
            previous: null,
            clock: { zone: "America/New_York", locale: "en-US" },
          };
        },
      },
      {
        path: "/app/notices",
        Component: () => <p>Composer</p>,
        loader: ({ request }) => {
          requested.push(new URL(request.url));
          return null;
        },
      },
    ],
    "/app/orders",
  );
  return { requested, user };
}

describe("the orders page", () => {
  it("lists each order with its customer, dates and class as the merchant reads them", async () => {
    openPage();
    const first = (await screen.findByText("#1001")).closest("tr");
    if (!first) throw new Error("no row for #1001");
    expect(within(first).getByText("Ava Jones")).toBeTruthy();
    // On the shop's clock, its zone named, and human dates (issue 14 point 7), never ISO.
    expect(within(first).getByText("Fri, Nov 20, 2026, 5:00 AM EST")).toBeTruthy();
    expect(within(first).getByText("Mon, Nov 30, 2026")).toBeTruthy();
    expect(within(first).getByText("Fri, Dec 4, 2026")).toBeTruthy();
    expect(within(first).getByText("Tue, Dec 8, 2026")).toBeTruthy();
    expect(first.textContent).not.toMatch(/\d{4}-\d{2}-\d{2}/);
    expect(within(first).getByText("Overdue")).toBeTruthy();
    const guest = screen.getByText("#1002").closest("tr");
    if (!guest) throw new Error("no row for #1002");
    expect(within(guest).getByText("Guest")).toBeTruthy();
    expect(within(guest).getByText("(Shopify)")).toBeTruthy();
    expect(within(guest).getByText("At risk")).toBeTruthy();
    const unforecast = screen.getByText("#1003").closest("tr");
    if (!unforecast) throw new Error("no row for #1003");
    expect(within(unforecast).getByText("Not forecast")).toBeTruthy();
    expect(screen.getByText("3 orders")).toBeTruthy();
  });

  it("each order's name links to its page in the app (numeric id, as /app/orders/:id reads it)", async () => {
    openPage();
    const link = (await screen.findByText("#1001")).closest("a");
    expect(link?.getAttribute("href")).toBe("/app/orders/5500000001");
    expect(screen.getByText("#1003").closest("a")?.getAttribute("href")).toBe(
      "/app/orders/5500000003",
    );
  });

  it("a search asks for the typed words, trimmed, and keeps them in the box", async () => {
    const { requested, user } = openPage();
    const box = await screen.findByLabelText<HTMLInputElement>("Search orders");
    await user.type(box, "  ava  ");
    await user.click(screen.getByRole("button", { name: "Search" }));
    await screen.findByText("#1001");
    await expect.poll(() => requested.at(-1)?.searchParams.get("q")).toBe("ava");
    expect(screen.getByLabelText<HTMLInputElement>("Search orders").value).toBe("  ava  ");
  });

  it("choosing a sort asks for that order", async () => {
    const { requested, user } = openPage();
    await screen.findByText("#1001");
    await user.selectOptions(screen.getByLabelText("Sort"), "Placed, newest first");
    await expect
      .poll(() => [
        requested.at(-1)?.searchParams.get("sort"),
        requested.at(-1)?.searchParams.get("dir"),
      ])
      .toEqual(["created", "desc"]);
  });

  it("'Tell their customers' opens the composer with the selected orders' numeric ids", async () => {
    const { requested, user } = openPage();
    const first = (await screen.findByText("#1001")).closest("tr");
    const third = screen.getByText("#1003").closest("tr");
    if (!first || !third) throw new Error("rows missing");
    await user.click(within(first).getByRole("checkbox"));
    await user.click(within(third).getByRole("checkbox"));
    await user.click(screen.getByRole("button", { name: "Tell their customers" }));
    expect(await screen.findByText("Composer")).toBeTruthy();
    const composer = requested.at(-1);
    expect(composer?.pathname).toBe("/app/notices");
    expect(composer?.searchParams.get("orders")).toBe("5500000001,5500000003");
  });

  it("a tab shows as selected as soon as it is clicked, while its orders load (INP: the click paints at once)", async () => {
    let release = () => {};
    const hold = new Promise<void>((resolve) => (release = resolve));
    const { requested, user } = openPage({ hold });
    await screen.findByText("#1001");
    // The DOM here has no layout, so Polaris keeps every tab but the selected one under "More views".
    await user.click(screen.getAllByRole("button", { name: "More views" })[0]!);
    const overdue = await screen.findByRole("button", { name: "Show Overdue orders" });
    expect(overdue.getAttribute("aria-selected")).toBe("false");
    await user.click(overdue);
    await expect.poll(() => requested.at(-1)?.searchParams.get("class")).toBe("overdue");
    // The loader has not answered yet: the tab is selected already, the old rows still shown.
    expect(
      screen.getByRole("tab", { name: "Show Overdue orders" }).getAttribute("aria-selected"),
    ).toBe("true");
    expect(screen.getByText("#1001")).toBeTruthy();
    release();
    await expect
      .poll(() =>
        screen.getByRole("tab", { name: "Show Overdue orders" }).getAttribute("aria-selected"),
      )
      .toBe("true");
  });
});
