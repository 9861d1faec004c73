// The embedded app's frame: Polaris, App Bridge (Shopify's, or the simulator's stand-in when an
// Admin origin is configured) and the app's navigation.
import type { HeadersFunction, LinksFunction, LoaderFunctionArgs } from "@remix-run/node";
import {
  isRouteErrorResponse,
  Link,
  Outlet,
  useLoaderData,
  useRouteError,
  useRouteLoaderData,
} from "@remix-run/react";
import { NavMenu } from "@shopify/app-bridge-react";
import polarisStyles from "@shopify/polaris/build/esm/styles.css?url";
import { AppProvider } from "@shopify/shopify-app-remix/react";
import { boundary } from "@shopify/shopify-app-remix/server";
import { appBridgeScriptUrl } from "../admin-origin.server";
import { PlainRequestProblem, RequestProblem } from "../components/request-problem";
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
        <Link to="/app/outcomes">Outcomes</Link>
        <Link to="/app/consent">Consent and refunds</Link>
        <Link to="/app/storefront">Storefront</Link>
        <Link to="/app/staff">Staff and money</Link>
        <Link to="/app/settings">Settings</Link>
      </NavMenu>
      <Outlet />
    </AppProvider>
  );
}

// Shopify needs Remix to catch thrown responses (e.g. a bounce to refresh the session token), which
// `boundary.error` renders. It recognises them by constructor name, and the client bundle minifies
// that name: on hydration it rethrows and React gives up (errors #418/#423). `isRouteErrorResponse`
// survives minification, so responses are told apart here and only then handed to Shopify's code.
export function ErrorBoundary() {
  const error = useRouteError();
  const frame = useRouteLoaderData<typeof loader>("routes/app");
  if (isRouteErrorResponse(error) && error.status >= 400 && error.status < 500) {
    const message =
      typeof error.data === "string" && error.data.trim() !== ""
        ? error.data
        : "This page cannot be shown for that request.";
    return frame ? (
      <AppProvider isEmbeddedApp apiKey={frame.apiKey} __APP_BRIDGE_URL={frame.appBridgeUrl}>
        <RequestProblem status={error.status} message={message} />
      </AppProvider>
    ) : (
      <PlainRequestProblem status={error.status} message={message} />
    );
  }
  if (isRouteErrorResponse(error)) {
    // Shopify's own thrown pages (App Bridge bounce, exit-iframe) carry HTML for the browser to run.
    return (
      <div dangerouslySetInnerHTML={{ __html: typeof error.data === "string" ? error.data : "" }} />
    );
  }
  return boundary.error(error);
}

export const headers: HeadersFunction = (headersArgs) => boundary.headers(headersArgs);
