// One Shopify order edit, the way both edit remedies (free add-on, faster shipping) make it:
// record that an edit is starting, begin, the remedy's own steps, commit. Order edits take no
// idempotency key, so each remedy looks at the order for its own marker first; the checkpoint
// written here tells a retry whether a marker it finds is this job's edit (done) or someone
// else's (skipped). A crash before commit leaves only an uncommitted edit session, which Shopify
// drops (shopify.dev/docs/apps/build/orders-fulfillment/order-management-apps/edit-orders).
import { z } from "zod";
import type { ItemOutcome, PerformContext } from "../jobs/job-kind";
import { describeUserErrors, type UserError, userErrorSchema } from "./user-errors";

export const ORDER_EDIT_BEGIN = `#graphql
  mutation RemedyOrderEditBegin($id: ID!) {
    orderEditBegin(id: $id) {
      calculatedOrder { id }
      userErrors { field message }
    }
  }
`;

export const ORDER_EDIT_COMMIT = `#graphql
  mutation RemedyOrderEditCommit($id: ID!, $notifyCustomer: Boolean, $staffNote: String) {
    orderEditCommit(id: $id, notifyCustomer: $notifyCustomer, staffNote: $staffNote) {
      order { id }
      userErrors { field message }
    }
  }
`;

const beginData = z.object({
  orderEditBegin: z
    .object({
      calculatedOrder: z.object({ id: z.string() }).nullable(),
      userErrors: z.array(userErrorSchema),
    })
    .nullable(),
});
const commitData = z.object({
  orderEditCommit: z
    .object({
      order: z.object({ id: z.string() }).nullable(),
      userErrors: z.array(userErrorSchema),
    })
    .nullable(),
});
const editStartedSchema = z.object({ editStarted: z.literal(true) });

/** The remedy's marker is already on the order: ours if this job started an edit, else not. */
export function markerFound(
  ctx: PerformContext,
  confirmed: { summary: string; detail: Record<string, unknown> },
  skipReason: string,
): ItemOutcome {
  return editStartedSchema.safeParse(ctx.previous).success
    ? {
        status: "done",
        summary: `${confirmed.summary} (confirmed on re-check)`,
        detail: confirmed.detail,
      }
    : { status: "skipped", reason: skipReason };
}

export interface CommitOptions {
  notifyCustomer: boolean;
  staffNote: string;
}

/** Only the commit's own variables: a remedy's other options are not the mutation's. */
export function commitOptions(options: CommitOptions): CommitOptions {
  return { notifyCustomer: options.notifyCustomer, staffNote: options.staffNote };
}

/** A step inside the edit: null when Shopify took it, else the refusal to record. */
export type EditStep = (calculatedOrderId: string) => Promise<string | null>;

export function refusal(step: string, payload: { userErrors: UserError[] } | null): string | null {
  return payload && payload.userErrors.length === 0
    ? null
    : describeUserErrors(step, payload?.userErrors ?? []);
}

export async function runOrderEdit(
  ctx: PerformContext,
  orderId: string,
  commit: CommitOptions,
  step: EditStep,
): Promise<{ failed: string } | { calculatedOrderId: string }> {
  await ctx.checkpoint({ editStarted: true });
  const begin = (await ctx.admin.request(ORDER_EDIT_BEGIN, beginData, { id: orderId }))
    .orderEditBegin;
  if (!begin?.calculatedOrder)
    return { failed: describeUserErrors("the order edit", begin?.userErrors ?? []) };
  const calculatedOrderId = begin.calculatedOrder.id;
  const refused = await step(calculatedOrderId);
  if (refused) return { failed: refused };
  const committed = (
    await ctx.admin.request(ORDER_EDIT_COMMIT, commitData, { id: calculatedOrderId, ...commit })
  ).orderEditCommit;
  if (!committed?.order)
    return {
      failed: describeUserErrors("committing the order edit", committed?.userErrors ?? []),
    };
  return { calculatedOrderId };
}
