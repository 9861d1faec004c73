import { describe, expect, it } from "vitest";
import { createBusinessCalendar } from "./business-calendar";
import { parseLocalDate as d } from "./local-date";
import { closureSchema } from "./shop-rules";

const thanksgivingWeek = closureSchema.parse({
  label: "Thanksgiving week",
  from: "2026-11-23",
  to: "2026-11-27",
});

describe("business calendar", () => {
  const calendar = createBusinessCalendar({
    openWeekdays: [1, 2, 3, 4, 5],
    closures: [thanksgivingWeek],
  });

  it("closes weekends and the closure", () => {
    expect(calendar.isOpen(d("2026-11-20"))).toBe(true);
    expect(calendar.isOpen(d("2026-11-21"))).toBe(false);
    expect(calendar.isOpen(d("2026-11-23"))).toBe(false);
    expect(calendar.isOpen(d("2026-11-27"))).toBe(false);
    expect(calendar.isOpen(d("2026-11-30"))).toBe(true);
    expect(calendar.closureLabels(d("2026-11-25"))).toEqual(["Thanksgiving week"]);
    expect(calendar.closureLabels(d("2026-11-28"))).toEqual([]);
  });

  it("jumps over weekend + closure week", () => {
    expect(calendar.nextOpenOnOrAfter(d("2026-11-21"))).toBe("2026-11-30");
    expect(calendar.nextOpenOnOrAfter(d("2026-11-20"))).toBe("2026-11-20");
    expect(calendar.addBusinessDays(d("2026-11-20"), 1)).toBe("2026-11-30");
    expect(calendar.addBusinessDays(d("2026-11-19"), 3)).toBe("2026-12-01");
    expect(calendar.addBusinessDays(d("2026-11-25"), 0)).toBe("2026-11-25");
    expect(calendar.businessDaysBetween(d("2026-11-20"), d("2026-12-01"))).toBe(2);
    expect(calendar.businessDaysBetween(d("2026-12-01"), d("2026-11-20"))).toBe(0);
  });

  it("merges overlapping and adjacent closures across the year end", () => {
    const winter = createBusinessCalendar({
      openWeekdays: [1, 2, 3, 4, 5],
      closures: [
        closureSchema.parse({ label: "New Year", from: "2026-12-27", to: "2027-01-01" }),
        closureSchema.parse({ label: "Christmas", from: "2026-12-24", to: "2026-12-26" }),
        closureSchema.parse({ label: "Boxing Day", date: "2026-12-26" }),
      ],
    });
    expect(winter.addBusinessDays(d("2026-12-23"), 1)).toBe("2027-01-04");
    expect(winter.closureLabels(d("2026-12-26"))).toEqual(["Christmas", "Boxing Day"]);
    expect(winter.isOpen(d("2026-12-28"))).toBe(false);
  });

  it("honours a Tuesday–Saturday week", () => {
    const tueSat = createBusinessCalendar({ openWeekdays: [2, 3, 4, 5, 6], closures: [] });
    expect(tueSat.addBusinessDays(d("2026-11-20"), 1)).toBe("2026-11-21");
    expect(tueSat.addBusinessDays(d("2026-11-21"), 1)).toBe("2026-11-24");
  });

  it("refuses nonsense counts and a week without open days", () => {
    expect(() => calendar.addBusinessDays(d("2026-11-20"), -1)).toThrow(RangeError);
    expect(() => calendar.addBusinessDays(d("2026-11-20"), 1.5)).toThrow(RangeError);
    expect(() => createBusinessCalendar({ openWeekdays: [], closures: [] })).toThrow(RangeError);
  });
});
