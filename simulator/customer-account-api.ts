// The Customer Account API as a customer account UI extension reaches it: the extension's
// `fetch("shopify://customer-account/api/<version>/graphql.json")`, answered by Shopify for the
// customer viewing the page (https://shopify.dev/docs/api/customer-account-ui-extensions/2026-10-rc/target-apis/account-apis/customer-account-api).
// Every request is validated and executed against Shopify's customer_2026-10 schema, over the
// simulator's own store, so the extension reads what the app really wrote through the Admin API.
// Only what the order status block needs is served (Order: id, cancelledAt, fulfillmentStatus,
// metafield); anything else the schema has answers an error rather than an invented value.
import { GraphQLError, execute, parse, validate, type GraphQLFieldResolver } from "graphql";
import { z } from "zod";
import { parseGid, toGid } from "./gid";
import { appDataOf, resolveNamespace } from "./resolvers/app-installation";
import { customerAccountSchema, SIMULATED_API_VERSION } from "./schema";
import type { ShopStore } from "./store/shop-store";
import { iso } from "./resolvers/values";

export const CUSTOMER_ACCOUNT_URL = `shopify://customer-account/api/${SIMULATED_API_VERSION}/graphql.json`;

const bodySchema = z.object({
  query: z.string(),
  variables: z.record(z.string(), z.unknown()).optional(),
  operationName: z.string().optional(),
});

const idArgs = z.object({ id: z.string() });
const metafieldArgs = z.object({ namespace: z.string(), key: z.string() });

export interface CustomerAccountOptions {
  /** The orders of the customer viewing the page; another customer's order answers null. */
  customerOrderIds: readonly number[];
}

/**
 * Whether the extension may read this metafield: the definition must grant customer account access
 * (https://shopify.dev/changelog/metafields-now-require-a-definition-to-be-accessed-through-the-customer-account-api).
 * `$app` resolves to the extension's own app, as in every API the app's code calls.
 */
function readableMetafield(store: ShopStore, orderGid: string, namespace: string, key: string) {
  const data = appDataOf(store);
  const definition = data.definition("ORDER", namespace, key);
  if (!definition?.customerAccountAccess) return null;
  const metafield = data.metafield(orderGid, resolveNamespace(namespace), key);
  return metafield
    ? {
        namespace: metafield.namespace,
        key: metafield.key,
        type: metafield.type,
        value: metafield.value,
      }
    : null;
}

function orderFor(store: ShopStore, options: CustomerAccountOptions, gid: string) {
  const parsed = parseGid(gid);
  if (!parsed || parsed.type !== "Order" || !options.customerOrderIds.includes(parsed.id))
    return null;
  const order = store.order(parsed.id);
  if (!order) return null;
  const orderGid = toGid("Order", order.id);
  return {
    id: orderGid,
    cancelledAt: iso(order.cancelledAt),
    // The Admin API's display status and this enum share these values (UNFULFILLED,
    // PARTIALLY_FULFILLED, FULFILLED are all OrderFulfillmentStatus values in customer_2026-10).
    fulfillmentStatus: order.fulfillmentStatus,
    metafield: (rawArgs: unknown) => {
      const args = metafieldArgs.parse(rawArgs);
      return readableMetafield(store, orderGid, args.namespace, args.key);
    },
  };
}

// A field the stand-in does not serve is an error, never a guess.
const refuseUnserved: GraphQLFieldResolver<unknown, unknown> = (source, _args, _context, info) => {
  if (typeof source === "object" && source !== null && info.fieldName in source) {
    const value: unknown = Reflect.get(source, info.fieldName);
    return typeof value === "function" ? value(_args) : value;
  }
  throw new GraphQLError(
    `The simulator's Customer Account API does not serve ${info.parentType.name}.${info.fieldName}.`,
  );
};

/** A `fetch` for the extension, bound to one shop and the customer viewing the page. */
export function customerAccountFetch(store: ShopStore, options: CustomerAccountOptions) {
  return async (url: string, init: { method: string; body: string }) => {
    if (url !== CUSTOMER_ACCOUNT_URL || init.method !== "POST")
      throw new TypeError(`The simulator serves only POST ${CUSTOMER_ACCOUNT_URL}, not ${url}`);
    const body = bodySchema.parse(JSON.parse(init.body));
    const schema = customerAccountSchema();
    const document = parse(body.query);
    const errors = validate(schema, document);
    const result =
      errors.length > 0
        ? { errors: errors.map((e) => ({ message: e.message })) }
        : await execute({
            schema,
            document,
            variableValues: body.variables,
            rootValue: {
              order: (rawArgs: unknown) => orderFor(store, options, idArgs.parse(rawArgs).id),
            },
            fieldResolver: refuseUnserved,
          });
    const json = JSON.parse(JSON.stringify(result));
    return { json: async (): Promise<unknown> => json };
  };
}
