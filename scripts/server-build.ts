// What both HTTP servers (npm start: scripts/app-server.ts; shopify app dev: scripts/dev-server.ts)
// need from a Remix server build: proof that it is one, and the app's background work, which
// app/entry.server.tsx exports so that it shares the request handlers' modules.
import type { ServerBuild } from "@remix-run/node";

export interface BackgroundWork {
  stop(): Promise<void>;
}

export function isServerBuild(value: unknown): value is ServerBuild {
  return typeof value === "object" && value !== null && "routes" in value && "entry" in value;
}

/** app/entry.server.tsx exports startBackgroundWork; the build keeps it on entry.module. */
export function backgroundStarter(
  build: ServerBuild,
): (options: { jobs: boolean }) => BackgroundWork {
  const entry = build.entry.module;
  const start = "startBackgroundWork" in entry ? entry.startBackgroundWork : undefined;
  if (typeof start !== "function")
    throw new Error("The server build has no startBackgroundWork; rebuild with `npm run build`.");
  return (options) => {
    const work: unknown = start(options);
    if (
      typeof work !== "object" ||
      work === null ||
      !("stop" in work) ||
      typeof work.stop !== "function"
    ) {
      throw new Error("startBackgroundWork returned no stop()");
    }
    const stop = work.stop;
    return { stop: async () => void (await stop.call(work)) };
  };
}
