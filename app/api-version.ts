// The one Admin API version of the whole project. `.graphqlrc.ts` imports it and a test checks that
// shopify.app.toml's webhooks api_version and the simulator say the same.
import { ApiVersion } from "@shopify/shopify-api";

export const API_VERSION = ApiVersion.October26;
