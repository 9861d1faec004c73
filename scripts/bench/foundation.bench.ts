// Foundation: how fast the simulator seeds and answers, and the home page through the whole stack.
import { seedShop } from "@delay-desk/simulator/seed";
import { callRoute, startAppUnderTest } from "../../tests/support/app-under-test";
import type { BenchRow } from "../bench";
import { fmtMs, fmtRate, percentile, timed } from "./measure";

export const title = "Foundation: simulator seeding, Admin API round trips, home page";

const ROUNDS = 50;

export async function run(): Promise<BenchRow[]> {
  const rows: BenchRow[] = [];
  for (const orders of [1_200, 100_000]) {
    const { ms } = await timed(() =>
      seedShop({
        domain: "bench.myshopify.com",
        orders,
        seed: 1,
        now: new Date("2026-11-23T15:00:00Z"),
      }),
    );
    rows.push({
      figure: `seed ${orders.toLocaleString("en-US")} orders`,
      value: fmtMs(ms),
      note: fmtRate(orders, ms, "orders"),
    });
  }

  const app = await startAppUnderTest({ orders: 1_200, seed: 1, plan: "PLUS" });
  try {
    const { loader } = await import("../../app/routes/app._index");
    const first = await timed(() => callRoute(loader, app.embeddedDocumentRequest("/app")));
    rows.push({
      figure: "home loader, first open (token exchange)",
      value: fmtMs(first.ms),
      note: "includes the simulator building the 11 MB schema once",
    });
    const samples: number[] = [];
    for (let i = 0; i < ROUNDS; i++)
      samples.push((await timed(() => callRoute(loader, app.bearerRequest("/app")))).ms);
    rows.push({
      figure: `home loader, stored session (${ROUNDS} runs)`,
      value: `p50 ${fmtMs(percentile(samples, 50))}, p95 ${fmtMs(percentile(samples, 95))}`,
      note: "1,200 orders, Plus plan so no throttling",
    });
  } finally {
    await app.close();
  }
  return rows;
}
