// Who a staff member is and what Shopify lets them do, from the online access token that token
// exchange gives for their session token. Shopify's answer carries `associated_user` (id, names,
// email, account_owner, collaborator, …) and `associated_user_scope`, the app's scopes narrowed to
// the member's own permissions ("Online access token response values",
// https://shopify.dev/docs/apps/build/authentication-authorization/access-tokens/token-exchange;
// "Tokens with online access mode have the same permissions as the user that's logged in",
// https://shopify.dev/docs/apps/build/authentication-authorization/access-tokens/online-access-tokens).
// Pure: parsing and the rules on it. The email is parsed away here: the app records a staff member
// by id and name only, so their address never reaches a log, a page or an export.
import { z } from "zod";

export const onlineTokenResponseSchema = z.object({
  access_token: z.string().min(1),
  scope: z.string(),
  expires_in: z.number().int().nonnegative(),
  associated_user_scope: z.string(),
  associated_user: z.object({
    id: z.number().int(),
    first_name: z.string().nullish(),
    last_name: z.string().nullish(),
    account_owner: z.boolean(),
    collaborator: z.boolean().nullish(),
  }),
});
export type OnlineTokenResponse = z.infer<typeof onlineTokenResponseSchema>;

export interface StaffIdentity {
  /** Shopify's user id, as the session token's `sub` carries it. */
  id: string;
  /** "Dawn Rivera", or "Staff member 42" when Shopify gives no name. */
  name: string;
  accountOwner: boolean;
  collaborator: boolean;
  /** The member's own scopes (associated_user_scope), write scopes implying their read scope. */
  scopes: readonly string[];
}

export function identityFrom(response: OnlineTokenResponse): StaffIdentity {
  const user = response.associated_user;
  const name = [user.first_name, user.last_name]
    .map((part) => part?.trim())
    .filter(Boolean)
    .join(" ");
  const scopes = new Set<string>();
  for (const raw of response.associated_user_scope.split(",")) {
    const scope = raw.trim();
    if (!scope) continue;
    scopes.add(scope);
    // Shopify's write scopes include reading ("write_orders" implies "read_orders").
    if (scope.startsWith("write_")) scopes.add(`read_${scope.slice("write_".length)}`);
  }
  return {
    id: String(user.id),
    name: name || `Staff member ${user.id}`,
    accountOwner: user.account_owner,
    collaborator: user.collaborator ?? false,
    scopes: [...scopes].sort(),
  };
}

/** Refunds and cancellations are order writes: refundCreate and orderCancel need write_orders. */
export const MONEY_SCOPE = "write_orders";

export type MoneyPermission = { ok: true } | { ok: false; message: string };

export function mayMoveMoney(staff: StaffIdentity | null): MoneyPermission {
  if (!staff)
    return {
      ok: false,
      message:
        "Shopify could not confirm your staff permissions just now, so no money was moved. Reload the page and try again.",
    };
  if (staff.scopes.includes(MONEY_SCOPE)) return { ok: true };
  return {
    ok: false,
    message: `${staff.name}, your Shopify staff permissions do not include refunding or editing orders, so you cannot start a refund or a cancellation. Ask the account owner to run it, or to give you that permission in Shopify (Settings › Users).`,
  };
}
