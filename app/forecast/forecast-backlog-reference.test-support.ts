// forecastBacklog as it was before issue 15 moved its loop onto typed arrays (forecast-days.ts):
// a pointer walk through the timeline's accessors, an object per order, dates compared as text.
// Kept as the oracle the fast path is compared with on random inputs (forecast-orders-fast.test.ts,
// through forecastOrdersReference); not used by the app.
import { createBusinessCalendar } from "../promise/business-calendar";
import { addDays, toEpochDay, type LocalDate } from "../promise/local-date";
import { minutesOfHHMM, toShopLocal, type Instant } from "../promise/shop-clock";
import type { ShopRules } from "../promise/shop-rules";
import {
  createCapacityTimeline,
  firstDayCovering,
  type CapacityTimeline,
} from "./capacity-timeline";
import { estimateVariability } from "./estimate-variability";
import {
  burnDownSeries,
  outlookForNewOrders,
  type BacklogForecast,
  type BacklogOrder,
  type ForecastOptions,
  type OrderForecast,
  type OrderStatus,
} from "./forecast-backlog";

function demandOf(order: BacklogOrder, unit: ShopRules["capacity"]["unit"]): number {
  if (!(order.unitsRemaining > 0) || !Number.isFinite(order.unitsRemaining)) {
    throw new RangeError(
      `Order ${order.id}: units remaining must be a positive number, got ${order.unitsRemaining}`,
    );
  }
  return unit === "orders" ? 1 : order.unitsRemaining;
}

function dateAt(timeline: CapacityTimeline, day: number | null): LocalDate | null {
  return day === null ? null : timeline.date(day);
}

export function forecastBacklogReference(
  backlog: readonly BacklogOrder[],
  rules: ShopRules,
  now: Instant,
  options: ForecastOptions = {},
): BacklogForecast {
  const calendar = options.calendar ?? createBusinessCalendar(rules);
  const local = toShopLocal(now, rules.timeZone);
  const today = local.date;
  const firstProductionDay =
    local.minuteOfDay >= minutesOfHHMM(rules.cutOffTime) ? addDays(today, 1) : today;
  const variability = estimateVariability(rules.capacity, calendar);
  const timeline = createCapacityTimeline({
    perWeekday: rules.capacity.perWeekday,
    calendar,
    startEpochDay: toEpochDay(firstProductionDay),
    coefficientOfVariation: variability.coefficientOfVariation,
    confidence: rules.conservativeConfidence,
    horizonDays: options.horizonDays,
  });
  const unit = rules.capacity.unit;

  const orders: OrderForecast[] = new Array<OrderForecast>(backlog.length);
  const counts: Record<OrderStatus, number> = { on_track: 0, at_risk: 0, overdue: 0 };
  let cumulative = 0;
  // Forward-only pointers; once a pointer falls off the horizon every later order does too.
  let likelyDay: number | null = 0;
  let conservativeDay: number | null = 0;
  for (let i = 0; i < backlog.length; i += 1) {
    const order = backlog[i];
    if (!order) continue;
    cumulative += demandOf(order, unit);
    if (likelyDay !== null) likelyDay = firstDayCovering(timeline, "likely", cumulative, likelyDay);
    if (conservativeDay !== null)
      conservativeDay = firstDayCovering(timeline, "conservative", cumulative, conservativeDay);
    const likely = dateAt(timeline, likelyDay);
    const conservative = dateAt(timeline, conservativeDay);
    const status: OrderStatus =
      order.promise < today
        ? "overdue"
        : conservative === null || conservative > order.promise
          ? "at_risk"
          : "on_track";
    counts[status] += 1;
    orders[i] = {
      id: order.id,
      promise: order.promise,
      likely,
      conservative,
      status,
      likelyLate: likely === null || likely > order.promise,
    };
  }

  if (
    options.newOrderUnits !== undefined &&
    !(options.newOrderUnits > 0 && Number.isFinite(options.newOrderUnits))
  ) {
    throw new RangeError(`newOrderUnits must be a positive number, got ${options.newOrderUnits}`);
  }
  const newOrderDemand =
    unit === "orders"
      ? 1
      : (options.newOrderUnits ??
        Math.max(1, backlog.length === 0 ? 1 : Math.ceil(cumulative / backlog.length)));
  const newDemand = cumulative + newOrderDemand;
  const newLikelyDay =
    likelyDay === null ? null : firstDayCovering(timeline, "likely", newDemand, likelyDay);
  const newConservativeDay =
    conservativeDay === null
      ? null
      : firstDayCovering(timeline, "conservative", newDemand, conservativeDay);
  const newOrders = outlookForNewOrders(
    rules,
    now,
    calendar,
    newOrderDemand,
    dateAt(timeline, newLikelyDay),
    dateAt(timeline, newConservativeDay),
  );

  return {
    today,
    firstProductionDay,
    unit,
    variability,
    model: {
      confidence: rules.conservativeConfidence,
      z: timeline.z,
      effectiveCv: timeline.effectiveCv,
      horizonDays: timeline.horizonDays,
    },
    orders,
    counts,
    totalDemand: cumulative,
    newOrders,
    burnDown: burnDownSeries(timeline, cumulative, conservativeDay),
  };
}
