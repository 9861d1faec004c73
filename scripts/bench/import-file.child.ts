// The import bench's bulk file, made in a process of its own: the simulator plays Shopify, which
// builds the file on its own servers, so its 100k seeded orders, the run of the bulk query and the
// 126 MB of text it writes have no place in the heap of the process whose import is measured.
// (Measured back to back on 2026-12-03, keeping them there cost the import nothing visible on a
// quiet machine, 31,912 beside 27,391 orders/s on SQLite, within the noise; the bench is fairer
// this way, not faster.) Runs the import's bulk query on a seeded shop (the same query production
// runs, children shuffled as Shopify does since API 2026-01), saves the finished JSONL file at
// the path it is given and tells its parent over IPC how long Shopify's side took.
//   argv: <file> <shop> <orders>
import { writeFileSync } from "node:fs";
import { z } from "zod";
import { startSimulator } from "@delay-desk/simulator/index";
import { libraryLikeAdmin } from "../../tests/support/library-like-admin";
import { TEST_APP } from "../../tests/support/app-under-test";
import { tomlScopes } from "../app-config";
import { timed } from "./measure";
import {
  ORDER_IMPORT_BULK_QUERY,
  ORDER_IMPORT_STATUS,
  START_ORDER_IMPORT,
} from "../../app/orders/import/bulk-import.server";
import { inlineFragments } from "../../app/admin-api/inline-fragments";

const [file, shop, ordersArg] = process.argv.slice(2);
if (!file || !shop || !ordersArg)
  throw new Error("usage: import-file.child.ts <file> <shop> <orders>");
const orders = Number(ordersArg);

const statusSchema = z.object({
  bulkOperation: z.object({ status: z.string(), url: z.string().nullable() }).nullable(),
});
const startedSchema = z.object({
  data: z.object({
    bulkOperationRunQuery: z.object({ bulkOperation: z.object({ id: z.string() }) }),
  }),
});

const sim = await startSimulator({
  port: 0,
  app: { ...TEST_APP, scopes: tomlScopes() },
  shops: [{ domain: shop, orders, seed: 7, plan: "PLUS" }],
});
try {
  const admin = libraryLikeAdmin(sim.origin, shop, sim.issueAccessToken(shop));
  const started = startedSchema.parse(
    await (
      await admin.graphql(START_ORDER_IMPORT, {
        variables: { query: inlineFragments(ORDER_IMPORT_BULK_QUERY) },
      })
    ).json(),
  );
  const id = started.data.bulkOperationRunQuery.bulkOperation.id;
  const made = await timed(async () => {
    for (;;) {
      await new Promise((resolve) => setTimeout(resolve, 250));
      // The simulator builds the file in this process, blocking its event loop for seconds under
      // load, and a kept-alive socket it closed meanwhile fails the next poll (ECONNRESET): a
      // poll that fails to connect is tried again at the next tick.
      const answer = await admin
        .graphql(ORDER_IMPORT_STATUS, { variables: { id } })
        .then((response) => response.json())
        .catch((error: unknown) => {
          if (error instanceof TypeError && error.message === "fetch failed") return null;
          throw error;
        });
      if (answer === null) continue;
      const status = statusSchema.parse(
        z.object({ data: z.unknown() }).parse(answer).data,
      ).bulkOperation;
      if (status?.status === "COMPLETED" && status.url) return status.url;
      if (status && status.status !== "CREATED" && status.status !== "RUNNING")
        throw new Error(`bulk operation ended ${status.status}`);
    }
  });
  const response = await fetch(made.result);
  if (!response.ok) throw new Error(`bulk file: HTTP ${response.status}`);
  writeFileSync(file, Buffer.from(await response.arrayBuffer()));
  process.send?.({ type: "made", ms: made.ms });
} finally {
  await sim.close();
}
