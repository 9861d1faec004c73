// Webhooks as Shopify reaches the app in integration tests: each delivery goes to the route for
// its topic, and a test waits until everything a delivery set off (bulk imports, further
// deliveries, the order-sync queue) has finished.
import { z } from "zod";
import { callRoute } from "./app-under-test";

const routeModule = z.object({ action: z.function() });

/** Posts a signed delivery to `app/routes/webhooks.<topic>.tsx`; a thrown Response is the answer. */
export async function deliverToWebhookRoute(request: Request): Promise<Response> {
  const topic = request.headers.get("x-shopify-topic") ?? "";
  const module = routeModule.parse(await import(`../../app/routes/webhooks.${topic.replace("/", ".")}.tsx`));
  try {
    const response: unknown = await callRoute(module.action, request);
    return response instanceof Response ? response : new Response(null, { status: 500 });
  } catch (thrown) {
    if (thrown instanceof Response) return thrown;
    throw thrown;
  }
}

interface SettlingSimulator {
  bulkOperationsIdle(): Promise<void>;
  webhooks: { whenIdle(): Promise<void> };
}

/** A few rounds, because a finished bulk import sends a webhook whose handler queues more sync. */
export async function settleOrderSync(simulator: SettlingSimulator, sync: { orderSyncIdle(): Promise<void> }): Promise<void> {
  for (let round = 0; round < 4; round++) {
    await simulator.bulkOperationsIdle();
    await simulator.webhooks.whenIdle();
    await sync.orderSyncIdle();
  }
}
