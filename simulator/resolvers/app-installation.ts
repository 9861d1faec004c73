// The app's own corner of a shop: its AppInstallation (owner of app-data metafields, which themes
// read as `app.metafields`), the Shopify Functions the app deploys, and the Validations that run
// them. State lives beside the seeded ShopStore (a WeakMap), so the catalogue and orders stay
// untouched and every test's store starts with a fresh installation.
import { createHash } from "node:crypto";
import { GraphQLError } from "graphql";
import { z } from "zod";
import { connectionArgsSchema, paginate } from "../connection";
import { parseGid, toGid } from "../gid";
import type { ShopStore } from "../store/shop-store";
import { defineType, hasTypename, type SimulatorContext } from "./define";
import { iso } from "./values";
import { declaredMetafieldDefinitions } from "../declared-definitions";

export interface ShopifyFunctionRecord {
  __typename: "ShopifyFunction";
  id: string;
  handle: string;
  title: string;
  description: string;
  apiType: string;
  apiVersion: string;
}

export type MetafieldOwnerType = "API_PERMISSION" | "VALIDATION" | "ORDER";

export interface MetafieldRecord {
  __typename: "Metafield";
  id: number;
  ownerId: string;
  ownerType: MetafieldOwnerType;
  namespace: string;
  key: string;
  type: string;
  value: string;
  createdAt: number;
  updatedAt: number;
}

export interface ValidationRecord {
  __typename: "Validation";
  id: number;
  functionId: string;
  title: string;
  enabled: boolean;
  blockOnFailure: boolean;
}

/** A metafield definition the app created (metafieldDefinitionCreate); namespace stored resolved. */
export interface MetafieldDefinitionRecord {
  __typename: "MetafieldDefinition";
  id: number;
  ownerType: string;
  namespace: string;
  key: string;
  name: string;
  description: string | null;
  type: string;
  /**
   * Who may read it through the Customer Account API: "read" only when the definition grants it
   * (access.customer_account); without that Shopify returns no value to customer account
   * extensions (https://shopify.dev/changelog/metafields-now-require-a-definition-to-be-accessed-through-the-customer-account-api).
   */
  customerAccountAccess: "read" | "read_write" | null;
}

export interface AppInstallationRecord {
  __typename: "AppInstallation";
  id: number;
}

// The simulated app's one deployable Function (extensions/checkout-pause). Shopify's function ids
// are opaque strings fixed at deploy time.
export const SIMULATED_FUNCTIONS: readonly ShopifyFunctionRecord[] = [
  {
    __typename: "ShopifyFunction",
    id: "01JDELAYDESK0CHECKOUTPAUSE",
    handle: "checkout-pause",
    title: "Delay Desk checkout pause",
    description: "Refuses new orders while the shop has paused sales in Delay Desk.",
    apiType: "cart_checkout_validation",
    apiVersion: "2026-10",
  },
];

// Shopify caps active validation functions per shop.
export const MAX_ACTIVE_VALIDATIONS = 25;

// `$app:` namespaces resolve to the app's reserved prefix, as on Shopify.
const SIMULATED_APP_ID = 1;
export function resolveNamespace(namespace: string | null | undefined): string {
  if (namespace === null || namespace === undefined || namespace === "$app")
    return `app--${SIMULATED_APP_ID}`;
  return namespace.startsWith("$app:")
    ? `app--${SIMULATED_APP_ID}--${namespace.slice(5)}`
    : namespace;
}

/** A namespace an app reserved (`app--<id>` or `app--<id>--<name>`), after resolving `$app`. */
export function isReservedNamespace(resolved: string): boolean {
  return /^app--\d+(--|$)/.test(resolved);
}

/** A namespace another app reserved: only the owning app may write it. */
export function isOtherAppsNamespace(resolved: string): boolean {
  const owner = /^app--(\d+)(--|$)/.exec(resolved)?.[1];
  return owner !== undefined && owner !== String(SIMULATED_APP_ID);
}

export class AppData {
  readonly installation: AppInstallationRecord;
  readonly validations: ValidationRecord[] = [];
  /** Functions of other apps in the shop, whose validations share the 25 active slots (tests add them). */
  readonly otherAppsFunctions: ShopifyFunctionRecord[] = [];
  readonly metafieldDefinitions: MetafieldDefinitionRecord[] = [];
  private readonly metafieldsByOwner = new Map<string, Map<string, MetafieldRecord>>();
  private nextId = 1;

  constructor(
    shopId: number,
    private readonly clock: () => number,
    /** Whether the shop has this order: orders are metafield owners too. */
    private readonly hasOrder: (id: number) => boolean = () => false,
  ) {
    this.installation = { __typename: "AppInstallation", id: shopId * 100 + 1 };
  }

  get installationGid(): string {
    return toGid("AppInstallation", this.installation.id);
  }

  newId(): number {
    return this.nextId++;
  }

  now(): number {
    return this.clock();
  }

  metafield(
    ownerId: string,
    namespace: string | null | undefined,
    key: string,
  ): MetafieldRecord | undefined {
    return this.metafieldsByOwner.get(ownerId)?.get(`${resolveNamespace(namespace)}\u0000${key}`);
  }

  /** The definition for an owner type, namespace (`$app` forms allowed) and key, if one exists. */
  definition(
    ownerType: string,
    namespace: string | null | undefined,
    key: string,
  ): MetafieldDefinitionRecord | undefined {
    const resolved = resolveNamespace(namespace);
    return this.metafieldDefinitions.find(
      (d) => d.ownerType === ownerType && d.namespace === resolved && d.key === key,
    );
  }

  metafieldsOf(ownerId: string): MetafieldRecord[] {
    return [...(this.metafieldsByOwner.get(ownerId)?.values() ?? [])].sort((a, b) => a.id - b.id);
  }

  /** Creates or updates one metafield; the caller has validated it. */
  put(input: {
    ownerId: string;
    ownerType: MetafieldOwnerType;
    namespace?: string | null;
    key: string;
    type: string;
    value: string;
  }): MetafieldRecord {
    const namespace = resolveNamespace(input.namespace);
    const owned = this.metafieldsByOwner.get(input.ownerId) ?? new Map<string, MetafieldRecord>();
    this.metafieldsByOwner.set(input.ownerId, owned);
    const mapKey = `${namespace}\u0000${input.key}`;
    const now = this.clock();
    const existing = owned.get(mapKey);
    if (existing) {
      existing.value = input.value;
      existing.type = input.type;
      existing.updatedAt = now;
      return existing;
    }
    const record: MetafieldRecord = {
      __typename: "Metafield",
      id: this.newId(),
      ownerId: input.ownerId,
      ownerType: input.ownerType,
      namespace,
      key: input.key,
      type: input.type,
      value: input.value,
      createdAt: now,
      updatedAt: now,
    };
    owned.set(mapKey, record);
    return record;
  }

  /** The owner type of a GID the app may write metafields on, or undefined. */
  ownerTypeOf(ownerId: string): MetafieldOwnerType | undefined {
    const gid = parseGid(ownerId);
    if (!gid) return undefined;
    if (gid.type === "AppInstallation" && gid.id === this.installation.id) return "API_PERMISSION";
    if (gid.type === "Validation" && this.validations.some((v) => v.id === gid.id))
      return "VALIDATION";
    if (gid.type === "Order" && this.hasOrder(gid.id)) return "ORDER";
    return undefined;
  }

  validation(id: number): ValidationRecord | undefined {
    return this.validations.find((v) => v.id === id);
  }
}

const appDataByStore = new WeakMap<ShopStore, AppData>();

/** The app's installation state in one simulated shop (created on first use). */
export function appDataOf(store: ShopStore): AppData {
  let data = appDataByStore.get(store);
  if (!data) {
    // Timestamps follow the store's fixed `now`, plus real elapsed time, so seeded tests stay stable.
    const started = Date.now();
    const base = store.options.now.getTime();
    data = new AppData(
      store.shop.id,
      () => base + (Date.now() - started),
      (id) => store.order(id) !== undefined,
    );
    // What `shopify app deploy` installed in every shop: the toml's declarative definitions.
    for (const declared of declaredMetafieldDefinitions(SIMULATED_APP_ID))
      data.metafieldDefinitions.push({
        __typename: "MetafieldDefinition",
        id: data.newId(),
        ...declared,
      });
    appDataByStore.set(store, data);
  }
  return data;
}

export function findFunction(idOrHandle: {
  id?: string | null;
  handle?: string | null;
}): ShopifyFunctionRecord | undefined {
  return SIMULATED_FUNCTIONS.find((fn) =>
    idOrHandle.id ? fn.id === idOrHandle.id : fn.handle === idOrHandle.handle,
  );
}

/**
 * Metafield.compareDigest, "the data stored in the resource, represented as a digest" (the
 * schema's HasCompareDigest): opaque to apps, changing whenever the stored value changes.
 */
export function metafieldDigest(metafield: Pick<MetafieldRecord, "type" | "value">): string {
  return createHash("sha256").update(`${metafield.type}\u0000${metafield.value}`).digest("hex");
}

/** The parsed value of a metafield, as `jsonValue` answers it. */
export function metafieldJsonValue(metafield: MetafieldRecord): unknown {
  switch (metafield.type) {
    case "json":
      return JSON.parse(metafield.value);
    case "boolean":
      return metafield.value === "true";
    case "number_integer":
    case "number_decimal":
      return Number(metafield.value);
    default:
      return metafield.value;
  }
}

// key is required by the schema; a null here only comes from direct resolver calls in tests.
const metafieldArgs = z.object({ namespace: z.string().nullish(), key: z.string().nullish() });
const metafieldsArgs = connectionArgsSchema.extend({
  namespace: z.string().nullish(),
  keys: z.array(z.string()).nullish(),
});
const idArgs = z.object({ id: z.string() });

export function ownerMetafield(
  ownerId: string,
  rawArgs: Record<string, unknown>,
  context: SimulatorContext,
) {
  const args = metafieldArgs.parse(rawArgs);
  return args.key
    ? (appDataOf(context.store).metafield(ownerId, args.namespace, args.key) ?? null)
    : null;
}

export function ownerMetafields(
  ownerId: string,
  rawArgs: Record<string, unknown>,
  context: SimulatorContext,
) {
  const args = metafieldsArgs.parse(rawArgs);
  let list = appDataOf(context.store).metafieldsOf(ownerId);
  if (args.namespace) list = list.filter((m) => m.namespace === resolveNamespace(args.namespace));
  if (args.keys) list = list.filter((m) => args.keys?.includes(`${m.namespace}.${m.key}`));
  if (args.reverse) list.reverse();
  return paginate(
    list,
    args,
    "metafields",
    (m) => ({ id: m.id, value: m.id }),
    args.reverse ? -1 : 1,
  );
}

export const appInstallationType = defineType(
  "AppInstallation",
  hasTypename<AppInstallationRecord>("AppInstallation"),
  {
    id: (installation) => toGid("AppInstallation", installation.id),
    metafield: (installation, args, context) =>
      ownerMetafield(toGid("AppInstallation", installation.id), args, context),
    metafields: (installation, args, context) =>
      ownerMetafields(toGid("AppInstallation", installation.id), args, context),
  },
);

export const metafieldType = defineType("Metafield", hasTypename<MetafieldRecord>("Metafield"), {
  id: (metafield) => toGid("Metafield", metafield.id),
  legacyResourceId: (metafield) => String(metafield.id),
  namespace: (metafield) => metafield.namespace,
  key: (metafield) => metafield.key,
  type: (metafield) => metafield.type,
  value: (metafield) => metafield.value,
  jsonValue: (metafield) => metafieldJsonValue(metafield),
  compareDigest: (metafield) => metafieldDigest(metafield),
  ownerType: (metafield) => metafield.ownerType,
  description: () => null,
  createdAt: (metafield) => iso(metafield.createdAt),
  updatedAt: (metafield) => iso(metafield.updatedAt),
});

export const validationType = defineType(
  "Validation",
  hasTypename<ValidationRecord>("Validation"),
  {
    id: (validation) => toGid("Validation", validation.id),
    title: (validation) => validation.title,
    enabled: (validation) => validation.enabled,
    blockOnFailure: (validation) => validation.blockOnFailure,
    shopifyFunction: (validation, _args, context) => {
      const fn =
        findFunction({ id: validation.functionId }) ??
        appDataOf(context.store).otherAppsFunctions.find(
          (other) => other.id === validation.functionId,
        );
      if (!fn)
        throw new GraphQLError(
          `Simulator store is inconsistent: no function ${validation.functionId}`,
        );
      return fn;
    },
    metafield: (validation, args, context) =>
      ownerMetafield(toGid("Validation", validation.id), args, context),
    metafields: (validation, args, context) =>
      ownerMetafields(toGid("Validation", validation.id), args, context),
  },
);

export const shopifyFunctionType = defineType(
  "ShopifyFunction",
  hasTypename<ShopifyFunctionRecord>("ShopifyFunction"),
  {
    id: (fn) => fn.id,
    handle: (fn) => fn.handle,
    title: (fn) => fn.title,
    description: (fn) => fn.description,
    apiType: (fn) => fn.apiType,
    apiVersion: (fn) => fn.apiVersion,
    useCreationUi: () => false,
    inputQuery: () => null,
  },
);

const functionsArgs = connectionArgsSchema.extend({
  apiType: z.string().nullish(),
  useCreationUi: z.boolean().nullish(),
});
const validationsArgs = connectionArgsSchema.extend({ sortKey: z.string().nullish() });

/** QueryRoot fields for the app's installation, functions and validations (merged in resolvers/index.ts). */
export const appInstallationQueryFields = {
  currentAppInstallation: (
    _root: unknown,
    _args: Record<string, unknown>,
    context: SimulatorContext,
  ) => appDataOf(context.store).installation,
  shopifyFunctions: (_root: unknown, rawArgs: Record<string, unknown>) => {
    const args = functionsArgs.parse(rawArgs);
    const list = SIMULATED_FUNCTIONS.filter(
      (fn) => !args.apiType || fn.apiType === args.apiType.toLowerCase(),
    );
    return paginate(
      args.reverse ? [...list].reverse() : list,
      args,
      "shopifyFunctions",
      (fn) => ({ id: 0, value: fn.id }),
      args.reverse ? -1 : 1,
    );
  },
  shopifyFunction: (_root: unknown, rawArgs: Record<string, unknown>) =>
    findFunction({ id: idArgs.parse(rawArgs).id }) ?? null,
  validations: (_root: unknown, rawArgs: Record<string, unknown>, context: SimulatorContext) => {
    const args = validationsArgs.parse(rawArgs);
    const list = [...appDataOf(context.store).validations];
    if (args.reverse) list.reverse();
    return paginate(
      list,
      args,
      "validations",
      (v) => ({ id: v.id, value: v.id }),
      args.reverse ? -1 : 1,
    );
  },
  validation: (_root: unknown, rawArgs: Record<string, unknown>, context: SimulatorContext) => {
    const gid = parseGid(idArgs.parse(rawArgs).id);
    return gid && gid.type === "Validation"
      ? (appDataOf(context.store).validation(gid.id) ?? null)
      : null;
  },
};

export const APP_INSTALLATION_TYPES = [
  appInstallationType,
  metafieldType,
  validationType,
  shopifyFunctionType,
];
