// What routes take from the Shopify library: the process's one configuration, built by the
// composition root (app/services.server.ts, configured in app/shopify-app.server.ts).
import { API_VERSION } from "./api-version";
import { appServices } from "./services.server";

const { shopify, backgroundAdmin } = appServices();

export default shopify;
export const apiVersion = API_VERSION;
export const addDocumentResponseHeaders = shopify.addDocumentResponseHeaders;
export const authenticate = shopify.authenticate;
export const unauthenticated = shopify.unauthenticated;
export const sessionStorage = shopify.sessionStorage;
/** The Admin API for background work: refreshes the offline token as it goes (auth/background-admin.server.ts). */
export { backgroundAdmin };
