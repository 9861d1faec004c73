// Re-forecasts every tracked order of one shop and stores the result on the rows, so pages can
// read counts and dates (and the per-shop summary, order-summary.server.ts) instead of
// forecasting on each request.
//
// Each order is judged against the promise frozen when it was first seen (frozen here, under the
// rules in force now, if this is that first time); the rules only shape the forecast itself.
//
// Fast and short-locked at 100k orders (issue 15: ≤ 0.5 s end to end, no write lock over 100 ms):
//   - the backlog is read with one SELECT of the columns needed, on a connection of the
//     reforecast's own (reforecast-rows.server.ts; one snapshot, no write lock), and queued oldest
//     first here (a sort in the database cost PostgreSQL half the read);
//   - line items are read and parsed only for orders whose promise is not frozen yet;
//   - the forecast runs on typed arrays (forecast/forecast-days.ts) and is compared with what
//     each row holds: only the rows whose forecast changed are written (a second pass with the
//     same settings writes no order at all), in transactions of at most WRITE_BUDGET_MS each, so
//     a webhook waits at most that long and a reader never waits;
//   - Flow triggers come from the same comparison (the classes were read with the rows), and so
//     does the outcomes' late count: the read says which orders were counted late already, and
//     the ones to count are written with the rows (reforecast-rows.server.ts).
// A pass takes a number first (startReforecastPass) and each batch writes only while that number
// is the shop's latest, so two passes never interleave: the later pass, which read the later
// backlog, writes every row that differs from its answer, and the earlier one stops at its next
// batch. While a pass runs, a reader may see some rows already forecast by it and the rest by the
// previous pass; each row is always one pass's answer, and the summary's counts always equal the
// rows (database triggers). A row's forecastAt is the pass that last changed its forecast; the
// summary's is the latest pass that finished.
//
// The queue is oldest first with equal instants by id, so "the rows a from-scratch forecast
// would produce" is one answer on both databases (reforecast-equivalence.test.ts).
import type { PrismaClient } from "@prisma/client";
import { enqueueDelayTransitions } from "../flow/flow-outbox.server";
import type { OrderStatus } from "../forecast/forecast-backlog";
import { epochDayCache, forecastBacklogDays } from "../forecast/forecast-backlog";
import { BEYOND_HORIZON, ON_TRACK, STATUS_BY_CODE } from "../forecast/forecast-days";
import type { ForecastChange } from "../flow/flow-triggers";
import { weekOf } from "../outcomes/outcome-metrics";
import { recordFinishedOrders } from "../outcomes/record-outcomes.server";
import { createCachedPromiser } from "../promise/cached-promiser";
import { promiseOf } from "../promise/frozen-promise";
import type { LocalDate } from "../promise/local-date";
import { loadShopSettings } from "../settings/shop-settings.server";
import {
  finishReforecastPass,
  loadOrderSummary,
  startReforecastPass,
} from "./order-summary.server";
import {
  CLASS_BY_CODE,
  NO_CLASS,
  openForecastRows,
  SOURCE_BY_CODE,
  type ForecastWrite,
  type UnfrozenRow,
} from "./reforecast-rows.server";
import { shopOutlook, type ShopOutlook } from "./shop-outlook";
import { oldestFirst } from "./reforecast-queue";
import { parseTrackedLineItems } from "./tracked-line-items";

export interface ReforecastSummary extends ShopOutlook {
  counts: Record<OrderStatus, number>;
  /** Orders marked done (fulfilled, cancelled or archived) in this pass. */
  done: number;
  /** Backlog rows whose forecast changed and were written in this pass. */
  written: number;
  forecastAt: Date;
  /** False when a later pass started before this one finished (that pass wrote the rows). */
  latest: boolean;
}

export interface ReforecastOptions {
  /** The shop's IANA zone from Shopify, used while the shop has no saved settings. */
  fallbackTimeZone?: string;
  /** Most rows one write transaction holds (each also stops at WRITE_BUDGET_MS). */
  batchSize?: number;
  /** Told how long each write transaction took (the bench's longest-lock figure). */
  onWrite?: (ms: number, rows: number) => void;
}

const DEFAULT_BATCH = 5000;

/** The promise frozen in this pass for an order seen for the first time. */
function freshPromise(
  row: UnfrozenRow,
  id: string,
  createdAtMs: number,
  promiser: ReturnType<typeof createCachedPromiser>,
): { date: LocalDate; source: string; freeze: boolean } {
  // A frozen order's line items change nothing; they are read and parsed only here.
  const lineItems = parseTrackedLineItems(row.lineItems ?? "[]", id);
  const { promise, freshlyFrozen } = promiseOf(
    {
      ...row,
      createdAt: new Date(createdAtMs),
      fulfillBy: row.fulfillByMs === null ? null : new Date(row.fulfillByMs),
      appFulfillBy: row.appFulfillByMs === null ? null : new Date(row.appFulfillByMs),
      lineItems,
    },
    promiser,
  );
  return { date: promise.date, source: promise.source, freeze: freshlyFrozen };
}

export async function reforecastShop(
  db: PrismaClient,
  shop: string,
  now: Date,
  options: ReforecastOptions = {},
): Promise<ReforecastSummary> {
  const maxRows = options.batchSize ?? DEFAULT_BATCH;
  const { rules } = await loadShopSettings(db, shop, options.fallbackTimeZone);
  // A shop never forecast before is forecasting the backlog its first import brought: those
  // classes are the baseline, not news. Flow runs a workflow per trigger, and none can use the
  // app's triggers before it is installed; announcing every order already late would spend 10
  // points each of the shop's API budget ("Triggers have the same API rate limits as the Shopify
  // API", https://shopify.dev/docs/apps/flow/triggers) on thousands of calls that start nothing.
  const baseline = (await loadOrderSummary(db, shop)).forecastAt === null;
  const pass = await startReforecastPass(db, shop);
  const store = openForecastRows(db);
  try {
    const stored = await store.readBacklog(shop);
    const queue = oldestFirst(stored.createdAtMs, stored.ids);
    const n = stored.length;
    const promiser = createCachedPromiser(rules);
    // Promises frozen in this pass, by row; the others are the frozen ones the rows hold.
    const fresh = new Map<number, { date: LocalDate; source: string; freeze: boolean }>();
    const units = new Float64Array(n);
    const promiseDay = new Int32Array(n);
    const dayOf = epochDayCache();
    let totalUnits = 0;
    for (let i = 0; i < n; i += 1) {
      const r = queue[i] ?? 0;
      const unfrozen = stored.unfrozen.get(r);
      const rowUnits = stored.units[r] ?? 0;
      units[i] = rowUnits;
      totalUnits += rowUnits;
      if (!unfrozen) {
        promiseDay[i] = stored.frozenDay[r] ?? 0;
        continue;
      }
      const promise = freshPromise(
        unfrozen,
        stored.ids[r] ?? "",
        stored.createdAtMs[r] ?? 0,
        promiser,
      );
      fresh.set(r, promise);
      promiseDay[i] = dayOf(promise.date);
    }
    const forecast = forecastBacklogDays(
      { length: n, units, promiseDay, describe: (i) => stored.ids[queue[i] ?? 0] ?? "" },
      rules,
      now,
    );

    // Compare with what each row holds, day numbers with day numbers: only what changed is
    // written, and an order at risk or overdue that the outcomes never counted late is counted
    // in the same transaction.
    const { likelyDay, conservativeDay, status } = forecast.days;
    const changed: ForecastWrite[] = [];
    const transitions: ForecastChange[] = [];
    for (let i = 0; i < n; i += 1) {
      const r = queue[i] ?? 0;
      const likelyAt = likelyDay[i] ?? BEYOND_HORIZON;
      const conservativeAt = conservativeDay[i] ?? BEYOND_HORIZON;
      const code = status[i] ?? 0;
      const promise = fresh.get(r);
      const same =
        promise === undefined &&
        stored.mirrored[r] === 1 &&
        stored.likelyDay[r] === likelyAt &&
        stored.conservativeDay[r] === conservativeAt &&
        stored.delayClass[r] === code;
      const late = code !== ON_TRACK && stored.lateCounted[r] === 0;
      if (same && !late) continue;
      const id = stored.ids[r] ?? "";
      const promisedShipDate = promise?.date ?? forecast.dateOf(stored.frozenDay[r] ?? 0);
      const conservative =
        conservativeAt === BEYOND_HORIZON ? null : forecast.dateOf(conservativeAt);
      const delayClass = STATUS_BY_CODE[code] ?? "on_track";
      changed.push({
        id,
        promisedShipDate,
        promiseSource: promise?.source ?? SOURCE_BY_CODE[stored.frozenSource[r] ?? 2] ?? "backfill",
        likelyShipDate: likelyAt === BEYOND_HORIZON ? null : forecast.dateOf(likelyAt),
        conservativeShipDate: conservative,
        delayClass,
        freeze: promise?.freeze ?? false,
        update: !same,
        late,
      });
      const before = stored.delayClass[r] ?? NO_CLASS;
      if (before !== code && !(baseline && before === NO_CLASS))
        transitions.push({
          id,
          before: CLASS_BY_CODE[before] ?? null,
          after: delayClass,
          promisedShipDate,
          conservativeShipDate: conservative,
        });
    }

    // Flow triggers for orders entering at risk or overdue, judged against the classes this pass
    // read; one per transition (their outbox keys), so a racing pass adds none.
    await enqueueDelayTransitions(db, shop, transitions, now);
    const writeOptions = {
      maxRows,
      onWrite: options.onWrite,
      lateWeek: weekOf(now, rules.timeZone),
    };
    const wrote = await store.writeForecasts(shop, pass, now, changed, writeOptions);
    let latest = wrote.latest;

    // Only orders that just left the backlog (read by the backlog's own scan): the rest are
    // already marked, and rewriting every shipped order of a large shop on each reforecast would
    // cost more than the forecast. Each write re-checks that the order is still out.
    let done = 0;
    if (latest) {
      const { leaving } = stored;
      // Counted for the outcomes page (shipped, on time, kept) before they are marked done.
      await recordFinishedOrders(db, shop, leaving, rules.timeZone, now);
      const marked = await store.markDone(shop, pass, now, leaving, writeOptions);
      done = marked.written;
      latest = marked.latest;
    }
    // The summary's "forecast as of" moves even when no row changed: the rows are this pass's
    // answer. A shop with no orders at all stays "never forecast".
    if (latest && n + done > 0) latest = await finishReforecastPass(db, shop, pass, now);

    return {
      ...shopOutlook({ orders: n, units: totalUnits }, rules, now),
      counts: forecast.counts,
      done,
      written: wrote.written,
      forecastAt: now,
      latest,
    };
  } finally {
    await store.close();
  }
}
