// Optional order tags in Shopify (ShopSettings.tagOrders): delay-desk:at-risk and
// delay-desk:overdue kept in step with TrackedOrder.delayClass, so Shopify's order list and Flow
// can use them. Only orders whose tags differ are touched; turning the setting off removes them.
// Calls go through the Admin client, so a big first pass waits on the bucket instead of failing.
import type { PrismaClient } from "@prisma/client";
import { z } from "zod";
import type { AdminClient } from "../admin-api/graphql.server";

export const AT_RISK_TAG = "delay-desk:at-risk";
export const OVERDUE_TAG = "delay-desk:overdue";
const OUR_TAGS = [AT_RISK_TAG, OVERDUE_TAG];

export const ORDER_TAGS_ADD = `#graphql
  mutation OrderTagsAdd($id: ID!, $tags: [String!]!) {
    tagsAdd(id: $id, tags: $tags) {
      userErrors {
        field
        message
      }
    }
  }
`;

export const ORDER_TAGS_REMOVE = `#graphql
  mutation OrderTagsRemove($id: ID!, $tags: [String!]!) {
    tagsRemove(id: $id, tags: $tags) {
      userErrors {
        field
        message
      }
    }
  }
`;

const userErrorsSchema = z.array(
  z.object({ field: z.array(z.string()).nullable(), message: z.string() }),
);
const addSchema = z.object({ tagsAdd: z.object({ userErrors: userErrorsSchema }).nullable() });
const removeSchema = z.object({
  tagsRemove: z.object({ userErrors: userErrorsSchema }).nullable(),
});

/** The Delay Desk tags an order of this class should carry. */
export function wantedTags(delayClass: string | null, enabled: boolean): string[] {
  if (!enabled) return [];
  if (delayClass === "overdue") return [OVERDUE_TAG];
  if (delayClass === "at_risk") return [AT_RISK_TAG];
  return [];
}

/** What to add and remove so the order's Delay Desk tags are exactly `wanted`. Other tags are never touched. */
export function tagChanges(
  current: readonly string[],
  wanted: readonly string[],
): { add: string[]; remove: string[] } {
  const has = new Set(current.map((tag) => tag.toLowerCase()));
  return {
    add: wanted.filter((tag) => !has.has(tag)),
    remove: OUR_TAGS.filter((tag) => has.has(tag) && !wanted.includes(tag)),
  };
}

const tagsColumn = z.array(z.string());

function parseTags(json: string): string[] {
  try {
    const parsed = tagsColumn.safeParse(JSON.parse(json));
    return parsed.success ? parsed.data : [];
  } catch {
    return [];
  }
}

export interface TagSyncResult {
  changed: number;
  errors: string[];
}

export async function syncOrderTags(
  db: PrismaClient,
  admin: AdminClient,
  shop: string,
  enabled: boolean,
): Promise<TagSyncResult> {
  const candidates = await db.trackedOrder.findMany({
    where: enabled
      ? {
          shop,
          OR: [
            { delayClass: { in: ["at_risk", "overdue"] } },
            { tags: { contains: "delay-desk:" } },
          ],
        }
      : { shop, tags: { contains: "delay-desk:" } },
    select: { id: true, tags: true, delayClass: true },
  });
  const result: TagSyncResult = { changed: 0, errors: [] };
  for (const row of candidates) {
    const current = parseTags(row.tags);
    const { add, remove } = tagChanges(current, wantedTags(row.delayClass, enabled));
    if (add.length === 0 && remove.length === 0) continue;
    const errors: string[] = [];
    if (add.length > 0) {
      const data = await admin.request(ORDER_TAGS_ADD, addSchema, { id: row.id, tags: add });
      errors.push(...(data.tagsAdd?.userErrors ?? []).map((e) => e.message));
    }
    if (remove.length > 0) {
      const data = await admin.request(ORDER_TAGS_REMOVE, removeSchema, {
        id: row.id,
        tags: remove,
      });
      errors.push(...(data.tagsRemove?.userErrors ?? []).map((e) => e.message));
    }
    if (errors.length > 0) {
      result.errors.push(`${row.id}: ${errors.join("; ")}`);
      continue;
    }
    // Keep the local copy in step now; the orders/updated webhook that follows confirms it.
    const removing = new Set(remove);
    const next = [...current.filter((tag) => !removing.has(tag.toLowerCase())), ...add].sort(
      (a, b) => a.localeCompare(b),
    );
    await db.trackedOrder.update({
      where: { shop_id: { shop, id: row.id } },
      data: { tags: JSON.stringify(next) },
    });
    result.changed += 1;
  }
  return result;
}
