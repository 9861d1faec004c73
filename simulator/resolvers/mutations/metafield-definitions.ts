// metafieldDefinitionCreate: the schema an app gives a metafield before writing it. It matters here
// for Validation owners: Shopify's validation tutorial says "For security reasons, it's mandatory to
// create a metafield definition under a reserved namespace" (shopify.dev, Add configuration to your
// validation), and validationCreate / validationUpdate refuse a reserved-namespace metafield without
// one (ValidationUserErrorCode UNSTRUCTURED_RESERVED_NAMESPACE; see validations.ts). Shopify's own
// validation-settings template (Shopify/extensions-templates, validation-settings/src/
// ValidationSettings.liquid) looks the definition up and creates it with ownerType VALIDATION.
import { z } from "zod";
import type { SimulatorContext } from "../define";
import {
  appDataOf,
  resolveNamespace,
  type AppData,
  type MetafieldDefinitionRecord,
} from "../app-installation";
import { KNOWN_TYPES } from "./metafields";

const createArgs = z.object({
  definition: z.object({
    name: z.string(),
    namespace: z.string().nullish(),
    key: z.string(),
    type: z.string(),
    ownerType: z.string(),
    description: z.string().nullish(),
  }),
});

interface DefinitionUserError {
  field: string[];
  message: string;
  code: string;
}

export function metafieldDefinitionCreate(data: AppData, rawArgs: Record<string, unknown>) {
  const { definition: input } = createArgs.parse(rawArgs);
  const errors: DefinitionUserError[] = [];
  if (input.name.trim() === "")
    errors.push({ field: ["definition", "name"], message: "Name can't be blank", code: "BLANK" });
  // MetafieldDefinitionInput.key: "Must be 2-64 characters long and only contain alphanumeric, hyphen, and underscore characters."
  if (input.key.length < 2)
    errors.push({
      field: ["definition", "key"],
      message: "Key is too short (minimum is 2 characters)",
      code: "TOO_SHORT",
    });
  else if (input.key.length > 64)
    errors.push({
      field: ["definition", "key"],
      message: "Key is too long (maximum is 64 characters)",
      code: "TOO_LONG",
    });
  else if (!/^[a-zA-Z0-9_-]+$/.test(input.key))
    errors.push({
      field: ["definition", "key"],
      message: "Key contains one or more invalid characters.",
      code: "INVALID_CHARACTER",
    });
  if (!KNOWN_TYPES.has(input.type))
    errors.push({
      field: ["definition", "type"],
      message: "Type is not included in the list",
      code: "INCLUSION",
    });
  // TAKEN is Shopify's code for a second definition of the same owner type, namespace and key; the
  // message text is ours (not found in Shopify's docs), so callers should match on the code.
  if (data.definition(input.ownerType, input.namespace, input.key)) {
    errors.push({
      field: ["definition", "key"],
      message: "Key is in use for metafields of this owner type on this namespace.",
      code: "TAKEN",
    });
  }
  // MetafieldDefinitionCreateUserError also has elementIndex/elementKey ("the failing validation
  // element"); the simulator takes no validations, so they are always null.
  if (errors.length > 0)
    return {
      createdDefinition: null,
      userErrors: errors.map((error) => ({ ...error, elementIndex: null, elementKey: null })),
    };
  const record: MetafieldDefinitionRecord = {
    __typename: "MetafieldDefinition",
    id: data.newId(),
    ownerType: input.ownerType,
    namespace: resolveNamespace(input.namespace),
    key: input.key,
    name: input.name,
    description: input.description ?? null,
    type: input.type,
    // The app's definitions created through the API here take no access input.
    customerAccountAccess: null,
  };
  data.metafieldDefinitions.push(record);
  return { createdDefinition: record, userErrors: [] };
}

export const metafieldDefinitionMutationFields = {
  metafieldDefinitionCreate: (
    _root: unknown,
    rawArgs: Record<string, unknown>,
    context: SimulatorContext,
  ) => metafieldDefinitionCreate(appDataOf(context.store), rawArgs),
};
