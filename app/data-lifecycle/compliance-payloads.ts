// The compliance webhooks' bodies, as shopify.dev "Privacy law compliance" shows them
// (https://shopify.dev/docs/apps/build/compliance/privacy-law-compliance):
//   customers/data_request: { shop_id, shop_domain, orders_requested: [id], customer: { id, email, phone }, data_request: { id } }
//   customers/redact:       { shop_id, shop_domain, customer: { id, email, phone }, orders_to_redact: [id] }
//   shop/redact:            { shop_id, shop_domain }
// Ids are REST-style numbers; the app keys orders by Admin GraphQL GID, so they are converted here.
import { z } from "zod";
import { toGid } from "../admin-api/gid";

const restId = z
  .union([z.number().int().nonnegative(), z.string().regex(/^\d+$/)])
  .transform(String);

const customer = z.object({
  id: restId.nullish(),
  email: z.string().max(320).nullish(),
  phone: z.string().max(64).nullish(),
});

export interface CustomerIdentity {
  customerId: string | null;
  email: string | null;
  phone: string | null;
  /** Order GIDs Shopify names for this customer. */
  orderIds: string[];
}

export const orderGid = (id: string) => toGid("Order", id);

function identity(c: z.infer<typeof customer>, orders: string[]): CustomerIdentity {
  const email = c.email?.trim() ? c.email.trim() : null;
  const phone = c.phone?.trim() ? c.phone.trim() : null;
  return { customerId: c.id ?? null, email, phone, orderIds: [...new Set(orders.map(orderGid))] };
}

const customersRedactSchema = z.object({
  customer,
  orders_to_redact: z.array(restId).max(100_000).default([]),
});

const dataRequestSchema = z.object({
  customer,
  orders_requested: z.array(restId).max(100_000).default([]),
  data_request: z.object({ id: restId }),
});

export type ParseResult<T> = { ok: true; value: T } | { ok: false; message: string };

function describe(error: z.ZodError): string {
  return error.issues
    .map((issue) => `${issue.path.join(".") || "body"}: ${issue.message}`)
    .join("; ");
}

export function parseCustomersRedact(payload: unknown): ParseResult<CustomerIdentity> {
  const parsed = customersRedactSchema.safeParse(payload);
  if (!parsed.success)
    return { ok: false, message: `Not a customers/redact payload (${describe(parsed.error)})` };
  return { ok: true, value: identity(parsed.data.customer, parsed.data.orders_to_redact) };
}

export interface DataRequestPayload extends CustomerIdentity {
  shopifyRequestId: string;
}

export function parseCustomersDataRequest(payload: unknown): ParseResult<DataRequestPayload> {
  const parsed = dataRequestSchema.safeParse(payload);
  if (!parsed.success)
    return {
      ok: false,
      message: `Not a customers/data_request payload (${describe(parsed.error)})`,
    };
  return {
    ok: true,
    value: {
      ...identity(parsed.data.customer, parsed.data.orders_requested),
      shopifyRequestId: parsed.data.data_request.id,
    },
  };
}
