// The production build (`npm run build`) for what runs the app as `npm start` does outside the
// browser tests: the many-process test and the bench's load section. Built again when missing or
// older than a source file, so a stale build cannot answer for today's code. Several test workers
// (one per database project) may ask at once: a lock folder lets one build while the others wait.
import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync, readdirSync, rmSync, statSync } from "node:fs";
import path from "node:path";

const ROOT = path.resolve(import.meta.dirname, "..");
const SERVER_ENTRY = path.join(ROOT, "build/server/index.js");
const LOCK = path.join(ROOT, "build.lock");
const SOURCES = ["app", "contracts", "vite.config.ts", "package-lock.json"];

function newestMtime(target: string): number {
  const full = path.join(ROOT, target);
  if (!existsSync(full)) return 0;
  const stat = statSync(full);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = stat.mtimeMs;
  for (const entry of readdirSync(full, { recursive: true, withFileTypes: true })) {
    // Tests are not in the build: editing one must not rebuild the app.
    if (!entry.isFile() || /\.test\.|test-support/.test(entry.name)) continue;
    newest = Math.max(newest, statSync(path.join(entry.parentPath, entry.name)).mtimeMs);
  }
  return newest;
}

function isFresh(): boolean {
  if (!existsSync(SERVER_ENTRY)) return false;
  const built = statSync(SERVER_ENTRY).mtimeMs;
  return SOURCES.every((source) => newestMtime(source) <= built);
}

function takeLock(): boolean {
  try {
    mkdirSync(LOCK);
    return true;
  } catch {
    return false;
  }
}

/** Makes sure build/ holds a build of the current sources; returns whether it built. */
export async function ensureAppBuild(timeoutMs = 300_000): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (isFresh()) return false;
    if (takeLock()) {
      try {
        if (isFresh()) return false;
        execFileSync("npm", ["run", "build"], { cwd: ROOT, stdio: "pipe", encoding: "utf8" });
        return true;
      } finally {
        rmSync(LOCK, { recursive: true, force: true });
      }
    }
    // A lock left by a build that was killed goes stale; after the deadline it is broken.
    if (Date.now() > deadline) rmSync(LOCK, { recursive: true, force: true });
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
}
