// The Admin API calls behind a storefront mode change: where to write (the app installation, the
// shop's zone, our validation if it exists), the notice metafield, and the checkout pause's
// Validation. Every operation is here, once; userErrors always become an error the page shows.
import { z } from "zod";
import { CHECKOUT_PAUSE_FUNCTION_HANDLE, PAUSE_CONFIG_METAFIELD, type CheckoutPauseConfig } from "../../extensions/checkout-pause/src/pause-rule";
import { adminQuery, type AdminGraphql } from "../admin-api/graphql.server";
import { noticeMetafieldInput, type StorefrontNotice } from "./notice-metafield";

// A shop may run up to 25 validations from all its apps; ours is found by its function's handle.
export const STOREFRONT_SETUP_QUERY = `#graphql
  query StorefrontSetup {
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
  }
`;

export const SET_STOREFRONT_NOTICE_MUTATION = `#graphql
  mutation SetStorefrontNotice($metafields: [MetafieldsSetInput!]!) {
    metafieldsSet(metafields: $metafields) {
      metafields {
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
  validations: z.object({ nodes: z.array(z.object({ id: z.string(), enabled: z.boolean(), shopifyFunction: z.object({ handle: z.string() }) })) }),
});

const userErrorsSchema = z.array(z.object({ field: z.array(z.string()).nullable(), message: z.string(), code: z.string().nullable() }));
const setSchema = z.object({ metafieldsSet: z.object({ userErrors: userErrorsSchema }).nullable() });
const createSchema = z.object({ validationCreate: z.object({ validation: z.object({ id: z.string() }).nullable(), userErrors: userErrorsSchema }).nullable() });
const updateSchema = z.object({ validationUpdate: z.object({ validation: z.object({ id: z.string() }).nullable(), userErrors: userErrorsSchema }).nullable() });

/** Shopify refused a write (userErrors); the message is safe to show the merchant. */
export class StorefrontWriteError extends Error {
  override name = "StorefrontWriteError";
}

function check(operation: string, payload: { userErrors: z.infer<typeof userErrorsSchema> } | null): void {
  if (!payload) throw new StorefrontWriteError(`${operation}: Shopify returned no result.`);
  if (payload.userErrors.length > 0) {
    throw new StorefrontWriteError(`${operation}: ${payload.userErrors.map((e) => (e.field ? `${e.field.join(".")}: ${e.message}` : e.message)).join("; ")}`);
  }
}

export interface StorefrontSetup {
  timeZone: string;
  installationId: string;
  /** Our checkout pause validation, if the app has created one in this shop. */
  checkoutPause: { id: string; enabled: boolean } | null;
}

export async function loadStorefrontSetup(admin: AdminGraphql): Promise<StorefrontSetup> {
  const data = await adminQuery(admin, STOREFRONT_SETUP_QUERY, setupSchema);
  const ours = data.validations.nodes.find((v) => v.shopifyFunction.handle === CHECKOUT_PAUSE_FUNCTION_HANDLE);
  return { timeZone: data.shop.ianaTimezone, installationId: data.currentAppInstallation.id, checkoutPause: ours ? { id: ours.id, enabled: ours.enabled } : null };
}

export async function writeStorefrontNotice(admin: AdminGraphql, installationId: string, notice: StorefrontNotice): Promise<void> {
  const data = await adminQuery(admin, SET_STOREFRONT_NOTICE_MUTATION, setSchema, { metafields: [noticeMetafieldInput(installationId, notice)] });
  check("Saving the storefront notice", data.metafieldsSet);
}

/**
 * Puts the checkout pause in the given state. The validation is enabled only while paused: a
 * disabled validation does not run at all, so outside a pause checkout is exactly as it was
 * before the app was installed. Returns the validation's id.
 */
export async function configureCheckoutPause(admin: AdminGraphql, existing: StorefrontSetup["checkoutPause"], config: CheckoutPauseConfig): Promise<string | null> {
  const metafields = [{ namespace: PAUSE_CONFIG_METAFIELD.namespace, key: PAUSE_CONFIG_METAFIELD.key, type: PAUSE_CONFIG_METAFIELD.type, value: JSON.stringify(config) }];
  if (existing) {
    const data = await adminQuery(admin, UPDATE_CHECKOUT_PAUSE_MUTATION, updateSchema, { id: existing.id, validation: { enable: config.paused, metafields } });
    check("Updating the checkout pause", data.validationUpdate);
    return existing.id;
  }
  // Nothing to undo when not paused and never set up.
  if (!config.paused) return null;
  const data = await adminQuery(admin, CREATE_CHECKOUT_PAUSE_MUTATION, createSchema, {
    // blockOnFailure false: if the Function itself ever fails, buyers can still check out; a bug
    // of ours must not close a shop that did not ask to be closed.
    validation: { functionHandle: CHECKOUT_PAUSE_FUNCTION_HANDLE, title: "Delay Desk: pause new orders", enable: true, blockOnFailure: false, metafields },
  });
  check("Turning on the checkout pause", data.validationCreate);
  return data.validationCreate?.validation?.id ?? null;
}
