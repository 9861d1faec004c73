// A shop's staff rules in the database (StaffRules), with the defaults for a shop that never saved
// them. Every read and write is scoped by shop.
import type { PrismaClient } from "@prisma/client";
import { fromMinorUnits, toMinorUnits } from "../jobs/money";
import type { StaffIdentity } from "./staff-identity";
import { DEFAULT_STAFF_RULES, type StaffRules, type StaffRulesForm } from "./staff-rules";

type Reader = Pick<PrismaClient, "staffRules">;

export async function staffRulesOf(db: Reader, shop: string): Promise<StaffRules> {
  const row = await db.staffRules.findUnique({ where: { shop } });
  if (!row) return DEFAULT_STAFF_RULES;
  return {
    jobAmountLimit: fromMinorUnits(toMinorUnits(row.jobAmountLimit)),
    jobOrderLimit: row.jobOrderLimit,
    dayAmountLimit: fromMinorUnits(toMinorUnits(row.dayAmountLimit)),
    dayOrderLimit: row.dayOrderLimit,
    approverId: row.approverId,
    approverName: row.approverName,
    undoMinutes: row.undoMinutes,
  };
}

export async function saveStaffRules(
  db: PrismaClient,
  shop: string,
  rules: StaffRulesForm,
  by: StaffIdentity,
): Promise<void> {
  const data = { ...rules, updatedById: by.id, updatedByName: by.name };
  await db.staffRules.upsert({ where: { shop }, create: { shop, ...data }, update: data });
}
