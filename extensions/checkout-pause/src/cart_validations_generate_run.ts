// The Function's entry point for target cart.validations.generate.run. Shopify passes the result of
// cart_validations_generate_run.graphql; the types below mirror that query (Shopify CLI's typegen
// would generate them from the Function schema, which cannot be downloaded offline).
import { pauseErrors, type CartLineInput, type ValidationError } from "./pause-rule";

export interface CartValidationsGenerateRunInput {
  cart: { lines: CartLineInput[] };
  shop: { localTime: { pauseOver: boolean } };
  validation: { config: { jsonValue: unknown } | null };
}

export interface CartValidationsGenerateRunResult {
  operations: { validationAdd: { errors: ValidationError[] } }[];
}

export function cartValidationsGenerateRun(input: CartValidationsGenerateRunInput): CartValidationsGenerateRunResult {
  const errors = pauseErrors({
    config: input.validation.config?.jsonValue ?? null,
    pauseOver: input.shop.localTime.pauseOver,
    lines: input.cart.lines,
  });
  return { operations: [{ validationAdd: { errors } }] };
}
