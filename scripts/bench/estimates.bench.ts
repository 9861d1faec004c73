// Estimates the shop beats (issue 13, point 4): the demo shop's backlog, forecast once, replayed
// under the disruption model of simulator/disruption.ts (wobble at the shop's variability, and a
// 2 % chance each business day of a 3–7 business-day shock at 0–50 % of normal output). Prints how
// often each order ships on or before its conservative date, overall and by how far out its
// likely date is, and the mean days of slack, for the model before issue 13 (wobble only) and
// the forecast as it is now, side by side. Seeded: the same figures on every run.
// `npm run bench -- estimates`
import { demoBacklog, measureBeatRate, type ModelFigures } from "../../tests/support/beat-rate";
import type { BenchRow } from "../bench";
import { fmtMs, timed } from "./measure";

export const title = "Estimates the shop beats: conservative date replayed under shocks";

const NOW = new Date("2026-12-10T15:00:00Z");
const REPLAYS = 2000;
const SEED = 20261213;

const pct = (rate: number) => `${(rate * 100).toFixed(1)} %`;
const days = (value: number) => `${value >= 0 ? "+" : ""}${value.toFixed(1)} d`;
const sideBySide = (before: string, now: string) => `${before.padStart(8)}  →  ${now}`;

export async function run(): Promise<BenchRow[]> {
  const backlog = demoBacklog(NOW);
  const measured = await timed(() => measureBeatRate(backlog, { replays: REPLAYS, seed: SEED }));
  const report = measured.result;
  const { wobbleOnly: before, forecast: now } = report;
  const rows: BenchRow[] = [
    {
      figure: "replays × orders",
      value: `${REPLAYS.toLocaleString("en-US")} × ${report.orders} (demo shop, seed 1, 1,200 orders)`,
      note: `${fmtMs(measured.ms)}, seed ${SEED}`,
    },
    {
      figure: "beat rate, all orders",
      value: sideBySide(pct(before.beatRate), pct(now.beatRate)),
      note: "wobble only → with shocks; target ≥ 90 %",
    },
  ];
  now.byBucket.forEach((bucket, i) => {
    rows.push({
      figure: `beat rate, likely date ${bucket.label}`,
      value: sideBySide(pct(before.byBucket[i]?.beatRate ?? 0), pct(bucket.beatRate)),
      note: `${Math.round(bucket.orders)} orders`,
    });
  });
  const slack = (figures: ModelFigures) => figures.meanSlackDays;
  rows.push(
    {
      figure: "mean slack (conservative − actual)",
      value: sideBySide(days(slack(before)), days(slack(now))),
      note: "calendar days; negative = late on average",
    },
    {
      figure: "mean range (conservative − likely)",
      value: sideBySide(days(before.meanRangeDays), days(now.meanRangeDays)),
    },
  );
  const calm = measureBeatRate(backlog, { replays: REPLAYS, seed: SEED, shocks: false });
  rows.push({
    figure: "beat rate, wobble alone (no shocks)",
    value: sideBySide(pct(calm.wobbleOnly.beatRate), pct(calm.forecast.beatRate)),
    note: "the world the old model assumed",
  });
  // The harsher reading: a shock may already be under way when the forecast is made.
  const harsher = measureBeatRate(backlog, {
    replays: REPLAYS,
    seed: SEED,
    warmUpBusinessDays: 60,
  });
  rows.push({
    figure: "beat rate, a shock possibly running at day 0",
    value: sideBySide(pct(harsher.wobbleOnly.beatRate), pct(harsher.forecast.beatRate)),
    note: `worst horizon ${pct(Math.min(...harsher.forecast.byBucket.map((b) => b.beatRate)))}`,
  });
  return rows;
}
