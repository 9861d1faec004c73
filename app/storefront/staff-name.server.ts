// Who changed the mode, by name: the staff member behind the request as their online access token
// names them (app/staff/staff-identity.server.ts). The staff id is always recorded; the name is a
// courtesy that may be null when Shopify did not answer.
import { staffIdentity } from "../staff/staff-identity.server";

export { rawSessionToken } from "../staff/staff-identity.server";

export async function staffName(
  request: Request,
  shop: string,
  userId: string,
): Promise<string | null> {
  return (await staffIdentity(request, shop, userId))?.name ?? null;
}
