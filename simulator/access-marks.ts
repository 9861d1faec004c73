// Shopify's access marks, read from the committed Admin schema file itself (graphql/README.md):
// - `offline_scopes.items`: for each type and some fields, the scopes that grant it, any one of
//   them enough ("`read_orders` access scope, `read_marketplace_orders` access scope or …");
// - `requiredAccess` on types and fields: the same rule as text, which Shopify puts in its
//   ACCESS_DENIED message;
// - `isProtected` / `protectedSubject` / `protectedContent` on fields: protected customer data
//   (name, email, phone, address), shopify.dev/docs/apps/launch/protected-customer-data.
// A few mutations state their scope only in text (no `offline_scopes` entry); DESCRIBED_ACCESS
// below keeps those, each citing the text it comes from.
import { z } from "zod";
import { adminSchemaFile } from "./schema";

export type ProtectedContent = "name" | "email" | "phone" | "address";
export const PROTECTED_CONTENTS: readonly ProtectedContent[] = [
  "name",
  "email",
  "phone",
  "address",
];

export interface AccessRule {
  /** Any one of these grants access (write_x also grants read_x; see access-grant.ts). */
  anyOf: readonly string[];
  /** Shopify's own wording, used in the ACCESS_DENIED message. */
  requiredAccess: string;
}

export interface ProtectedField {
  subject: string;
  content: ProtectedContent;
}

export interface AccessMarks {
  types: ReadonlyMap<string, AccessRule>;
  /** Keyed "Type.field". */
  fields: ReadonlyMap<string, AccessRule>;
  protectedFields: ReadonlyMap<string, ProtectedField>;
}

const itemSchema = z.object({
  type: z.enum(["type", "field"]),
  typeName: z.string(),
  fieldName: z.string().optional(),
  requiredAccess: z.string().nullish(),
  offlineScopes: z.array(z.string()),
});
const offlineScopesSchema = z.object({ items: z.array(itemSchema) });

const protectedFieldSchema = z.object({
  name: z.string(),
  isProtected: z.boolean().nullish(),
  protectedSubject: z.string().nullish(),
  protectedContent: z.enum(["name", "email", "phone", "address"]).nullish(),
});
const typesSchema = z.array(
  z.object({ name: z.string(), fields: z.array(protectedFieldSchema).nullish() }),
);

function rule(anyOf: readonly string[], requiredAccess: string | null | undefined): AccessRule {
  // Shopify's text names every scope; fall back to listing them when a mark has no text.
  return {
    anyOf,
    requiredAccess:
      requiredAccess?.trim() ||
      anyOf.map((scope) => `\`${scope}\` access scope`).join(" or ") + ".",
  };
}

let cached: AccessMarks | undefined;

export function accessMarks(): AccessMarks {
  if (cached) return cached;
  const file = adminSchemaFile();
  const items = offlineScopesSchema.parse(file.offline_scopes).items;
  const types = new Map<string, AccessRule>();
  const fields = new Map<string, AccessRule>();
  for (const item of items) {
    if (item.offlineScopes.length === 0) continue;
    if (item.type === "type")
      types.set(item.typeName, rule(item.offlineScopes, item.requiredAccess));
    else if (item.fieldName)
      fields.set(
        `${item.typeName}.${item.fieldName}`,
        rule(item.offlineScopes, item.requiredAccess),
      );
  }
  const protectedFields = new Map<string, ProtectedField>();
  for (const type of typesSchema.parse(file.data.__schema.types)) {
    for (const field of type.fields ?? []) {
      if (field.isProtected && field.protectedContent)
        protectedFields.set(`${type.name}.${field.name}`, {
          subject: field.protectedSubject ?? "customer",
          content: field.protectedContent,
        });
    }
  }
  cached = { types, fields, protectedFields };
  return cached;
}

/** The resource a GID names ("gid://shopify/Order/1" -> "Order"). */
function gidType(value: unknown): string | undefined {
  return typeof value === "string" ? /^gid:\/\/shopify\/([A-Za-z]+)\//.exec(value)?.[1] : undefined;
}

// The write scope for each taggable / metafield-owning resource the app or tests touch.
const WRITE_SCOPE_BY_RESOURCE: Readonly<Record<string, string>> = {
  Order: "write_orders",
  DraftOrder: "write_draft_orders",
  Product: "write_products",
  ProductVariant: "write_products",
  Collection: "write_products",
  Customer: "write_customers",
  Validation: "write_validations",
};

// MetafieldOwnerType values -> the resource named in WRITE_SCOPE_BY_RESOURCE.
const OWNER_TYPE_RESOURCE: Readonly<Record<string, string>> = {
  ORDER: "Order",
  DRAFTORDER: "DraftOrder",
  PRODUCT: "Product",
  PRODUCTVARIANT: "ProductVariant",
  COLLECTION: "Collection",
  CUSTOMER: "Customer",
  VALIDATION: "Validation",
};

function writeRuleFor(resource: string | undefined, because: string): AccessRule | null {
  if (!resource) return null;
  const scope = WRITE_SCOPE_BY_RESOURCE[resource];
  // The app's own installation (app-data metafields) needs no scope; unknown owners are not guessed.
  if (!scope) return null;
  return { anyOf: [scope], requiredAccess: `\`${scope}\` access scope. (${because})` };
}

/**
 * Mutations whose scope the schema states only in text, not in `offline_scopes`. Each entry
 * quotes the schema's own words (Admin 2026-10, Mutation.<name>).
 */
export const DESCRIBED_ACCESS: Readonly<
  Record<string, { text: string; rules: (args: Record<string, unknown>) => AccessRule[] }>
> = {
  // requiredAccess: "`orders` access scope, `marketplace_orders` access scope or
  // `buyer_membership_orders` access scope." A mutation needs the write form of each.
  refundCreate: {
    text: "`orders` access scope, `marketplace_orders` access scope or `buyer_membership_orders` access scope.",
    rules: () => [
      {
        anyOf: ["write_orders", "write_marketplace_orders", "write_buyer_membership_orders"],
        requiredAccess:
          "`write_orders` access scope, `write_marketplace_orders` access scope or `write_buyer_membership_orders` access scope.",
      },
    ],
  },
  // description: "Adds tags to a resource." / "Removes tags from a resource." The scope is the
  // tagged resource's write scope (the id argument's type).
  tagsAdd: {
    text: "Adds tags to a resource.",
    rules: (args) => [writeRuleFor(gidType(args["id"]), "tags on the resource")].filter(isRule),
  },
  tagsRemove: {
    text: "Removes tags from a resource.",
    rules: (args) => [writeRuleFor(gidType(args["id"]), "tags on the resource")].filter(isRule),
  },
  // requiredAccess: "API client to have access to the namespace and the resource type associated
  // with the metafield definition." Read as: the owner type's write scope (ownerType VALIDATION ->
  // write_validations); `$app` namespaces belong to the app itself.
  metafieldDefinitionCreate: {
    text: "API client to have access to the namespace and the resource type associated with the metafield definition.",
    rules: (args) => {
      const definition = args["definition"];
      const ownerType =
        typeof definition === "object" &&
        definition !== null &&
        "ownerType" in definition &&
        typeof definition.ownerType === "string"
          ? definition.ownerType
          : undefined;
      return [
        writeRuleFor(
          ownerType ? OWNER_TYPE_RESOURCE[ownerType] : undefined,
          "metafield definition owner type",
        ),
      ].filter(isRule);
    },
  },
  // requiredAccess: "the same access level needed to mutate the owner resource."
  metafieldsSet: {
    text: "the same access level needed to mutate the owner resource.",
    rules: (args) => {
      const list = Array.isArray(args["metafields"]) ? args["metafields"] : [];
      return list
        .map((metafield: unknown) =>
          writeRuleFor(
            typeof metafield === "object" && metafield !== null && "ownerId" in metafield
              ? gidType(metafield.ownerId)
              : undefined,
            "metafield owner",
          ),
        )
        .filter(isRule);
    },
  },
};

function isRule(value: AccessRule | null): value is AccessRule {
  return value !== null;
}
