import { describe, expect, it } from "vitest";
import {
  DEFAULT_STAFF_RULES,
  isApprover,
  limitsExceeded,
  staffRulesFormSchema,
} from "./staff-rules";
import type { StaffIdentity } from "./staff-identity";

const member = (overrides: Partial<StaffIdentity> = {}): StaffIdentity => ({
  id: "1",
  name: "Dawn Rivera",
  accountOwner: false,
  collaborator: false,
  scopes: ["read_orders", "write_orders"],
  ...overrides,
});

describe("staff limits", () => {
  it("lets a job at exactly the limits through and names each limit a bigger one passes", () => {
    const rules = DEFAULT_STAFF_RULES;
    expect(
      limitsExceeded(rules, { amount: "2000.00", orders: 50 }, { amount: "0", orders: 0 }),
    ).toEqual([]);
    expect(
      limitsExceeded(rules, { amount: "2000.01", orders: 51 }, { amount: "0", orders: 0 }),
    ).toEqual([
      "over the per-job limit of 2000.00 (this job: 2000.01)",
      "over the per-job limit of 50 orders (this job: 51)",
      "over the daily limit of 2000.00 (today with this job: 2000.01)",
      "over the daily limit of 50 orders (today with this job: 51)",
    ]);
  });

  it("adds the day's earlier jobs to this one for the daily limit", () => {
    expect(
      limitsExceeded(
        DEFAULT_STAFF_RULES,
        { amount: "100", orders: 2 },
        { amount: "1950.50", orders: 10 },
      ),
    ).toEqual(["over the daily limit of 2000.00 (today with this job: 2050.50)"]);
  });

  it("treats the account owner and the named approver as approvers, nobody else", () => {
    const rules = { ...DEFAULT_STAFF_RULES, approverId: "7" };
    expect(isApprover(member({ accountOwner: true }), rules)).toBe(true);
    expect(isApprover(member({ id: "7" }), rules)).toBe(true);
    expect(isApprover(member(), rules)).toBe(false);
    expect(isApprover(member({ id: "7" }), DEFAULT_STAFF_RULES)).toBe(false);
  });

  it("parses the form, normalising amounts, and refuses bad values with a message per field", () => {
    const ok = staffRulesFormSchema.safeParse({
      jobAmountLimit: "1500",
      jobOrderLimit: "20",
      dayAmountLimit: "5000.5",
      dayOrderLimit: "100",
      approverId: "",
      approverName: "",
      undoMinutes: "0",
    });
    expect(ok.success && ok.data).toEqual({
      jobAmountLimit: "1500.00",
      jobOrderLimit: 20,
      dayAmountLimit: "5000.50",
      dayOrderLimit: 100,
      approverId: null,
      approverName: null,
      undoMinutes: 0,
    });
    const bad = staffRulesFormSchema.safeParse({
      jobAmountLimit: "lots",
      jobOrderLimit: "0",
      dayAmountLimit: "1",
      dayOrderLimit: "1",
      approverId: "ana",
      approverName: "",
      undoMinutes: "90",
    });
    expect(bad.success).toBe(false);
    expect(bad.error?.issues.map((issue) => issue.path[0])).toEqual([
      "jobAmountLimit",
      "jobOrderLimit",
      "approverId",
      "undoMinutes",
    ]);
  });
});
