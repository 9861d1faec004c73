// Who may hand a notice to the SMTP server right now. The job item's lease says which runner
// performs the item, but a lease can be lost by a runner that is still alive (a CPU-starved
// process whose heartbeat slipped): another runner then performs the same item while the first is
// mid-send. The send claim is a second, shorter-lived rule on the Notice row itself: one
// conditional write takes it, it is never renewed, and it outlasts the longest a live send can
// take (the transport's timeouts, mail-transport.server.ts). While it holds, a second performer
// waits for the first's outcome instead of sending; only a claim that ran out (its holder died
// or hung past every timeout) is taken over, and the taker sends the stored bytes again
// (compose-mail.ts): the same message with the same Message-ID, which a mailbox files once.
// Wall time, as for leases: other processes compare it with theirs.
import { randomUUID } from "node:crypto";

/** How long a send claim holds (production; NOTICE_SEND_CLAIM_MS shortens it for tests). */
export const DEFAULT_SEND_CLAIM_MS = 120_000;

/** How often a performer that found another's live claim looks again. */
export const SEND_CLAIM_POLL_MS = 200;

/** One per send attempt, so a performer can tell its own claim from another's. */
export function newSendClaimToken(): string {
  return randomUUID();
}

/** Nobody may be sending it: never claimed, released, or the claim ran out before `now`. */
export function sendClaimFree(now: Date) {
  return { OR: [{ sendingUntil: null }, { sendingUntil: { lt: now } }] };
}

export function sendClaimedBy(token: string, now: Date, claimMs: number) {
  return { sendingBy: token, sendingUntil: new Date(now.getTime() + claimMs) };
}

export const sendClaimReleased = { sendingBy: null, sendingUntil: null };

/** How long to wait before looking again at a claim held until `until`. */
export function waitForClaimMs(until: Date | null, now: Date): number {
  const left = (until?.getTime() ?? 0) - now.getTime();
  return Math.max(1, Math.min(SEND_CLAIM_POLL_MS, left + 1));
}
