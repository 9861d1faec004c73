// The remedies page's "Start" as one use case: the remedy's job kind, its parameters checked by
// that kind's own schema, the selected orders, then the durable job (app/jobs/).
import type { PrismaClient } from "@prisma/client";
import type { z } from "zod";
import type { JobKindRegistry } from "../jobs/job-kind";
import { createJob } from "../jobs/jobs.server";
import {
  remedyParams,
  selectedOrderIds,
  type remedyFormSchema,
  type Selection,
} from "./remedy-request.server";

export type StartRemedyResult = { ok: true; jobId: string } | { ok: false; error: string };

export async function startRemedy(
  services: { db: PrismaClient; jobKinds: JobKindRegistry },
  input: {
    shop: string;
    selection: Selection;
    form: z.infer<typeof remedyFormSchema>;
    createdBy: string | null;
  },
): Promise<StartRemedyResult> {
  const { db } = services;
  const kind = services.jobKinds.get(input.selection.remedy);
  if (!kind) return { ok: false, error: "Unknown remedy." };
  const params = kind.params.safeParse(remedyParams(input.selection.remedy, input.form));
  if (!params.success)
    return {
      ok: false,
      error: `${params.error.issues[0]?.path.join(".") ?? ""}: ${params.error.issues[0]?.message ?? "invalid"}`,
    };
  const orderIds = await selectedOrderIds(db, input.shop, input.selection);
  try {
    const job = await createJob(db, {
      shop: input.shop,
      kind,
      params: params.data,
      orderIds,
      createdBy: input.createdBy,
    });
    return { ok: true, jobId: job.id };
  } catch (error) {
    return {
      ok: false,
      error: error instanceof Error ? error.message : "Could not start the job.",
    };
  }
}
