// /healthz (liveness) and /readyz (readiness) on both HTTP servers (npm start: app-server.ts;
// shopify app dev: dev-server.ts), answered before the static files and Remix: no route matching,
// no session, no body, nothing a busy app queues them behind (app/health-check.server.ts), and
// before admission control (scripts/request-admission.ts), whose load /healthz reports.
import type { Express } from "express";
import { createHealthCheck, healthStatus, type HealthCheck } from "../app/health-check.server";
import type { AdmissionLoad } from "./request-admission";

export function mountHealthChecks(
  app: Express,
  databaseUrl: string | undefined,
  requests?: () => AdmissionLoad,
): HealthCheck {
  const health = createHealthCheck(databaseUrl);
  app.get("/healthz", (_request, response) => {
    const answer = { ...health.live(), ...(requests ? { requests: requests() } : {}) };
    response.status(200).set("cache-control", "no-store").json(answer);
  });
  app.get("/readyz", (_request, response) => {
    void health.ready().then((answer) => {
      response.status(healthStatus(answer)).set("cache-control", "no-store").json(answer);
    });
  });
  return health;
}
