// The schema is the truth: every field a resolver implements, and every key of the plain value
// objects they return (money, counts, addresses, connections), must exist in the Admin schema.
import { holdFulfillmentOrder } from "../store/fulfillment-holds";
import { createFulfillment } from "../store/fulfillments";
import { fulfillmentLineItemViews } from "./mutations/fulfillments";
import {
  execute,
  getNamedType,
  isObjectType,
  parse,
  type GraphQLObjectType,
  type GraphQLResolveInfo,
} from "graphql";
import { beforeAll, describe, expect, it } from "vitest";
import { adminSchema } from "../schema";
import { seedShop } from "../seed";
import type { ShopStore } from "../store/shop-store";
import type { SimulatorContext } from "./define";
import { SIMULATED_TYPES } from ".";
import { appDataOf, SIMULATED_FUNCTIONS } from "./app-installation";
import { validationCreate } from "./mutations/validations";
import { metafieldDefinitionCreate } from "./mutations/metafield-definitions";
import { discountMutations, discountsOf } from "./mutations/discounts";
import { orderEditsOf } from "../store/order-edits";
import { refundsOf } from "../store/refunds";

let store: ShopStore;
let info: GraphQLResolveInfo;

beforeAll(async () => {
  store = seedShop({ domain: "oak-and-hide.myshopify.com", now: new Date("2026-12-10T15:00:00Z") });
  // A real resolve info to hand to resolvers called directly.
  await execute({
    schema: adminSchema(),
    document: parse("{ shop { name } }"),
    fieldResolver: (_source, _args, _context, captured) => {
      info = captured;
      return {};
    },
  });
});

function objectType(name: string): GraphQLObjectType {
  const type = adminSchema().getType(name);
  if (!isObjectType(type)) throw new Error(`${name} is not an object type in the schema`);
  return type;
}

/** Checks that every key of a plain value exists on the schema type; records are checked by their own type. */
function unknownKeys(value: unknown, type: GraphQLObjectType, at: string): string[] {
  if (Array.isArray(value))
    return value.flatMap((item, index) => unknownKeys(item, type, `${at}[${index}]`));
  if (typeof value !== "object" || value === null || "__typename" in value) return [];
  const fields = type.getFields();
  return Object.entries(value).flatMap(([key, inner]) => {
    const field = fields[key];
    if (!field) return [`${at}.${key} (no such field on ${type.name})`];
    const named = getNamedType(field.type);
    return isObjectType(named) ? unknownKeys(inner, named, `${at}.${key}`) : [];
  });
}

describe("simulated fields", () => {
  it("each exists in the Admin schema", () => {
    const missing = SIMULATED_TYPES.flatMap((simulated) => {
      const fields = objectType(simulated.typeName).getFields();
      return Object.keys(simulated.fields).flatMap((name) =>
        fields[name] ? [] : [`${simulated.typeName}.${name}`],
      );
    });
    expect(missing).toEqual([]);
    expect(SIMULATED_TYPES.length).toBeGreaterThanOrEqual(12);
  });

  it("return plain values whose keys exist in the Admin schema", () => {
    const order = store.orders.find(
      (candidate) => candidate.fulfillmentStatus === "PARTIALLY_FULFILLED",
    );
    const product = store.products[0];
    const customer = store.customers[0];
    const collection = store.collections[0];
    const fulfillmentOrder = order?.fulfillmentOrders[0];
    if (!order || !product || !customer || !collection || !fulfillmentOrder)
      throw new Error("seed is missing sample records");
    const samples: Record<string, unknown> = {
      QueryRoot: {},
      Shop: store.shop,
      Location: store.locations[1],
      Order: order,
      LineItem: order.lineItems[0],
      ShippingLine: order.shippingLines[0],
      OrderTransaction: order.transactions[0],
      FulfillmentOrder: fulfillmentOrder,
      FulfillmentOrderLineItem: fulfillmentOrder.lineItems[0],
      Product: product,
      ProductVariant: store.variant(product.variantIds[0] ?? 0),
      Collection: collection,
      Customer: customer,
    };
    // The app's installation state (app-installation.ts), made the way the app makes it: the
    // definition first, as Shopify requires for a reserved namespace on a validation.
    const defined = metafieldDefinitionCreate(appDataOf(store), {
      definition: {
        name: "Config",
        namespace: "$app:delay-desk",
        key: "config",
        type: "json",
        ownerType: "VALIDATION",
      },
    });
    const created = validationCreate(appDataOf(store), {
      validation: {
        functionHandle: "checkout-pause",
        metafields: [{ namespace: "$app:delay-desk", key: "config", type: "json", value: "{}" }],
      },
    });
    Object.assign(samples, {
      AppInstallation: appDataOf(store).installation,
      Validation: created.validation,
      Metafield: created.validation
        ? appDataOf(store).metafieldsOf(`gid://shopify/Validation/${created.validation.id}`)[0]
        : undefined,
      ShopifyFunction: SIMULATED_FUNCTIONS[0],
      MetafieldDefinition: defined.createdDefinition,
      MetafieldDefinitionType: { __typename: "MetafieldDefinitionType", name: "json" },
      BulkOperation: {
        __typename: "BulkOperation",
        id: "gid://shopify/BulkOperation/1",
        number: 1,
        type: "QUERY",
        status: "COMPLETED",
        errorCode: null,
        query: "{ orders { nodes { id } } }",
        createdAt: 0,
        completedAt: 1000,
        objectCount: 1,
        rootObjectCount: 1,
        fileSize: 10,
        url: "http://127.0.0.1/bulk/x.jsonl",
        partialDataUrl: null,
        groupObjects: false,
      },
    });
    // Remedies (refund.ts, calculated-order.ts, mutations/discounts.ts), made the way the mutations make them.
    const paid = store.orders.find(
      (candidate) =>
        candidate.financialStatus === "PAID" &&
        candidate.fulfillmentStatus === "UNFULFILLED" &&
        candidate.cancelledAt === null,
    );
    const sale = paid?.transactions.find((transaction) => transaction.kind === "SALE");
    if (!paid || !sale) throw new Error("seed is missing a paid unfulfilled order");
    const refunded = refundsOf(store).create({
      orderId: paid.id,
      lines: [{ lineItemId: paid.lineItems[0]?.id ?? 0, quantity: 1, restockType: "CANCEL" }],
      shipping: { fullRefund: true, amountCents: null },
      transactions: [
        { amountCents: 100, gateway: sale.gateway, kind: "REFUND", parentId: sale.id },
      ],
    });
    if ("userErrors" in refunded) throw new Error(refunded.userErrors[0]?.message);
    const calculated = orderEditsOf(store).begin(paid.id);
    if ("userErrors" in calculated) throw new Error(calculated.userErrors[0]?.message);
    const addedLine = orderEditsOf(store).addVariant(
      calculated,
      product.variantIds[0] ?? 0,
      1,
      true,
    );
    if ("userErrors" in addedLine) throw new Error(addedLine.userErrors[0]?.message);
    const discountContext: SimulatorContext = { store, searchReports: [] };
    discountMutations.discountCodeBasicCreate?.(
      {},
      {
        basicCodeDiscount: {
          title: "Thanks",
          code: "THANKS",
          customerGets: { value: { percentage: 0.1 } },
        },
      },
      discountContext,
      info,
    );
    const discountNode = discountsOf(store);
    const holdable = store.orders
      .flatMap((candidate) => candidate.fulfillmentOrders)
      .find((fo) => fo.status === "OPEN");
    const held = holdable
      ? holdFulfillmentOrder(store, holdable.id, {
          reason: "OTHER",
          reasonNotes: "Refund pending",
          handle: "sample",
        })
      : undefined;
    if (!held || "userErrors" in held) throw new Error("seed has no fulfillment order to hold");
    const shippable = store.orders
      .flatMap((candidate) => candidate.fulfillmentOrders)
      .find((fo) => fo.status === "OPEN");
    const shipped = shippable
      ? createFulfillment(store, {
          lineItemsByFulfillmentOrder: [
            { fulfillmentOrderId: shippable.id, fulfillmentOrderLineItems: null },
          ],
          tracking: { company: "UPS", number: "1Z999", url: null },
          notifyCustomer: false,
        })
      : undefined;
    if (!shipped || "userErrors" in shipped)
      throw new Error("seed has no fulfillment order to ship");
    Object.assign(samples, {
      Fulfillment: shipped.fulfillment,
      FulfillmentLineItem: fulfillmentLineItemViews(shipped.fulfillment)[0],
      FulfillmentTrackingInfo: shipped.fulfillment.trackingInfo[0],
      FulfillmentHold: held.hold,
      Refund: refunded.refund,
      Job: refundsOf(store).newJob(),
      CalculatedOrder: calculated,
      CalculatedLineItem: { ...addedLine, existing: false },
      CalculatedShippingLine: calculated.shippingLines[0],
      OrderEditSession: { __typename: "OrderEditSession", id: calculated.id },
      DiscountCodeNode: discountNode.nodes[0],
      DiscountCodeBasic: discountNode.nodes[0]?.discount,
    });
    const context: SimulatorContext = { store, searchReports: [] };
    const problems: string[] = [];
    let checked = 0;
    for (const simulated of SIMULATED_TYPES) {
      // Mutations need real inputs; each area's tests call them (simulator/resolvers/mutations).
      if (simulated.typeName === "Mutation") continue;
      const sample = samples[simulated.typeName];
      expect(sample, simulated.typeName).toBeDefined();
      const fields = objectType(simulated.typeName).getFields();
      for (const [name, resolve] of Object.entries(simulated.fields)) {
        const field = fields[name];
        if (!field) continue;
        const args = Object.fromEntries(
          field.args.map((arg) => [
            arg.name,
            arg.name === "first"
              ? 3
              : arg.name === "id"
                ? "gid://shopify/Order/5500000001"
                : arg.name === "ids"
                  ? []
                  : (arg.defaultValue ?? null),
          ]),
        );
        const result = resolve(sample, args, context, info);
        const named = getNamedType(field.type);
        if (isObjectType(named))
          problems.push(...unknownKeys(result, named, `${simulated.typeName}.${name}`));
        checked += 1;
      }
    }
    expect(problems).toEqual([]);
    expect(checked).toBeGreaterThan(150);
  });
});
