// `npm start`: production start. Checks configuration and the database, applies migrations,
// then serves the built app. Any failure stops here with one line saying what to fix.
import { ConfigError } from "../app/env.server";
import { startAppServer } from "./app-server";
import { preflight, PreflightError } from "./preflight";

async function main() {
  preflight();
  const port = Number(process.env.PORT ?? 3000);
  const host = process.env.HOST ?? "0.0.0.0";
  const server = await startAppServer({ port, host });
  console.log(`Delay Desk listening on ${server.origin}`);
  const stop = () => void server.close().then(() => process.exit(0));
  process.once("SIGINT", stop);
  process.once("SIGTERM", stop);
}

main().catch((error: unknown) => {
  if (error instanceof ConfigError || error instanceof PreflightError) {
    console.error(error.message);
  } else {
    console.error(error);
  }
  process.exit(1);
});
