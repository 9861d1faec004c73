// Bulk operations of one shop: at most one running query operation (OPERATION_IN_PROGRESS
// otherwise), run in the background page by page (CREATED → RUNNING → COMPLETED/FAILED/CANCELED),
// JSONL written to a file served at <origin>/bulk/<token>.jsonl, and `bulk_operations/finish`
// emitted when it ends. Like Shopify since 2026-01, child lines are not kept after their parent:
// unless groupObjects is asked for, each page's lines are shuffled (deterministically, seeded by
// the operation id) and some children are held back to a later page, so an app's join is tested.
import { randomBytes } from "node:crypto";
import {
  createReadStream,
  createWriteStream,
  mkdtempSync,
  rmSync,
  statSync,
  type WriteStream,
} from "node:fs";
import type { IncomingMessage, ServerResponse } from "node:http";
import { tmpdir } from "node:os";
import path from "node:path";
import { toGid } from "../gid";
import { Random } from "../random";
import type { ShopStore } from "../store/shop-store";
import { checkBulkQuery, type BulkUserError } from "./bulk-rules";
import type { AccessGrant } from "../access-grant";
import { BulkQueryFailed, pagedBulkDocument, runBulkPage, type JsonObject } from "./run-bulk-query";

export type BulkStatus =
  | "CREATED"
  | "RUNNING"
  | "COMPLETED"
  | "FAILED"
  | "CANCELING"
  | "CANCELED"
  | "EXPIRED";

export interface BulkOperationRecord {
  __typename: "BulkOperation";
  /** GID */
  id: string;
  number: number;
  type: "QUERY" | "MUTATION";
  status: BulkStatus;
  errorCode: "ACCESS_DENIED" | "INTERNAL_SERVER_ERROR" | "TIMEOUT" | null;
  query: string;
  createdAt: number;
  completedAt: number | null;
  objectCount: number;
  rootObjectCount: number;
  fileSize: number | null;
  url: string | null;
  partialDataUrl: string | null;
  groupObjects: boolean;
}

/** Where JSONL files live and how they are served. One per simulator. */
export class BulkFiles {
  // Made on first use, so a store that never runs a bulk query leaves nothing behind.
  private dir: string | null = null;
  private readonly files = new Map<string, string>();

  constructor(private readonly origin: () => string) {}

  create(): { token: string; file: string; url: string } {
    const token = randomBytes(16).toString("hex");
    this.dir ??= mkdtempSync(path.join(tmpdir(), "delay-desk-bulk-"));
    const file = path.join(this.dir, `${token}.jsonl`);
    this.files.set(token, file);
    return { token, file, url: `${this.origin()}/bulk/${token}.jsonl` };
  }

  /** Answers GET /bulk/<token>.jsonl by streaming the file; false for any other request. */
  serve(request: IncomingMessage, response: ServerResponse): boolean {
    const match = /^\/bulk\/([0-9a-f]{32})\.jsonl$/.exec((request.url ?? "").split("?")[0] ?? "");
    if (!match || request.method !== "GET") return false;
    const file = this.files.get(match[1] ?? "");
    if (!file) {
      response.writeHead(404, { "Content-Type": "application/json" });
      response.end(JSON.stringify({ errors: "Not Found" }));
      return true;
    }
    response.writeHead(200, {
      "Content-Type": "application/jsonl",
      "Content-Length": statSync(file).size,
    });
    createReadStream(file).pipe(response);
    return true;
  }

  remove(): void {
    if (this.dir) rmSync(this.dir, { recursive: true, force: true });
    this.dir = null;
    this.files.clear();
  }
}

export interface BulkRunOptions {
  /** Fraction of child lines moved to a later page (default 0.25). */
  holdBack?: number;
  /** Extra wait between pages, so tests can act on a running operation (default 0). */
  pageDelayMs?: number;
}

function write(stream: WriteStream, text: string): Promise<void> {
  return new Promise((resolve, reject) => {
    stream.write(text, (error) => (error ? reject(error) : resolve()));
  });
}

function close(stream: WriteStream): Promise<void> {
  return new Promise((resolve) => stream.end(resolve));
}

const yieldToServer = () => new Promise<void>((resolve) => setImmediate(resolve));

// shopify.dev "Perform bulk operations with the GraphQL Admin API": "In API versions 2026-01 and
// higher, you can run up to five bulk query operations at a time per shop." (before 2026-01: one).
export const MAX_CONCURRENT_BULK_QUERIES = 5;

export class ShopBulkOperations {
  private readonly operations: BulkOperationRecord[] = [];
  private readonly cancelRequested = new Set<string>();
  private readonly running = new Set<Promise<void>>();

  constructor(
    private readonly store: ShopStore,
    private readonly files: BulkFiles,
    private readonly options: BulkRunOptions = {},
  ) {}

  find(id: string): BulkOperationRecord | undefined {
    return this.operations.find((operation) => operation.id === id);
  }

  /** Shopify answers the most recent operation of the type, finished or not. */
  current(type: "QUERY" | "MUTATION" = "QUERY"): BulkOperationRecord | undefined {
    return [...this.operations].reverse().find((operation) => operation.type === type);
  }

  /** `access`: the starting request's grant; the query runs with it (access-check.ts). */
  runQuery(
    query: string,
    groupObjects = false,
    access?: AccessGrant,
  ): { operation: BulkOperationRecord } | { userErrors: BulkUserError[] } {
    const active = this.operations.filter(
      (operation) =>
        operation.type === "QUERY" &&
        (operation.status === "CREATED" ||
          operation.status === "RUNNING" ||
          operation.status === "CANCELING"),
    );
    if (active.length >= MAX_CONCURRENT_BULK_QUERIES) {
      // The limit is Shopify's; which code and words a sixth one gets are not documented. The
      // enum's own description of LIMIT_REACHED is the closest Shopify wording (our guess).
      return {
        userErrors: [
          {
            field: null,
            message: "Bulk operations limit reached. Please try again later.",
            code: "LIMIT_REACHED",
          },
        ],
      };
    }
    const checked = checkBulkQuery(query);
    if ("userErrors" in checked) return checked;
    const number = this.operations.length + 1;
    const operation: BulkOperationRecord = {
      __typename: "BulkOperation",
      id: toGid("BulkOperation", 1_000_000 + number),
      number,
      type: "QUERY",
      status: "CREATED",
      errorCode: null,
      query,
      createdAt: Date.now(),
      completedAt: null,
      objectCount: 0,
      rootObjectCount: 0,
      fileSize: null,
      url: null,
      partialDataUrl: null,
      groupObjects,
    };
    this.operations.push(operation);
    const work = this.execute(operation, checked.rootField, pagedBulkDocument(checked), access);
    this.running.add(work);
    void work.finally(() => this.running.delete(work));
    return { operation };
  }

  cancel(id: string): { operation: BulkOperationRecord } | { message: string } {
    const operation = this.find(id);
    if (!operation) return { message: "Bulk operation does not exist" };
    if (operation.status !== "CREATED" && operation.status !== "RUNNING")
      return {
        message: `A bulk operation cannot be canceled when it is ${operation.status.toLowerCase()}`,
      };
    operation.status = "CANCELING";
    this.cancelRequested.add(id);
    return { operation };
  }

  /** For tests: resolves when every started operation has ended. */
  async whenIdle(): Promise<void> {
    while (this.running.size > 0) await Promise.allSettled([...this.running]);
  }

  private async execute(
    operation: BulkOperationRecord,
    rootField: string,
    document: ReturnType<typeof pagedBulkDocument>,
    access?: AccessGrant,
  ): Promise<void> {
    await yieldToServer();
    if (this.cancelRequested.has(operation.id)) return this.finish(operation, "CANCELED", null);
    operation.status = "RUNNING";
    const target = this.files.create();
    const stream = createWriteStream(target.file);
    const random = new Random(operation.number * 7919 + this.store.options.seed);
    const holdBack = operation.groupObjects ? 0 : (this.options.holdBack ?? 0.25);
    let carried: JsonObject[] = [];
    let bytes = 0;
    const emit = async (lines: JsonObject[]) => {
      if (lines.length === 0) return;
      const text = lines.map((line) => JSON.stringify(line)).join("\n") + "\n";
      bytes += Buffer.byteLength(text);
      operation.objectCount += lines.length;
      await write(stream, text);
    };
    try {
      let cursor: string | null = null;
      do {
        const page = await runBulkPage(this.store, document, rootField, cursor, access);
        operation.rootObjectCount += page.roots;
        let lines = page.lines;
        if (!operation.groupObjects) {
          const keep: JsonObject[] = [];
          const hold: JsonObject[] = [];
          for (const line of lines)
            ("__parentId" in line && random.chance(holdBack) ? hold : keep).push(line);
          lines = shuffle([...carried, ...keep], random);
          carried = hold;
        }
        await emit(lines);
        cursor = page.nextCursor;
        await yieldToServer();
        if (this.options.pageDelayMs)
          await new Promise((resolve) => setTimeout(resolve, this.options.pageDelayMs));
        if (this.cancelRequested.has(operation.id)) {
          await close(stream);
          return this.finish(operation, "CANCELED", null, target.url, bytes);
        }
      } while (cursor !== null);
      await emit(shuffle(carried, random));
      await close(stream);
      // A cancel that arrives after the last page still wins, as the caller was told CANCELING.
      this.finish(
        operation,
        this.cancelRequested.has(operation.id) ? "CANCELED" : "COMPLETED",
        null,
        target.url,
        bytes,
      );
    } catch (error) {
      await close(stream);
      if (error instanceof BulkQueryFailed && error.accessDenied)
        return this.finish(operation, "FAILED", "ACCESS_DENIED", target.url, bytes);
      process.stderr.write(
        `simulator: bulk operation ${operation.id} failed: ${error instanceof Error ? error.message : String(error)}\n`,
      );
      this.finish(operation, "FAILED", "INTERNAL_SERVER_ERROR", target.url, bytes);
    }
  }

  private finish(
    operation: BulkOperationRecord,
    status: BulkStatus,
    errorCode: BulkOperationRecord["errorCode"],
    url?: string,
    bytes = 0,
  ): void {
    operation.status = status;
    operation.errorCode = errorCode;
    operation.completedAt = Date.now();
    if (status === "COMPLETED") {
      operation.url = operation.objectCount > 0 ? (url ?? null) : null;
      operation.fileSize = operation.objectCount > 0 ? bytes : null;
    } else if (url && operation.objectCount > 0) {
      operation.partialDataUrl = url;
      operation.fileSize = bytes;
    }
    this.cancelRequested.delete(operation.id);
    this.store.emit({ topic: "bulk_operations/finish", record: operation });
  }
}

function shuffle<T>(items: T[], random: Random): T[] {
  for (let i = items.length - 1; i > 0; i--) {
    const j = random.int(0, i);
    const a = items[i];
    const b = items[j];
    if (a === undefined || b === undefined) continue;
    items[i] = b;
    items[j] = a;
  }
  return items;
}

const registry = new WeakMap<ShopStore, ShopBulkOperations>();

export function attachBulkOperations(
  store: ShopStore,
  files: BulkFiles,
  options?: BulkRunOptions,
): ShopBulkOperations {
  const operations = new ShopBulkOperations(store, files, options);
  registry.set(store, operations);
  return operations;
}

// A store used without startSimulator (unit tests of resolvers) still answers bulk fields; its
// files would only be reachable through a server, which startSimulator sets up.
const detachedFiles = new BulkFiles(() => "http://127.0.0.1");

export function bulkOperationsOf(store: ShopStore): ShopBulkOperations {
  return registry.get(store) ?? attachBulkOperations(store, detachedFiles);
}
