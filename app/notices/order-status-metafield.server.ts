// After a delay notice goes out, the order status page says the same thing: the app writes the
// order's app-owned metafield (contracts/order-status-metafield.ts), which the customer account
// extension (extensions/order-status) reads. The notice job calls `publishOrderStatusAfter` on each
// item's outcome; a failed write never undoes a sent email, it is reported on the item instead,
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
  METAFIELDS_SET_MUTATION,
  metafieldsSetData,
  metafieldsSetRefusal,
} from "../admin-api/metafields-set";
import type { ItemOutcome, PerformContext } from "../jobs/job-kind";
import { choiceLinks } from "../proxy/choice-links.server";
import { describeRange } from "./estimate-range";

export interface OrderStatusDeps {
  db: PrismaClient;
  /** The app secret: signs the links, as in the email. */
  secret: string;
  now: () => Date;
}

/** What the page should say for one order, from its latest sent notice and the customer's answer. */
export async function orderStatusFor(
  deps: OrderStatusDeps,
  shop: string,
  orderId: string,
): Promise<OrderStatus | null> {
  const now = deps.now();
  const updatedAt = now.toISOString();
  const choice = await deps.db.customerChoice.findUnique({
    where: { shop_orderId: { shop, orderId } },
  });
  if (choice?.choice === "cancel") return { version: 1, state: "cancel_requested", updatedAt };
  const notice = await deps.db.notice.findFirst({
    where: { shop, orderId, status: "sent" },
    orderBy: { revision: "desc" },
  });
  if (!notice) return null;
  const range = { from: notice.estimateFrom, to: notice.estimateTo };
  return {
    version: 1,
    state: choice?.choice === "wait" ? "waiting" : "estimate",
    updatedAt,
    estimate: { ...range, wording: describeRange(range) },
    links: choiceLinks(deps.secret, { shop, orderId, noticeId: notice.id, now }),
  };
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
 * The notice job's outcome, with the order status page brought in line when a notice was sent
 * (or found already sent on a replay). The outcome's detail says whether the page was updated.
 */
export async function publishOrderStatusAfter(
  ctx: Pick<PerformContext, "admin" | "shop">,
  deps: OrderStatusDeps,
  orderId: string,
  outcome: ItemOutcome,
): Promise<ItemOutcome> {
  if (outcome.status !== "done") return outcome;
  const orderStatusPage = await refreshOrderStatus(ctx.admin, deps, ctx.shop, orderId);
  return { ...outcome, detail: { ...outcome.detail, orderStatusPage } };
}
