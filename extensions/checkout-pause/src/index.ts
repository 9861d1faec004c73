// What Shopify CLI bundles: each target's `export` in shopify.extension.toml (kebab-case) names a
// camelCase function exported here (cart-validations-generate-run ↔ cartValidationsGenerateRun).
export { cartValidationsGenerateRun } from "./cart_validations_generate_run";
