// @vitest-environment happy-dom
// The burn-down's figures as a table: its rows exist once the merchant opens it, not before (two
// years of days drawn on every visit were most of the dashboard's HTML and hydration).
import { cleanup, fireEvent, render } from "@testing-library/react";
import { afterEach, describe, expect, it } from "vitest";
import { addDays, parseLocalDate } from "../promise/local-date";
import { BurnDownChart } from "./burn-down-chart";

afterEach(cleanup);

const POINTS = Array.from({ length: 730 }, (_, i) => ({
  date: addDays(parseLocalDate("2026-12-01"), i),
  likelyRemaining: Math.max(0, 500 - i * 2),
  conservativeRemaining: Math.max(0, 500 - i),
}));

describe("BurnDownChart", () => {
  it("draws the table's rows only once it is opened", () => {
    const { container } = render(<BurnDownChart points={POINTS} unit="orders" />);
    const details = container.querySelector("details");
    if (!details) throw new Error("no details");
    expect(container.querySelectorAll("tbody tr")).toHaveLength(0);
    // The chart itself and its summary are there from the start.
    expect(container.querySelector("svg title")?.textContent).toBe("Backlog burn-down forecast");
    expect(container.querySelectorAll("svg path")).toHaveLength(2);

    details.open = true;
    fireEvent(details, new Event("toggle"));
    const rows = container.querySelectorAll("tbody tr");
    expect(rows).toHaveLength(730);
    expect(rows[0]?.textContent).toBe("2026-12-01500500");

    details.open = false;
    fireEvent(details, new Event("toggle"));
    expect(container.querySelectorAll("tbody tr")).toHaveLength(0);
  });
});
