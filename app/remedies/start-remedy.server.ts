// The remedies page's "Start" as one use case: the remedy's job kind, its parameters checked by
// that kind's own schema, the selected orders, then the durable job through the staff rules
// (app/staff/start-staff-job.server.ts: permissions, limits and approval, the undo window).
import type { PrismaClient } from "@prisma/client";
import type { z } from "zod";
import { requestAdminClient, type AdminGraphql } from "../admin-api/graphql.server";
import type { JobKindRegistry } from "../jobs/job-kind";
import { settingsForShop } from "../settings/shop-time-zone.server";
import { startStaffJob } from "../staff/start-staff-job.server";
import type { StaffIdentity } from "../staff/staff-identity";
import {
  remedyParams,
  selectedOrderIds,
  type remedyFormSchema,
  type Selection,
} from "./remedy-request.server";

export type StartRemedyResult =
  | { ok: true; jobId: string }
  | { ok: false; status: 400 | 403; error: string };

export async function startRemedy(
  services: { db: PrismaClient; jobKinds: JobKindRegistry },
  input: {
    shop: string;
    selection: Selection;
    form: z.infer<typeof remedyFormSchema>;
    /** The session token's `sub`. */
    staffId: string | null;
    /** Who Shopify says the staff member is (null: the online token exchange failed). */
    staff: StaffIdentity | null;
    /** The request's Admin API (the shop's time zone; the shipping cost back's plan). */
    admin: AdminGraphql;
    now?: Date;
  },
): Promise<StartRemedyResult> {
  const { db } = services;
  const kind = services.jobKinds.get(input.selection.remedy);
  if (!kind) return { ok: false, status: 400, error: "Unknown remedy." };
  const params = kind.params.safeParse(remedyParams(input.selection.remedy, input.form));
  if (!params.success)
    return {
      ok: false,
      status: 400,
      error: `${params.error.issues[0]?.path.join(".") ?? ""}: ${params.error.issues[0]?.message ?? "invalid"}`,
    };
  const orderIds = await selectedOrderIds(db, input.shop, input.selection);
  const started = await startStaffJob(db, {
    shop: input.shop,
    kind,
    params: params.data,
    orderIds,
    staffId: input.staffId,
    staff: input.staff,
    timeZone: (await settingsForShop(db, input.shop, input.admin)).rules.timeZone,
    admin: requestAdminClient(input.admin),
    ...(input.now ? { now: input.now } : {}),
  });
  return started.ok
    ? { ok: true, jobId: started.jobId }
    : { ok: false, status: started.status, error: started.message };
}
