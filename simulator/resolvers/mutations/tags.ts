// tagsAdd / tagsRemove on orders (the only taggable resource simulated). Shopify's shapes: the
// payload's `node` is the tagged resource; a bad id is a userError on ["id"], not a GraphQL error.
import { z } from "zod";
import { parseGid } from "../../gid";
import { changeOrderTags, normaliseTags } from "../../store/order-mutations";
import type { FieldResolver, SimulatorContext } from "../define";

const tagsArgs = z.object({ id: z.string(), tags: z.array(z.string()) });

function changeTags(
  rawArgs: Record<string, unknown>,
  context: SimulatorContext,
  mode: "add" | "remove",
) {
  const args = tagsArgs.parse(rawArgs);
  const gid = parseGid(args.id);
  if (!gid || gid.type !== "Order") {
    if (gid && context.store.findNode(gid.type, gid.id))
      return {
        node: null,
        userErrors: [{ field: ["id"], message: `Tagging ${gid.type} is not simulated` }],
      };
    return { node: null, userErrors: [{ field: ["id"], message: "Resource does not exist" }] };
  }
  const order = context.store.order(gid.id);
  if (!order)
    return { node: null, userErrors: [{ field: ["id"], message: "Order does not exist" }] };
  const tags = normaliseTags(args.tags);
  if (tags.length === 0)
    return { node: null, userErrors: [{ field: ["tags"], message: "Tags can't be blank" }] };
  const tooLong = tags.find((tag) => tag.length > 255);
  if (tooLong)
    return {
      node: null,
      userErrors: [{ field: ["tags"], message: "Tags are too long (maximum is 255 characters)" }],
    };
  if (mode === "add") changeOrderTags(context.store, order.id, tags, []);
  else changeOrderTags(context.store, order.id, [], tags);
  return { node: order, userErrors: [] };
}

export const tagsMutations: Record<string, FieldResolver<unknown>> = {
  tagsAdd: (_root, rawArgs, context) => changeTags(rawArgs, context, "add"),
  tagsRemove: (_root, rawArgs, context) => changeTags(rawArgs, context, "remove"),
};
