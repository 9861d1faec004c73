// What both HTTP servers (npm start: scripts/app-server.ts; shopify app dev: scripts/dev-server.ts)
// need from the app: a Remix server build to answer requests, and the composition root
// (app/services.server.ts) whose background work they start and stop. Both come from one module
// graph (the built server's two entries, or Vite's SSR graph in dev), so the services the host
// starts are the ones the routes use.
import type { ServerBuild } from "@remix-run/node";

export interface HostedServices {
  start(options: { jobs: boolean }): void;
  stop(): Promise<void>;
}

export function isServerBuild(value: unknown): value is ServerBuild {
  return typeof value === "object" && value !== null && "routes" in value && "entry" in value;
}

/** The root of `app/services.server.ts` as loaded by the host (typed at this boundary). */
export function hostedServices(module: unknown): HostedServices {
  const accessor =
    typeof module === "object" && module !== null && "appServices" in module
      ? module.appServices
      : undefined;
  if (typeof accessor !== "function")
    throw new Error("The app's services entry has no appServices(); rebuild with `npm run build`.");
  const services: unknown = accessor();
  if (
    typeof services !== "object" ||
    services === null ||
    !("start" in services) ||
    typeof services.start !== "function" ||
    !("stop" in services) ||
    typeof services.stop !== "function"
  )
    throw new Error("appServices() returned no start() and stop()");
  const { start, stop } = services;
  return {
    start: (options) => void start.call(services, options),
    stop: async () => void (await stop.call(services)),
  };
}
