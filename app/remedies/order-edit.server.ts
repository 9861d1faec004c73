// One Shopify order edit, the way both edit remedies (free add-on, faster shipping) make it: look
// at the order, take the order's edit claim (order-edit-claim.ts), record that an edit is starting,
// begin, the remedy's own steps (which look at the calculated order for the remedy's marker first),
// renew the claim, commit. Order edits take no idempotency key, so each remedy's marker on the
// order (the free line, the shipping title) says the edit was made; the checkpoint written here
// tells a retry whether a marker it finds is this job's edit (done) or someone else's (skipped).
// The claim keeps two performers of one item (a lease lost by a live, starved process and taken
// over) from both editing: the second waits for the first's outcome instead. A crash before commit
// leaves only an uncommitted edit session, which Shopify drops
// (shopify.dev/docs/apps/build/orders-fulfillment/order-management-apps/edit-orders).
import { z } from "zod";
import type { ItemOutcome, ItemToPerform, PerformContext } from "../jobs/job-kind";
import {
  claimDecision,
  claimItemId,
  DEFAULT_EDIT_CLAIM_MS,
  editClaimValue,
  isClaimContention,
  newEditClaimToken,
  ORDER_EDIT_CLAIM_METAFIELD,
  waitForEditClaimMs,
  type SeenClaim,
} from "./order-edit-claim";
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

// The claim, written only if it is still as we read it (compareDigest; null: must not exist yet).
export const ORDER_EDIT_CLAIM = `#graphql
  mutation RemedyOrderEditClaim($metafields: [MetafieldsSetInput!]!) {
    metafieldsSet(metafields: $metafields) {
      metafields { compareDigest }
      userErrors { field message code }
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
const claimData = z.object({
  metafieldsSet: z
    .object({
      metafields: z.array(z.object({ compareDigest: z.string() })).nullable(),
      userErrors: z.array(
        z.object({
          field: z.array(z.string()).nullable(),
          message: z.string(),
          code: z.string().nullable(),
        }),
      ),
    })
    .nullable(),
});
const editStartedSchema = z.object({ editStarted: z.literal(true) });

export interface Marker {
  confirmed: { summary: string; detail: Record<string, unknown> };
  skipReason: string;
}

/**
 * The remedy's marker is already on the order: this item's edit if this item started one (its
 * checkpoint) or the claim on the order names this item (a racing performer of the same item,
 * whose checkpoint was not ours to write, made it); anyone else's otherwise.
 */
export function markerOutcome(ctx: PerformContext, marker: Marker, ours: boolean): ItemOutcome {
  return ours || editStartedSchema.safeParse(ctx.previous).success
    ? {
        status: "done",
        summary: `${marker.confirmed.summary} (confirmed on re-check)`,
        detail: marker.confirmed.detail,
      }
    : { status: "skipped", reason: marker.skipReason };
}

export interface CommitOptions {
  notifyCustomer: boolean;
  staffNote: string;
}

/** Only the commit's own variables: a remedy's other options are not the mutation's. */
export function commitOptions(options: CommitOptions): CommitOptions {
  return { notifyCustomer: options.notifyCustomer, staffNote: options.staffNote };
}

/** What the remedy's steps inside the edit came to. */
export type EditStepResult =
  | { staged: true }
  | { refused: string }
  /** The calculated order already carries the remedy's marker: an edit landed since the look. */
  | { alreadyDone: true };

export function refusal(step: string, payload: { userErrors: UserError[] } | null): EditStepResult {
  return payload && payload.userErrors.length === 0
    ? { staged: true }
    : { refused: describeUserErrors(step, payload?.userErrors ?? []) };
}

export interface OrderEditPlan<Looked, Editable> {
  /** Reads the order as the remedy needs it, with its edit claim (`editClaim` in the document). */
  look(): Promise<{ state: Looked; claim: SeenClaim }>;
  /** The outcome without an edit (gone, cancelled), the marker on the order, or the order to edit. */
  settled(state: Looked): { outcome: ItemOutcome } | { marker: Marker } | { editable: Editable };
  /** The remedy's steps on the calculated order. */
  steps(calculatedOrderId: string, order: Editable): Promise<EditStepResult>;
  /** The outcome once the edit is committed. */
  done(order: Editable, calculatedOrderId: string): ItemOutcome;
  commit: CommitOptions;
}

export interface OrderEditClaimOptions {
  /** How long a claim holds (default 2 min; ORDER_EDIT_CLAIM_MS). */
  claimMs?: number;
}

type ClaimWrite = { taken: string } | { contended: true } | { refused: string };

async function writeClaim(
  ctx: PerformContext,
  orderId: string,
  value: string,
  digest: string | null,
): Promise<ClaimWrite> {
  const payload = (
    await ctx.admin.request(ORDER_EDIT_CLAIM, claimData, {
      metafields: [
        { ownerId: orderId, ...ORDER_EDIT_CLAIM_METAFIELD, value, compareDigest: digest },
      ],
    })
  ).metafieldsSet;
  const written = payload?.metafields?.[0];
  if (payload && payload.userErrors.length === 0 && written)
    return { taken: written.compareDigest };
  const errors = payload?.userErrors ?? [];
  if (errors.length > 0 && errors.every((e) => isClaimContention(e.code)))
    return { contended: true };
  return { refused: describeUserErrors("the order edit claim", errors) };
}

export async function performOrderEdit<Looked, Editable>(
  ctx: PerformContext,
  item: ItemToPerform,
  plan: OrderEditPlan<Looked, Editable>,
  options: OrderEditClaimOptions = {},
): Promise<ItemOutcome> {
  const claimMs = options.claimMs ?? DEFAULT_EDIT_CLAIM_MS;
  const token = newEditClaimToken();
  const claimFor = () => editClaimValue(token, item.id, new Date(Date.now() + claimMs));
  const release = async (digest: string) => {
    // Best effort: a claim left behind only makes the next edit of this order wait it out.
    await writeClaim(ctx, item.orderId, editClaimValue(token, item.id, new Date(0)), digest);
  };
  for (;;) {
    const { state, claim } = await plan.look();
    const settled = plan.settled(state);
    if ("outcome" in settled) return settled.outcome;
    if ("marker" in settled)
      return markerOutcome(ctx, settled.marker, claimItemId(claim) === item.id);
    const order = settled.editable;
    const decision = claimDecision(claim, token, new Date());
    if (!decision.take) {
      // Another performer is editing this order: its outcome (the marker) or its claim running
      // out is what we wait for, never a second edit beside it.
      await ctx.sleep(waitForEditClaimMs(decision.until, new Date()));
      continue;
    }
    const taken = await writeClaim(ctx, item.orderId, claimFor(), decision.digest);
    if ("contended" in taken) continue;
    if ("refused" in taken) return { status: "failed", reason: taken.refused };
    await ctx.checkpoint({ editStarted: true });
    const begin = (await ctx.admin.request(ORDER_EDIT_BEGIN, beginData, { id: item.orderId }))
      .orderEditBegin;
    if (!begin?.calculatedOrder) {
      await release(taken.taken);
      return {
        status: "failed",
        reason: describeUserErrors("the order edit", begin?.userErrors ?? []),
      };
    }
    const calculatedOrderId = begin.calculatedOrder.id;
    const staged = await plan.steps(calculatedOrderId, order);
    if ("refused" in staged) {
      await release(taken.taken);
      return { status: "failed", reason: staged.refused };
    }
    if ("alreadyDone" in staged) {
      // Not committed: the edit session is dropped. The next look finds the marker.
      await release(taken.taken);
      continue;
    }
    // Still ours? Renewed only if nobody wrote the claim since we took it; a performer that lost
    // it (it was too slow, and another took it over) drops this edit uncommitted and looks again.
    const renewed = await writeClaim(ctx, item.orderId, claimFor(), taken.taken);
    if ("contended" in renewed) continue;
    if ("refused" in renewed) return { status: "failed", reason: renewed.refused };
    const committed = (
      await ctx.admin.request(ORDER_EDIT_COMMIT, commitData, {
        id: calculatedOrderId,
        ...plan.commit,
      })
    ).orderEditCommit;
    await release(renewed.taken);
    if (!committed?.order)
      return {
        status: "failed",
        reason: describeUserErrors("committing the order edit", committed?.userErrors ?? []),
      };
    return plan.done(order, calculatedOrderId);
  }
}
