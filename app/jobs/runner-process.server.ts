// The app's one background runner, started by the HTTP server (scripts/app-server.ts) and stopped
// with it. Outside a request there is no session token, so it reaches each shop through the
// offline session stored at install, through backgroundAdmin, which refreshes the expiring offline
// token as the hours of work go by.
import db from "../db.server";
import { backgroundAdmin } from "../shopify.server";
import { jobKinds } from "./registry.server";
import { JobRunner } from "./runner.server";

export function startJobRunner(): { stop: () => Promise<void> } {
  const runner = new JobRunner({
    db,
    registry: jobKinds,
    adminFor: async (shop) => backgroundAdmin(shop),
    pollMs: 500,
  });
  runner.start();
  return { stop: () => runner.stop() };
}
