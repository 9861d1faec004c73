// Shopify's global ids ("gid://shopify/Order/450789469"), in one place. The id after the type is
// what the admin's own URLs and the REST-shaped webhook payloads use (`order_id: 450789469`).
// https://shopify.dev/docs/api/usage/gids

const GID = /^gid:\/\/shopify\/([A-Za-z]+)\/([^/?]+)(?:\?.*)?$/;

/** "gid://shopify/LineItem/12" → "LineItem"; null for anything that is not a Shopify gid. */
export function gidType(gid: string): string | null {
  return GID.exec(gid)?.[1] ?? null;
}

/** "gid://shopify/Order/450789469" → "450789469"; a value that is not a gid comes back as it is. */
export function gidId(gid: string): string {
  return GID.exec(gid)?.[2] ?? gid;
}

/** ("Order", 450789469) → "gid://shopify/Order/450789469" */
export function toGid(type: string, id: string | number): string {
  return `gid://shopify/${type}/${id}`;
}
