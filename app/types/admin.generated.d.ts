/* eslint-disable eslint-comments/disable-enable-pair */
/* eslint-disable eslint-comments/no-unlimited-disable */
/* eslint-disable */
import type * as AdminTypes from './admin.types.js';

export type SetAppMetafieldsMutationVariables = AdminTypes.Exact<{
  metafields: Array<AdminTypes.MetafieldsSetInput> | AdminTypes.MetafieldsSetInput;
}>;


export type SetAppMetafieldsMutation = { metafieldsSet?: AdminTypes.Maybe<{ metafields?: AdminTypes.Maybe<Array<Pick<AdminTypes.Metafield, 'id'>>>, userErrors: Array<Pick<AdminTypes.MetafieldsSetUserError, 'field' | 'message' | 'code'>> }> };

export type FlowTriggerReceiveMutationVariables = AdminTypes.Exact<{
  handle: AdminTypes.Scalars['String']['input'];
  payload: AdminTypes.Scalars['JSON']['input'];
}>;


export type FlowTriggerReceiveMutation = { flowTriggerReceive?: AdminTypes.Maybe<{ userErrors: Array<Pick<AdminTypes.UserError, 'field' | 'message'>> }> };

export type FulfillmentOrdersOfOrderQueryVariables = AdminTypes.Exact<{
  id: AdminTypes.Scalars['ID']['input'];
}>;


export type FulfillmentOrdersOfOrderQuery = { shop: Pick<AdminTypes.Shop, 'ianaTimezone'>, order?: AdminTypes.Maybe<(
    Pick<AdminTypes.Order, 'id' | 'cancelledAt'>
    & { fulfillmentOrders: { nodes: Array<(
        Pick<AdminTypes.FulfillmentOrder, 'id' | 'status' | 'fulfillBy'>
        & { fulfillmentHolds: Array<Pick<AdminTypes.FulfillmentHold, 'id' | 'handle'>>, supportedActions: Array<Pick<AdminTypes.FulfillmentOrderSupportedAction, 'action'>> }
      )> } }
  )> };

export type FulfillmentDeadlineSetMutationVariables = AdminTypes.Exact<{
  deadline: AdminTypes.Scalars['DateTime']['input'];
  ids: Array<AdminTypes.Scalars['ID']['input']> | AdminTypes.Scalars['ID']['input'];
}>;


export type FulfillmentDeadlineSetMutation = { fulfillmentOrdersSetFulfillmentDeadline?: AdminTypes.Maybe<(
    Pick<AdminTypes.FulfillmentOrdersSetFulfillmentDeadlinePayload, 'success'>
    & { userErrors: Array<Pick<AdminTypes.FulfillmentOrdersSetFulfillmentDeadlineUserError, 'field' | 'message' | 'code'>> }
  )> };

export type FulfillmentHoldPlaceMutationVariables = AdminTypes.Exact<{
  id: AdminTypes.Scalars['ID']['input'];
  hold: AdminTypes.FulfillmentOrderHoldInput;
}>;


export type FulfillmentHoldPlaceMutation = { fulfillmentOrderHold?: AdminTypes.Maybe<{ fulfillmentHold?: AdminTypes.Maybe<Pick<AdminTypes.FulfillmentHold, 'id' | 'handle'>>, fulfillmentOrder?: AdminTypes.Maybe<Pick<AdminTypes.FulfillmentOrder, 'id' | 'status'>>, userErrors: Array<Pick<AdminTypes.FulfillmentOrderHoldUserError, 'field' | 'message' | 'code'>> }> };

export type FulfillmentHoldReleaseMutationVariables = AdminTypes.Exact<{
  id: AdminTypes.Scalars['ID']['input'];
  holdIds?: AdminTypes.InputMaybe<Array<AdminTypes.Scalars['ID']['input']> | AdminTypes.Scalars['ID']['input']>;
}>;


export type FulfillmentHoldReleaseMutation = { fulfillmentOrderReleaseHold?: AdminTypes.Maybe<{ fulfillmentOrder?: AdminTypes.Maybe<Pick<AdminTypes.FulfillmentOrder, 'id' | 'status'>>, userErrors: Array<Pick<AdminTypes.FulfillmentOrderReleaseHoldUserError, 'field' | 'message' | 'code'>> }> };

export type ReadyLinesOfOrderQueryVariables = AdminTypes.Exact<{
  id: AdminTypes.Scalars['ID']['input'];
}>;


export type ReadyLinesOfOrderQuery = { order?: AdminTypes.Maybe<(
    Pick<AdminTypes.Order, 'id' | 'name' | 'cancelledAt' | 'displayFulfillmentStatus'>
    & { fulfillmentOrders: { nodes: Array<(
        Pick<AdminTypes.FulfillmentOrder, 'id' | 'status'>
        & { supportedActions: Array<Pick<AdminTypes.FulfillmentOrderSupportedAction, 'action'>>, assignedLocation: { location?: AdminTypes.Maybe<Pick<AdminTypes.Location, 'id'>> }, lineItems: { nodes: Array<(
            Pick<AdminTypes.FulfillmentOrderLineItem, 'id' | 'totalQuantity' | 'remainingQuantity'>
            & { lineItem: Pick<AdminTypes.LineItem, 'id' | 'name' | 'sku'> }
          )> } }
      )> } }
  )> };

export type ShipReadyLinesMutationVariables = AdminTypes.Exact<{
  fulfillment: AdminTypes.FulfillmentInput;
}>;


export type ShipReadyLinesMutation = { fulfillmentCreate?: AdminTypes.Maybe<{ fulfillment?: AdminTypes.Maybe<Pick<AdminTypes.Fulfillment, 'id' | 'status'>>, userErrors: Array<Pick<AdminTypes.UserError, 'field' | 'message'>> }> };

export type ShopProfileQueryVariables = AdminTypes.Exact<{ [key: string]: never; }>;


export type ShopProfileQuery = { shop: Pick<AdminTypes.Shop, 'name' | 'myshopifyDomain' | 'ianaTimezone' | 'currencyCode'>, latest: { nodes: Array<Pick<AdminTypes.Order, 'email'>> }, someCustomer: { nodes: Array<Pick<AdminTypes.Customer, 'firstName'>> } };

export type ShopOrderCountsQueryVariables = AdminTypes.Exact<{ [key: string]: never; }>;


export type ShopOrderCountsQuery = { unshipped?: AdminTypes.Maybe<Pick<AdminTypes.Count, 'count' | 'precision'>>, partial?: AdminTypes.Maybe<Pick<AdminTypes.Count, 'count' | 'precision'>> };

export type ShopOnlyQueryVariables = AdminTypes.Exact<{ [key: string]: never; }>;


export type ShopOnlyQuery = { shop: Pick<AdminTypes.Shop, 'name' | 'myshopifyDomain' | 'ianaTimezone' | 'currencyCode'> };

export type ShopLocalesQueryVariables = AdminTypes.Exact<{ [key: string]: never; }>;


export type ShopLocalesQuery = { shopLocales: Array<Pick<AdminTypes.ShopLocale, 'locale' | 'primary'>> };

export type OrderImportBulkQueryVariables = AdminTypes.Exact<{ [key: string]: never; }>;


export type OrderImportBulkQuery = { orders: { edges: Array<{ node: (
        Pick<AdminTypes.Order, 'id' | 'name' | 'createdAt' | 'updatedAt' | 'cancelledAt' | 'closedAt' | 'displayFulfillmentStatus' | 'displayFinancialStatus' | 'email' | 'tags' | 'customerLocale'>
        & { lineItems: { edges: Array<{ node: (
              Pick<AdminTypes.LineItem, 'id' | 'title' | 'sku' | 'quantity' | 'unfulfilledQuantity'>
              & { product?: AdminTypes.Maybe<(
                Pick<AdminTypes.Product, 'id' | 'tags'>
                & { collections: { edges: Array<{ node: Pick<AdminTypes.Collection, 'id'> }> } }
              )>, variant?: AdminTypes.Maybe<Pick<AdminTypes.ProductVariant, 'id'>> }
            ) }> }, fulfillmentOrders: { edges: Array<{ node: Pick<AdminTypes.FulfillmentOrder, 'id' | 'status' | 'fulfillBy'> }> }, customer?: AdminTypes.Maybe<Pick<AdminTypes.Customer, 'firstName' | 'lastName'>>, currentTotalPriceSet: { shopMoney: Pick<AdminTypes.MoneyV2, 'amount' | 'currencyCode'>, presentmentMoney: Pick<AdminTypes.MoneyV2, 'amount' | 'currencyCode'> } }
      ) }> } };

export type OrderImportStartMutationVariables = AdminTypes.Exact<{
  query: AdminTypes.Scalars['String']['input'];
}>;


export type OrderImportStartMutation = { bulkOperationRunQuery?: AdminTypes.Maybe<{ bulkOperation?: AdminTypes.Maybe<Pick<AdminTypes.BulkOperation, 'id' | 'status'>>, userErrors: Array<Pick<AdminTypes.BulkOperationUserError, 'field' | 'message' | 'code'>> }> };

export type OrderImportStatusQueryVariables = AdminTypes.Exact<{
  id: AdminTypes.Scalars['ID']['input'];
}>;


export type OrderImportStatusQuery = { bulkOperation?: AdminTypes.Maybe<Pick<AdminTypes.BulkOperation, 'id' | 'status' | 'errorCode' | 'objectCount' | 'url' | 'partialDataUrl'>>, shop: Pick<AdminTypes.Shop, 'ianaTimezone'> };

export type TrackedOrderFieldsFragment = (
  Pick<AdminTypes.Order, 'id' | 'name' | 'createdAt' | 'updatedAt' | 'cancelledAt' | 'closedAt' | 'displayFulfillmentStatus' | 'displayFinancialStatus' | 'email' | 'tags' | 'customerLocale'>
  & { customer?: AdminTypes.Maybe<Pick<AdminTypes.Customer, 'firstName' | 'lastName'>>, currentTotalPriceSet: { shopMoney: Pick<AdminTypes.MoneyV2, 'amount' | 'currencyCode'>, presentmentMoney: Pick<AdminTypes.MoneyV2, 'amount' | 'currencyCode'> } }
);

export type TrackedLineItemFieldsFragment = (
  Pick<AdminTypes.LineItem, 'id' | 'title' | 'sku' | 'quantity' | 'unfulfilledQuantity'>
  & { product?: AdminTypes.Maybe<Pick<AdminTypes.Product, 'id' | 'tags'>>, variant?: AdminTypes.Maybe<Pick<AdminTypes.ProductVariant, 'id'>> }
);

export type TrackedFulfillmentOrderFieldsFragment = Pick<AdminTypes.FulfillmentOrder, 'status' | 'fulfillBy'>;

export type SyncOrderQueryVariables = AdminTypes.Exact<{
  id: AdminTypes.Scalars['ID']['input'];
}>;


export type SyncOrderQuery = { shop: Pick<AdminTypes.Shop, 'ianaTimezone'>, order?: AdminTypes.Maybe<(
    Pick<AdminTypes.Order, 'id' | 'name' | 'createdAt' | 'updatedAt' | 'cancelledAt' | 'closedAt' | 'displayFulfillmentStatus' | 'displayFinancialStatus' | 'email' | 'tags' | 'customerLocale'>
    & { lineItems: { nodes: Array<(
        Pick<AdminTypes.LineItem, 'id' | 'title' | 'sku' | 'quantity' | 'unfulfilledQuantity'>
        & { product?: AdminTypes.Maybe<(
          Pick<AdminTypes.Product, 'id' | 'tags'>
          & { collections: { nodes: Array<Pick<AdminTypes.Collection, 'id'>> } }
        )>, variant?: AdminTypes.Maybe<Pick<AdminTypes.ProductVariant, 'id'>> }
      )>, pageInfo: Pick<AdminTypes.PageInfo, 'hasNextPage'> }, fulfillmentOrders: { nodes: Array<Pick<AdminTypes.FulfillmentOrder, 'status' | 'fulfillBy'>> }, customer?: AdminTypes.Maybe<Pick<AdminTypes.Customer, 'firstName' | 'lastName'>>, currentTotalPriceSet: { shopMoney: Pick<AdminTypes.MoneyV2, 'amount' | 'currencyCode'>, presentmentMoney: Pick<AdminTypes.MoneyV2, 'amount' | 'currencyCode'> } }
  )> };

export type ReconcileOrdersQueryVariables = AdminTypes.Exact<{
  first: AdminTypes.Scalars['Int']['input'];
  after?: AdminTypes.InputMaybe<AdminTypes.Scalars['String']['input']>;
  query: AdminTypes.Scalars['String']['input'];
}>;


export type ReconcileOrdersQuery = { shop: Pick<AdminTypes.Shop, 'ianaTimezone'>, orders: { nodes: Array<(
      Pick<AdminTypes.Order, 'id' | 'name' | 'createdAt' | 'updatedAt' | 'cancelledAt' | 'closedAt' | 'displayFulfillmentStatus' | 'displayFinancialStatus' | 'email' | 'tags' | 'customerLocale'>
      & { lineItems: { nodes: Array<(
          Pick<AdminTypes.LineItem, 'id' | 'title' | 'sku' | 'quantity' | 'unfulfilledQuantity'>
          & { product?: AdminTypes.Maybe<(
            Pick<AdminTypes.Product, 'id' | 'tags'>
            & { collections: { nodes: Array<Pick<AdminTypes.Collection, 'id'>> } }
          )>, variant?: AdminTypes.Maybe<Pick<AdminTypes.ProductVariant, 'id'>> }
        )>, pageInfo: Pick<AdminTypes.PageInfo, 'hasNextPage'> }, fulfillmentOrders: { nodes: Array<Pick<AdminTypes.FulfillmentOrder, 'status' | 'fulfillBy'>> }, customer?: AdminTypes.Maybe<Pick<AdminTypes.Customer, 'firstName' | 'lastName'>>, currentTotalPriceSet: { shopMoney: Pick<AdminTypes.MoneyV2, 'amount' | 'currencyCode'>, presentmentMoney: Pick<AdminTypes.MoneyV2, 'amount' | 'currencyCode'> } }
    )>, pageInfo: Pick<AdminTypes.PageInfo, 'hasNextPage' | 'endCursor'> } };

export type OrderTagsAddMutationVariables = AdminTypes.Exact<{
  id: AdminTypes.Scalars['ID']['input'];
  tags: Array<AdminTypes.Scalars['String']['input']> | AdminTypes.Scalars['String']['input'];
}>;


export type OrderTagsAddMutation = { tagsAdd?: AdminTypes.Maybe<{ userErrors: Array<Pick<AdminTypes.UserError, 'field' | 'message'>> }> };

export type OrderTagsRemoveMutationVariables = AdminTypes.Exact<{
  id: AdminTypes.Scalars['ID']['input'];
  tags: Array<AdminTypes.Scalars['String']['input']> | AdminTypes.Scalars['String']['input'];
}>;


export type OrderTagsRemoveMutation = { tagsRemove?: AdminTypes.Maybe<{ userErrors: Array<Pick<AdminTypes.UserError, 'field' | 'message'>> }> };

export type RemedyAddOnVariantsQueryVariables = AdminTypes.Exact<{ [key: string]: never; }>;


export type RemedyAddOnVariantsQuery = { shop: Pick<AdminTypes.Shop, 'currencyCode'>, productVariants: { nodes: Array<(
      Pick<AdminTypes.ProductVariant, 'id' | 'title' | 'price' | 'inventoryQuantity'>
      & { product: Pick<AdminTypes.Product, 'title'> }
    )> } };

export type RemedyCancelStateQueryVariables = AdminTypes.Exact<{
  id: AdminTypes.Scalars['ID']['input'];
}>;


export type RemedyCancelStateQuery = { order?: AdminTypes.Maybe<Pick<AdminTypes.Order, 'id' | 'cancelledAt' | 'displayFulfillmentStatus' | 'displayFinancialStatus'>> };

export type RemedyOrderCancelMutationVariables = AdminTypes.Exact<{
  orderId: AdminTypes.Scalars['ID']['input'];
  reason: AdminTypes.OrderCancelReason;
  notifyCustomer?: AdminTypes.InputMaybe<AdminTypes.Scalars['Boolean']['input']>;
  staffNote?: AdminTypes.InputMaybe<AdminTypes.Scalars['String']['input']>;
}>;


export type RemedyOrderCancelMutation = { orderCancel?: AdminTypes.Maybe<{ job?: AdminTypes.Maybe<Pick<AdminTypes.Job, 'id' | 'done'>>, orderCancelUserErrors: Array<Pick<AdminTypes.OrderCancelUserError, 'field' | 'message' | 'code'>> }> };

export type RemedyCancelJobQueryVariables = AdminTypes.Exact<{
  id: AdminTypes.Scalars['ID']['input'];
}>;


export type RemedyCancelJobQuery = { job?: AdminTypes.Maybe<Pick<AdminTypes.Job, 'id' | 'done'>> };

export type RemedyShippingStateQueryVariables = AdminTypes.Exact<{
  id: AdminTypes.Scalars['ID']['input'];
}>;


export type RemedyShippingStateQuery = { order?: AdminTypes.Maybe<(
    Pick<AdminTypes.Order, 'id' | 'cancelledAt' | 'displayFulfillmentStatus' | 'presentmentCurrencyCode'>
    & { shippingLines: { nodes: Array<Pick<AdminTypes.ShippingLine, 'id' | 'title'>> }, editClaim?: AdminTypes.Maybe<Pick<AdminTypes.Metafield, 'value' | 'compareDigest'>> }
  )> };

export type RemedyEditShippingLinesQueryVariables = AdminTypes.Exact<{
  id: AdminTypes.Scalars['ID']['input'];
}>;


export type RemedyEditShippingLinesQuery = { node?: AdminTypes.Maybe<(
    Pick<AdminTypes.CalculatedOrder, 'id'>
    & { shippingLines: Array<Pick<AdminTypes.CalculatedShippingLine, 'id' | 'title'>> }
  )> };

export type RemedyOrderEditUpdateShippingLineMutationVariables = AdminTypes.Exact<{
  id: AdminTypes.Scalars['ID']['input'];
  shippingLineId: AdminTypes.Scalars['ID']['input'];
  shippingLine: AdminTypes.OrderEditUpdateShippingLineInput;
}>;


export type RemedyOrderEditUpdateShippingLineMutation = { orderEditUpdateShippingLine?: AdminTypes.Maybe<{ userErrors: Array<Pick<AdminTypes.OrderEditUpdateShippingLineUserError, 'field' | 'message'>> }> };

export type RemedyOrderEditAddShippingLineMutationVariables = AdminTypes.Exact<{
  id: AdminTypes.Scalars['ID']['input'];
  shippingLine: AdminTypes.OrderEditAddShippingLineInput;
}>;


export type RemedyOrderEditAddShippingLineMutation = { orderEditAddShippingLine?: AdminTypes.Maybe<{ userErrors: Array<Pick<AdminTypes.OrderEditAddShippingLineUserError, 'field' | 'message'>> }> };

export type RemedyAddOnStateQueryVariables = AdminTypes.Exact<{
  id: AdminTypes.Scalars['ID']['input'];
}>;


export type RemedyAddOnStateQuery = { order?: AdminTypes.Maybe<(
    Pick<AdminTypes.Order, 'id' | 'cancelledAt'>
    & { lineItems: { nodes: Array<(
        Pick<AdminTypes.LineItem, 'id' | 'currentQuantity'>
        & { variant?: AdminTypes.Maybe<Pick<AdminTypes.ProductVariant, 'id'>>, discountedTotalSet: { shopMoney: Pick<AdminTypes.MoneyV2, 'amount'> } }
      )> }, editClaim?: AdminTypes.Maybe<Pick<AdminTypes.Metafield, 'value' | 'compareDigest'>> }
  )> };

export type RemedyEditLineItemsQueryVariables = AdminTypes.Exact<{
  id: AdminTypes.Scalars['ID']['input'];
}>;


export type RemedyEditLineItemsQuery = { node?: AdminTypes.Maybe<(
    Pick<AdminTypes.CalculatedOrder, 'id'>
    & { lineItems: { nodes: Array<(
        Pick<AdminTypes.CalculatedLineItem, 'quantity'>
        & { variant?: AdminTypes.Maybe<Pick<AdminTypes.ProductVariant, 'id'>>, discountedUnitPriceSet: { shopMoney: Pick<AdminTypes.MoneyV2, 'amount'> } }
      )> } }
  )> };

export type RemedyOrderEditAddVariantMutationVariables = AdminTypes.Exact<{
  id: AdminTypes.Scalars['ID']['input'];
  variantId: AdminTypes.Scalars['ID']['input'];
  quantity: AdminTypes.Scalars['Int']['input'];
}>;


export type RemedyOrderEditAddVariantMutation = { orderEditAddVariant?: AdminTypes.Maybe<{ calculatedLineItem?: AdminTypes.Maybe<Pick<AdminTypes.CalculatedLineItem, 'id'>>, userErrors: Array<Pick<AdminTypes.UserError, 'field' | 'message'>> }> };

export type RemedyOrderEditAddLineItemDiscountMutationVariables = AdminTypes.Exact<{
  id: AdminTypes.Scalars['ID']['input'];
  lineItemId: AdminTypes.Scalars['ID']['input'];
  discount: AdminTypes.OrderEditAppliedDiscountInput;
}>;


export type RemedyOrderEditAddLineItemDiscountMutation = { orderEditAddLineItemDiscount?: AdminTypes.Maybe<{ calculatedOrder?: AdminTypes.Maybe<Pick<AdminTypes.CalculatedOrder, 'id'>>, userErrors: Array<Pick<AdminTypes.UserError, 'field' | 'message'>> }> };

export type RemedyOrderEditBeginMutationVariables = AdminTypes.Exact<{
  id: AdminTypes.Scalars['ID']['input'];
}>;


export type RemedyOrderEditBeginMutation = { orderEditBegin?: AdminTypes.Maybe<{ calculatedOrder?: AdminTypes.Maybe<Pick<AdminTypes.CalculatedOrder, 'id'>>, userErrors: Array<Pick<AdminTypes.UserError, 'field' | 'message'>> }> };

export type RemedyOrderEditCommitMutationVariables = AdminTypes.Exact<{
  id: AdminTypes.Scalars['ID']['input'];
  notifyCustomer?: AdminTypes.InputMaybe<AdminTypes.Scalars['Boolean']['input']>;
  staffNote?: AdminTypes.InputMaybe<AdminTypes.Scalars['String']['input']>;
}>;


export type RemedyOrderEditCommitMutation = { orderEditCommit?: AdminTypes.Maybe<{ order?: AdminTypes.Maybe<Pick<AdminTypes.Order, 'id'>>, userErrors: Array<Pick<AdminTypes.UserError, 'field' | 'message'>> }> };

export type RemedyOrderEditClaimMutationVariables = AdminTypes.Exact<{
  metafields: Array<AdminTypes.MetafieldsSetInput> | AdminTypes.MetafieldsSetInput;
}>;


export type RemedyOrderEditClaimMutation = { metafieldsSet?: AdminTypes.Maybe<{ metafields?: AdminTypes.Maybe<Array<Pick<AdminTypes.Metafield, 'compareDigest'>>>, userErrors: Array<Pick<AdminTypes.MetafieldsSetUserError, 'field' | 'message' | 'code'>> }> };

export type RemedyFullRefundSuggestionQueryVariables = AdminTypes.Exact<{
  id: AdminTypes.Scalars['ID']['input'];
}>;


export type RemedyFullRefundSuggestionQuery = { order?: AdminTypes.Maybe<(
    Pick<AdminTypes.Order, 'id' | 'cancelledAt'>
    & { suggestedRefund?: AdminTypes.Maybe<{ amountSet: { shopMoney: Pick<AdminTypes.MoneyV2, 'amount' | 'currencyCode'>, presentmentMoney: Pick<AdminTypes.MoneyV2, 'amount' | 'currencyCode'> }, shipping: { amountSet: { shopMoney: Pick<AdminTypes.MoneyV2, 'amount' | 'currencyCode'>, presentmentMoney: Pick<AdminTypes.MoneyV2, 'amount' | 'currencyCode'> } }, refundLineItems: Array<(
        Pick<AdminTypes.RefundLineItem, 'quantity' | 'restockType'>
        & { lineItem: Pick<AdminTypes.LineItem, 'id'>, location?: AdminTypes.Maybe<Pick<AdminTypes.Location, 'id'>> }
      )>, suggestedTransactions: Array<(
        Pick<AdminTypes.SuggestedOrderTransaction, 'gateway'>
        & { amountSet: { shopMoney: Pick<AdminTypes.MoneyV2, 'amount' | 'currencyCode'>, presentmentMoney: Pick<AdminTypes.MoneyV2, 'amount' | 'currencyCode'> }, parentTransaction?: AdminTypes.Maybe<Pick<AdminTypes.OrderTransaction, 'id'>> }
      )> }> }
  )> };

export type RemedyShippingRefundSuggestionQueryVariables = AdminTypes.Exact<{
  id: AdminTypes.Scalars['ID']['input'];
}>;


export type RemedyShippingRefundSuggestionQuery = { order?: AdminTypes.Maybe<(
    Pick<AdminTypes.Order, 'id' | 'cancelledAt'>
    & { suggestedRefund?: AdminTypes.Maybe<{ amountSet: { shopMoney: Pick<AdminTypes.MoneyV2, 'amount' | 'currencyCode'>, presentmentMoney: Pick<AdminTypes.MoneyV2, 'amount' | 'currencyCode'> }, shipping: { amountSet: { shopMoney: Pick<AdminTypes.MoneyV2, 'amount' | 'currencyCode'>, presentmentMoney: Pick<AdminTypes.MoneyV2, 'amount' | 'currencyCode'> } }, refundLineItems: Array<(
        Pick<AdminTypes.RefundLineItem, 'quantity' | 'restockType'>
        & { lineItem: Pick<AdminTypes.LineItem, 'id'>, location?: AdminTypes.Maybe<Pick<AdminTypes.Location, 'id'>> }
      )>, suggestedTransactions: Array<(
        Pick<AdminTypes.SuggestedOrderTransaction, 'gateway'>
        & { amountSet: { shopMoney: Pick<AdminTypes.MoneyV2, 'amount' | 'currencyCode'>, presentmentMoney: Pick<AdminTypes.MoneyV2, 'amount' | 'currencyCode'> }, parentTransaction?: AdminTypes.Maybe<Pick<AdminTypes.OrderTransaction, 'id'>> }
      )> }> }
  )> };

export type RemedyRefundCreateMutationVariables = AdminTypes.Exact<{
  input: AdminTypes.RefundInput;
  key: AdminTypes.Scalars['String']['input'];
}>;


export type RemedyRefundCreateMutation = { refundCreate?: AdminTypes.Maybe<{ refund?: AdminTypes.Maybe<(
      Pick<AdminTypes.Refund, 'id'>
      & { totalRefundedSet: { shopMoney: Pick<AdminTypes.MoneyV2, 'amount' | 'currencyCode'>, presentmentMoney: Pick<AdminTypes.MoneyV2, 'amount' | 'currencyCode'> } }
    )>, userErrors: Array<Pick<AdminTypes.UserError, 'field' | 'message'>> }> };

export type RemedyShippingRefundPlanQueryVariables = AdminTypes.Exact<{
  ids: Array<AdminTypes.Scalars['ID']['input']> | AdminTypes.Scalars['ID']['input'];
}>;


export type RemedyShippingRefundPlanQuery = { nodes: Array<AdminTypes.Maybe<(
    Pick<AdminTypes.Order, 'id' | 'cancelledAt'>
    & { suggestedRefund?: AdminTypes.Maybe<{ amountSet: { shopMoney: Pick<AdminTypes.MoneyV2, 'amount' | 'currencyCode'>, presentmentMoney: Pick<AdminTypes.MoneyV2, 'amount' | 'currencyCode'> } }> }
  )>> };

export type RemedyThankYouCodeStateQueryVariables = AdminTypes.Exact<{
  id: AdminTypes.Scalars['ID']['input'];
}>;


export type RemedyThankYouCodeStateQuery = { order?: AdminTypes.Maybe<(
    Pick<AdminTypes.Order, 'id'>
    & { customer?: AdminTypes.Maybe<Pick<AdminTypes.Customer, 'id'>> }
  )> };

export type RemedyDiscountCodeBasicCreateMutationVariables = AdminTypes.Exact<{
  discount: AdminTypes.DiscountCodeBasicInput;
}>;


export type RemedyDiscountCodeBasicCreateMutation = { discountCodeBasicCreate?: AdminTypes.Maybe<{ codeDiscountNode?: AdminTypes.Maybe<Pick<AdminTypes.DiscountCodeNode, 'id'>>, userErrors: Array<Pick<AdminTypes.DiscountUserError, 'field' | 'message' | 'code'>> }> };

export type SettingsRuleTitlesQueryVariables = AdminTypes.Exact<{
  ids: Array<AdminTypes.Scalars['ID']['input']> | AdminTypes.Scalars['ID']['input'];
}>;


export type SettingsRuleTitlesQuery = { nodes: Array<AdminTypes.Maybe<Pick<AdminTypes.Collection, 'id' | 'title'> | Pick<AdminTypes.Product, 'id' | 'title'> | (
    Pick<AdminTypes.ProductVariant, 'id'>
    & { title: AdminTypes.ProductVariant['displayName'] }
  )>> };

export type ShopTimeZoneQueryVariables = AdminTypes.Exact<{ [key: string]: never; }>;


export type ShopTimeZoneQuery = { shop: Pick<AdminTypes.Shop, 'ianaTimezone'> };

export type StorefrontSetupQueryVariables = AdminTypes.Exact<{
  pauseNamespace: AdminTypes.Scalars['String']['input'];
  pauseKey: AdminTypes.Scalars['String']['input'];
}>;


export type StorefrontSetupQuery = { shop: Pick<AdminTypes.Shop, 'ianaTimezone'>, currentAppInstallation: Pick<AdminTypes.AppInstallation, 'id'>, validations: { nodes: Array<(
      Pick<AdminTypes.Validation, 'id' | 'enabled'>
      & { shopifyFunction: Pick<AdminTypes.ShopifyFunction, 'handle'> }
    )> }, checkoutPauseDefinition: { nodes: Array<Pick<AdminTypes.MetafieldDefinition, 'id'>> } };

export type CreateCheckoutPauseDefinitionMutationVariables = AdminTypes.Exact<{
  definition: AdminTypes.MetafieldDefinitionInput;
}>;


export type CreateCheckoutPauseDefinitionMutation = { metafieldDefinitionCreate?: AdminTypes.Maybe<{ createdDefinition?: AdminTypes.Maybe<Pick<AdminTypes.MetafieldDefinition, 'id'>>, userErrors: Array<Pick<AdminTypes.MetafieldDefinitionCreateUserError, 'field' | 'message' | 'code'>> }> };

export type CreateCheckoutPauseMutationVariables = AdminTypes.Exact<{
  validation: AdminTypes.ValidationCreateInput;
}>;


export type CreateCheckoutPauseMutation = { validationCreate?: AdminTypes.Maybe<{ validation?: AdminTypes.Maybe<Pick<AdminTypes.Validation, 'id'>>, userErrors: Array<Pick<AdminTypes.ValidationUserError, 'field' | 'message' | 'code'>> }> };

export type UpdateCheckoutPauseMutationVariables = AdminTypes.Exact<{
  id: AdminTypes.Scalars['ID']['input'];
  validation: AdminTypes.ValidationUpdateInput;
}>;


export type UpdateCheckoutPauseMutation = { validationUpdate?: AdminTypes.Maybe<{ validation?: AdminTypes.Maybe<Pick<AdminTypes.Validation, 'id'>>, userErrors: Array<Pick<AdminTypes.ValidationUserError, 'field' | 'message' | 'code'>> }> };

export type WaitlistShopQueryVariables = AdminTypes.Exact<{ [key: string]: never; }>;


export type WaitlistShopQuery = { shop: Pick<AdminTypes.Shop, 'name'> };

interface GeneratedQueryTypes {
  "#graphql\n  query FulfillmentOrdersOfOrder($id: ID!) {\n    shop {\n      ianaTimezone\n    }\n    order(id: $id) {\n      id\n      cancelledAt\n      fulfillmentOrders(first: 20) {\n        nodes {\n          id\n          status\n          fulfillBy\n          fulfillmentHolds {\n            id\n            handle\n          }\n          supportedActions {\n            action\n          }\n        }\n      }\n    }\n  }\n": {return: FulfillmentOrdersOfOrderQuery, variables: FulfillmentOrdersOfOrderQueryVariables},
  "#graphql\n  query ReadyLinesOfOrder($id: ID!) {\n    order(id: $id) {\n      id\n      name\n      cancelledAt\n      displayFulfillmentStatus\n      fulfillmentOrders(first: 5) {\n        nodes {\n          id\n          status\n          supportedActions {\n            action\n          }\n          assignedLocation {\n            location {\n              id\n            }\n          }\n          lineItems(first: 50) {\n            nodes {\n              id\n              totalQuantity\n              remainingQuantity\n              lineItem {\n                id\n                name\n                sku\n              }\n            }\n          }\n        }\n      }\n    }\n  }\n": {return: ReadyLinesOfOrderQuery, variables: ReadyLinesOfOrderQueryVariables},
  "#graphql\n  query ShopProfile {\n    shop {\n      name\n      myshopifyDomain\n      ianaTimezone\n      currencyCode\n    }\n    latest: orders(first: 1, reverse: true) {\n      nodes {\n        email\n      }\n    }\n    someCustomer: customers(first: 1) {\n      nodes {\n        firstName\n      }\n    }\n  }\n": {return: ShopProfileQuery, variables: ShopProfileQueryVariables},
  "#graphql\n  query ShopOrderCounts {\n    unshipped: ordersCount(query: \"status:open fulfillment_status:unshipped\", limit: null) {\n      count\n      precision\n    }\n    partial: ordersCount(query: \"status:open fulfillment_status:partial\", limit: null) {\n      count\n      precision\n    }\n  }\n": {return: ShopOrderCountsQuery, variables: ShopOrderCountsQueryVariables},
  "#graphql\n  query ShopOnly {\n    shop {\n      name\n      myshopifyDomain\n      ianaTimezone\n      currencyCode\n    }\n  }\n": {return: ShopOnlyQuery, variables: ShopOnlyQueryVariables},
  "#graphql\n  query ShopLocales {\n    shopLocales(published: true) {\n      locale\n      primary\n    }\n  }\n": {return: ShopLocalesQuery, variables: ShopLocalesQueryVariables},
  "#graphql\n  query OrderImportBulk {\n    orders {\n      edges {\n        node {\n          ...TrackedOrderFields\n          lineItems {\n            edges {\n              node {\n                ...TrackedLineItemFields\n                product {\n                  collections {\n                    edges {\n                      node {\n                        id\n                      }\n                    }\n                  }\n                }\n              }\n            }\n          }\n          fulfillmentOrders {\n            edges {\n              node {\n                id\n                ...TrackedFulfillmentOrderFields\n              }\n            }\n          }\n        }\n      }\n    }\n  }\n  #graphql\n  fragment TrackedOrderFields on Order {\n    id\n    name\n    createdAt\n    updatedAt\n    cancelledAt\n    closedAt\n    displayFulfillmentStatus\n    displayFinancialStatus\n    email\n    tags\n    customer {\n      firstName\n      lastName\n    }\n    customerLocale\n    currentTotalPriceSet {\n      shopMoney {\n        amount\n        currencyCode\n      }\n      presentmentMoney {\n        amount\n        currencyCode\n      }\n    }\n  }\n  fragment TrackedLineItemFields on LineItem {\n    id\n    title\n    sku\n    quantity\n    unfulfilledQuantity\n    product {\n      id\n      tags\n    }\n    variant {\n      id\n    }\n  }\n  fragment TrackedFulfillmentOrderFields on FulfillmentOrder {\n    status\n    fulfillBy\n  }\n": {return: OrderImportBulkQuery, variables: OrderImportBulkQueryVariables},
  "#graphql\n  query OrderImportStatus($id: ID!) {\n    bulkOperation(id: $id) {\n      id\n      status\n      errorCode\n      objectCount\n      url\n      partialDataUrl\n    }\n    shop {\n      ianaTimezone\n    }\n  }\n": {return: OrderImportStatusQuery, variables: OrderImportStatusQueryVariables},
  "#graphql\n  query SyncOrder($id: ID!) {\n    shop {\n      ianaTimezone\n    }\n    order(id: $id) {\n      ...TrackedOrderFields\n      lineItems(first: 50) {\n        nodes {\n          ...TrackedLineItemFields\n          product {\n            collections(first: 10) {\n              nodes {\n                id\n              }\n            }\n          }\n        }\n        pageInfo {\n          hasNextPage\n        }\n      }\n      fulfillmentOrders(first: 10) {\n        nodes {\n          ...TrackedFulfillmentOrderFields\n        }\n      }\n    }\n  }\n  #graphql\n  fragment TrackedOrderFields on Order {\n    id\n    name\n    createdAt\n    updatedAt\n    cancelledAt\n    closedAt\n    displayFulfillmentStatus\n    displayFinancialStatus\n    email\n    tags\n    customer {\n      firstName\n      lastName\n    }\n    customerLocale\n    currentTotalPriceSet {\n      shopMoney {\n        amount\n        currencyCode\n      }\n      presentmentMoney {\n        amount\n        currencyCode\n      }\n    }\n  }\n  fragment TrackedLineItemFields on LineItem {\n    id\n    title\n    sku\n    quantity\n    unfulfilledQuantity\n    product {\n      id\n      tags\n    }\n    variant {\n      id\n    }\n  }\n  fragment TrackedFulfillmentOrderFields on FulfillmentOrder {\n    status\n    fulfillBy\n  }\n": {return: SyncOrderQuery, variables: SyncOrderQueryVariables},
  "#graphql\n  query ReconcileOrders($first: Int!, $after: String, $query: String!) {\n    shop {\n      ianaTimezone\n    }\n    orders(first: $first, after: $after, query: $query, sortKey: UPDATED_AT) {\n      nodes {\n        ...TrackedOrderFields\n        lineItems(first: 10) {\n          nodes {\n            ...TrackedLineItemFields\n            product {\n              collections(first: 5) {\n                nodes {\n                  id\n                }\n              }\n            }\n          }\n          pageInfo {\n            hasNextPage\n          }\n        }\n        fulfillmentOrders(first: 5) {\n          nodes {\n            ...TrackedFulfillmentOrderFields\n          }\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n  #graphql\n  fragment TrackedOrderFields on Order {\n    id\n    name\n    createdAt\n    updatedAt\n    cancelledAt\n    closedAt\n    displayFulfillmentStatus\n    displayFinancialStatus\n    email\n    tags\n    customer {\n      firstName\n      lastName\n    }\n    customerLocale\n    currentTotalPriceSet {\n      shopMoney {\n        amount\n        currencyCode\n      }\n      presentmentMoney {\n        amount\n        currencyCode\n      }\n    }\n  }\n  fragment TrackedLineItemFields on LineItem {\n    id\n    title\n    sku\n    quantity\n    unfulfilledQuantity\n    product {\n      id\n      tags\n    }\n    variant {\n      id\n    }\n  }\n  fragment TrackedFulfillmentOrderFields on FulfillmentOrder {\n    status\n    fulfillBy\n  }\n": {return: ReconcileOrdersQuery, variables: ReconcileOrdersQueryVariables},
  "#graphql\n  query RemedyAddOnVariants {\n    shop { currencyCode }\n    productVariants(first: 50) {\n      nodes { id title price inventoryQuantity product { title } }\n    }\n  }\n": {return: RemedyAddOnVariantsQuery, variables: RemedyAddOnVariantsQueryVariables},
  "#graphql\n  query RemedyCancelState($id: ID!) {\n    order(id: $id) {\n      id\n      cancelledAt\n      displayFulfillmentStatus\n      displayFinancialStatus\n    }\n  }\n": {return: RemedyCancelStateQuery, variables: RemedyCancelStateQueryVariables},
  "#graphql\n  query RemedyCancelJob($id: ID!) {\n    job(id: $id) { id done }\n  }\n": {return: RemedyCancelJobQuery, variables: RemedyCancelJobQueryVariables},
  "#graphql\n  query RemedyShippingState($id: ID!) {\n    order(id: $id) {\n      id\n      cancelledAt\n      displayFulfillmentStatus\n      presentmentCurrencyCode\n      shippingLines(first: 5) { nodes { id title } }\n      editClaim: metafield(namespace: \"$app\", key: \"order_edit_claim\") { value compareDigest }\n    }\n  }\n": {return: RemedyShippingStateQuery, variables: RemedyShippingStateQueryVariables},
  "#graphql\n  query RemedyEditShippingLines($id: ID!) {\n    node(id: $id) {\n      ... on CalculatedOrder { id shippingLines { id title } }\n    }\n  }\n": {return: RemedyEditShippingLinesQuery, variables: RemedyEditShippingLinesQueryVariables},
  "#graphql\n  query RemedyAddOnState($id: ID!) {\n    order(id: $id) {\n      id\n      cancelledAt\n      lineItems(first: 100) {\n        nodes {\n          id\n          currentQuantity\n          variant { id }\n          discountedTotalSet { shopMoney { amount } }\n        }\n      }\n      editClaim: metafield(namespace: \"$app\", key: \"order_edit_claim\") { value compareDigest }\n    }\n  }\n": {return: RemedyAddOnStateQuery, variables: RemedyAddOnStateQueryVariables},
  "#graphql\n  query RemedyEditLineItems($id: ID!) {\n    node(id: $id) {\n      ... on CalculatedOrder {\n        id\n        lineItems(first: 100) {\n          nodes { quantity variant { id } discountedUnitPriceSet { shopMoney { amount } } }\n        }\n      }\n    }\n  }\n": {return: RemedyEditLineItemsQuery, variables: RemedyEditLineItemsQueryVariables},
  "#graphql\n  query RemedyFullRefundSuggestion($id: ID!) {\n    order(id: $id) {\n      id\n      cancelledAt\n      suggestedRefund(suggestFullRefund: true, refundShipping: true) {\n        amountSet { shopMoney { amount currencyCode } presentmentMoney { amount currencyCode } }\n        shipping { amountSet { shopMoney { amount currencyCode } presentmentMoney { amount currencyCode } } }\n        refundLineItems { lineItem { id } quantity restockType location { id } }\n        suggestedTransactions { amountSet { shopMoney { amount currencyCode } presentmentMoney { amount currencyCode } } gateway parentTransaction { id } }\n      }\n    }\n  }\n": {return: RemedyFullRefundSuggestionQuery, variables: RemedyFullRefundSuggestionQueryVariables},
  "#graphql\n  query RemedyShippingRefundSuggestion($id: ID!) {\n    order(id: $id) {\n      id\n      cancelledAt\n      suggestedRefund(refundShipping: true) {\n        amountSet { shopMoney { amount currencyCode } presentmentMoney { amount currencyCode } }\n        shipping { amountSet { shopMoney { amount currencyCode } presentmentMoney { amount currencyCode } } }\n        refundLineItems { lineItem { id } quantity restockType location { id } }\n        suggestedTransactions { amountSet { shopMoney { amount currencyCode } presentmentMoney { amount currencyCode } } gateway parentTransaction { id } }\n      }\n    }\n  }\n": {return: RemedyShippingRefundSuggestionQuery, variables: RemedyShippingRefundSuggestionQueryVariables},
  "#graphql\n  query RemedyShippingRefundPlan($ids: [ID!]!) {\n    nodes(ids: $ids) {\n      ... on Order {\n        id\n        cancelledAt\n        suggestedRefund(refundShipping: true) {\n          amountSet { shopMoney { amount currencyCode } presentmentMoney { amount currencyCode } }\n        }\n      }\n    }\n  }\n": {return: RemedyShippingRefundPlanQuery, variables: RemedyShippingRefundPlanQueryVariables},
  "#graphql\n  query RemedyThankYouCodeState($id: ID!) {\n    order(id: $id) { id customer { id } }\n  }\n": {return: RemedyThankYouCodeStateQuery, variables: RemedyThankYouCodeStateQueryVariables},
  "#graphql\n  query SettingsRuleTitles($ids: [ID!]!) {\n    nodes(ids: $ids) {\n      ... on Collection {\n        id\n        title\n      }\n      ... on Product {\n        id\n        title\n      }\n      ... on ProductVariant {\n        id\n        title: displayName\n      }\n    }\n  }\n": {return: SettingsRuleTitlesQuery, variables: SettingsRuleTitlesQueryVariables},
  "#graphql\n  query ShopTimeZone {\n    shop {\n      ianaTimezone\n    }\n  }\n": {return: ShopTimeZoneQuery, variables: ShopTimeZoneQueryVariables},
  "#graphql\n  query StorefrontSetup($pauseNamespace: String!, $pauseKey: String!) {\n    shop {\n      ianaTimezone\n    }\n    currentAppInstallation {\n      id\n    }\n    validations(first: 25) {\n      nodes {\n        id\n        enabled\n        shopifyFunction {\n          handle\n        }\n      }\n    }\n    checkoutPauseDefinition: metafieldDefinitions(first: 1, ownerType: VALIDATION, namespace: $pauseNamespace, key: $pauseKey) {\n      nodes {\n        id\n      }\n    }\n  }\n": {return: StorefrontSetupQuery, variables: StorefrontSetupQueryVariables},
  "#graphql\n  query WaitlistShop {\n    shop {\n      name\n    }\n  }\n": {return: WaitlistShopQuery, variables: WaitlistShopQueryVariables},
}

interface GeneratedMutationTypes {
  "#graphql\n  mutation SetAppMetafields($metafields: [MetafieldsSetInput!]!) {\n    metafieldsSet(metafields: $metafields) {\n      metafields {\n        id\n      }\n      userErrors {\n        field\n        message\n        code\n      }\n    }\n  }\n": {return: SetAppMetafieldsMutation, variables: SetAppMetafieldsMutationVariables},
  "#graphql\n  mutation FlowTriggerReceive($handle: String!, $payload: JSON!) {\n    flowTriggerReceive(handle: $handle, payload: $payload) {\n      userErrors {\n        field\n        message\n      }\n    }\n  }\n": {return: FlowTriggerReceiveMutation, variables: FlowTriggerReceiveMutationVariables},
  "#graphql\n  mutation FulfillmentDeadlineSet($deadline: DateTime!, $ids: [ID!]!) {\n    fulfillmentOrdersSetFulfillmentDeadline(fulfillmentDeadline: $deadline, fulfillmentOrderIds: $ids) {\n      success\n      userErrors { field message code }\n    }\n  }\n": {return: FulfillmentDeadlineSetMutation, variables: FulfillmentDeadlineSetMutationVariables},
  "#graphql\n  mutation FulfillmentHoldPlace($id: ID!, $hold: FulfillmentOrderHoldInput!) {\n    fulfillmentOrderHold(id: $id, fulfillmentHold: $hold) {\n      fulfillmentHold { id handle }\n      fulfillmentOrder { id status }\n      userErrors { field message code }\n    }\n  }\n": {return: FulfillmentHoldPlaceMutation, variables: FulfillmentHoldPlaceMutationVariables},
  "#graphql\n  mutation FulfillmentHoldRelease($id: ID!, $holdIds: [ID!]) {\n    fulfillmentOrderReleaseHold(id: $id, holdIds: $holdIds) {\n      fulfillmentOrder { id status }\n      userErrors { field message code }\n    }\n  }\n": {return: FulfillmentHoldReleaseMutation, variables: FulfillmentHoldReleaseMutationVariables},
  "#graphql\n  mutation ShipReadyLines($fulfillment: FulfillmentInput!) {\n    fulfillmentCreate(fulfillment: $fulfillment) {\n      fulfillment {\n        id\n        status\n      }\n      userErrors {\n        field\n        message\n      }\n    }\n  }\n": {return: ShipReadyLinesMutation, variables: ShipReadyLinesMutationVariables},
  "#graphql\n  mutation OrderImportStart($query: String!) {\n    bulkOperationRunQuery(query: $query) {\n      bulkOperation {\n        id\n        status\n      }\n      userErrors {\n        field\n        message\n        code\n      }\n    }\n  }\n": {return: OrderImportStartMutation, variables: OrderImportStartMutationVariables},
  "#graphql\n  mutation OrderTagsAdd($id: ID!, $tags: [String!]!) {\n    tagsAdd(id: $id, tags: $tags) {\n      userErrors {\n        field\n        message\n      }\n    }\n  }\n": {return: OrderTagsAddMutation, variables: OrderTagsAddMutationVariables},
  "#graphql\n  mutation OrderTagsRemove($id: ID!, $tags: [String!]!) {\n    tagsRemove(id: $id, tags: $tags) {\n      userErrors {\n        field\n        message\n      }\n    }\n  }\n": {return: OrderTagsRemoveMutation, variables: OrderTagsRemoveMutationVariables},
  "#graphql\n  mutation RemedyOrderCancel($orderId: ID!, $reason: OrderCancelReason!, $notifyCustomer: Boolean, $staffNote: String) {\n    orderCancel(\n      orderId: $orderId\n      reason: $reason\n      refundMethod: { originalPaymentMethodsRefund: true }\n      restock: true\n      notifyCustomer: $notifyCustomer\n      staffNote: $staffNote\n    ) {\n      job { id done }\n      orderCancelUserErrors { field message code }\n    }\n  }\n": {return: RemedyOrderCancelMutation, variables: RemedyOrderCancelMutationVariables},
  "#graphql\n  mutation RemedyOrderEditUpdateShippingLine($id: ID!, $shippingLineId: ID!, $shippingLine: OrderEditUpdateShippingLineInput!) {\n    orderEditUpdateShippingLine(id: $id, shippingLineId: $shippingLineId, shippingLine: $shippingLine) {\n      userErrors { field message }\n    }\n  }\n": {return: RemedyOrderEditUpdateShippingLineMutation, variables: RemedyOrderEditUpdateShippingLineMutationVariables},
  "#graphql\n  mutation RemedyOrderEditAddShippingLine($id: ID!, $shippingLine: OrderEditAddShippingLineInput!) {\n    orderEditAddShippingLine(id: $id, shippingLine: $shippingLine) {\n      userErrors { field message }\n    }\n  }\n": {return: RemedyOrderEditAddShippingLineMutation, variables: RemedyOrderEditAddShippingLineMutationVariables},
  "#graphql\n  mutation RemedyOrderEditAddVariant($id: ID!, $variantId: ID!, $quantity: Int!) {\n    orderEditAddVariant(id: $id, variantId: $variantId, quantity: $quantity, allowDuplicates: true) {\n      calculatedLineItem { id }\n      userErrors { field message }\n    }\n  }\n": {return: RemedyOrderEditAddVariantMutation, variables: RemedyOrderEditAddVariantMutationVariables},
  "#graphql\n  mutation RemedyOrderEditAddLineItemDiscount($id: ID!, $lineItemId: ID!, $discount: OrderEditAppliedDiscountInput!) {\n    orderEditAddLineItemDiscount(id: $id, lineItemId: $lineItemId, discount: $discount) {\n      calculatedOrder { id }\n      userErrors { field message }\n    }\n  }\n": {return: RemedyOrderEditAddLineItemDiscountMutation, variables: RemedyOrderEditAddLineItemDiscountMutationVariables},
  "#graphql\n  mutation RemedyOrderEditBegin($id: ID!) {\n    orderEditBegin(id: $id) {\n      calculatedOrder { id }\n      userErrors { field message }\n    }\n  }\n": {return: RemedyOrderEditBeginMutation, variables: RemedyOrderEditBeginMutationVariables},
  "#graphql\n  mutation RemedyOrderEditCommit($id: ID!, $notifyCustomer: Boolean, $staffNote: String) {\n    orderEditCommit(id: $id, notifyCustomer: $notifyCustomer, staffNote: $staffNote) {\n      order { id }\n      userErrors { field message }\n    }\n  }\n": {return: RemedyOrderEditCommitMutation, variables: RemedyOrderEditCommitMutationVariables},
  "#graphql\n  mutation RemedyOrderEditClaim($metafields: [MetafieldsSetInput!]!) {\n    metafieldsSet(metafields: $metafields) {\n      metafields { compareDigest }\n      userErrors { field message code }\n    }\n  }\n": {return: RemedyOrderEditClaimMutation, variables: RemedyOrderEditClaimMutationVariables},
  "#graphql\n  mutation RemedyRefundCreate($input: RefundInput!, $key: String!) {\n    refundCreate(input: $input) @idempotent(key: $key) {\n      refund { id totalRefundedSet { shopMoney { amount currencyCode } presentmentMoney { amount currencyCode } } }\n      userErrors { field message }\n    }\n  }\n": {return: RemedyRefundCreateMutation, variables: RemedyRefundCreateMutationVariables},
  "#graphql\n  mutation RemedyDiscountCodeBasicCreate($discount: DiscountCodeBasicInput!) {\n    discountCodeBasicCreate(basicCodeDiscount: $discount) {\n      codeDiscountNode { id }\n      userErrors { field message code }\n    }\n  }\n": {return: RemedyDiscountCodeBasicCreateMutation, variables: RemedyDiscountCodeBasicCreateMutationVariables},
  "#graphql\n  mutation CreateCheckoutPauseDefinition($definition: MetafieldDefinitionInput!) {\n    metafieldDefinitionCreate(definition: $definition) {\n      createdDefinition {\n        id\n      }\n      userErrors {\n        field\n        message\n        code\n      }\n    }\n  }\n": {return: CreateCheckoutPauseDefinitionMutation, variables: CreateCheckoutPauseDefinitionMutationVariables},
  "#graphql\n  mutation CreateCheckoutPause($validation: ValidationCreateInput!) {\n    validationCreate(validation: $validation) {\n      validation {\n        id\n      }\n      userErrors {\n        field\n        message\n        code\n      }\n    }\n  }\n": {return: CreateCheckoutPauseMutation, variables: CreateCheckoutPauseMutationVariables},
  "#graphql\n  mutation UpdateCheckoutPause($id: ID!, $validation: ValidationUpdateInput!) {\n    validationUpdate(id: $id, validation: $validation) {\n      validation {\n        id\n      }\n      userErrors {\n        field\n        message\n        code\n      }\n    }\n  }\n": {return: UpdateCheckoutPauseMutation, variables: UpdateCheckoutPauseMutationVariables},
}
declare module '@shopify/admin-api-client' {
  type InputMaybe<T> = AdminTypes.InputMaybe<T>;
  interface AdminQueries extends GeneratedQueryTypes {}
  interface AdminMutations extends GeneratedMutationTypes {}
}
