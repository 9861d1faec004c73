// After a delay notice goes out, the order status page says the same thing: the app writes the
// order's app-owned metafield (contracts/order-status-metafield.ts), which the customer account
// extension (extensions/order-status) reads. The notice job calls `publishOrderStatus` on each
// item's outcome (writes batched, up to 25 orders per metafieldsSet call); a failed write never undoes a sent email, it is reported on the item instead,
// and the next notice writes the page again. The wait-or-refund page calls `refreshOrderStatus`
// after recording a choice, so the page stops offering what the customer already answered.
//
// The metafield carries the customer's own signed wait-or-refund links: it is written here and
// read only through that customer's order, and neither the value nor the links are ever logged.
import type { PrismaClient } from "@prisma/client";
import {
  orderStatusMetafieldInput,
  type OrderStatus,
} from "../../contracts/order-status-metafield";
import type { AdminClient } from "../admin-api/graphql.server";
import {
  METAFIELDS_SET_LIMIT,
  METAFIELDS_SET_MUTATION,
  metafieldsSetData,
  metafieldsSetRefusal,
} from "../admin-api/metafields-set";
import { choiceLinks } from "../proxy/choice-links.server";
import { describeRange } from "./estimate-range";

export interface OrderStatusDeps {
  db: PrismaClient;
  /** The app secret: signs the links, as in the email. */
  secret: string;
  now: () => Date;
}

/** What the page should say, given the order's latest sent notice and the customer's answer. */
export function orderStatusOf(
  deps: Pick<OrderStatusDeps, "secret" | "now">,
  shop: string,
  orderId: string,
  choice: "wait" | "cancel" | null,
  notice: { id: string; estimateFrom: string; estimateTo: string } | null,
): OrderStatus | null {
  const now = deps.now();
  const updatedAt = now.toISOString();
  if (choice === "cancel") return { version: 1, state: "cancel_requested", updatedAt };
  if (!notice) return null;
  const range = { from: notice.estimateFrom, to: notice.estimateTo };
  return {
    version: 1,
    state: choice === "wait" ? "waiting" : "estimate",
    updatedAt,
    estimate: { ...range, wording: describeRange(range) },
    links: choiceLinks(deps.secret, { shop, orderId, noticeId: notice.id, now }),
  };
}

/** What the page should say for one order, from its latest sent notice and the customer's answer. */
export async function orderStatusFor(
  deps: OrderStatusDeps,
  shop: string,
  orderId: string,
): Promise<OrderStatus | null> {
  const [choice, notice] = await Promise.all([
    deps.db.customerChoice.findUnique({ where: { shop_orderId: { shop, orderId } } }),
    deps.db.notice.findFirst({
      where: { shop, orderId, status: "sent" },
      orderBy: { revision: "desc" },
    }),
  ]);
  const answer = choice ? (choice.choice === "cancel" ? "cancel" : "wait") : null;
  return orderStatusOf(deps, shop, orderId, answer, notice);
}

/** Writes the order's status metafield; throws with Shopify's userErrors (never the value). */
export async function writeOrderStatus(
  admin: Pick<AdminClient, "request">,
  orderId: string,
  status: OrderStatus,
): Promise<void> {
  const data = await admin.request(METAFIELDS_SET_MUTATION, metafieldsSetData, {
    metafields: [orderStatusMetafieldInput(orderId, status)],
  });
  const refused = metafieldsSetRefusal(data);
  if (refused) throw new Error(refused);
}

/**
 * Brings the order status page in line with the order's latest notice and the customer's answer.
 * Never throws: says what happened, for a job item's detail (never the value, which holds links).
 */
export async function refreshOrderStatus(
  admin: Pick<AdminClient, "request">,
  deps: OrderStatusDeps,
  shop: string,
  orderId: string,
): Promise<string> {
  try {
    const status = await orderStatusFor(deps, shop, orderId);
    if (!status) return "not updated: no notice was sent";
    await writeOrderStatus(admin, orderId, status);
    return `updated (${status.state})`;
  } catch (error) {
    return `not updated: ${error instanceof Error ? error.message : String(error)}`;
  }
}

/**
 * Gathers the order status writes of concurrent notice items into metafieldsSet calls of up to
 * METAFIELDS_SET_LIMIT (25, Shopify's documented maximum per call): one call costs a mutation's 10
 * points whatever it carries, so a job's page writes cost a tenth of a point or so per notice
 * instead of 10. A write waits at most `windowMs` for company. metafieldsSet is atomic (one bad
 * entry and nothing is written), so a refused call is tried again entry by entry, and each
 * item learns its own outcome. Two writes for one order in a window: the later value is written.
 */
export class OrderStatusBatcher {
  private pending = new Map<
    string,
    { status: OrderStatus; waiters: Array<{ resolve(): void; reject(error: unknown): void }> }
  >();
  private timer: NodeJS.Timeout | null = null;

  constructor(
    private readonly admin: Pick<AdminClient, "request">,
    private readonly windowMs = 10,
  ) {}

  write(orderId: string, status: OrderStatus): Promise<void> {
    return new Promise<void>((resolve, reject) => {
      const entry = this.pending.get(orderId);
      if (entry) {
        entry.status = status;
        entry.waiters.push({ resolve, reject });
      } else this.pending.set(orderId, { status, waiters: [{ resolve, reject }] });
      if (this.pending.size >= METAFIELDS_SET_LIMIT) this.flush();
      else this.timer ??= setTimeout(() => this.flush(), this.windowMs);
    });
  }

  private flush(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    const batch = [...this.pending].slice(0, METAFIELDS_SET_LIMIT);
    for (const [orderId] of batch) this.pending.delete(orderId);
    if (this.pending.size > 0) this.timer = setTimeout(() => this.flush(), 0);
    if (batch.length === 0) return;
    const settle = (entries: typeof batch, error: unknown | null) => {
      for (const [, entry] of entries)
        for (const waiter of entry.waiters) {
          if (error === null) waiter.resolve();
          else waiter.reject(error);
        }
    };
    void this.send(batch.map(([orderId, entry]) => ({ orderId, status: entry.status }))).then(
      async (refused) => {
        if (refused === null) return settle(batch, null);
        if (batch.length === 1) return settle(batch, new Error(refused));
        // Atomic refusal: nothing was written. Each alone, so one bad entry fails only itself.
        for (const one of batch) {
          const alone = await this.send([{ orderId: one[0], status: one[1].status }]).catch(
            (error: unknown) => (error instanceof Error ? error.message : String(error)),
          );
          settle([one], alone === null ? null : new Error(alone));
        }
      },
      (error: unknown) => settle(batch, error),
    );
  }

  /** One metafieldsSet call; Shopify's refusal in one line, or null when written. */
  private async send(entries: Array<{ orderId: string; status: OrderStatus }>) {
    const data = await this.admin.request(METAFIELDS_SET_MUTATION, metafieldsSetData, {
      metafields: entries.map((e) => orderStatusMetafieldInput(e.orderId, e.status)),
    });
    return metafieldsSetRefusal(data);
  }
}

/**
 * Brings the order status page in line after a notice item: from what the item just sent when it
 * sent one, else (a replay finding its notice already sent) from the database. Never throws: says
 * what happened, for the item's detail (never the value, which holds links).
 */
export async function publishOrderStatus(
  batcher: OrderStatusBatcher,
  deps: OrderStatusDeps,
  shop: string,
  orderId: string,
  sent: {
    notice: { id: string; estimateFrom: string; estimateTo: string };
    choice: "wait" | "cancel" | null;
  } | null,
): Promise<string> {
  try {
    const status = sent
      ? orderStatusOf(deps, shop, orderId, sent.choice, sent.notice)
      : await orderStatusFor(deps, shop, orderId);
    if (!status) return "not updated: no notice was sent";
    await batcher.write(orderId, status);
    return `updated (${status.state})`;
  } catch (error) {
    return `not updated: ${error instanceof Error ? error.message : String(error)}`;
  }
}
