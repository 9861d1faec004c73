// What Shopify CLI bundles: each target's `export` in shopify.extension.toml names a function here.
export { cartValidationsGenerateRun } from "./cart_validations_generate_run";
