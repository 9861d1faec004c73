// `npm run bench:smoke`: every bench section that has a size knob, at small sizes, so CI (.ci/run)
// notices when the bench stops running. Figures are printed and never asserted: at these sizes
// they say nothing; `npm run bench` gives the real ones. Sizes already in the environment win.
import { spawnSync } from "node:child_process";
import path from "node:path";

const SMALL: Record<string, string> = {
  BENCH_FORECAST_ORDERS: "3000",
  BENCH_IMPORT_ORDERS: "2000",
  BENCH_IMPORT_PEER_ORDERS: "200",
  BENCH_PAGES_ORDERS: "3000",
  BENCH_PAGES_RUNS: "2",
  BENCH_SYNC_ORDERS: "2000",
  BENCH_SYNC_PEER_ORDERS: "500",
  BENCH_NOTICES: "50",
  BENCH_VITALS_ORDERS: "200",
  BENCH_VITALS_RUNS: "1",
  BENCH_LIGHTHOUSE_RUNS: "1",
  BENCH_LIGHTHOUSE_MODES: "paused",
};
// remedies waits out Shopify's real-time bucket by design (minutes), and estimates replays a fixed
// 2,000 × 1,200-order model; neither has a small size, so the smoke leaves them to `npm run bench`.
// vitals needs the built app, which CI's `npm test` has just built (test:e2e).
const SECTIONS = [
  "forecast",
  "import",
  "pages",
  "sync",
  "storefront",
  "notices",
  "vitals",
  "lighthouse",
];

const result = spawnSync(
  process.execPath,
  ["--import", "tsx", path.join(import.meta.dirname, "bench.ts"), ...SECTIONS],
  { stdio: "inherit", env: { ...SMALL, ...process.env } },
);
process.exit(result.status ?? 1);
