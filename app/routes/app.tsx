// The embedded app's frame: Polaris, App Bridge (Shopify's, or the simulator's stand-in when an
// Admin origin is configured) and the app's navigation.
import type { HeadersFunction, LinksFunction, LoaderFunctionArgs } from "@remix-run/node";
import { Link, Outlet, useLoaderData, useRouteError } from "@remix-run/react";
import { NavMenu } from "@shopify/app-bridge-react";
import polarisStyles from "@shopify/polaris/build/esm/styles.css?url";
import { AppProvider } from "@shopify/shopify-app-remix/react";
import { boundary } from "@shopify/shopify-app-remix/server";
import { appBridgeScriptUrl } from "../admin-origin.server";
import { appEnv } from "../env.server";
import { authenticate } from "../shopify.server";

export const links: LinksFunction = () => [{ rel: "stylesheet", href: polarisStyles }];

export const loader = async ({ request }: LoaderFunctionArgs) => {
  // The shop's first order import starts at install (hooks.afterAuth, app/shopify-app.server.ts).
  await authenticate.admin(request);
  const env = appEnv();
  return {
    apiKey: env.SHOPIFY_API_KEY,
    appBridgeUrl: appBridgeScriptUrl(env.SHOPIFY_ADMIN_ORIGIN),
  };
};

export default function AppFrame() {
  const { apiKey, appBridgeUrl } = useLoaderData<typeof loader>();
  return (
    <AppProvider isEmbeddedApp apiKey={apiKey} __APP_BRIDGE_URL={appBridgeUrl}>
      {/* App Bridge draws these in Shopify admin's sidebar (the simulator's admin frame does too). */}
      <NavMenu>
        <Link to="/app" rel="home">
          Dashboard
        </Link>
        <Link to="/app/orders">Orders</Link>
        <Link to="/app/notices">Tell customers</Link>
        <Link to="/app/jobs">Jobs</Link>
        <Link to="/app/consent">Consent and refunds</Link>
        <Link to="/app/storefront">Storefront</Link>
        <Link to="/app/staff">Staff and money</Link>
        <Link to="/app/settings">Settings</Link>
      </NavMenu>
      <Outlet />
    </AppProvider>
  );
}

// Shopify needs Remix to catch thrown responses (e.g. a bounce to refresh the session token).
export function ErrorBoundary() {
  return boundary.error(useRouteError());
}

export const headers: HeadersFunction = (headersArgs) => boundary.headers(headersArgs);
