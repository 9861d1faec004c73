// How resolvers are declared. Each simulated GraphQL type lists the fields it implements; a field
// that is not listed answers NOT_SIMULATED instead of a silent null (see execute.ts). Sources
// are checked by `__typename` so a resolver never runs on the wrong kind of record.
import { GraphQLError, type GraphQLResolveInfo } from "graphql";
import type { AccessGrant } from "../access-grant";
import type { ShopStore } from "../store/shop-store";
import type { SearchWarning } from "../search-query";

export interface SearchReport {
  path: (string | number)[];
  query: string;
  parsed: unknown;
  warnings: SearchWarning[];
}

export interface SimulatorContext {
  store: ShopStore;
  /** Filled while executing; becomes `extensions.search`. */
  searchReports: SearchReport[];
  /** The request's scopes, customer-data approval and order window (access-grant.ts). */
  access?: AccessGrant;
}

export type Args = Record<string, unknown>;
export type FieldResolver<S> = (
  source: S,
  args: Args,
  context: SimulatorContext,
  info: GraphQLResolveInfo,
) => unknown;

export interface SimulatedType {
  typeName: string;
  fields: Readonly<Record<string, FieldResolver<unknown>>>;
}

export function defineType<S>(
  typeName: string,
  is: (value: unknown) => value is S,
  fields: Record<string, FieldResolver<S>>,
): SimulatedType {
  const erased: Record<string, FieldResolver<unknown>> = {};
  for (const [name, resolve] of Object.entries(fields)) {
    erased[name] = (source, args, context, info) => {
      if (!is(source))
        throw new GraphQLError(
          `Internal simulator error: ${typeName}.${name} got a source of the wrong type`,
          { extensions: { code: "INTERNAL_SERVER_ERROR" } },
        );
      return resolve(source, args, context, info);
    };
  }
  return { typeName, fields: erased };
}

export function hasTypename<S extends { __typename: string }>(typename: S["__typename"]) {
  return (value: unknown): value is S =>
    typeof value === "object" &&
    value !== null &&
    "__typename" in value &&
    value.__typename === typename;
}

export function notSimulated(typeName: string, fieldName: string, detail?: string): GraphQLError {
  return new GraphQLError(
    `${typeName}.${fieldName}${detail ? ` ${detail}` : ""} is not simulated by the Admin API simulator`,
    {
      extensions: { code: "NOT_SIMULATED", typeName, fieldName },
    },
  );
}
