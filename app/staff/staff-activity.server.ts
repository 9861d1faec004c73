// Reads the staff activity log (staff-activity.ts) from the rows each action already writes: Job
// (createdBy, createdByName), JobGate (decided*, cancelled*), ModeChange (actor*), OrderEvent
// (actor*, for overrides and consent-list decisions) and StaffRules (updatedBy*). Read only;
// every read scoped by shop; newest first, the last `days` days, at most `limit` rows.
import type { PrismaClient } from "@prisma/client";
import { z } from "zod";
import { actorLabel, staffIdOf, type ActivityRow } from "./staff-activity";

const overrideDetail = z.object({ reason: z.string().nullable().optional() });

export async function staffActivity(
  db: PrismaClient,
  shop: string,
  labelOf: (kind: string) => string,
  now = new Date(),
  days = 90,
  limit = 10_000,
): Promise<ActivityRow[]> {
  const since = new Date(now.getTime() - days * 86_400_000);
  const rows: ActivityRow[] = [];

  const jobs = await db.job.findMany({
    where: { shop, createdAt: { gte: since } },
    select: { id: true, kind: true, createdAt: true, createdBy: true, createdByName: true },
    orderBy: { createdAt: "desc" },
    take: limit,
  });
  const started = jobs.filter((job) => staffIdOf(job.createdBy) !== null);
  const sizes = new Map<string, number>();
  for (let start = 0; start < started.length; start += 500) {
    const counts = await db.jobItem.groupBy({
      by: ["jobId"],
      where: { shop, jobId: { in: started.slice(start, start + 500).map((job) => job.id) } },
      _count: { _all: true },
    });
    for (const row of counts) sizes.set(row.jobId, row._count._all);
  }
  for (const job of started) {
    const orders = sizes.get(job.id) ?? 0;
    rows.push({
      at: job.createdAt,
      staffId: job.createdBy,
      staff: actorLabel(job.createdBy, job.createdByName),
      action: job.kind === "notice" ? "Sent notices" : "Started a job",
      detail: `${labelOf(job.kind)}: ${orders} ${orders === 1 ? "order" : "orders"} (job ${job.id})`,
    });
  }

  const gates = await db.jobGate.findMany({
    where: { shop, OR: [{ decidedAt: { gte: since } }, { cancelledAt: { gte: since } }] },
    take: limit,
  });
  for (const gate of gates) {
    if (gate.decidedAt && (gate.decision === "approved" || gate.decision === "refused"))
      rows.push({
        at: gate.decidedAt,
        staffId: staffIdOf(gate.decidedById),
        staff: actorLabel(gate.decidedById, gate.decidedByName),
        action: gate.decision === "approved" ? "Approved a money job" : "Refused a money job",
        detail: `job ${gate.jobId}`,
      });
    if (gate.cancelledAt)
      rows.push({
        at: gate.cancelledAt,
        staffId: staffIdOf(gate.cancelledById),
        staff: actorLabel(gate.cancelledById, gate.cancelledByName),
        action: "Cancelled a money job in its undo window",
        detail: `job ${gate.jobId}`,
      });
  }

  const changes = await db.modeChange.findMany({
    where: { shop, createdAt: { gte: since } },
    orderBy: { createdAt: "desc" },
    take: limit,
  });
  for (const change of changes)
    rows.push({
      at: change.createdAt,
      staffId: staffIdOf(change.actorId),
      staff: actorLabel(change.actorId, change.actorName),
      action: "Changed the storefront",
      detail: `${change.fromMode} → ${change.toMode}${change.pausedUntil ? ` until ${change.pausedUntil.toISOString()}` : ""}${change.reason ? ` (${change.reason})` : ""}`,
    });

  const events = await db.orderEvent.findMany({
    where: { shop, kind: { in: ["override", "consent"] }, createdAt: { gte: since } },
    orderBy: { createdAt: "desc" },
    take: limit,
  });
  const staffEvents = events.filter((event) => staffIdOf(event.actorId) !== null);
  const names = new Map<string, string>();
  for (let start = 0; start < staffEvents.length; start += 500) {
    const orders = await db.trackedOrder.findMany({
      where: { shop, id: { in: staffEvents.slice(start, start + 500).map((e) => e.orderId) } },
      select: { id: true, name: true },
    });
    for (const order of orders) names.set(order.id, order.name);
  }
  for (const event of staffEvents) {
    const order = names.get(event.orderId) ?? event.orderId;
    let reason: string | null = null;
    try {
      reason = overrideDetail.safeParse(JSON.parse(event.detail)).data?.reason ?? null;
    } catch {
      reason = null;
    }
    rows.push({
      at: event.createdAt,
      staffId: staffIdOf(event.actorId),
      staff: actorLabel(event.actorId, event.actorName),
      action:
        event.kind === "override"
          ? "Sent a second later date anyway (override)"
          : "Took an order off the consent review list",
      detail: event.kind === "override" && reason ? `${order}: ${reason}` : order,
    });
  }

  const rules = await db.staffRules.findUnique({ where: { shop } });
  if (rules?.updatedById && rules.updatedAt >= since)
    rows.push({
      at: rules.updatedAt,
      staffId: staffIdOf(rules.updatedById),
      staff: actorLabel(rules.updatedById, rules.updatedByName),
      action: "Changed the staff and money rules",
      detail: "",
    });

  return rows.sort((a, b) => b.at.getTime() - a.at.getTime()).slice(0, limit);
}
