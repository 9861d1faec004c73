// The judge for userError codes: every `code` the simulator puts in a mutation's userErrors must be
// a value of that userError type's `code` enum in Shopify's own 2026-10 schema
// (/work/shared/shopify/admin-2026-10.schema.json, from @shopify/dev-mcp), not a string we chose.
//
// Two halves, so a new code cannot slip in unjudged:
// 1. Every error path is run through real GraphQL execution, selecting `code`; each code that comes
//    back is looked up in the schema enum of the payload field it came in (graphql-js also refuses
//    to serialize a value outside the enum, which would surface as an error here).
//    Every userErrors selection is widened to all the fields of its type (extraInfo, elementIndex,
//    …), so the shape is Shopify's too.
// 2. Every `code: "X"` literal in the simulator's source is found by scanning the files; each file
//    that emits userErrors is tied to the mutations it serves, and each literal must be in one of
//    those mutations' enums and must have been seen coming out of step 1. A file with a code literal
//    that is neither tied to mutations nor listed as "not a userError" fails the test.
import { readdirSync, readFileSync } from "node:fs";
import { join, relative } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getNamedType, isEnumType, isObjectType, type GraphQLEnumType } from "graphql";
import { z } from "zod";
import { prepareRequest, runRequest } from "./execute";
import { startSimulator, type RunningSimulator } from "./index";
import { adminSchema } from "./schema";
import type { ShopStore } from "./store/shop-store";

const SHOP = "oak-and-hide.myshopify.com";
const SIMULATOR_DIR = join(import.meta.dirname);

/** The payload fields of `mutation` that carry coded userErrors, with their code enums. */
function codeEnumsOf(mutation: string): Map<string, GraphQLEnumType> {
  const field = adminSchema().getMutationType()?.getFields()[mutation];
  if (!field) throw new Error(`No mutation ${mutation} in the Admin schema`);
  const payload = getNamedType(field.type);
  const enums = new Map<string, GraphQLEnumType>();
  if (!isObjectType(payload)) return enums;
  for (const [name, payloadField] of Object.entries(payload.getFields())) {
    const element = getNamedType(payloadField.type);
    if (!isObjectType(element)) continue;
    const fields = element.getFields();
    const code = fields.code ? getNamedType(fields.code.type) : undefined;
    if (fields.message && code && isEnumType(code)) enums.set(name, code);
  }
  return enums;
}

function enumValues(mutation: string): Set<string> {
  const values = new Set<string>();
  for (const codeEnum of codeEnumsOf(mutation).values())
    for (const value of codeEnum.getValues()) values.add(value.name);
  return values;
}

// Which mutations each userError-emitting file serves. metafields.ts's value checks are shared by
// metafieldsSet and validationCreate/validationUpdate, so its codes must fit one of those.
const FILES_TO_MUTATIONS: Record<string, string[]> = {
  "bulk/bulk-rules.ts": ["bulkOperationRunQuery"],
  "bulk/bulk-operations.ts": ["bulkOperationRunQuery"],
  "resolvers/mutations/validations.ts": [
    "validationCreate",
    "validationUpdate",
    "validationDelete",
  ],
  "resolvers/mutations/metafields.ts": ["metafieldsSet", "validationCreate", "validationUpdate"],
  "resolvers/mutations/discounts.ts": ["discountCodeBasicCreate"],
  "resolvers/mutations/orders.ts": ["orderCancel"],
  "resolvers/mutations/metafield-definitions.ts": ["metafieldDefinitionCreate"],
  "store/refunds.ts": ["orderCancel"],
  "store/order-edits.ts": ["orderEditAddShippingLine", "orderEditUpdateShippingLine"],
  "store/fulfillment-holds.ts": [
    "fulfillmentOrderHold",
    "fulfillmentOrderReleaseHold",
    "fulfillmentOrdersSetFulfillmentDeadline",
  ],
  "resolvers/mutations/fulfillment-orders.ts": ["fulfillmentOrderHold"],
};
// userErrors answered with `code: null` because no value of the payload's enum names the refusal
// (the type allows null). Each is our wording, listed in simulator/README.md "still our guess";
// any other null code fails the judge.
const NULL_CODE_ANSWERS = new Set([
  "fulfillmentOrderHold: The fulfillment order's status (CLOSED) does not allow a hold.",
  "fulfillmentOrderReleaseHold: The fulfillment order is not on hold.",
]);
// Files whose `code: "X"` literals are not userError codes: shipping-line codes (seed,
// order-mutations), top-level GraphQL error extensions (define, server, connection, access-check,
// idempotency, cost), judged by the tests that pin Shopify's answers (shopify-answers.test.ts).
const NOT_USER_ERROR_FILES = new Set([
  "seed.ts",
  "store/order-mutations.ts",
  "resolvers/define.ts",
  "server.ts",
  "connection.ts",
  "access-check.ts",
  "idempotency.ts",
  "cost.ts",
]);
// Emitted by code that the seeded simulator cannot reach: it deploys one Function, a cart and
// checkout validation, so no function can fail to implement the validation target.
const UNREACHABLE = new Set(["resolvers/mutations/validations.ts FUNCTION_DOES_NOT_IMPLEMENT"]);

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === "public" ? [] : sourceFiles(path);
    return entry.name.endsWith(".ts") && !entry.name.endsWith(".test.ts") ? [path] : [];
  });
}

function codeLiterals(): Map<string, Set<string>> {
  const byFile = new Map<string, Set<string>>();
  for (const path of sourceFiles(SIMULATOR_DIR)) {
    const found = [...readFileSync(path, "utf8").matchAll(/\bcode: "([A-Z][A-Z0-9_]*)"/g)];
    if (found.length === 0) continue;
    byFile.set(relative(SIMULATOR_DIR, path), new Set(found.map((match) => match[1] ?? "")));
  }
  return byFile;
}

const answerSchema = z.object({
  data: z.record(z.unknown()).nullable().optional(),
  errors: z.array(z.object({ message: z.string() })).optional(),
});
const userErrorsSchema = z.array(
  z.object({
    field: z.array(z.string()).nullable(),
    message: z.string(),
    code: z.string().nullable(),
  }),
);

let sim: RunningSimulator;
let store: ShopStore;
/** (mutation, code) pairs seen coming back from real execution. */
const seen: { mutation: string; code: string }[] = [];

/**
 * The query with each coded userErrors selection widened to every field of its userError type, so
 * a field Shopify's type has and the simulator does not fill fails here (NOT_SIMULATED), not in
 * the app.
 */
function selectingEveryField(mutation: string, query: string): string {
  let widened = query;
  for (const [field, codeEnum] of codeEnumsOf(mutation)) {
    const payload = getNamedType(adminSchema().getMutationType()?.getFields()[mutation]?.type);
    const element = isObjectType(payload) ? getNamedType(payload.getFields()[field]?.type) : null;
    if (!element || !isObjectType(element)) throw new Error(`${mutation}.${field}: ${codeEnum}`);
    const every = Object.keys(element.getFields()).sort().join(" ");
    widened = widened.replace(`${field} { field message code }`, `${field} { ${every} }`);
  }
  return widened;
}

async function run(mutation: string, query: string, variables: Record<string, unknown> = {}) {
  const prepared = prepareRequest(selectingEveryField(mutation, query));
  if ("errors" in prepared) throw new Error(JSON.stringify(prepared.errors));
  const answer = answerSchema.parse(
    JSON.parse(JSON.stringify(await runRequest(store, prepared, variables))),
  );
  expect(answer.errors ?? []).toEqual([]);
  const payload = z.record(z.unknown()).parse(answer.data?.[mutation]);
  const enums = codeEnumsOf(mutation);
  const codes: string[] = [];
  for (const [field, codeEnum] of enums) {
    for (const error of userErrorsSchema.parse(payload[field] ?? [])) {
      if (error.code === null) {
        expect(NULL_CODE_ANSWERS, `${mutation}: a null code`).toContain(
          `${mutation}: ${error.message}`,
        );
        codes.push("null");
        continue;
      }
      expect(
        codeEnum.getValues().map((value) => value.name),
        `${mutation}.${field} code ${error.code}`,
      ).toContain(error.code);
      seen.push({ mutation, code: error.code });
      codes.push(error.code);
    }
  }
  return { payload, codes };
}

beforeAll(async () => {
  sim = await startSimulator({
    port: 0,
    app: { apiKey: "key", apiSecret: "secret", appUrl: "https://delay-desk.test", scopes: "" },
    shops: [{ domain: SHOP, orders: 40, seed: 3, now: new Date("2026-12-10T15:00:00Z") }],
    // Slow pages keep the started bulk operations running while the concurrency limit is checked.
    bulk: { pageDelayMs: 2_000 },
  });
  const found = sim.stores.get(SHOP);
  if (!found) throw new Error("no store");
  store = found;
});
afterAll(async () => {
  await sim?.bulkOperationsIdle();
  await sim?.close();
});

const BULK = `mutation R($query: String!) { bulkOperationRunQuery(query: $query) { bulkOperation { id } userErrors { field message code } } }`;
const CANCEL_BULK = `mutation C($id: ID!) { bulkOperationCancel(id: $id) { userErrors { message } } }`;
const CANCEL = `mutation C($id: ID!, $refundMethod: OrderCancelRefundMethodInput) { orderCancel(orderId: $id, reason: CUSTOMER, restock: true, refundMethod: $refundMethod) { orderCancelUserErrors { field message code } } }`;
const BEGIN = `mutation B($id: ID!) { orderEditBegin(id: $id) { calculatedOrder { id } userErrors { message } } }`;
const ADD_SHIPPING = `mutation S($id: ID!, $title: String!) { orderEditAddShippingLine(id: $id, shippingLine: { title: $title, price: { amount: "1.00", currencyCode: USD } }) { userErrors { field message code } } }`;
const UPDATE_SHIPPING = `mutation U($id: ID!) { orderEditUpdateShippingLine(id: $id, shippingLineId: "gid://shopify/CalculatedShippingLine/999999", shippingLine: { title: "x" }) { userErrors { field message code } } }`;
const DISCOUNT = `mutation D($input: DiscountCodeBasicInput!) { discountCodeBasicCreate(basicCodeDiscount: $input) { userErrors { field message code } } }`;
const SET = `mutation M($metafields: [MetafieldsSetInput!]!) { metafieldsSet(metafields: $metafields) { userErrors { field message code } } }`;
const DEFINE = `mutation Def($definition: MetafieldDefinitionInput!) { metafieldDefinitionCreate(definition: $definition) { userErrors { field message code } } }`;
const VALIDATION_CREATE = `mutation V($validation: ValidationCreateInput!) { validationCreate(validation: $validation) { validation { id } userErrors { field message code } } }`;
const VALIDATION_UPDATE = `mutation V($id: ID!, $validation: ValidationUpdateInput!) { validationUpdate(id: $id, validation: $validation) { userErrors { field message code } } }`;
const FO_HOLD = `mutation H($id: ID!, $hold: FulfillmentOrderHoldInput!) { fulfillmentOrderHold(id: $id, fulfillmentHold: $hold) { fulfillmentHold { id } userErrors { field message code } } }`;
const FO_RELEASE = `mutation R($id: ID!) { fulfillmentOrderReleaseHold(id: $id) { fulfillmentOrder { id } userErrors { field message code } } }`;
const FO_DEADLINE = `mutation D($ids: [ID!]!) { fulfillmentOrdersSetFulfillmentDeadline(fulfillmentDeadline: "2027-01-15T00:00:00Z", fulfillmentOrderIds: $ids) { success userErrors { field message code } } }`;
const VALIDATION_DELETE = `mutation V($id: ID!) { validationDelete(id: $id) { userErrors { field message code } } }`;

describe("userError codes against the 2026-10 schema's enums", () => {
  it("bulkOperationRunQuery: INVALID for a bad query, LIMIT_REACHED past five running", async () => {
    expect(
      (await run("bulkOperationRunQuery", BULK, { query: "{ shop { name } }" })).codes,
    ).toEqual(["INVALID"]);
    const started: string[] = [];
    for (let i = 0; i < 5; i += 1) {
      const { payload, codes } = await run("bulkOperationRunQuery", BULK, {
        query: "{ orders { edges { node { id } } } }",
      });
      expect(codes).toEqual([]);
      started.push(z.object({ id: z.string() }).parse(payload.bulkOperation).id);
    }
    const sixth = await run("bulkOperationRunQuery", BULK, {
      query: "{ orders { edges { node { id } } } }",
    });
    expect(sixth.codes).toEqual(["LIMIT_REACHED"]);
    for (const id of started) await run("bulkOperationCancel", CANCEL_BULK, { id });
  });

  it("orderCancel: NOT_FOUND for an unknown order, INVALID for a cancelled one", async () => {
    expect((await run("orderCancel", CANCEL, { id: "gid://shopify/Product/1" })).codes).toEqual([
      "NOT_FOUND",
    ]);
    expect((await run("orderCancel", CANCEL, { id: "gid://shopify/Order/1" })).codes).toEqual([
      "NOT_FOUND",
    ]);
    const unfulfilled = store.orders.find(
      (order) =>
        order.cancelledAt === null &&
        order.financialStatus === "PAID" &&
        order.lineItems.every((item) => item.fulfilledQuantity === 0),
    );
    const fulfilled = store.orders.find(
      (order) =>
        order.cancelledAt === null && order.lineItems.some((item) => item.fulfilledQuantity > 0),
    );
    const pending = store.orders.find(
      (order) => order.cancelledAt === null && order.financialStatus === "PENDING",
    );
    if (!unfulfilled || !fulfilled) throw new Error("seed has no unfulfilled or fulfilled order");
    const id = `gid://shopify/Order/${unfulfilled.id}`;
    expect((await run("orderCancel", CANCEL, { id })).codes).toEqual([]);
    expect((await run("orderCancel", CANCEL, { id })).codes).toEqual(["INVALID"]);
    expect(
      (await run("orderCancel", CANCEL, { id: `gid://shopify/Order/${fulfilled.id}` })).codes,
    ).toEqual(["INVALID"]);
    if (pending)
      expect(
        (await run("orderCancel", CANCEL, { id: `gid://shopify/Order/${pending.id}` })).codes,
      ).toEqual(["INVALID"]);
  });

  it("order edit shipping lines: INVALID for a blank title, a foreign currency and an unknown line", async () => {
    const order = store.orders.find(
      (candidate) =>
        candidate.cancelledAt === null &&
        candidate.currencies.presentment === "USD" &&
        candidate.lineItems.every((item) => item.fulfilledQuantity === 0),
    );
    if (!order) throw new Error("seed has no open USD order");
    const begun = await run("orderEditBegin", BEGIN, { id: `gid://shopify/Order/${order.id}` });
    const calculated = z.object({ id: z.string() }).parse(begun.payload.calculatedOrder).id;
    expect(
      (await run("orderEditAddShippingLine", ADD_SHIPPING, { id: calculated, title: " " })).codes,
    ).toEqual(["INVALID"]);
    expect(
      (
        await run(
          "orderEditAddShippingLine",
          ADD_SHIPPING.replace("currencyCode: USD", "currencyCode: CAD"),
          { id: calculated, title: "Express" },
        )
      ).codes,
    ).toEqual(["INVALID"]);
    expect(
      (
        await run(
          "orderEditAddShippingLine",
          ADD_SHIPPING.replace('amount: "1.00"', 'amount: "-1.00"'),
          { id: calculated, title: "Express" },
        )
      ).codes,
    ).toEqual(["INVALID"]);
    expect(
      (await run("orderEditUpdateShippingLine", UPDATE_SHIPPING, { id: calculated })).codes,
    ).toEqual(["INVALID"]);
  });

  it("discountCodeBasicCreate: BLANK, TAKEN, END_DATE_BEFORE_START_DATE, VALUE_OUTSIDE_RANGE", async () => {
    const base = {
      title: "Sorry for the wait",
      code: "SORRY-JUDGE",
      startsAt: "2026-12-01T00:00:00Z",
      customerGets: { value: { percentage: 0.1 }, items: { all: true } },
    };
    expect(
      (
        await run("discountCodeBasicCreate", DISCOUNT, {
          input: { ...base, title: "", code: "", customerGets: { items: { all: true } } },
        })
      ).codes,
    ).toEqual(["BLANK", "BLANK", "BLANK"]);
    expect((await run("discountCodeBasicCreate", DISCOUNT, { input: base })).codes).toEqual([]);
    expect(
      (await run("discountCodeBasicCreate", DISCOUNT, { input: { ...base, code: "sorry-judge" } }))
        .codes,
    ).toEqual(["TAKEN"]);
    expect(
      (
        await run("discountCodeBasicCreate", DISCOUNT, {
          input: {
            ...base,
            code: "LATER",
            endsAt: "2026-11-01T00:00:00Z",
            customerGets: { value: { percentage: 2 }, items: { all: true } },
          },
        })
      ).codes,
    ).toEqual(["END_DATE_BEFORE_START_DATE", "VALUE_OUTSIDE_RANGE"]);
  });

  it("metafieldsSet: every value check answers a MetafieldsSetUserErrorCode", async () => {
    const installation = await runRequest(
      store,
      (() => {
        const prepared = prepareRequest("{ currentAppInstallation { id } }");
        if ("errors" in prepared) throw new Error("invalid");
        return prepared;
      })(),
    );
    const ownerId = z
      .object({ currentAppInstallation: z.object({ id: z.string() }) })
      .parse(installation.data).currentAppInstallation.id;
    const ok = { ownerId, namespace: "$app:delay-desk", key: "judge", type: "json", value: "{}" };
    const codes = async (metafield: Record<string, unknown>) =>
      (await run("metafieldsSet", SET, { metafields: [{ ...ok, ...metafield }] })).codes;
    expect(await codes({ key: "a b" })).toEqual(["INVALID"]);
    expect(await codes({ type: null })).toEqual(["BLANK"]);
    expect(await codes({ type: "colour" })).toEqual(["INVALID_TYPE"]);
    expect(await codes({ value: "{" })).toEqual(["INVALID_VALUE"]);
    expect(await codes({ type: "boolean", value: "yes" })).toEqual(["INVALID_VALUE"]);
    expect(await codes({ namespace: "a" })).toEqual(["TOO_SHORT"]);
    expect(await codes({ namespace: "n".repeat(256) })).toEqual(["TOO_LONG"]);
    expect(await codes({ ownerId: "gid://shopify/Product/1" })).toEqual(["INVALID"]);
    // Another app's reserved namespace (simulator/order-metafields.test.ts).
    expect(await codes({ namespace: "app--42--delay-desk" })).toEqual(["APP_NOT_AUTHORIZED"]);
    // A compareDigest that does not match (here: for a metafield not yet written).
    expect(await codes({ key: "judge-digest", compareDigest: "0".repeat(64) })).toEqual([
      "STALE_OBJECT",
    ]);
    const many = Array.from({ length: 26 }, (_, i) => ({ ...ok, key: `judge-${i}` }));
    expect((await run("metafieldsSet", SET, { metafields: many })).codes).toEqual([
      "LESS_THAN_OR_EQUAL_TO",
    ]);
  });

  it("metafieldDefinitionCreate: BLANK, TOO_SHORT, TOO_LONG, INVALID_CHARACTER, INCLUSION, TAKEN", async () => {
    const definition = {
      name: "Judge",
      namespace: "$app:judge",
      key: "judge",
      type: "json",
      ownerType: "VALIDATION",
    };
    const codes = async (change: Record<string, unknown>) =>
      (await run("metafieldDefinitionCreate", DEFINE, { definition: { ...definition, ...change } }))
        .codes;
    expect(await codes({ name: " ", key: "a" })).toEqual(["BLANK", "TOO_SHORT"]);
    expect(await codes({ key: "k".repeat(65) })).toEqual(["TOO_LONG"]);
    expect(await codes({ key: "a b", type: "colour" })).toEqual(["INVALID_CHARACTER", "INCLUSION"]);
    expect(await codes({})).toEqual([]);
    expect(await codes({})).toEqual(["TAKEN"]);
  });

  it("validationCreate/Update/Delete: each refusal answers a ValidationUserErrorCode", async () => {
    const codes = async (validation: Record<string, unknown>) =>
      (await run("validationCreate", VALIDATION_CREATE, { validation })).codes;
    expect(await codes({})).toEqual(["MISSING_FUNCTION_IDENTIFIER"]);
    expect(
      await codes({ functionHandle: "checkout-pause", functionId: "01JDELAYDESK0CHECKOUTPAUSE" }),
    ).toEqual(["MULTIPLE_FUNCTION_IDENTIFIERS"]);
    expect(await codes({ functionHandle: "no-such-function" })).toEqual(["FUNCTION_NOT_FOUND"]);
    expect(
      await codes({
        functionHandle: "checkout-pause",
        metafields: [{ namespace: "$app:unstructured", key: "switch", type: "json", value: "{}" }],
      }),
    ).toEqual(["UNSTRUCTURED_RESERVED_NAMESPACE"]);
    expect(
      await codes({
        functionHandle: "checkout-pause",
        metafields: [{ namespace: "custom", key: "switch", type: "json", value: "{" }],
      }),
    ).toEqual(["INVALID_VALUE"]);
    let last = "";
    for (let i = 0; i < 25; i += 1) {
      const created = await run("validationCreate", VALIDATION_CREATE, {
        validation: { functionHandle: "checkout-pause", enable: true },
      });
      expect(created.codes).toEqual([]);
      last = z.object({ id: z.string() }).parse(created.payload.validation).id;
    }
    expect(await codes({ functionHandle: "checkout-pause", enable: true })).toEqual([
      "MAX_VALIDATIONS_ACTIVATED",
    ]);
    const spare = await run("validationCreate", VALIDATION_CREATE, {
      validation: { functionHandle: "checkout-pause", enable: false },
    });
    const spareId = z.object({ id: z.string() }).parse(spare.payload.validation).id;
    expect(
      (
        await run("validationUpdate", VALIDATION_UPDATE, {
          id: spareId,
          validation: { enable: true },
        })
      ).codes,
    ).toEqual(["MAX_VALIDATIONS_ACTIVATED"]);
    const unknown = "gid://shopify/Validation/999999";
    expect(
      (await run("validationUpdate", VALIDATION_UPDATE, { id: unknown, validation: {} })).codes,
    ).toEqual(["NOT_FOUND"]);
    expect((await run("validationDelete", VALIDATION_DELETE, { id: unknown })).codes).toEqual([
      "NOT_FOUND",
    ]);
    expect((await run("validationDelete", VALIDATION_DELETE, { id: last })).codes).toEqual([]);
  });

  it("fulfillment holds and deadlines: each refusal answers its payload's code (or an allowed null)", async () => {
    const open = store.orders
      .flatMap((order) => order.fulfillmentOrders)
      .filter((fo) => fo.status === "OPEN");
    const closed = store.orders
      .flatMap((order) => order.fulfillmentOrders)
      .find((fo) => fo.status === "CLOSED");
    const [first, second] = open;
    if (!first || !second || !closed) throw new Error("seed has too few fulfillment orders");
    const id = `gid://shopify/FulfillmentOrder/${first.id}`;
    const hold = (fulfillmentOrderId: string, extra: Record<string, unknown> = {}) =>
      run("fulfillmentOrderHold", FO_HOLD, {
        id: fulfillmentOrderId,
        hold: { reason: "OTHER", ...extra },
      });
    expect((await hold("gid://shopify/FulfillmentOrder/1")).codes).toEqual([
      "FULFILLMENT_ORDER_NOT_FOUND",
    ]);
    expect((await hold(`gid://shopify/FulfillmentOrder/${closed.id}`)).codes).toEqual(["null"]);
    for (let i = 0; i < 10; i += 1) expect((await hold(id, { handle: `h${i}` })).codes).toEqual([]);
    expect((await hold(id, { handle: "h3" })).codes).toEqual(["DUPLICATE_FULFILLMENT_HOLD_HANDLE"]);
    expect((await hold(id, { handle: "h10" })).codes).toEqual([
      "FULFILLMENT_ORDER_HOLD_LIMIT_REACHED",
    ]);
    const lineId = `gid://shopify/FulfillmentOrderLineItem/${first.lineItems[0]?.id ?? 0}`;
    expect(
      (
        await hold(id, {
          handle: "split",
          fulfillmentOrderLineItems: [{ id: lineId, quantity: 1 }],
        })
      ).codes,
    ).toEqual(["FULFILLMENT_ORDER_NOT_SPLITTABLE"]);
    const release = (fulfillmentOrderId: string) =>
      run("fulfillmentOrderReleaseHold", FO_RELEASE, { id: fulfillmentOrderId });
    expect((await release("gid://shopify/FulfillmentOrder/1")).codes).toEqual([
      "FULFILLMENT_ORDER_NOT_FOUND",
    ]);
    expect((await release(id)).codes).toEqual([]);
    expect((await release(id)).codes).toEqual(["null"]);
    const deadline = (ids: string[]) =>
      run("fulfillmentOrdersSetFulfillmentDeadline", FO_DEADLINE, { ids });
    expect((await deadline([`gid://shopify/FulfillmentOrder/${second.id}`])).codes).toEqual([]);
    expect((await deadline(["gid://shopify/FulfillmentOrder/1"])).codes).toEqual([
      "FULFILLMENT_ORDERS_NOT_FOUND",
    ]);
  });

  // Runs last: it reads what the scenarios above saw.
  it("every code literal in the simulator's source is in its mutations' enums and was seen above", () => {
    const literals = codeLiterals();
    const unjudged = [...literals.keys()].filter(
      (file) => !(file in FILES_TO_MUTATIONS) && !NOT_USER_ERROR_FILES.has(file),
    );
    expect(unjudged, "files with code literals the judge does not know").toEqual([]);
    const problems: string[] = [];
    for (const [file, mutations] of Object.entries(FILES_TO_MUTATIONS)) {
      const allowed = new Set(mutations.flatMap((mutation) => [...enumValues(mutation)]));
      const seenHere = new Set(
        seen.filter((pair) => mutations.includes(pair.mutation)).map((pair) => pair.code),
      );
      for (const code of literals.get(file) ?? []) {
        if (!allowed.has(code)) problems.push(`${file}: ${code} is in none of ${mutations}`);
        if (!seenHere.has(code) && !UNREACHABLE.has(`${file} ${code}`))
          problems.push(`${file}: ${code} was never exercised`);
      }
    }
    expect(problems).toEqual([]);
  });
});
