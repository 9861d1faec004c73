// A throwaway PostgreSQL server for one test run, from the machine's PostgreSQL binaries (Debian's
// `postgresql` package; .ci/run installs it). Data lives in a temporary folder and is deleted at the
// end. Durability is switched off (fsync, full-page writes): a crash only loses a test run.
import { execFileSync } from "node:child_process";
import { chownSync, existsSync, mkdtempSync, readdirSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import os from "node:os";
import path from "node:path";

export interface PostgresServer {
  /** Connection URL of the server's `postgres` database; swap the path for another database. */
  url: string;
  /** Folder of psql and the other client programs. */
  binDir: string;
  stop(): void;
}

/** The newest installed PostgreSQL's bin folder (Debian: /usr/lib/postgresql/<major>/bin). */
export function findPostgresBin(): string | null {
  const fromEnv = process.env.POSTGRESQL_BIN;
  if (fromEnv) return existsSync(path.join(fromEnv, "initdb")) ? fromEnv : null;
  const root = "/usr/lib/postgresql";
  if (!existsSync(root)) return null;
  const majors = readdirSync(root)
    .filter((name) => existsSync(path.join(root, name, "bin", "initdb")))
    .sort((a, b) => Number(b) - Number(a));
  return majors[0] ? path.join(root, majors[0], "bin") : null;
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      const port = typeof address === "object" && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

/** `initdb` refuses to run as root, so as root the server runs as the `postgres` user. */
function asServerUser(bin: string, args: string[]): void {
  const command = process.getuid?.() === 0 ? ["runuser", "-u", "postgres", "--", bin] : [bin];
  const [file, ...rest] = command;
  if (!file) throw new Error("no command");
  execFileSync(file, [...rest, ...args], { stdio: "pipe", encoding: "utf8" });
}

function postgresUid(): { uid: number; gid: number } {
  const line = execFileSync("id", ["postgres"], { encoding: "utf8" });
  const uid = /uid=(\d+)/.exec(line)?.[1];
  const gid = /gid=(\d+)/.exec(line)?.[1];
  if (!uid || !gid) throw new Error(`cannot read the postgres user's ids from: ${line}`);
  return { uid: Number(uid), gid: Number(gid) };
}

export async function startPostgresServer(binDir: string): Promise<PostgresServer> {
  const dir = mkdtempSync(path.join(os.tmpdir(), "delay-desk-pg-"));
  if (process.getuid?.() === 0) {
    const { uid, gid } = postgresUid();
    chownSync(dir, uid, gid);
  }
  const data = path.join(dir, "data");
  const port = await freePort();
  const stop = () => {
    try {
      asServerUser(path.join(binDir, "pg_ctl"), ["-D", data, "-m", "immediate", "-w", "stop"]);
    } catch {
      // Not running (start failed): nothing to stop.
    }
    rmSync(dir, { recursive: true, force: true });
  };
  try {
    // No locale: byte-order text comparison, as SQLite's BINARY collation.
    asServerUser(path.join(binDir, "initdb"), [
      "-D",
      data,
      "-A",
      "trust",
      "-U",
      "postgres",
      "-E",
      "UTF8",
      "--no-locale",
      "--no-sync",
    ]);
    const options = [
      `-p ${port}`,
      "-c listen_addresses=127.0.0.1",
      `-k ${dir}`,
      "-c fsync=off",
      "-c synchronous_commit=off",
      "-c full_page_writes=off",
      "-c max_connections=200",
    ].join(" ");
    asServerUser(path.join(binDir, "pg_ctl"), [
      "-D",
      data,
      "-o",
      options,
      "-l",
      path.join(dir, "server.log"),
      "-w",
      "start",
    ]);
  } catch (error) {
    stop();
    const output =
      error && typeof error === "object" && "stderr" in error ? String(error.stderr) : "";
    throw new Error(`could not start a throwaway PostgreSQL server: ${output.slice(-1500)}`);
  }
  return { url: `postgresql://postgres@127.0.0.1:${port}/postgres`, binDir, stop };
}

/** Runs SQL on the server's `postgres` database with psql (synchronous, for test helpers). */
export function psql(binDir: string, url: string, sql: string): void {
  execFileSync(path.join(binDir, "psql"), [url, "-v", "ON_ERROR_STOP=1", "-q", "-c", sql], {
    stdio: "pipe",
    encoding: "utf8",
  });
}

/** The URL of the same server with another database name. */
export function postgresqlDatabaseUrl(serverUrl: string, database: string): string {
  const url = new URL(serverUrl);
  url.pathname = `/${database}`;
  return url.toString();
}
