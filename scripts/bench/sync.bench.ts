// Order sync: the first import of a 100,000-order shop through one bulk operation, against a naive
// peer that pages `orders` with the same fields. Standard plan for both, so throttling shows. The
// bucket's clock is shifted forward instead of sleeping, so the peer's waiting is counted (as
// "waited") without the bench taking hours; its wall time is real time + that wait.
import { z } from "zod";
import type { AdminGraphql } from "../../app/admin-api/graphql.server";
import { startSimulator } from "@delay-desk/simulator/index";
import { freshDatabaseUrl } from "../../tests/support/database";
import { libraryLikeAdmin } from "../../tests/support/library-like-admin";
import { TEST_APP } from "../../tests/support/app-under-test";
import { tomlScopes } from "../app-config";
import type { BenchRow } from "../bench";
import { fmtMs, fmtRate, timed } from "./measure";

export const title =
  "Order sync: first import of 100,000 orders, bulk operation vs a naive orders pager (Standard plan)";

const SHOP = "bench-sync.myshopify.com";
const ORDERS = Number(process.env.BENCH_SYNC_ORDERS ?? 100_000);
// The peer takes hours of (simulated) waiting at 100k, and over 15 minutes of real time on a 2-core
// machine, so by default it pages the first 10,000 orders and its figures are scaled to the whole
// shop (said so in the output). BENCH_SYNC_PEER_ORDERS=100000 runs it in full.
const PEER_ORDERS = Math.min(ORDERS, Number(process.env.BENCH_SYNC_PEER_ORDERS ?? 10_000));

interface Counter {
  calls: number;
  cost: number;
}

const costSchema = z.object({
  extensions: z.object({ cost: z.object({ actualQueryCost: z.number().nullable() }) }),
});

// Posts like @shopify/shopify-api and counts calls and the points actually charged.
function countingAdmin(origin: string, token: string, counter: Counter): AdminGraphql {
  return libraryLikeAdmin(origin, SHOP, token, (body) => {
    counter.calls += 1;
    const cost = costSchema.safeParse(body);
    counter.cost += cost.success ? (cost.data.extensions.cost.actualQueryCost ?? 0) : 0;
  });
}

export async function run(): Promise<BenchRow[]> {
  const rows: BenchRow[] = [];
  let shift = 0;
  const seeded = await timed(() =>
    startSimulator({
      port: 0,
      clock: () => Date.now() + shift,
      app: { ...TEST_APP, scopes: tomlScopes() },
      shops: [{ domain: SHOP, orders: ORDERS, seed: 1, plan: "STANDARD" }],
    }),
  );
  const sim = seeded.result;
  Object.assign(process.env, {
    SHOPIFY_API_KEY: TEST_APP.apiKey,
    SHOPIFY_API_SECRET: TEST_APP.apiSecret,
    SHOPIFY_APP_URL: TEST_APP.appUrl,
    SCOPES: tomlScopes(),
    DATABASE_URL: freshDatabaseUrl(),
    SHOPIFY_ADMIN_ORIGIN: sim.origin,
  });
  try {
    const db = (await import("../../app/db.server")).default;
    const { startOrderImport, pollOrderImport } = await import(
      "../../app/orders/import/bulk-import.server"
    );
    const { reforecastShop } = await import("../../app/orders/reforecast.server");
    const { saveOrders } = await import("../../app/orders/import/save-orders.server");
    const { AdminClient } = await import("../../app/admin-api/graphql.server");
    const { RECONCILE_ORDERS_QUERY, RECONCILE_PAGE_SIZE } = await import(
      "../../app/orders/sync-reconcile.server"
    );
    const { pagedOrderSchema } = await import("../../app/orders/order-row");
    const token = sim.issueAccessToken(SHOP);
    rows.push({ figure: `seed ${ORDERS.toLocaleString("en-US")} orders`, value: fmtMs(seeded.ms) });

    // --- bulk ---
    const bulkCounter: Counter = { calls: 0, cost: 0 };
    const bulkAdmin = countingAdmin(sim.origin, token, bulkCounter);
    const bulk = await timed(async () => {
      const started = await startOrderImport(db, bulkAdmin, SHOP);
      return pollOrderImport(db, bulkAdmin, SHOP, started.bulkOperationId ?? "", {
        intervalMs: 250,
      });
    });
    if (bulk.result !== "imported") {
      const failed = await db.orderSync.findFirst({
        where: { shop: SHOP },
        orderBy: { startedAt: "desc" },
      });
      throw new Error(`bulk import ended ${bulk.result}: ${failed?.error ?? "?"}`);
    }
    const imported = await db.trackedOrder.count({ where: { shop: SHOP } });
    rows.push({
      figure: "bulk: wall time (start → rows saved → re-forecast)",
      value: fmtMs(bulk.ms),
      note: fmtRate(imported, bulk.ms, "orders"),
    });
    rows.push({
      figure: "bulk: API calls / cost points",
      value: `${bulkCounter.calls} / ${bulkCounter.cost}`,
      note: "1 mutation + status polls every 250 ms; the bulk query itself is not charged",
    });

    // --- naive peer ---
    const peerCounter: Counter = { calls: 0, cost: 0 };
    const peerRaw = countingAdmin(sim.origin, token, peerCounter);
    // orders(first: 250) with the same nested fields is refused outright: show the requested cost.
    let refused = "";
    try {
      await peerRaw.graphql(RECONCILE_ORDERS_QUERY, {
        variables: { first: 250, after: null, query: "" },
      });
    } catch (error) {
      refused = error instanceof Error ? error.message : String(error);
    }
    rows.push({
      figure: "peer: orders(first: 250) with these fields",
      value: refused ? "refused" : "accepted",
      note: refused.slice(0, 90),
    });
    const peer = new AdminClient(peerRaw, {
      sleep: async (ms) => {
        shift += ms;
      },
    });
    const pageSchema = z.object({
      orders: z.object({
        nodes: z.array(pagedOrderSchema),
        pageInfo: z.object({ hasNextPage: z.boolean(), endCursor: z.string().nullable() }),
      }),
    });
    const peerShop = `peer-${SHOP}`;
    const naive = await timed(async () => {
      let after: string | null = null;
      let count = 0;
      do {
        const page: z.infer<typeof pageSchema> = await peer.request(
          RECONCILE_ORDERS_QUERY,
          pageSchema,
          { first: RECONCILE_PAGE_SIZE, after, query: "" },
        );
        count += (
          await saveOrders(
            db,
            peerShop,
            page.orders.nodes.map((n) => n.order),
            new Date(),
          )
        ).count;
        after =
          page.orders.pageInfo.hasNextPage && count < PEER_ORDERS
            ? page.orders.pageInfo.endCursor
            : null;
      } while (after !== null);
      await reforecastShop(db, peerShop, new Date(), {});
      return count;
    });
    const scale = ORDERS / Math.max(1, naive.result);
    const scaled =
      scale > 1.001
        ? ` (measured on ${naive.result.toLocaleString("en-US")} orders, scaled ×${scale.toFixed(2)})`
        : "";
    const peerWall = (naive.ms + peer.stats.waitedMs) * scale;
    peerCounter.calls = Math.round(peerCounter.calls * scale);
    peerCounter.cost = Math.round(peerCounter.cost * scale);
    rows.push({
      figure: `peer: pages of ${RECONCILE_PAGE_SIZE} (largest under 1,000 points): wall time`,
      value: fmtMs(peerWall),
      note: `${fmtMs(naive.ms * scale)} working + ${fmtMs(peer.stats.waitedMs * scale)} waiting for the bucket (simulated clock)${scaled}`,
    });
    rows.push({
      figure: "peer: API calls / cost points / THROTTLED",
      value: `${peerCounter.calls} / ${peerCounter.cost} / ${peer.stats.throttled}`,
    });
    rows.push({
      figure: "ratio peer / bulk",
      value: `${(peerWall / bulk.ms).toFixed(1)}× time, ${(peerCounter.calls / Math.max(1, bulkCounter.calls)).toFixed(0)}× calls`,
      note: `${ORDERS.toLocaleString("en-US")} orders${scaled}`,
    });
    await db.$disconnect();
  } finally {
    await sim.close();
  }
  return rows;
}
