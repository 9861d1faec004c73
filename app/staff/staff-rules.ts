// A shop's rules for money-moving jobs staff start: limits per job and per day (money in the
// shop's currency, and orders), who approves above them, and the undo window. Pure: the form's
// schema, the defaults and the check of one job against them.
import { z } from "zod";
import { fromMinorUnits, toMinorUnits } from "../jobs/money";
import type { StaffIdentity } from "./staff-identity";

export interface StaffRules {
  jobAmountLimit: string;
  jobOrderLimit: number;
  dayAmountLimit: string;
  dayOrderLimit: number;
  /** A named approver besides the account owner, or null. */
  approverId: string | null;
  approverName: string | null;
  undoMinutes: number;
}

export const DEFAULT_STAFF_RULES: StaffRules = {
  jobAmountLimit: "2000.00",
  jobOrderLimit: 50,
  dayAmountLimit: "2000.00",
  dayOrderLimit: 50,
  approverId: null,
  approverName: null,
  undoMinutes: 5,
};

const amount = z
  .string()
  .trim()
  .regex(/^\d{1,9}(\.\d{1,3})?$/, "Enter an amount such as 2000 or 2000.00")
  .transform((text) => fromMinorUnits(toMinorUnits(text)));
const count = z.coerce.number().int("Enter a whole number").min(1).max(100_000);

export const staffRulesFormSchema = z.object({
  jobAmountLimit: amount,
  jobOrderLimit: count,
  dayAmountLimit: amount,
  dayOrderLimit: count,
  approverId: z
    .string()
    .trim()
    .regex(/^\d*$/, "A Shopify staff id is a number")
    .transform((text) => (text === "" ? null : text)),
  approverName: z
    .string()
    .trim()
    .max(80)
    .transform((text) => (text === "" ? null : text)),
  undoMinutes: z.coerce.number().int("Enter whole minutes").min(0).max(60),
});
export type StaffRulesForm = z.infer<typeof staffRulesFormSchema>;

export function isApprover(staff: StaffIdentity, rules: StaffRules): boolean {
  return staff.accountOwner || (rules.approverId !== null && staff.id === rules.approverId);
}

export interface JobSize {
  amount: string;
  orders: number;
}

/**
 * Why this job needs approval (empty: it does not). `today` is what staff money jobs already
 * started today, approved or waiting, add up to (refused and cancelled ones do not count).
 */
export function limitsExceeded(rules: StaffRules, job: JobSize, today: JobSize): string[] {
  const reasons: string[] = [];
  const jobUnits = toMinorUnits(job.amount);
  if (jobUnits > toMinorUnits(rules.jobAmountLimit))
    reasons.push(`over the per-job limit of ${rules.jobAmountLimit} (this job: ${job.amount})`);
  if (job.orders > rules.jobOrderLimit)
    reasons.push(
      `over the per-job limit of ${rules.jobOrderLimit} orders (this job: ${job.orders})`,
    );
  const dayUnits = toMinorUnits(today.amount) + jobUnits;
  if (dayUnits > toMinorUnits(rules.dayAmountLimit))
    reasons.push(
      `over the daily limit of ${rules.dayAmountLimit} (today with this job: ${fromMinorUnits(dayUnits)})`,
    );
  if (today.orders + job.orders > rules.dayOrderLimit)
    reasons.push(
      `over the daily limit of ${rules.dayOrderLimit} orders (today with this job: ${today.orders + job.orders})`,
    );
  return reasons;
}
