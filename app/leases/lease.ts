// One lease mechanism for every piece of background work that several app processes share
// (docs/decisions/012-leases-for-many-processes.md): a row is claimed by a conditional updateMany
// that sets leaseOwner and leaseUntil, renewed by its owner's heartbeat, and free again for anyone
// once leaseUntil has passed. The same two columns and the same conditions on job items, order
// sync tasks and named leases (app/leases/named-lease.server.ts); plain SQL both SQLite and
// PostgreSQL run the same way.
import { randomUUID } from "node:crypto";
import { hostname } from "node:os";

/** A lease is held this long without a heartbeat (production; tests shorten it). */
export const DEFAULT_LEASE_MS = 60_000;

/** Renew at a third of the lease, so two missed beats still keep it. */
export function heartbeatMs(leaseMs: number): number {
  return Math.max(50, Math.floor(leaseMs / 3));
}

/** Who this process is, as written in leaseOwner: unique per process start, readable in a row. */
export function newLeaseOwner(): string {
  return `${hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`;
}

/** Nobody holds it: never leased, or its holder stopped renewing before `now`. */
export function leaseFree(now: Date) {
  return { OR: [{ leaseUntil: null }, { leaseUntil: { lt: now } }] };
}

export function leasedTo(owner: string, now: Date, leaseMs: number) {
  return { leaseOwner: owner, leaseUntil: new Date(now.getTime() + leaseMs) };
}

export const released = { leaseOwner: null, leaseUntil: null };
