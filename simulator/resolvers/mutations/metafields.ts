// metafieldsSet, for the owners the simulated app can write: its AppInstallation (app-data
// metafields the theme reads) and its Validations (Function configuration). Like Shopify, the
// whole call is atomic: one bad entry and nothing is written; userErrors carry the entry's index.
import { z } from "zod";
import type { SimulatorContext } from "../define";
import {
  appDataOf,
  metafieldDigest,
  isOtherAppsNamespace,
  resolveNamespace,
  type AppData,
  type MetafieldOwnerType,
} from "../app-installation";

export const MAX_METAFIELDS_PER_SET = 25;

// The types a metafield without a definition may take here (Shopify has more; these are the ones
// an app like ours writes). Unknown types answer INVALID_TYPE as Shopify does.
export const KNOWN_TYPES = new Set([
  "json",
  "boolean",
  "number_integer",
  "number_decimal",
  "single_line_text_field",
  "multi_line_text_field",
  "date",
  "date_time",
  "url",
]);

export interface MetafieldUserError {
  field: string[];
  message: string;
  code: string;
  elementIndex?: number;
}

const metafieldInput = z.object({
  ownerId: z.string().optional(),
  namespace: z.string().nullish(),
  key: z.string(),
  type: z.string().nullish(),
  value: z.string(),
  // Absent: no write guarantee; null: the metafield must not exist yet; a string: the digest the
  // persisted value must still have (compare-and-set, from 2024-07).
  compareDigest: z.string().nullable().optional(),
});
export type MetafieldValueInput = z.infer<typeof metafieldInput>;

/** Shopify's checks on one metafield value; `path` prefixes the field path of each error. */
export function metafieldValueErrors(
  input: MetafieldValueInput,
  path: string[],
): MetafieldUserError[] {
  const errors: MetafieldUserError[] = [];
  const namespace = input.namespace ?? "$app";
  if (namespace.length < 2 || namespace.length > 255)
    errors.push({
      field: [...path, "namespace"],
      message: "Namespace is too short or too long (2 to 255 characters)",
      code: namespace.length < 2 ? "TOO_SHORT" : "TOO_LONG",
    });
  if (!/^[a-zA-Z0-9_-]{2,64}$/.test(input.key))
    errors.push({
      field: [...path, "key"],
      message: "Key must be 2 to 64 characters of letters, numbers, hyphens and underscores",
      code: "INVALID",
    });
  if (!input.type) {
    errors.push({ field: [...path, "type"], message: "Type can't be blank", code: "BLANK" });
  } else if (!KNOWN_TYPES.has(input.type)) {
    errors.push({
      field: [...path, "type"],
      message: `Type '${input.type}' is not a valid type`,
      code: "INVALID_TYPE",
    });
  } else if (input.type === "json") {
    try {
      JSON.parse(input.value);
    } catch (error) {
      errors.push({
        field: [...path, "value"],
        message: `Value is invalid JSON: ${error instanceof Error ? error.message : "parse error"}.`,
        code: "INVALID_VALUE",
      });
    }
  } else if (input.type === "boolean" && input.value !== "true" && input.value !== "false") {
    errors.push({
      field: [...path, "value"],
      message: "Value must be true or false.",
      code: "INVALID_VALUE",
    });
  }
  return errors;
}

/**
 * metafieldsSet's compare-and-set: "If `compareDigest` is set for any metafield, the mutation will
 * only set that metafield if the persisted metafield value matches the digest used on
 * `compareDigest`. If the metafield doesn't exist yet, but you want to guarantee that the operation
 * will run in a safe manner, set `compareDigest` to `null`. … If the `compareDigest` value does not
 * match the digest for the persisted value, the mutation will return an error."
 * (https://shopify.dev/docs/api/admin-graphql/latest/mutations/metafieldsSet). Which code that
 * error carries is not documented; STALE_OBJECT ("The metafield has been modified since it was
 * loaded", the schema's MetafieldsSetUserErrorCode) is our reading (simulator/README.md).
 */
function staleDigestError(
  data: AppData,
  input: MetafieldValueInput & { ownerId: string },
  path: string[],
): MetafieldUserError | null {
  if (input.compareDigest === undefined) return null;
  const existing = data.metafield(input.ownerId, input.namespace, input.key);
  const persisted = existing ? metafieldDigest(existing) : null;
  if (persisted === input.compareDigest) return null;
  return {
    field: [...path, "compareDigest"],
    message:
      persisted === null
        ? "The metafield does not exist, so it cannot match the digest."
        : "The metafield has been modified since it was loaded.",
    code: "STALE_OBJECT",
  };
}

const setArgs = z.object({ metafields: z.array(metafieldInput.extend({ ownerId: z.string() })) });

export function metafieldsSet(data: AppData, rawArgs: Record<string, unknown>) {
  const { metafields } = setArgs.parse(rawArgs);
  if (metafields.length > MAX_METAFIELDS_PER_SET) {
    return {
      metafields: [],
      userErrors: [
        {
          field: ["metafields"],
          message: `Exceeded the maximum metafields input limit of ${MAX_METAFIELDS_PER_SET}.`,
          code: "LESS_THAN_OR_EQUAL_TO",
          elementIndex: null,
        },
      ],
    };
  }
  const owners: MetafieldOwnerType[] = [];
  const userErrors: MetafieldUserError[] = [];
  metafields.forEach((input, index) => {
    const path = ["metafields", String(index)];
    const ownerType = data.ownerTypeOf(input.ownerId);
    if (!ownerType)
      userErrors.push({
        field: [...path, "ownerId"],
        message: "Owner does not exist.",
        code: "INVALID",
        elementIndex: index,
      });
    else owners.push(ownerType);
    // An app-owned namespace is written by its owning app only ("App-owned: Read by merchants,
    // Write by owning app", https://shopify.dev/docs/apps/build/custom-data/permissions).
    // APP_NOT_AUTHORIZED is the schema's code for it; the message is ours.
    if (isOtherAppsNamespace(resolveNamespace(input.namespace)))
      userErrors.push({
        field: [...path, "namespace"],
        message: "This namespace is reserved for another app.",
        code: "APP_NOT_AUTHORIZED",
        elementIndex: index,
      });
    for (const error of metafieldValueErrors(input, path))
      userErrors.push({ ...error, elementIndex: index });
    const stale = staleDigestError(data, input, path);
    if (stale) userErrors.push({ ...stale, elementIndex: index });
  });
  if (userErrors.length > 0) return { metafields: [], userErrors };
  const written = metafields.map(({ compareDigest: _digest, ...input }, index) =>
    data.put({
      ...input,
      type: input.type ?? "json",
      ownerType: owners[index] ?? "API_PERMISSION",
    }),
  );
  return { metafields: written, userErrors: [] };
}

export const metafieldMutationFields = {
  metafieldsSet: (_root: unknown, rawArgs: Record<string, unknown>, context: SimulatorContext) =>
    metafieldsSet(appDataOf(context.store), rawArgs),
};
