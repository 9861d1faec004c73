// An order's history as staff read it: when it was placed and promised, what it was told, what the
// customer chose, which remedies ran, and every override, each with its date and who acted. Built
// from the OrderEvent log and the Notice rows (a notice that failed or is still sending has no
// event yet, but staff must see it). Pure: the loader reads the rows, this decides the wording.
import { z } from "zod";
import { describeRange } from "../notices/estimate-range";

export interface TimelineEvent {
  id: string;
  kind: string;
  actorId: string | null;
  actorName: string | null;
  detail: string;
  createdAt: Date;
}

export interface TimelineNotice {
  id: string;
  revision: number;
  estimateFrom: string;
  estimateTo: string;
  toEmail: string;
  status: string;
  error: string | null;
  sentAt: Date | null;
  createdAt: Date;
}

export interface TimelineOrder {
  createdAt: Date;
  promisedShipDate: string | null;
  promiseSource: string | null;
}

export interface TimelineEntry {
  at: string; // ISO instant
  kind: string;
  title: string;
  detail: string | null;
  actor: string;
  tone: "info" | "success" | "warning" | "critical";
}

const detailSchema = z.record(z.unknown());

function readDetail(json: string): Record<string, unknown> {
  try {
    const parsed = detailSchema.safeParse(JSON.parse(json));
    return parsed.success ? parsed.data : {};
  } catch {
    return {};
  }
}

const text = (value: unknown): string | null =>
  typeof value === "string" && value.trim() ? value : null;

/** A stored YYYY-MM-DD as a human date; anything else (older rows' wording) as it is. */
const calendarDay = (value: string, day: (date: string) => string): string =>
  /^\d{4}-\d{2}-\d{2}$/.test(value) ? day(value) : value;

const shippedLinesSchema = z.array(z.object({ name: z.string(), quantity: z.number().int() }));

/** "2 × Wallet, Strap" from a split shipment's recorded lines; null when none or unreadable. */
function linesText(value: unknown): string | null {
  const parsed = shippedLinesSchema.safeParse(value);
  if (!parsed.success || parsed.data.length === 0) return null;
  return parsed.data
    .map((line) => (line.quantity === 1 ? line.name : `${line.quantity} × ${line.name}`))
    .join(", ");
}

export function actorLabel(
  actorId: string | null,
  actorName: string | null,
  staffNames: ReadonlyMap<string, string> = new Map(),
): string {
  if (actorName) return actorName;
  if (actorId === "customer") return "Customer";
  if (!actorId || actorId === "system") return "Delay Desk";
  return staffNames.get(actorId) ?? `Staff member ${actorId}`;
}

function eventEntry(
  event: TimelineEvent,
  staffNames: ReadonlyMap<string, string>,
  day: (date: string) => string,
): TimelineEntry {
  const d = readDetail(event.detail);
  const base = {
    at: event.createdAt.toISOString(),
    kind: event.kind,
    actor: actorLabel(event.actorId, event.actorName, staffNames),
  };
  switch (event.kind) {
    case "notice": {
      const from = text(d.from);
      const to = text(d.to);
      const range = from && to ? describeRange({ from, to }) : null;
      const revision = typeof d.revision === "number" ? d.revision : null;
      const to_ = text(d.toEmail) ? ` to ${text(d.toEmail)}` : "";
      if (d.change === "shipped")
        return {
          ...base,
          title: `"It has shipped" notice sent${to_}`,
          detail: null,
          tone: "success",
        };
      return {
        ...base,
        title: `Delay notice${revision ? ` ${revision}` : ""} sent${to_}`,
        detail: range
          ? `Told: ships ${range}${d.change === "later" ? " (a revised, later date)" : d.change === "earlier" ? " (an earlier date, confirmed)" : d.change === "weekly" ? " (weekly update, same date)" : ""}`
          : text(d.summary),
        tone: "info",
      };
    }
    case "choice":
      return d.choice === "cancel"
        ? {
            ...base,
            title: "Customer asked to cancel for a full refund",
            detail: d.changedFrom === "wait" ? "Changed their mind after choosing to wait." : null,
            tone: "critical",
          }
        : { ...base, title: "Customer chose to wait", detail: null, tone: "success" };
    case "remedy_queued":
      return {
        ...base,
        title: "Cancel and full refund queued",
        detail: text(d.jobId) ? `Job ${text(d.jobId)}` : null,
        tone: "warning",
      };
    case "cancel_request":
      return {
        ...base,
        title: "Cancel request waiting for staff",
        detail: text(d.reason),
        tone: "critical",
      };
    case "remedy":
      return {
        ...base,
        title: text(d.summary) ?? "Remedy applied",
        detail: text(d.jobKind),
        tone: "success",
      };
    case "override":
      return {
        ...base,
        title: "Second revised date sent anyway (override)",
        detail: text(d.reason) ? `Reason: ${text(d.reason)}` : null,
        tone: "warning",
      };
    case "split_shipment": {
      // Written by shipReadyLines (app/fulfillment/ship-ready.server.ts).
      const coming = linesText(d.stillComing);
      const tracking = text(d.trackingNumber);
      return {
        ...base,
        title: text(d.summary) ?? "Shipped part of the order",
        detail: [
          coming ? `Still coming: ${coming}` : "Nothing left to ship",
          tracking
            ? `tracking ${tracking}${text(d.trackingCompany) ? ` (${text(d.trackingCompany)})` : ""}`
            : null,
        ]
          .filter(Boolean)
          .join("; "),
        tone: "success",
      };
    }
    case "promise":
      return {
        ...base,
        title: text(d.summary) ?? "Promise changed",
        detail: text(d.to) ? `Now promised for ${calendarDay(text(d.to) ?? "", day)}` : null,
        tone: "info",
      };
    default:
      return {
        ...base,
        title: text(d.summary) ?? event.kind.replaceAll("_", " "),
        detail: null,
        tone: "info",
      };
  }
}

export function buildTimeline(input: {
  order: TimelineOrder;
  events: readonly TimelineEvent[];
  notices: readonly TimelineNotice[];
  staffNames?: ReadonlyMap<string, string>;
  /** A shop-local day (YYYY-MM-DD) as staff read it: the page's human date (app/locale/shop-time.ts). */
  day?: (date: string) => string;
}): TimelineEntry[] {
  const staffNames = input.staffNames ?? new Map<string, string>();
  const day = input.day ?? ((date: string) => date);
  const entries: TimelineEntry[] = [
    {
      at: input.order.createdAt.toISOString(),
      kind: "placed",
      title: "Order placed",
      detail: input.order.promisedShipDate
        ? `Promised to ship by ${calendarDay(input.order.promisedShipDate, day)} (${
            input.order.promiseSource === "fulfillBy"
              ? "Shopify's fulfill-by date"
              : input.order.promiseSource === "backfill"
                ? "as last forecast before promises were frozen"
                : "your lead times when it was placed"
          })`
        : null,
      actor: "Customer",
      tone: "info",
    },
  ];
  const noticesWithEvents = new Set<string>();
  for (const event of input.events) {
    const noticeId = text(readDetail(event.detail).noticeId);
    if (event.kind === "notice" && noticeId) noticesWithEvents.add(noticeId);
    entries.push(eventEntry(event, staffNames, day));
  }
  for (const notice of input.notices) {
    if (noticesWithEvents.has(notice.id) || notice.status === "sent") continue;
    entries.push({
      at: notice.createdAt.toISOString(),
      kind: "notice",
      title:
        notice.status === "failed"
          ? `Delay notice ${notice.revision} failed`
          : `Delay notice ${notice.revision} ${notice.status}`,
      detail:
        notice.error ??
        `To ${notice.toEmail}: ships ${describeRange({ from: notice.estimateFrom, to: notice.estimateTo })}`,
      actor: "Delay Desk",
      tone: notice.status === "failed" ? "critical" : "info",
    });
  }
  return entries.sort((a, b) => (a.at < b.at ? -1 : a.at > b.at ? 1 : 0));
}

/** When the order was last told something, and what. */
export function lastTold(
  notices: readonly TimelineNotice[],
): { at: string; range: string; revision: number } | null {
  const sent = notices
    .filter((n) => n.status === "sent" && n.sentAt)
    .sort((a, b) => (b.sentAt?.getTime() ?? 0) - (a.sentAt?.getTime() ?? 0))[0];
  if (!sent?.sentAt) return null;
  return {
    at: sent.sentAt.toISOString(),
    range: describeRange({ from: sent.estimateFrom, to: sent.estimateTo }),
    revision: sent.revision,
  };
}
