// The app's one background runner, started by the HTTP server (scripts/app-server.ts) and stopped
// with it. Outside a request there is no session token, so it reaches each shop through the
// offline session stored at install (`unauthenticated.admin`).
import db from "../db.server";
import { unauthenticated } from "../shopify.server";
import { jobKinds } from "./registry.server";
import { JobRunner } from "./runner.server";

export function startJobRunner(): { stop: () => Promise<void> } {
  const runner = new JobRunner({ db, registry: jobKinds, adminFor: async (shop) => (await unauthenticated.admin(shop)).admin, pollMs: 500 });
  runner.start();
  return { stop: () => runner.stop() };
}
