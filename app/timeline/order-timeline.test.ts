import { formatShopDate } from "../locale/shop-time";
import { describe, expect, it } from "vitest";
import { actorLabel, buildTimeline, lastTold } from "./order-timeline";

const order = {
  createdAt: new Date("2026-11-20T15:00:00Z"),
  promisedShipDate: "2026-12-01",
  promiseSource: "rules",
};
const event = (
  kind: string,
  at: string,
  detail: Record<string, unknown>,
  actorId: string | null = "1",
  actorName: string | null = null,
) => ({
  id: `${kind}-${at}`,
  kind,
  actorId,
  actorName,
  detail: JSON.stringify(detail),
  createdAt: new Date(at),
});
const notice = (id: string, status: string, at: string, error: string | null = null) => ({
  id,
  revision: 1,
  estimateFrom: "2026-12-07",
  estimateTo: "2026-12-18",
  toEmail: "ava@example.com",
  status,
  error,
  sentAt: status === "sent" ? new Date(at) : null,
  createdAt: new Date(at),
});

describe("buildTimeline", () => {
  it("tells the order's story in time order, with who acted", () => {
    const entries = buildTimeline({
      order,
      events: [
        event("choice", "2026-11-25T09:00:00Z", { choice: "cancel" }, "customer"),
        event("notice", "2026-11-24T12:00:00Z", {
          noticeId: "n1",
          revision: 1,
          from: "2026-12-07",
          to: "2026-12-18",
          toEmail: "ava@example.com",
          change: "first",
        }),
        event("remedy_queued", "2026-11-25T09:00:01Z", { jobId: "job1" }, "customer"),
        event("override", "2026-11-24T11:59:59Z", { reason: "Supplier fire" }),
      ],
      notices: [notice("n1", "sent", "2026-11-24T12:00:00Z")],
      staffNames: new Map([["1", "Dawn Rivera"]]),
    });
    expect(entries.map((e) => [e.title, e.actor])).toEqual([
      ["Order placed", "Customer"],
      ["Second revised date sent anyway (override)", "Dawn Rivera"],
      ["Delay notice 1 sent to ava@example.com", "Dawn Rivera"],
      ["Customer asked to cancel for a full refund", "Customer"],
      ["Cancel and full refund queued", "Customer"],
    ]);
    expect(entries[0]?.detail).toBe(
      "Promised to ship by 2026-12-01 (your lead times when it was placed)",
    );
    expect(entries[2]?.detail).toBe("Told: ships between Monday 7 December and Friday 18 December");
    // On the order page the day is a human date of the shop's calendar (issue 14 point 7).
    const onPage = buildTimeline({ order, events: [], notices: [], day: formatShopDate });
    expect(onPage[0]?.detail).toBe(
      "Promised to ship by Tue, Dec 1, 2026 (your lead times when it was placed)",
    );
    expect(entries[1]?.detail).toBe("Reason: Supplier fire");
  });

  it("shows a failed notice that has no event, with its reason", () => {
    const entries = buildTimeline({
      order,
      events: [],
      notices: [
        notice(
          "n2",
          "failed",
          "2026-11-24T12:00:00Z",
          "Refused by the mail server: 550 Mailbox unavailable",
        ),
      ],
    });
    expect(entries.at(-1)).toMatchObject({
      title: "Delay notice 1 failed",
      detail: "Refused by the mail server: 550 Mailbox unavailable",
      tone: "critical",
    });
  });

  it("survives an event whose detail is not JSON", () => {
    const entries = buildTimeline({
      order,
      events: [{ ...event("remedy", "2026-11-26T00:00:00Z", {}), detail: "oops" }],
      notices: [],
    });
    expect(entries.at(-1)?.title).toBe("Remedy applied");
  });
});

describe("helpers", () => {
  it("labels actors", () => {
    expect(actorLabel("customer", null)).toBe("Customer");
    expect(actorLabel(null, null)).toBe("Delay Desk");
    expect(actorLabel("3", null)).toBe("Staff member 3");
    expect(actorLabel("3", "Priya Shah")).toBe("Priya Shah");
  });
  it("finds the last notice sent", () => {
    expect(
      lastTold([
        notice("a", "sent", "2026-11-24T12:00:00Z"),
        notice("b", "failed", "2026-11-30T12:00:00Z"),
      ]),
    ).toEqual({
      at: "2026-11-24T12:00:00.000Z",
      range: "between Monday 7 December and Friday 18 December",
      revision: 1,
    });
    expect(lastTold([])).toBeNull();
  });
});
