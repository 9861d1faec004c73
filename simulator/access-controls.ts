// Test and demo control (not a Shopify route): the app's protected-customer-data approval on one
// shop, as the Partner Dashboard review would leave it. GET /<shop>/simulator/customer-data shows
// it; POST {"level": 0|1|2, "fields": ["email", "name", …]} sets it.
import {
  customerDataApprovalSchema,
  describeApproval,
  FULL_CUSTOMER_DATA,
  type CustomerDataApproval,
} from "./access-grant";

export interface AccessControlReply {
  status: number;
  body: string;
  headers: Record<string, string>;
}

const reply = (status: number, body: unknown): AccessControlReply => ({
  status,
  body: JSON.stringify(body),
  headers: { "Content-Type": "application/json; charset=utf-8" },
});

export function handleCustomerDataControl(
  approvals: Map<string, CustomerDataApproval>,
  shop: string,
  method: string,
  body: string,
): AccessControlReply {
  if (method === "GET")
    return reply(200, describeApproval(approvals.get(shop) ?? FULL_CUSTOMER_DATA));
  if (method !== "POST") return reply(405, { error: "GET or POST" });
  let input: unknown;
  try {
    input = JSON.parse(body || "{}");
  } catch {
    return reply(400, { error: "Body must be JSON" });
  }
  const parsed = customerDataApprovalSchema.safeParse(input);
  if (!parsed.success) return reply(422, { error: parsed.error.issues[0]?.message ?? "invalid" });
  approvals.set(shop, parsed.data);
  return reply(200, describeApproval(parsed.data));
}
