// The app's GraphQL operations as Shopify's codegen preset typed them (app/types/, from
// `npm run codegen`; see .graphqlrc.ts). The preset keys each operation's result and variables
// types by the document's exact text, so a document passed to the client must be one of the
// `#graphql` constants codegen has seen: a document edited without regenerating is a type error.
//
// A zod parser may read fewer fields than its document selects, never one it does not:
// `ReadsOnlySelected` names the fields a parser reads that the document's generated type lacks,
// and the client and `parserOf` refuse a parser for which it is not `never`. Parsers stay strict
// where the schema is loose (a payload the schema calls nullable may be required), so only the
// field names are compared, not their nullability.
import type { z } from "zod";
import type { GeneratedMutationTypes, GeneratedQueryTypes } from "../types/admin.generated";

type Operations = GeneratedQueryTypes & GeneratedMutationTypes;

/** The text of a `#graphql` document codegen has typed. */
export type AdminDocument = keyof Operations & string;
export type OperationData<D extends AdminDocument> = Operations[D]["return"];
export type OperationVariables<D extends AdminDocument> = Operations[D]["variables"];

/** Variables as an argument list: optional when the operation declares none. */
export type VariablesArgument<D extends AdminDocument> =
  Record<string, never> extends OperationVariables<D>
    ? [variables?: OperationVariables<D>]
    : [variables: OperationVariables<D>];

/** Dotted paths of the fields `Parsed` reads that `Selected` does not have; never when none. */
export type UnselectedFields<
  Parsed,
  Selected,
  Path extends string = "",
> = Parsed extends readonly (infer Item)[]
  ? NonNullable<Selected> extends readonly (infer SelectedItem)[]
    ? UnselectedFields<Item, SelectedItem, Path>
    : `${Path} (a list the document does not select)`
  : Parsed extends object
    ? {
        [K in keyof Parsed & string]-?: K extends keyof NonNullable<Selected>
          ? UnselectedFields<Parsed[K], NonNullable<Selected>[K], `${Path}${K}.`>
          : `${Path}${K}`;
      }[keyof Parsed & string]
    : never;

/** A parser for `Selected` data: itself when it reads only selected fields, else a type error. */
export type ReadsOnlySelected<Parser extends z.ZodTypeAny, Selected> = [
  UnselectedFields<z.input<Parser>, Selected>,
] extends [never]
  ? Parser
  : { "reads fields the document does not select": UnselectedFields<z.input<Parser>, Selected> };

/** Ties a parser to generated data without a request (e.g. bulk JSONL lines and their fragment). */
export function parserOf<Selected>() {
  return <Parser extends z.ZodTypeAny>(
    parser: Parser & ReadsOnlySelected<Parser, Selected>,
  ): Parser => parser;
}

/** "SyncOrder" from "query SyncOrder($id: ID!) { … }"; the name Shopify's logs and errors use. */
export function operationName(document: string): string {
  return /\b(?:query|mutation)\s+(\w+)/.exec(document)?.[1] ?? "Admin API request";
}

export function isMutation(document: string): boolean {
  return /^\s*(?:#graphql\s*)?mutation\b/.test(document);
}
