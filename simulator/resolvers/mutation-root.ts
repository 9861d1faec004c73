// The Mutation root: one field map per area, each in mutations/<area>.ts. Add an area with one
// import and one spread below.
import { defineType } from "./define";
import { bulkMutations } from "./mutations/bulk";
import { discountMutations } from "./mutations/discounts";
import { flowMutations } from "./mutations/flow";
import { fulfillmentOrderMutations } from "./mutations/fulfillment-orders";
import { fulfillmentMutations } from "./mutations/fulfillments";
import { orderEditMutations } from "./mutations/order-edits";
import { orderMutations } from "./mutations/orders";
import { refundMutations } from "./mutations/refunds";
import { metafieldDefinitionMutationFields } from "./mutations/metafield-definitions";
import { metafieldMutationFields } from "./mutations/metafields";
import { tagsMutations } from "./mutations/tags";
import { validationMutationFields } from "./mutations/validations";

const isRoot = (value: unknown): value is unknown =>
  value === undefined || value === null || typeof value === "object";

export const mutationRootType = defineType("Mutation", isRoot, {
  ...metafieldMutationFields,
  ...metafieldDefinitionMutationFields,
  ...validationMutationFields,
  ...bulkMutations,
  ...tagsMutations,
  ...refundMutations,
  ...orderMutations,
  ...orderEditMutations,
  ...discountMutations,
  ...fulfillmentOrderMutations,
  ...fulfillmentMutations,
  ...flowMutations,
});
