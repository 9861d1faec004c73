// Every simulated type, by name.
import { collectionType, productType, variantType } from "./catalog";
import { APP_INSTALLATION_TYPES, appInstallationQueryFields } from "./app-installation";
import {
  METAFIELD_DEFINITION_TYPES,
  metafieldDefinitionQueryFields,
} from "./metafield-definitions";
import { bulkOperationType, withBulkQueryFields } from "./bulk-operation";
import {
  calculatedLineItemType,
  calculatedOrderType,
  calculatedShippingLineType,
  orderEditSessionType,
} from "./calculated-order";
import { discountCodeBasicType, discountCodeNodeType } from "./mutations/discounts";
import { fulfillmentHoldType } from "./mutations/fulfillment-orders";
import {
  fulfillmentLineItemType,
  fulfillmentTrackingInfoType,
  fulfillmentType,
} from "./mutations/fulfillments";
import {
  jobType,
  refundType,
  withRemedyLineItemFields,
  withRemedyOrderFields,
  withRemedyQueryFields,
} from "./refund";
import { customerType } from "./customer";
import type { SimulatedType } from "./define";
import {
  fulfillmentOrderLineItemType,
  fulfillmentOrderType,
  lineItemType,
  orderType,
  shippingLineType,
  transactionType,
} from "./order";
import { mutationRootType } from "./mutation-root";
import { queryRootType } from "./query-root";
import { locationType, shopType } from "./shop";

export const SIMULATED_TYPES: readonly SimulatedType[] = [
  // The app installation's root fields live beside its types (app-installation.ts).
  // Remedies (refund.ts) add job(id:) and node(id:) for refunds, jobs, calculated orders, discounts.
  {
    ...queryRootType,
    fields: withRemedyQueryFields(
      withBulkQueryFields({
        ...queryRootType.fields,
        ...appInstallationQueryFields,
        ...metafieldDefinitionQueryFields,
      }),
    ),
  },
  mutationRootType,
  shopType,
  locationType,
  { ...orderType, fields: withRemedyOrderFields(orderType.fields) },
  { ...lineItemType, fields: withRemedyLineItemFields(lineItemType.fields) },
  shippingLineType,
  transactionType,
  fulfillmentOrderType,
  fulfillmentOrderLineItemType,
  fulfillmentHoldType,
  fulfillmentType,
  fulfillmentLineItemType,
  fulfillmentTrackingInfoType,
  productType,
  variantType,
  collectionType,
  customerType,
  ...APP_INSTALLATION_TYPES,
  ...METAFIELD_DEFINITION_TYPES,
  bulkOperationType,
  refundType,
  jobType,
  calculatedOrderType,
  calculatedLineItemType,
  calculatedShippingLineType,
  orderEditSessionType,
  discountCodeNodeType,
  discountCodeBasicType,
];

export const SIMULATED_TYPES_BY_NAME: ReadonlyMap<string, SimulatedType> = new Map(
  SIMULATED_TYPES.map((type) => [type.typeName, type]),
);
