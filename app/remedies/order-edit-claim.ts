// Who may edit an order right now. Order edits take no idempotency key, and the job item's lease
// can be lost by a performer that is still alive (a starved process whose heartbeat slipped): the
// runner that takes the item over then edits the same order at the same moment, and both would
// add the line. Shopify documents no check between two open edits of one order, so the app makes
// one in Shopify's own state: an app-owned metafield on the order, taken and renewed with
// metafieldsSet's compare-and-set (`compareDigest`: "the mutation will only set that metafield if
// the persisted metafield value matches the digest", null for "doesn't exist yet";
// https://shopify.dev/docs/api/admin-graphql/latest/mutations/metafieldsSet). Of two performers
// that read the same digest, one write wins; the other looks again and waits for the winner's
// outcome. The winner renews the claim with its own digest just before committing, so a performer
// that was too slow and lost its claim finds out before it commits, and drops its uncommitted
// edit. A claim is never held past `until`: a performer that died is taken over after that.
// Wall time, as for leases: other processes compare it with theirs.
import { randomUUID } from "node:crypto";
import { z } from "zod";

/** App-owned (`$app`): only this app can write it; it carries no personal data. */
export const ORDER_EDIT_CLAIM_METAFIELD = {
  namespace: "$app",
  key: "order_edit_claim",
  type: "json",
} as const;

/** How long a claim holds (production; ORDER_EDIT_CLAIM_MS shortens it for tests). */
export const DEFAULT_EDIT_CLAIM_MS = 120_000;

/** How often a performer that found another's live claim looks again. */
export const EDIT_CLAIM_POLL_MS = 250;

const claimValue = z.object({
  token: z.string(),
  itemId: z.string(),
  until: z.string().datetime(),
});
export type EditClaimValue = z.infer<typeof claimValue>;

/** The claim metafield as a state query reads it (`editClaim: metafield(…) { value compareDigest }`). */
export const seenClaimSchema = z
  .object({ value: z.string(), compareDigest: z.string() })
  .nullable();
export type SeenClaim = z.infer<typeof seenClaimSchema>;

/** One per perform call, so a performer tells its own claim from a racing performer's. */
export function newEditClaimToken(): string {
  return randomUUID();
}

export function editClaimValue(token: string, itemId: string, until: Date): string {
  const value: EditClaimValue = { token, itemId, until: until.toISOString() };
  return JSON.stringify(value);
}

function parsed(seen: SeenClaim): EditClaimValue | null {
  if (!seen) return null;
  try {
    const result = claimValue.safeParse(JSON.parse(seen.value));
    return result.success ? result.data : null;
  } catch {
    return null;
  }
}

/** The job item whose performer wrote the claim (the edit's author), if it can be read. */
export function claimItemId(seen: SeenClaim): string | null {
  return parsed(seen)?.itemId ?? null;
}

/**
 * What a performer holding `token` may do about the claim it read: take it (absent, released,
 * ran out, unreadable, or its own), or wait until `until` for another performer's live one.
 */
export function claimDecision(
  seen: SeenClaim,
  token: string,
  now: Date,
): { take: true; digest: string | null } | { take: false; until: Date } {
  const value = parsed(seen);
  const digest = seen?.compareDigest ?? null;
  if (!value || value.token === token) return { take: true, digest };
  const until = new Date(value.until);
  return until.getTime() > now.getTime() ? { take: false, until } : { take: true, digest };
}

/** How long to wait before looking again at a claim held until `until`. */
export function waitForEditClaimMs(until: Date, now: Date): number {
  const left = until.getTime() - now.getTime();
  return Math.max(1, Math.min(EDIT_CLAIM_POLL_MS, left + 1));
}

// metafieldsSet's codes for a digest that no longer matches (or a null digest for a metafield
// that exists): another performer wrote the claim since we read it. Any other code is a refusal.
const CONTENTION_CODES = new Set(["STALE_OBJECT", "INVALID_COMPARE_DIGEST"]);

export function isClaimContention(code: string | null | undefined): boolean {
  return code !== null && code !== undefined && CONTENTION_CODES.has(code);
}
