// The app installation, metafieldsSet and validations through real GraphQL execution, in the
// shapes (and userErrors) the Admin API answers.
import { beforeEach, describe, expect, it } from "vitest";
import { prepareRequest, runRequest } from "../execute";
import { seedShop } from "../seed";
import type { ShopStore } from "../store/shop-store";

let store: ShopStore;

beforeEach(() => {
  store = seedShop({
    domain: "oak-and-hide.myshopify.com",
    orders: 5,
    now: new Date("2026-12-10T15:00:00Z"),
  });
});

async function run(
  query: string,
  variables?: Record<string, unknown>,
): Promise<{ data?: Record<string, unknown>; errors?: unknown[] }> {
  const prepared = prepareRequest(query);
  if ("errors" in prepared) throw new Error(JSON.stringify(prepared.errors));
  return JSON.parse(JSON.stringify(await runRequest(store, prepared, variables)));
}

const SET = `mutation Set($metafields: [MetafieldsSetInput!]!) {
  metafieldsSet(metafields: $metafields) { metafields { id namespace key type value jsonValue ownerType } userErrors { field message code elementIndex } }
}`;
const CREATE = `mutation Create($validation: ValidationCreateInput!) {
  validationCreate(validation: $validation) { validation { id title enabled blockOnFailure shopifyFunction { handle apiType } config: metafield(namespace: "$app:delay-desk", key: "checkout-pause") { namespace jsonValue } } userErrors { field message code } }
}`;
const UPDATE = `mutation Update($id: ID!, $validation: ValidationUpdateInput!) {
  validationUpdate(id: $id, validation: $validation) { validation { id enabled config: metafield(namespace: "$app:delay-desk", key: "checkout-pause") { value } } userErrors { field message code } }
}`;

const DEFINE = `mutation Define($definition: MetafieldDefinitionInput!) {
  metafieldDefinitionCreate(definition: $definition) { createdDefinition { id namespace key ownerType type { name } } userErrors { field message code } }
}`;
const PAUSE_DEFINITION = {
  name: "Checkout pause",
  namespace: "$app:delay-desk",
  key: "checkout-pause",
  type: "json",
  ownerType: "VALIDATION",
};

async function defineCheckoutPause(): Promise<void> {
  const result = await run(DEFINE, { definition: PAUSE_DEFINITION });
  expect((result.data?.metafieldDefinitionCreate as { userErrors: unknown[] }).userErrors).toEqual(
    [],
  );
}

async function installationId(): Promise<string> {
  const result = await run("query { currentAppInstallation { id } }");
  const id = (result.data?.currentAppInstallation as { id: string }).id;
  expect(id).toMatch(/^gid:\/\/shopify\/AppInstallation\/\d+$/);
  return id;
}

describe("metafieldsSet on the app installation", () => {
  it("writes an app-data metafield that currentAppInstallation then reads, and updates it in place", async () => {
    const ownerId = await installationId();
    const first = await run(SET, {
      metafields: [
        {
          ownerId,
          namespace: "delay_desk",
          key: "storefront_notice",
          type: "json",
          value: '{"mode":"paused"}',
        },
      ],
    });
    expect(first.data?.metafieldsSet).toMatchObject({
      userErrors: [],
      metafields: [
        {
          namespace: "delay_desk",
          key: "storefront_notice",
          jsonValue: { mode: "paused" },
          ownerType: "API_PERMISSION",
        },
      ],
    });
    const second = await run(SET, {
      metafields: [
        {
          ownerId,
          namespace: "delay_desk",
          key: "storefront_notice",
          type: "json",
          value: '{"mode":"normal"}',
        },
      ],
    });
    const ids = [first, second].map(
      (r) => (r.data?.metafieldsSet as { metafields: { id: string }[] }).metafields[0]?.id,
    );
    expect(ids[0]).toBe(ids[1]);
    const read = await run(
      'query { currentAppInstallation { metafield(namespace: "delay_desk", key: "storefront_notice") { value } } }',
    );
    expect(read.data).toEqual({
      currentAppInstallation: { metafield: { value: '{"mode":"normal"}' } },
    });
  });

  it("is atomic: one bad entry (bad JSON, unknown owner, no type) and nothing is written", async () => {
    const ownerId = await installationId();
    const result = await run(SET, {
      metafields: [
        { ownerId, namespace: "delay_desk", key: "ok", type: "json", value: "{}" },
        { ownerId, namespace: "delay_desk", key: "bad", type: "json", value: "{nope" },
        {
          ownerId: "gid://shopify/AppInstallation/999999",
          namespace: "delay_desk",
          key: "other",
          type: "json",
          value: "{}",
        },
        { ownerId, namespace: "delay_desk", key: "untyped", value: "x" },
      ],
    });
    const payload = result.data?.metafieldsSet as {
      metafields: unknown[];
      userErrors: { field: string[]; code: string; elementIndex: number }[];
    };
    expect(payload.metafields).toEqual([]);
    expect(payload.userErrors.map((e) => [e.field.join("."), e.code, e.elementIndex])).toEqual([
      ["metafields.1.value", "INVALID_VALUE", 1],
      ["metafields.2.ownerId", "INVALID", 2],
      ["metafields.3.type", "BLANK", 3],
    ]);
    const read = await run(
      'query { currentAppInstallation { metafield(namespace: "delay_desk", key: "ok") { value } } }',
    );
    expect(read.data).toEqual({ currentAppInstallation: { metafield: null } });
  });
});

describe("validations", () => {
  beforeEach(defineCheckoutPause);

  it("creates one for the app's function by handle, with its $app config metafield, and lists it", async () => {
    const result = await run(CREATE, {
      validation: {
        functionHandle: "checkout-pause",
        enable: true,
        blockOnFailure: true,
        metafields: [
          {
            namespace: "$app:delay-desk",
            key: "checkout-pause",
            type: "json",
            value: '{"paused":true}',
          },
        ],
      },
    });
    expect(result.data?.validationCreate).toMatchObject({
      userErrors: [],
      validation: {
        title: "Delay Desk checkout pause",
        enabled: true,
        blockOnFailure: true,
        shopifyFunction: { handle: "checkout-pause", apiType: "cart_checkout_validation" },
        config: { namespace: "app--1--delay-desk", jsonValue: { paused: true } },
      },
    });
    const list = await run(
      "query { validations(first: 5) { nodes { id enabled shopifyFunction { id handle } } } }",
    );
    expect((list.data?.validations as { nodes: unknown[] }).nodes).toHaveLength(1);
  });

  it("refuses an unknown function, or both identifiers, with Shopify's codes", async () => {
    const unknown = await run(CREATE, { validation: { functionHandle: "nope" } });
    expect(unknown.data?.validationCreate).toEqual({
      validation: null,
      userErrors: [
        {
          field: ["validation", "functionHandle"],
          message: "Extension not found.",
          code: "FUNCTION_NOT_FOUND",
        },
      ],
    });
    const both = await run(CREATE, {
      validation: { functionHandle: "checkout-pause", functionId: "x" },
    });
    expect(
      (both.data?.validationCreate as { userErrors: { code: string }[] }).userErrors[0]?.code,
    ).toBe("MULTIPLE_FUNCTION_IDENTIFIERS");
    const none = await run(CREATE, { validation: {} });
    expect(
      (none.data?.validationCreate as { userErrors: { code: string }[] }).userErrors[0]?.code,
    ).toBe("MISSING_FUNCTION_IDENTIFIER");
  });

  it("updates enable and config, and answers NOT_FOUND for an unknown id", async () => {
    const created = await run(CREATE, {
      validation: { functionHandle: "checkout-pause", enable: true },
    });
    const id = (created.data?.validationCreate as { validation: { id: string } }).validation.id;
    const updated = await run(UPDATE, {
      id,
      validation: {
        enable: false,
        metafields: [
          {
            namespace: "$app:delay-desk",
            key: "checkout-pause",
            type: "json",
            value: '{"paused":false}',
          },
        ],
      },
    });
    expect(updated.data?.validationUpdate).toEqual({
      validation: { id, enabled: false, config: { value: '{"paused":false}' } },
      userErrors: [],
    });
    const missing = await run(UPDATE, {
      id: "gid://shopify/Validation/424242",
      validation: { enable: true },
    });
    expect(missing.data?.validationUpdate).toEqual({
      validation: null,
      userErrors: [{ field: ["id"], message: "Extension not found.", code: "NOT_FOUND" }],
    });
  });

  it("keeps a bad config out: invalid JSON fails the whole create", async () => {
    const result = await run(CREATE, {
      validation: {
        functionHandle: "checkout-pause",
        metafields: [
          { namespace: "$app:delay-desk", key: "checkout-pause", type: "json", value: "{" },
        ],
      },
    });
    expect(result.data?.validationCreate).toMatchObject({
      validation: null,
      userErrors: [{ field: ["validation", "metafields", "0", "value"], code: "INVALID_VALUE" }],
    });
    const list = await run("query { validations(first: 5) { nodes { id } } }");
    expect(list.data).toEqual({ validations: { nodes: [] } });
  });
});

// shopify.dev, Add configuration to your validation
// (https://shopify.dev/apps/checkout/validation/create-complex-validation-rules/add-configuration):
// "For security reasons, it's mandatory to create a metafield definition under a reserved namespace."
// The admin 2026-10 schema's ValidationUserErrorCode has UNSTRUCTURED_RESERVED_NAMESPACE
// ("Unstructured reserved namespace."). Shopify's validation-settings template
// (Shopify/extensions-templates, validation-settings/src/ValidationSettings.liquid) looks the
// definition up with metafieldDefinitions(ownerType: VALIDATION, namespace: "$app:…", key:) and
// creates it with metafieldDefinitionCreate(ownerType: VALIDATION, type: json).
describe("validation metafields in a reserved namespace", () => {
  const config = [
    { namespace: "$app:delay-desk", key: "checkout-pause", type: "json", value: '{"paused":true}' },
  ];

  it("are refused without a VALIDATION definition, on create and on update, and nothing is written", async () => {
    const refused = await run(CREATE, {
      validation: { functionHandle: "checkout-pause", enable: true, metafields: config },
    });
    expect(refused.data?.validationCreate).toEqual({
      validation: null,
      userErrors: [
        {
          field: ["validation", "metafields", "0", "namespace"],
          message: "Unstructured reserved namespace.",
          code: "UNSTRUCTURED_RESERVED_NAMESPACE",
        },
      ],
    });
    expect((await run("query { validations(first: 5) { nodes { id } } }")).data).toEqual({
      validations: { nodes: [] },
    });

    // A validation without config can exist; config on it is refused the same way.
    const bare = await run(CREATE, { validation: { functionHandle: "checkout-pause" } });
    const id = (bare.data?.validationCreate as { validation: { id: string } }).validation.id;
    const update = await run(UPDATE, { id, validation: { enable: true, metafields: config } });
    expect(
      (update.data?.validationUpdate as { userErrors: { code: string }[] }).userErrors.map(
        (e) => e.code,
      ),
    ).toEqual(["UNSTRUCTURED_RESERVED_NAMESPACE"]);
    const read = await run(
      `query { validation(id: "${id}") { enabled config: metafield(namespace: "$app:delay-desk", key: "checkout-pause") { value } } }`,
    );
    expect(read.data).toEqual({ validation: { enabled: false, config: null } });
  });

  it("a definition for another owner type does not count; an unreserved namespace needs none", async () => {
    await run(DEFINE, { definition: { ...PAUSE_DEFINITION, ownerType: "PRODUCT" } });
    const refused = await run(CREATE, {
      validation: { functionHandle: "checkout-pause", metafields: config },
    });
    expect(
      (refused.data?.validationCreate as { userErrors: { code: string }[] }).userErrors.map(
        (e) => e.code,
      ),
    ).toEqual(["UNSTRUCTURED_RESERVED_NAMESPACE"]);
    const open = await run(CREATE, {
      validation: {
        functionHandle: "checkout-pause",
        metafields: [{ ...config[0], namespace: "delay_desk" }],
      },
    });
    expect((open.data?.validationCreate as { userErrors: unknown[] }).userErrors).toEqual([]);
  });

  it("are accepted once the definition exists, which is listed, found by identifier, and cannot be created twice", async () => {
    const first = await run(DEFINE, { definition: PAUSE_DEFINITION });
    expect(first.data?.metafieldDefinitionCreate).toMatchObject({
      createdDefinition: {
        namespace: "app--1--delay-desk",
        key: "checkout-pause",
        ownerType: "VALIDATION",
        type: { name: "json" },
      },
      userErrors: [],
    });
    const again = await run(DEFINE, { definition: PAUSE_DEFINITION });
    expect(again.data?.metafieldDefinitionCreate).toMatchObject({
      createdDefinition: null,
      userErrors: [{ field: ["definition", "key"], code: "TAKEN" }],
    });
    const listed = await run(
      `query { metafieldDefinitions(first: 1, ownerType: VALIDATION, namespace: "$app:delay-desk", key: "checkout-pause") { nodes { id } } }`,
    );
    const id = (first.data?.metafieldDefinitionCreate as { createdDefinition: { id: string } })
      .createdDefinition.id;
    expect(listed.data).toEqual({ metafieldDefinitions: { nodes: [{ id }] } });
    const byIdentifier = await run(
      `query { metafieldDefinition(identifier: { ownerType: VALIDATION, namespace: "$app:delay-desk", key: "checkout-pause" }) { id } }`,
    );
    expect(byIdentifier.data).toEqual({ metafieldDefinition: { id } });

    // With the definition, the type may be left out: it comes from the definition.
    const created = await run(CREATE, {
      validation: {
        functionHandle: "checkout-pause",
        enable: true,
        metafields: [
          { namespace: "$app:delay-desk", key: "checkout-pause", value: '{"paused":true}' },
        ],
      },
    });
    expect(created.data?.validationCreate).toMatchObject({
      validation: {
        enabled: true,
        config: { namespace: "app--1--delay-desk", jsonValue: { paused: true } },
      },
      userErrors: [],
    });
  });
});
