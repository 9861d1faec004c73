// The Admin API calls behind a storefront mode change: where to write (the app installation, the
// shop's zone, our validation and its config definition if they exist), the notice metafield, the
// checkout pause's metafield definition and its Validation. Every operation is here, once;
// userErrors always become an error the page shows.
import { z } from "zod";
import {
  CHECKOUT_PAUSE_FUNCTION_HANDLE,
  PAUSE_CONFIG_METAFIELD,
  type CheckoutPauseConfig,
} from "../../extensions/checkout-pause/src/pause-rule";
import { adminQuery, type AdminGraphql } from "../admin-api/graphql.server";
import {
  METAFIELDS_SET_MUTATION,
  metafieldsSetData,
  metafieldsSetRefusal,
} from "../admin-api/metafields-set";
import { noticeMetafieldInput, type StorefrontNotice } from "../../contracts/notice-metafield";
import { checkoutHoldNeeded } from "./storefront-mode";

// A shop may run up to 25 validations from all its apps; ours is found by its function's handle.
// The pause switch's metafield definition is looked up the way Shopify's validation-settings
// template does (Shopify/extensions-templates, validation-settings/src/ValidationSettings.liquid).
export const STOREFRONT_SETUP_QUERY = `#graphql
  query StorefrontSetup($pauseNamespace: String!, $pauseKey: String!) {
    shop {
      ianaTimezone
    }
    currentAppInstallation {
      id
    }
    validations(first: 25) {
      nodes {
        id
        enabled
        shopifyFunction {
          handle
        }
      }
    }
    checkoutPauseDefinition: metafieldDefinitions(first: 1, ownerType: VALIDATION, namespace: $pauseNamespace, key: $pauseKey) {
      nodes {
        id
      }
    }
  }
`;

// Shopify refuses a `$app` metafield on a Validation that has no definition ("For security reasons,
// it's mandatory to create a metafield definition under a reserved namespace", shopify.dev, Add
// configuration to your validation; validationCreate answers UNSTRUCTURED_RESERVED_NAMESPACE). No
// access settings: the app alone reads and writes the switch, the default for a reserved namespace.
export const CREATE_CHECKOUT_PAUSE_DEFINITION_MUTATION = `#graphql
  mutation CreateCheckoutPauseDefinition($definition: MetafieldDefinitionInput!) {
    metafieldDefinitionCreate(definition: $definition) {
      createdDefinition {
        id
      }
      userErrors {
        field
        message
        code
      }
    }
  }
`;

export const CREATE_CHECKOUT_PAUSE_MUTATION = `#graphql
  mutation CreateCheckoutPause($validation: ValidationCreateInput!) {
    validationCreate(validation: $validation) {
      validation {
        id
      }
      userErrors {
        field
        message
        code
      }
    }
  }
`;

export const UPDATE_CHECKOUT_PAUSE_MUTATION = `#graphql
  mutation UpdateCheckoutPause($id: ID!, $validation: ValidationUpdateInput!) {
    validationUpdate(id: $id, validation: $validation) {
      validation {
        id
      }
      userErrors {
        field
        message
        code
      }
    }
  }
`;

const setupSchema = z.object({
  shop: z.object({ ianaTimezone: z.string() }),
  currentAppInstallation: z.object({ id: z.string() }),
  validations: z.object({
    nodes: z.array(
      z.object({
        id: z.string(),
        enabled: z.boolean(),
        shopifyFunction: z.object({ handle: z.string() }),
      }),
    ),
  }),
  checkoutPauseDefinition: z.object({ nodes: z.array(z.object({ id: z.string() })) }),
});

const userErrorsSchema = z.array(
  z.object({
    field: z.array(z.string()).nullable(),
    message: z.string(),
    code: z.string().nullable(),
  }),
);
const createSchema = z.object({
  validationCreate: z
    .object({ validation: z.object({ id: z.string() }).nullable(), userErrors: userErrorsSchema })
    .nullable(),
});
const defineSchema = z.object({
  metafieldDefinitionCreate: z
    .object({
      createdDefinition: z.object({ id: z.string() }).nullable(),
      userErrors: userErrorsSchema,
    })
    .nullable(),
});
const updateSchema = z.object({
  validationUpdate: z
    .object({ validation: z.object({ id: z.string() }).nullable(), userErrors: userErrorsSchema })
    .nullable(),
});

/** Shopify refused a write (userErrors); the message is safe to show the merchant. */
export class StorefrontWriteError extends Error {
  override name = "StorefrontWriteError";
}

function check(
  operation: string,
  payload: { userErrors: z.infer<typeof userErrorsSchema> } | null,
): void {
  if (!payload) throw new StorefrontWriteError(`${operation}: Shopify returned no result.`);
  if (payload.userErrors.length > 0) {
    throw new StorefrontWriteError(
      `${operation}: ${payload.userErrors.map((e) => (e.field ? `${e.field.join(".")}: ${e.message}` : e.message)).join("; ")}`,
    );
  }
}

export interface StorefrontSetup {
  timeZone: string;
  installationId: string;
  /** Our checkout pause validation, if the app has created one in this shop. */
  checkoutPause: { id: string; enabled: boolean } | null;
  /** Whether the pause switch's metafield definition (ownerType VALIDATION) exists in this shop. */
  checkoutPauseDefined: boolean;
}

export async function loadStorefrontSetup(admin: AdminGraphql): Promise<StorefrontSetup> {
  const data = await adminQuery(admin, STOREFRONT_SETUP_QUERY, setupSchema, {
    pauseNamespace: PAUSE_CONFIG_METAFIELD.namespace,
    pauseKey: PAUSE_CONFIG_METAFIELD.key,
  });
  const ours = data.validations.nodes.find(
    (v) => v.shopifyFunction.handle === CHECKOUT_PAUSE_FUNCTION_HANDLE,
  );
  return {
    timeZone: data.shop.ianaTimezone,
    installationId: data.currentAppInstallation.id,
    checkoutPause: ours ? { id: ours.id, enabled: ours.enabled } : null,
    checkoutPauseDefined: data.checkoutPauseDefinition.nodes.length > 0,
  };
}

/**
 * Creates the pause switch's metafield definition. Idempotent: another request that created it
 * first (two tabs, the scheduler) answers TAKEN, which means it exists, as wanted.
 */
export async function defineCheckoutPauseConfig(admin: AdminGraphql): Promise<void> {
  const data = await adminQuery(admin, CREATE_CHECKOUT_PAUSE_DEFINITION_MUTATION, defineSchema, {
    definition: {
      name: "Delay Desk checkout pause",
      description:
        "Whether Delay Desk's checkout validation refuses new orders, until when, and what buyers are told.",
      namespace: PAUSE_CONFIG_METAFIELD.namespace,
      key: PAUSE_CONFIG_METAFIELD.key,
      type: PAUSE_CONFIG_METAFIELD.type,
      ownerType: "VALIDATION",
    },
  });
  const payload = data.metafieldDefinitionCreate;
  if (
    payload &&
    payload.userErrors.length > 0 &&
    payload.userErrors.every((e) => e.code === "TAKEN")
  )
    return;
  check("Setting up the checkout pause", payload);
}

export async function writeStorefrontNotice(
  admin: AdminGraphql,
  installationId: string,
  notice: StorefrontNotice,
): Promise<void> {
  const data = await adminQuery(admin, METAFIELDS_SET_MUTATION, metafieldsSetData, {
    metafields: [noticeMetafieldInput(installationId, notice)],
  });
  const refused = metafieldsSetRefusal(data);
  if (refused) throw new StorefrontWriteError(`Saving the storefront notice: ${refused}`);
}

/**
 * Puts the checkout pause in the given state. The validation is enabled only while the shop, or
 * one of its products or collections, is paused: a disabled validation does not run at all, so
 * otherwise checkout is exactly as it was before the app was installed. The switch's metafield definition is created before the first
 * write that needs it. Returns the validation's id.
 */
export async function configureCheckoutPause(
  admin: AdminGraphql,
  setup: Pick<StorefrontSetup, "checkoutPause" | "checkoutPauseDefined">,
  config: CheckoutPauseConfig,
): Promise<string | null> {
  const existing = setup.checkoutPause;
  const hold = checkoutHoldNeeded(config);
  // Nothing to undo when nothing is held and it was never set up.
  if (!existing && !hold) return null;
  if (!setup.checkoutPauseDefined) await defineCheckoutPauseConfig(admin);
  const metafields = [
    {
      namespace: PAUSE_CONFIG_METAFIELD.namespace,
      key: PAUSE_CONFIG_METAFIELD.key,
      type: PAUSE_CONFIG_METAFIELD.type,
      value: JSON.stringify(config),
    },
  ];
  if (existing) {
    const data = await adminQuery(admin, UPDATE_CHECKOUT_PAUSE_MUTATION, updateSchema, {
      id: existing.id,
      validation: { enable: hold, metafields },
    });
    check("Updating the checkout pause", data.validationUpdate);
    return existing.id;
  }
  const data = await adminQuery(admin, CREATE_CHECKOUT_PAUSE_MUTATION, createSchema, {
    // blockOnFailure false: if the Function itself ever fails, buyers can still check out; a bug
    // of ours must not close a shop that did not ask to be closed.
    validation: {
      functionHandle: CHECKOUT_PAUSE_FUNCTION_HANDLE,
      title: "Delay Desk: pause new orders",
      enable: true,
      blockOnFailure: false,
      metafields,
    },
  });
  check("Turning on the checkout pause", data.validationCreate);
  return data.validationCreate?.validation?.id ?? null;
}
