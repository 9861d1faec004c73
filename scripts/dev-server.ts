// `npm run dev` = `shopify app dev`, which runs shopify.web.toml's [commands] dev, i.e. this: the app
// from source through Vite (hot reload), started the way `npm start` starts the built app: the
// same preflight (configuration, database, migrations) and the same composition root
// (app/services.server.ts) with its background work, loaded through Vite's SSR module graph, which
// the routes share.
//
// Shopify CLI starts the web process with SHOPIFY_API_KEY, SHOPIFY_API_SECRET, SCOPES, the tunnel
// URL as HOST and APP_URL, and the port to listen on as PORT (Shopify/cli
// packages/app/src/cli/services/dev/processes/web.ts, launchWebProcess). The app reads its URL
// from SHOPIFY_APP_URL, so it is taken from APP_URL/HOST here, as Shopify's Remix template does in
// vite.config.ts.
import http from "node:http";
import { createRequestHandler } from "@remix-run/express";
import express from "express";
import { mountHealthChecks } from "./health-routes";
import { createServer as createViteServer } from "vite";
import { ConfigError } from "../app/env.server";
import { preflight, PreflightError } from "./preflight";
import { hostedServices, isServerBuild } from "./server-build";

async function main() {
  const tunnelUrl = process.env.APP_URL ?? process.env.HOST;
  if (!process.env.SHOPIFY_APP_URL && tunnelUrl) process.env.SHOPIFY_APP_URL = tunnelUrl;
  // HOST is a URL here, not an interface to bind to; nothing below may mistake it for one.
  delete process.env.HOST;
  preflight();

  const app = express();
  app.disable("x-powered-by");
  mountHealthChecks(app, process.env.DATABASE_URL);
  const server = http.createServer(app);
  // Hot-module updates share the app's port, so they pass through the CLI's tunnel with the pages.
  // Requests arrive through the CLI's tunnel with its hostname as Host, which Vite refuses unless
  // allowed (server.allowedHosts; the template's vite.config.ts allows it the same way).
  const allowedHosts = process.env.SHOPIFY_APP_URL
    ? [new URL(process.env.SHOPIFY_APP_URL).hostname]
    : [];
  const vite = await createViteServer({
    server: { middlewareMode: true, hmr: { server }, allowedHosts },
    appType: "custom",
  });
  const loadBuild = async () => {
    const build: unknown = await vite.ssrLoadModule("virtual:remix/server-build");
    if (!isServerBuild(build))
      throw new Error("virtual:remix/server-build is not a Remix server build");
    return build;
  };
  app.use(vite.middlewares);
  app.all("*", createRequestHandler({ build: loadBuild, mode: "development" }));

  // One root per process, from the same SSR module graph as the routes (it survives re-imports:
  // app/services.server.ts; code changes to the background work itself need a restart).
  await loadBuild();
  const services = hostedServices(await vite.ssrLoadModule("/app/services.server.ts"));
  services.start({ jobs: true });

  const port = Number(process.env.PORT ?? 3000);
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, () => resolve());
  });
  const address = server.address();
  console.log(
    `Delay Desk (dev) listening on port ${typeof address === "object" && address ? address.port : port} for ${process.env.SHOPIFY_APP_URL}`,
  );

  const stop = () =>
    void (async () => {
      await services.stop();
      await vite.close();
      server.closeAllConnections();
      server.close(() => process.exit(0));
    })();
  process.once("SIGINT", stop);
  process.once("SIGTERM", stop);
}

main().catch((error: unknown) => {
  console.error(
    error instanceof ConfigError || error instanceof PreflightError ? error.message : error,
  );
  process.exit(1);
});
