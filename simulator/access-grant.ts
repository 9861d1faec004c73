// What one Admin request may see: the scopes its access token carries (what the app asked for,
// as token exchange recorded them), the shop's protected-customer-data approval for the app, and
// the order window that `read_all_orders` lifts.
import { z } from "zod";
import { PROTECTED_CONTENTS, type AccessRule, type ProtectedContent } from "./access-marks";

/**
 * Level 0: not approved for protected customer data at all; level 1: approved, no protected
 * fields; level 2: approved with the listed fields (name, email, phone, address). Shopify
 * approves each field separately (shopify.dev/docs/apps/launch/protected-customer-data,
 * "Request access to protected customer data"). Development stores see what the app selected in
 * the Partner Dashboard without review, so the simulator's default is level 2 with every field.
 */
export interface CustomerDataApproval {
  level: 0 | 1 | 2;
  fields: ReadonlySet<ProtectedContent>;
}

export const FULL_CUSTOMER_DATA: CustomerDataApproval = {
  level: 2,
  fields: new Set(PROTECTED_CONTENTS),
};

export const customerDataApprovalSchema = z
  .object({
    level: z.union([z.literal(0), z.literal(1), z.literal(2)]),
    fields: z.array(z.enum(["name", "email", "phone", "address"])).optional(),
  })
  .transform(
    (input): CustomerDataApproval => ({
      level: input.level,
      fields: new Set(input.level === 2 ? (input.fields ?? PROTECTED_CONTENTS) : []),
    }),
  );
export type CustomerDataApprovalInput = z.input<typeof customerDataApprovalSchema>;

export function describeApproval(approval: CustomerDataApproval): {
  level: 0 | 1 | 2;
  fields: ProtectedContent[];
} {
  return {
    level: approval.level,
    fields: PROTECTED_CONTENTS.filter((content) => approval.fields.has(content)),
  };
}

// The schema's own Order description: "Only the last 60 days' worth of orders from a store are
// accessible from the `Order` object by default. If you want to access older records, then you
// need to request access to all orders … then you can add the `read_all_orders` … scopes."
export const DEFAULT_ORDER_WINDOW_DAYS = 60;
const DAY_MS = 24 * 3_600_000;

export interface AccessGrant {
  /** Granted scopes, with the read scope each write scope implies. */
  scopes: ReadonlySet<string>;
  customerData: CustomerDataApproval;
  /** ms; orders created before this are invisible. null with read_all_orders. */
  ordersVisibleFrom: number | null;
  /** Where Shopify's "not approved" messages point (the app's Partner Dashboard page). */
  customerDataUrl: string;
}

/**
 * "Any scope that writes a resource also grants read access to it"
 * (shopify.dev/docs/api/usage/access-scopes, "How it works").
 */
export function expandScopes(scope: string): Set<string> {
  const granted = new Set<string>();
  for (const raw of scope.split(",")) {
    const name = raw.trim();
    if (!name) continue;
    granted.add(name);
    if (name.startsWith("write_")) granted.add(`read_${name.slice("write_".length)}`);
  }
  return granted;
}

export function grantFor(options: {
  scope: string;
  apiKey: string;
  customerData?: CustomerDataApproval;
  now: number;
}): AccessGrant {
  const scopes = expandScopes(options.scope);
  return {
    scopes,
    customerData: options.customerData ?? FULL_CUSTOMER_DATA,
    ordersVisibleFrom: scopes.has("read_all_orders")
      ? null
      : options.now - DEFAULT_ORDER_WINDOW_DAYS * DAY_MS,
    customerDataUrl: `https://partners.shopify.com/current/apps/${encodeURIComponent(options.apiKey)}/customer_data`,
  };
}

export function satisfies(grant: AccessGrant, rule: AccessRule): boolean {
  return rule.anyOf.some((scope) => grant.scopes.has(scope));
}

export function orderVisible(grant: AccessGrant | undefined, createdAt: number): boolean {
  return !grant || grant.ordersVisibleFrom === null || createdAt >= grant.ordersVisibleFrom;
}
