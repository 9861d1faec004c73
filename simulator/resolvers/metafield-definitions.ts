// Metafield definitions the app has created, readable as Shopify answers them: the root
// metafieldDefinitions(ownerType:, namespace:, key:) connection (the lookup Shopify's
// validation-settings template makes before creating one) and metafieldDefinition(identifier:).
import { z } from "zod";
import { connectionArgsSchema, paginate } from "../connection";
import { toGid } from "../gid";
import { appDataOf, resolveNamespace, type MetafieldDefinitionRecord } from "./app-installation";
import { defineType, hasTypename, type SimulatorContext } from "./define";

interface DefinitionTypeRecord {
  __typename: "MetafieldDefinitionType";
  name: string;
}

export const metafieldDefinitionType = defineType(
  "MetafieldDefinition",
  hasTypename<MetafieldDefinitionRecord>("MetafieldDefinition"),
  {
    id: (definition) => toGid("MetafieldDefinition", definition.id),
    name: (definition) => definition.name,
    namespace: (definition) => definition.namespace,
    key: (definition) => definition.key,
    description: (definition) => definition.description,
    ownerType: (definition) => definition.ownerType,
    type: (definition): DefinitionTypeRecord => ({
      __typename: "MetafieldDefinitionType",
      name: definition.type,
    }),
  },
);

export const metafieldDefinitionTypeType = defineType(
  "MetafieldDefinitionType",
  hasTypename<DefinitionTypeRecord>("MetafieldDefinitionType"),
  {
    name: (type) => type.name,
  },
);

const listArgs = connectionArgsSchema.extend({
  ownerType: z.string().nullish(),
  namespace: z.string().nullish(),
  key: z.string().nullish(),
});
const oneArgs = z.object({
  id: z.string().nullish(),
  identifier: z
    .object({ ownerType: z.string(), namespace: z.string().nullish(), key: z.string() })
    .nullish(),
});

export const metafieldDefinitionQueryFields = {
  metafieldDefinitions: (
    _root: unknown,
    rawArgs: Record<string, unknown>,
    context: SimulatorContext,
  ) => {
    const args = listArgs.parse(rawArgs);
    let list = appDataOf(context.store).metafieldDefinitions;
    if (args.ownerType) list = list.filter((d) => d.ownerType === args.ownerType);
    // namespace omitted lists every namespace; `$app` forms resolve as on writes.
    if (args.namespace !== null && args.namespace !== undefined)
      list = list.filter((d) => d.namespace === resolveNamespace(args.namespace));
    if (args.key) list = list.filter((d) => d.key === args.key);
    if (args.reverse) list = [...list].reverse();
    return paginate(
      list,
      args,
      "metafieldDefinitions",
      (d) => ({ id: d.id, value: d.id }),
      args.reverse ? -1 : 1,
    );
  },
  metafieldDefinition: (
    _root: unknown,
    rawArgs: Record<string, unknown>,
    context: SimulatorContext,
  ) => {
    const args = oneArgs.parse(rawArgs);
    const data = appDataOf(context.store);
    if (args.identifier)
      return (
        data.definition(
          args.identifier.ownerType,
          args.identifier.namespace,
          args.identifier.key,
        ) ?? null
      );
    return (
      data.metafieldDefinitions.find((d) => toGid("MetafieldDefinition", d.id) === args.id) ?? null
    );
  },
};

export const METAFIELD_DEFINITION_TYPES = [metafieldDefinitionType, metafieldDefinitionTypeType];
