// Named leases (the Lease table) for periodic work one process at a time should do: ending a
// shop's due pause, pruning, the reconcile round. The same conditional write as every other lease
// (app/leases/lease.ts, decision 012), on a row created the first time it is claimed.
import { Prisma, type PrismaClient } from "@prisma/client";
import { leaseFree, leasedTo, released } from "./lease";

export interface LeaseKey {
  /** "" for app-wide work. */
  shop: string;
  name: string;
}

/** True when `owner` holds the lease for `ms` from now (taken, or already its own). */
export async function claimNamedLease(
  db: Pick<PrismaClient, "lease">,
  key: LeaseKey,
  owner: string,
  ms: number,
  now = new Date(),
): Promise<boolean> {
  const { count } = await db.lease.updateMany({
    where: { ...key, OR: [...leaseFree(now).OR, { leaseOwner: owner }] },
    data: leasedTo(owner, now, ms),
  });
  if (count === 1) return true;
  try {
    await db.lease.create({ data: { ...key, ...leasedTo(owner, now, ms) } });
    return true;
  } catch (error) {
    // The row exists and someone else holds it.
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002")
      return false;
    throw error;
  }
}

export async function releaseNamedLease(
  db: Pick<PrismaClient, "lease">,
  key: LeaseKey,
  owner: string,
): Promise<void> {
  await db.lease.updateMany({ where: { ...key, leaseOwner: owner }, data: released });
}
