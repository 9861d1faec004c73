// /healthz (liveness) and /readyz (readiness) on both HTTP servers (npm start: app-server.ts;
// shopify app dev: dev-server.ts), answered before the static files and Remix: no route matching,
// no session, no body, nothing a busy app queues them behind (app/health-check.server.ts).
import type { Express } from "express";
import { createHealthCheck, healthStatus, type HealthCheck } from "../app/health-check.server";

export function mountHealthChecks(app: Express, databaseUrl: string | undefined): HealthCheck {
  const health = createHealthCheck(databaseUrl);
  app.get("/healthz", (_request, response) => {
    const answer = health.live();
    response.status(healthStatus(answer)).set("cache-control", "no-store").json(answer);
  });
  app.get("/readyz", (_request, response) => {
    void health.ready().then((answer) => {
      response.status(healthStatus(answer)).set("cache-control", "no-store").json(answer);
    });
  });
  return health;
}
