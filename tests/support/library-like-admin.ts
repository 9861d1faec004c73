// An `admin.graphql` that posts to the simulator and answers as @shopify/shopify-api does: data
// through, GraphQL errors thrown as GraphqlQueryError whose body keeps the errors (wrapped as
// { graphQLErrors }) and the cost extension (@shopify/shopify-api, dist/esm/lib/clients/common.mjs:
// `if (response.status === StatusCode.Ok && body.errors.graphQLErrors) throw new
// GraphqlQueryError({ message, response, headers, body })`).
import { GraphqlQueryError } from "@shopify/shopify-api";
import { z } from "zod";
import type { AdminGraphql } from "../../app/admin-api/graphql.server";

const bodySchema = z.object({
  data: z.unknown().optional(),
  errors: z.array(z.object({ message: z.string() }).passthrough()).optional(),
  extensions: z.unknown().optional(),
});

export function libraryLikeAdmin(
  origin: string,
  shop: string,
  token: string,
  /** Sees every answer's body (the bench counts calls and points charged). */
  onAnswer: (body: unknown) => void = () => undefined,
): AdminGraphql {
  return {
    async graphql(query, options) {
      const response = await fetch(`${origin}/${shop}/admin/api/2026-10/graphql.json`, {
        method: "POST",
        headers: { "Content-Type": "application/json", "X-Shopify-Access-Token": token },
        body: JSON.stringify({ query, variables: options?.variables }),
      });
      const json: unknown = await response.json();
      onAnswer(json);
      const body = bodySchema.parse(json);
      if (body.errors)
        throw new GraphqlQueryError({
          message: body.errors[0]?.message ?? "failed",
          response: {},
          body: { errors: { graphQLErrors: body.errors }, extensions: body.extensions },
        });
      return new Response(JSON.stringify(body));
    },
  };
}
