// Every simulated type, by name.
import { collectionType, productType, variantType } from "./catalog";
import { customerType } from "./customer";
import type { SimulatedType } from "./define";
import { fulfillmentOrderLineItemType, fulfillmentOrderType, lineItemType, orderType, shippingLineType, transactionType } from "./order";
import { queryRootType } from "./query-root";
import { shopType } from "./shop";

export const SIMULATED_TYPES: readonly SimulatedType[] = [
  queryRootType,
  shopType,
  orderType,
  lineItemType,
  shippingLineType,
  transactionType,
  fulfillmentOrderType,
  fulfillmentOrderLineItemType,
  productType,
  variantType,
  collectionType,
  customerType,
];

export const SIMULATED_TYPES_BY_NAME: ReadonlyMap<string, SimulatedType> = new Map(SIMULATED_TYPES.map((type) => [type.typeName, type]));
