// Runs one Admin GraphQL request against Shopify's real schema with graphql-js, using the
// simulator's resolvers. Validation and variable errors are reworded the way Shopify
// (graphql-ruby) words them, since app code and tests match on those messages.
import {
  execute,
  getOperationAST,
  GraphQLError,
  parse,
  validate,
  type DocumentNode,
  type ExecutionResult,
  type GraphQLFieldResolver,
  type GraphQLFormattedError,
  type GraphQLTypeResolver,
  type OperationDefinitionNode,
  type SelectionNode,
  type VariableDefinitionNode,
  coerceInputValue,
  isInputType,
  isNonNullType,
  typeFromAST,
} from "graphql";
import { checkAfterResolve, checkBeforeResolve } from "./access-check";
import type { AccessGrant } from "./access-grant";
import { SIMULATED_TYPES_BY_NAME } from "./resolvers";
import { notSimulated, type SimulatorContext } from "./resolvers/define";
import { adminSchema } from "./schema";
import type { ShopStore } from "./store/shop-store";

export type Prepared =
  | { document: DocumentNode; operation: OperationDefinitionNode }
  | { errors: GraphQLFormattedError[] };

const CACHE_LIMIT = 500;
const documentCache = new Map<
  string,
  { document: DocumentNode } | { errors: GraphQLFormattedError[] }
>();

/** Parses and validates a query against the Admin schema; parse+validate results are cached by text. */
export function prepareRequest(query: string, operationName?: string | null): Prepared {
  let checked = documentCache.get(query);
  if (!checked) {
    checked = parseAndValidate(query);
    if (documentCache.size >= CACHE_LIMIT) {
      const oldest = documentCache.keys().next().value;
      if (oldest !== undefined) documentCache.delete(oldest);
    }
    documentCache.set(query, checked);
  }
  if ("errors" in checked) return checked;
  const operation = getOperationAST(checked.document, operationName ?? undefined);
  if (!operation) {
    const named =
      checked.document.definitions.filter((definition) => definition.kind === "OperationDefinition")
        .length > 1;
    const message = operationName
      ? `No operation named "${operationName}"`
      : named
        ? "An operation name is required"
        : "No operations in query document";
    return { errors: [{ message }] };
  }
  return { document: checked.document, operation };
}

function parseAndValidate(
  query: string,
): { document: DocumentNode } | { errors: GraphQLFormattedError[] } {
  let document: DocumentNode;
  try {
    document = parse(query);
  } catch (error) {
    if (error instanceof GraphQLError) return { errors: [error.toJSON()] };
    throw error;
  }
  const errors = validate(adminSchema(), document);
  if (errors.length > 0)
    return { errors: errors.map((error) => shopifyValidationError(error, document)) };
  return { document };
}

/** Rewords graphql-js validation errors like graphql-ruby; rarer ones keep graphql-js wording. */
function shopifyValidationError(
  error: GraphQLError,
  document: DocumentNode,
): GraphQLFormattedError {
  const base = error.toJSON();
  const operationPath = operationLabel(document, error);
  const undefinedField = /^Cannot query field "([^"]+)" on type "([^"]+)"\./.exec(error.message);
  if (undefinedField) {
    const [, fieldName = "", typeName = ""] = undefinedField;
    return {
      message: `Field '${fieldName}' doesn't exist on type '${typeName}'`,
      locations: base.locations,
      path: [...operationPath, ...selectionPath(document, error)],
      extensions: { code: "undefinedField", typeName, fieldName },
    };
  }
  const unknownArgument = /^Unknown argument "([^"]+)" on field "([^".]+)\.([^"]+)"\./.exec(
    error.message,
  );
  if (unknownArgument) {
    const [, argumentName = "", , fieldName = ""] = unknownArgument;
    return {
      message: `Field '${fieldName}' doesn't accept argument '${argumentName}'`,
      locations: base.locations,
      path: [...operationPath, ...selectionPath(document, error), argumentName],
      extensions: { code: "argumentNotAccepted", name: fieldName, typeName: "Field", argumentName },
    };
  }
  const missingArgument =
    /^Field "([^"]+)" argument "([^"]+)" of type "([^"]+)" is required, but it was not provided\./.exec(
      error.message,
    );
  if (missingArgument) {
    const [, fieldName = "", argumentName = ""] = missingArgument;
    return {
      message: `Field '${fieldName}' is missing required arguments: ${argumentName}`,
      locations: base.locations,
      path: [...operationPath, ...selectionPath(document, error)],
      extensions: {
        code: "missingRequiredArguments",
        className: "Field",
        name: fieldName,
        arguments: argumentName,
      },
    };
  }
  const unusedVariable = /^Variable "\$([^"]+)" is never used/.exec(error.message);
  if (unusedVariable) {
    const [, name = ""] = unusedVariable;
    return {
      message: `Variable $${name} is declared by ${operationPath[0] ?? "anonymous query"} but not used`,
      locations: base.locations,
      path: operationPath,
      extensions: { code: "variableNotUsed", variableName: name },
    };
  }
  const undefinedVariable = /^Variable "\$([^"]+)" is not defined/.exec(error.message);
  if (undefinedVariable) {
    const [, name = ""] = undefinedVariable;
    return {
      message: `Variable $${name} is used by ${operationPath[0] ?? "anonymous query"} but not declared`,
      locations: base.locations,
      path: operationPath,
      extensions: { code: "variableNotDefined", variableName: name },
    };
  }
  return base;
}

/** Field names (and "... on Type" for inline fragments) from the operation down to the error's field. */
function selectionPath(document: DocumentNode, error: GraphQLError): string[] {
  const target = error.nodes?.[0];
  const targetStart = target?.kind === "Argument" ? undefined : target?.loc?.start;
  const argumentStart = target?.kind === "Argument" ? target.loc?.start : undefined;
  const search = (selections: readonly SelectionNode[], trail: string[]): string[] | null => {
    for (const selection of selections) {
      if (selection.kind === "Field") {
        const here = [...trail, selection.name.value];
        if (selection.loc?.start === targetStart) return here;
        if (
          argumentStart !== undefined &&
          selection.arguments?.some((argument) => argument.loc?.start === argumentStart)
        )
          return here;
        const inner = selection.selectionSet
          ? search(selection.selectionSet.selections, here)
          : null;
        if (inner) return inner;
      } else if (selection.kind === "InlineFragment") {
        const inner = search(selection.selectionSet.selections, [
          ...trail,
          `... on ${selection.typeCondition?.name.value ?? ""}`,
        ]);
        if (inner) return inner;
      }
    }
    return null;
  };
  for (const definition of document.definitions) {
    if (definition.kind === "OperationDefinition" || definition.kind === "FragmentDefinition") {
      const found = search(
        definition.selectionSet.selections,
        definition.kind === "FragmentDefinition" ? [`fragment ${definition.name.value}`] : [],
      );
      if (found) return found;
    }
  }
  return [];
}

/** graphql-ruby starts error paths with "query Name" (or "query" for an anonymous one). */
function operationLabel(document: DocumentNode, error: GraphQLError): string[] {
  const offset = error.nodes?.[0]?.loc?.start ?? error.positions?.[0];
  for (const definition of document.definitions) {
    if (definition.kind !== "OperationDefinition" || !definition.loc) continue;
    if (offset === undefined || (offset >= definition.loc.start && offset <= definition.loc.end)) {
      return [
        definition.name ? `${definition.operation} ${definition.name.value}` : definition.operation,
      ];
    }
  }
  return [];
}

// Every field passes the access check (access-check.ts) when the request carries a grant.
const fieldResolver: GraphQLFieldResolver<unknown, SimulatorContext> = (
  source,
  args,
  context,
  info,
) => {
  const grant = context.access;
  if (!grant) return resolveField(source, args, context, info);
  checkBeforeResolve(info, args, grant);
  const value = resolveField(source, args, context, info);
  return value instanceof Promise
    ? value.then((resolved: unknown) => checkAfterResolve(resolved, info, grant))
    : checkAfterResolve(value, info, grant);
};

const resolveField: GraphQLFieldResolver<unknown, SimulatorContext> = (
  source,
  args,
  context,
  info,
) => {
  const simulated = SIMULATED_TYPES_BY_NAME.get(info.parentType.name);
  if (simulated) {
    const resolve = simulated.fields[info.fieldName];
    if (!resolve) throw notSimulated(info.parentType.name, info.fieldName);
    return resolve(source, args, context, info);
  }
  // Plain value objects (connections, money, counts) carry exactly the fields they simulate.
  if (
    typeof source === "object" &&
    source !== null &&
    Object.prototype.hasOwnProperty.call(source, info.fieldName)
  ) {
    return Reflect.get(source, info.fieldName);
  }
  throw notSimulated(info.parentType.name, info.fieldName);
};

const typeResolver: GraphQLTypeResolver<unknown, SimulatorContext> = (
  value,
  _context,
  _info,
  abstractType,
) => {
  if (
    typeof value === "object" &&
    value !== null &&
    "__typename" in value &&
    typeof value.__typename === "string"
  )
    return value.__typename;
  throw new GraphQLError(
    `${abstractType.name} value without __typename in the Admin API simulator`,
  );
};

/** Executes a prepared request. Never throws for a bad request: problems become `errors`. */
/** `access`: what the request's token may see; without it (internal use) nothing is refused. */
export async function runRequest(
  store: ShopStore,
  prepared: { document: DocumentNode },
  variables?: Record<string, unknown> | null,
  operationName?: string | null,
  access?: AccessGrant,
): Promise<ExecutionResult> {
  const schema = adminSchema();
  const operation = getOperationAST(prepared.document, operationName ?? undefined);
  if (!operation)
    return {
      errors: [
        new GraphQLError(
          operationName ? `No operation named "${operationName}"` : "An operation name is required",
        ),
      ],
    };
  const variableErrors = checkVariables(operation.variableDefinitions ?? [], variables ?? {});
  if (variableErrors.length > 0) return { errors: variableErrors };
  const context: SimulatorContext = { store, searchReports: [], ...(access ? { access } : {}) };
  try {
    const result = await execute({
      schema,
      document: prepared.document,
      contextValue: context,
      variableValues: variables ?? {},
      operationName: operationName ?? undefined,
      fieldResolver,
      typeResolver,
      rootValue: {},
    });
    if (context.searchReports.length > 0)
      return { ...result, extensions: { ...result.extensions, search: context.searchReports } };
    return result;
  } catch (error) {
    return {
      errors: [
        error instanceof GraphQLError
          ? error
          : new GraphQLError(error instanceof Error ? error.message : String(error)),
      ],
    };
  }
}

/**
 * Checks variables the way graphql-ruby reports them: "Variable $id of type ID! was provided
 * invalid value", with the value and the problems. Done here rather than left to graphql-js so
 * the wording matches Shopify's.
 */
function checkVariables(
  definitions: readonly VariableDefinitionNode[],
  variables: Record<string, unknown>,
): GraphQLError[] {
  const errors: GraphQLError[] = [];
  for (const definition of definitions) {
    const name = definition.variable.name.value;
    const type = typeFromAST(adminSchema(), definition.type);
    // Unknown variable types were already rejected by validation.
    if (!type || !isInputType(type)) continue;
    const provided = Object.prototype.hasOwnProperty.call(variables, name);
    const value = variables[name];
    const problems: { path: (string | number)[]; explanation: string }[] = [];
    if (!provided || value === undefined || value === null) {
      if (isNonNullType(type) && !(definition.defaultValue && !provided))
        problems.push({ path: [], explanation: "Expected value to not be null" });
    } else {
      coerceInputValue(value, type, (path, _invalid, error) => {
        problems.push({ path: [...path], explanation: error.message });
      });
    }
    if (problems.length === 0) continue;
    const where = problems[0]?.path.length ? ` for ${problems[0].path.join(".")}` : "";
    errors.push(
      new GraphQLError(
        `Variable $${name} of type ${printType(definition.type)} was provided invalid value${where}`,
        { nodes: [definition], extensions: { value: value ?? null, problems } },
      ),
    );
  }
  return errors;
}

function printType(type: VariableDefinitionNode["type"]): string {
  switch (type.kind) {
    case "NamedType":
      return type.name.value;
    case "ListType":
      return `[${printType(type.type)}]`;
    case "NonNullType":
      return `${printType(type.type)}!`;
    default:
      return "";
  }
}
