// Serves the built Remix app over HTTP (npm start, the demo, browser tests). Configuration must be
// in process.env before this runs: the app validates it when its server build is imported.
import type { Server } from "node:http";
import type { AddressInfo } from "node:net";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { createRequestHandler } from "@remix-run/express";
import express from "express";
import { mountHealthChecks } from "./health-routes";
import { admissionOptionsFromEnv, createAdmission } from "./request-admission";
import { hostedServices, isServerBuild } from "./server-build";

export const BUILD_DIR = path.resolve(import.meta.dirname, "../build");

export interface RunningAppServer {
  origin: string;
  close(): Promise<void>;
}

export async function startAppServer({
  port,
  host,
  runJobs = true,
}: {
  port: number;
  host: string;
  runJobs?: boolean;
}): Promise<RunningAppServer> {
  const build: unknown = await import(pathToFileURL(path.join(BUILD_DIR, "server/index.js")).href);
  if (!isServerBuild(build))
    throw new Error("build/server/index.js is not a Remix server build; run `npm run build`.");
  // The build's second entry (vite.config.ts): the composition root, sharing the routes' modules.
  const services = hostedServices(
    await import(pathToFileURL(path.join(BUILD_DIR, "server/services.js")).href),
  );

  const app = express();
  app.disable("x-powered-by");
  // At most MAX_CONCURRENT_REQUESTS app requests in hand; the rest wait, costless, in order.
  const admission = createAdmission(admissionOptionsFromEnv());
  // First: a load balancer's probes are answered whatever the app behind them is doing, ahead of
  // the requests waiting for admission.
  const health = mountHealthChecks(app, process.env.DATABASE_URL, admission.load);
  // Fingerprinted assets never change; everything else is rendered per request.
  app.use(
    "/assets",
    express.static(path.join(BUILD_DIR, "client/assets"), { immutable: true, maxAge: "1y" }),
  );
  app.use(express.static(path.join(BUILD_DIR, "client"), { maxAge: "1h" }));
  app.all("*", admission.middleware, createRequestHandler({ build, mode: "production" }));

  const server: Server = await new Promise((resolve, reject) => {
    const s = app.listen(port, host, () => resolve(s));
    s.once("error", reject);
  });
  const { port: actualPort } = server.address() as AddressInfo;
  // Background work (job runner, reconcile, timed pauses, pruning) lives and dies with the server;
  // the runner takes over items a dead process left once their lease runs out (decision 012).
  services.start({ jobs: runJobs });
  return {
    origin: `http://${host}:${actualPort}`,
    close: async () => {
      // Readiness fails first, so a load balancer stops sending while the instance drains.
      await health.close();
      await services.stop();
      await new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      });
    },
  };
}
