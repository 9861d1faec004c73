// Shopify global ids: gid://shopify/<Type>/<number>. Numbers stay below 2^53 in the simulator so
// they can be plain JS numbers; real Shopify ids are 64-bit but fit that range today.

const GID_PATTERN = /^gid:\/\/shopify\/([A-Za-z]+)\/(\d{1,16})(?:\?.*)?$/;

export function toGid(type: string, id: number): string {
  return `gid://shopify/${type}/${id}`;
}

export interface ParsedGid {
  type: string;
  id: number;
}

export function parseGid(value: string): ParsedGid | null {
  const match = GID_PATTERN.exec(value);
  if (!match || match[1] === undefined || match[2] === undefined) return null;
  const id = Number(match[2]);
  return Number.isSafeInteger(id) ? { type: match[1], id } : null;
}
