// validationCreate / validationUpdate / validationDelete: activating the app's Cart and Checkout
// Validation Function in a shop, with its configuration metafields, answered with Shopify's
// ValidationUserError codes. A metafield in a reserved (`$app`) namespace needs a VALIDATION
// metafield definition first: "For security reasons, it's mandatory to create a metafield
// definition under a reserved namespace" (shopify.dev, Add configuration to your validation,
// https://shopify.dev/apps/checkout/validation/create-complex-validation-rules/add-configuration);
// without one the write is refused with ValidationUserErrorCode UNSTRUCTURED_RESERVED_NAMESPACE
// (admin 2026-10 schema: "Unstructured reserved namespace.").
import { z } from "zod";
import { toGid, parseGid } from "../../gid";
import type { SimulatorContext } from "../define";
import {
  appDataOf,
  findFunction,
  isReservedNamespace,
  MAX_ACTIVE_VALIDATIONS,
  resolveNamespace,
  type AppData,
  type ValidationRecord,
} from "../app-installation";
import { metafieldValueErrors, type MetafieldUserError } from "./metafields";

const metafieldInput = z.object({
  namespace: z.string().nullish(),
  key: z.string(),
  type: z.string().nullish(),
  value: z.string(),
});
const createArgs = z.object({
  validation: z.object({
    functionId: z.string().nullish(),
    functionHandle: z.string().nullish(),
    title: z.string().nullish(),
    enable: z.boolean().nullish(),
    blockOnFailure: z.boolean().nullish(),
    metafields: z.array(metafieldInput).nullish(),
  }),
});
const updateArgs = z.object({
  id: z.string(),
  validation: z.object({
    title: z.string().nullish(),
    enable: z.boolean().nullish(),
    blockOnFailure: z.boolean().nullish(),
    metafields: z.array(metafieldInput).nullish(),
  }),
});
const deleteArgs = z.object({ id: z.string() });

type UserError = Omit<MetafieldUserError, "elementIndex">;

type MetafieldInput = z.infer<typeof metafieldInput>;

// The message is the code's description in Shopify's schema; the live text was not found in
// Shopify's docs, so the app matches on the code.
export const UNSTRUCTURED_RESERVED_NAMESPACE_MESSAGE = "Unstructured reserved namespace.";

/** The inputs with their type taken from the definition when they name none (as metafieldsSet does). */
function withDefinitionTypes(
  data: AppData,
  metafields: MetafieldInput[] | null | undefined,
): MetafieldInput[] {
  return (metafields ?? []).map((input) => ({
    ...input,
    type: input.type ?? data.definition("VALIDATION", input.namespace, input.key)?.type ?? null,
  }));
}

function metafieldErrors(data: AppData, metafields: MetafieldInput[]): UserError[] {
  return metafields.flatMap((input, index) => {
    const path = ["validation", "metafields", String(index)];
    const errors: UserError[] = metafieldValueErrors(input, path).map(
      ({ field, message, code }) => ({ field, message, code }),
    );
    if (
      isReservedNamespace(resolveNamespace(input.namespace)) &&
      !data.definition("VALIDATION", input.namespace, input.key)
    ) {
      errors.push({
        field: [...path, "namespace"],
        message: UNSTRUCTURED_RESERVED_NAMESPACE_MESSAGE,
        code: "UNSTRUCTURED_RESERVED_NAMESPACE",
      });
    }
    return errors;
  });
}

function activeCount(data: AppData, except?: number): number {
  return data.validations.filter((v) => v.enabled && v.id !== except).length;
}

function writeMetafields(
  data: AppData,
  validation: ValidationRecord,
  metafields: MetafieldInput[],
): void {
  for (const input of metafields) {
    data.put({
      ...input,
      type: input.type ?? "json",
      ownerId: toGid("Validation", validation.id),
      ownerType: "VALIDATION",
    });
  }
}

export function validationCreate(data: AppData, rawArgs: Record<string, unknown>) {
  const { validation: input } = createArgs.parse(rawArgs);
  const metafields = withDefinitionTypes(data, input.metafields);
  const errors: UserError[] = [];
  if (!input.functionId && !input.functionHandle)
    errors.push({
      field: ["validation", "functionHandle"],
      message: "Either function_id or function_handle must be provided.",
      code: "MISSING_FUNCTION_IDENTIFIER",
    });
  if (input.functionId && input.functionHandle)
    errors.push({
      field: ["validation", "functionHandle"],
      message: "Only one of function_id or function_handle can be provided, not both.",
      code: "MULTIPLE_FUNCTION_IDENTIFIERS",
    });
  const fn =
    errors.length === 0
      ? findFunction({ id: input.functionId, handle: input.functionHandle })
      : undefined;
  if (errors.length === 0 && !fn)
    errors.push({
      field: ["validation", input.functionId ? "functionId" : "functionHandle"],
      message: "Extension not found.",
      code: "FUNCTION_NOT_FOUND",
    });
  if (fn && fn.apiType !== "cart_checkout_validation")
    errors.push({
      field: ["validation", "functionHandle"],
      message:
        "Unexpected Function API. The provided function must implement one of the following extension targets: [cart.validations.generate.run].",
      code: "FUNCTION_DOES_NOT_IMPLEMENT",
    });
  const enable = input.enable ?? false;
  if (enable && activeCount(data) >= MAX_ACTIVE_VALIDATIONS)
    errors.push({
      field: ["validation", "enable"],
      message: `Cannot have more than ${MAX_ACTIVE_VALIDATIONS} active validation functions.`,
      code: "MAX_VALIDATIONS_ACTIVATED",
    });
  errors.push(...metafieldErrors(data, metafields));
  if (errors.length > 0 || !fn) return { validation: null, userErrors: errors };
  const validation: ValidationRecord = {
    __typename: "Validation",
    id: data.newId(),
    functionId: fn.id,
    title: input.title ?? fn.title,
    enabled: enable,
    blockOnFailure: input.blockOnFailure ?? false,
  };
  data.validations.push(validation);
  writeMetafields(data, validation, metafields);
  return { validation, userErrors: [] };
}

function findValidation(data: AppData, id: string): ValidationRecord | undefined {
  const gid = parseGid(id);
  return gid && gid.type === "Validation" ? data.validation(gid.id) : undefined;
}

export function validationUpdate(data: AppData, rawArgs: Record<string, unknown>) {
  const { id, validation: input } = updateArgs.parse(rawArgs);
  const validation = findValidation(data, id);
  if (!validation)
    return {
      validation: null,
      userErrors: [{ field: ["id"], message: "Extension not found.", code: "NOT_FOUND" }],
    };
  const metafields = withDefinitionTypes(data, input.metafields);
  const errors: UserError[] = [];
  if (
    input.enable &&
    !validation.enabled &&
    activeCount(data, validation.id) >= MAX_ACTIVE_VALIDATIONS
  ) {
    errors.push({
      field: ["validation", "enable"],
      message: `Cannot have more than ${MAX_ACTIVE_VALIDATIONS} active validation functions.`,
      code: "MAX_VALIDATIONS_ACTIVATED",
    });
  }
  errors.push(...metafieldErrors(data, metafields));
  if (errors.length > 0) return { validation: null, userErrors: errors };
  if (input.title !== null && input.title !== undefined) validation.title = input.title;
  if (input.enable !== null && input.enable !== undefined) validation.enabled = input.enable;
  if (input.blockOnFailure !== null && input.blockOnFailure !== undefined)
    validation.blockOnFailure = input.blockOnFailure;
  writeMetafields(data, validation, metafields);
  return { validation, userErrors: [] };
}

export function validationDelete(data: AppData, rawArgs: Record<string, unknown>) {
  const { id } = deleteArgs.parse(rawArgs);
  const validation = findValidation(data, id);
  if (!validation)
    return {
      deletedId: null,
      userErrors: [{ field: ["id"], message: "Extension not found.", code: "NOT_FOUND" }],
    };
  data.validations.splice(data.validations.indexOf(validation), 1);
  return { deletedId: id, userErrors: [] };
}

export const validationMutationFields = {
  validationCreate: (_root: unknown, rawArgs: Record<string, unknown>, context: SimulatorContext) =>
    validationCreate(appDataOf(context.store), rawArgs),
  validationUpdate: (_root: unknown, rawArgs: Record<string, unknown>, context: SimulatorContext) =>
    validationUpdate(appDataOf(context.store), rawArgs),
  validationDelete: (_root: unknown, rawArgs: Record<string, unknown>, context: SimulatorContext) =>
    validationDelete(appDataOf(context.store), rawArgs),
};
