// The app's session storage: Prisma's, plus one rule — an expiring offline session is never handed
// out within 5 minutes of its expiry. Every way the library builds an admin context
// (authenticate.admin, unauthenticated.admin, authenticate.webhook, app proxy) loads the offline
// session through here, so the refresh happens in one place, before the library's own check
// (ensure-offline-token-is-not-expired.ts) would run its unconditional storeSession.
//
// Storing a new pair is one conditional write: the row is updated only if it still holds the
// refresh token we traded. If another process (or a token exchange) stored a pair first, we use
// theirs and drop ours; Shopify keeps the traded token usable until a replacement is first used
// (https://shopify.dev/changelog/more-resilient-refreshes-for-expiring-offline-access-tokens), so an
// unused extra pair costs nothing and no stored pair is ever overwritten by an older one. Within
// one process, concurrent loads share one refresh.
import type { PrismaClient } from "@prisma/client";
import { Session } from "@shopify/shopify-api";
import type { SessionStorage } from "@shopify/shopify-app-session-storage";
import {
  needsRefresh,
  offlineSessionId,
  pairFromAnswer,
  type RefreshAnswer,
} from "./offline-token";
import { RefreshTokenRefused } from "./refresh-offline-token.server";

export interface RefreshingSessionStorageOptions {
  inner: SessionStorage;
  db: PrismaClient;
  refresh: (shop: string, refreshToken: string) => Promise<RefreshAnswer>;
  now?: () => number;
  /** Never given a token; shop names only. */
  warn?: (message: string) => void;
}

export class RefreshingSessionStorage implements SessionStorage {
  private readonly inFlight = new Map<string, Promise<Session>>();
  private readonly reading = new Map<string, Promise<Session | undefined>>();
  private readonly now: () => number;
  private readonly warn: (message: string) => void;

  constructor(private readonly options: RefreshingSessionStorageOptions) {
    this.now = options.now ?? Date.now;
    this.warn = options.warn ?? ((message) => console.warn(message));
  }

  storeSession(session: Session): Promise<boolean> {
    return this.options.inner.storeSession(session);
  }

  deleteSession(id: string): Promise<boolean> {
    return this.options.inner.deleteSession(id);
  }

  deleteSessions(ids: string[]): Promise<boolean> {
    return this.options.inner.deleteSessions(ids);
  }

  findSessionsByShop(shop: string): Promise<Session[]> {
    return this.options.inner.findSessionsByShop(shop);
  }

  async loadSession(id: string): Promise<Session | undefined> {
    const session = await this.readShared(id);
    if (
      !session ||
      session.isOnline ||
      !session.refreshToken ||
      !needsRefresh(session.expires, this.now())
    )
      return session;
    try {
      return await this.refreshed(session, session.refreshToken);
    } catch (error) {
      if (!(error instanceof RefreshTokenRefused)) throw error;
      // Handed out without its dead refresh token, the library does not try it again; the next
      // admin page load replaces the pair by token exchange.
      return new Session({
        ...session.toObject(),
        refreshToken: undefined,
        refreshTokenExpires: undefined,
      });
    }
  }

  /**
   * One read of a session for every load of it in flight at once: a document request runs the app
   * frame's loader and the page's side by side, and each authenticates (issue 15 point 5: the
   * admin pages' first byte). Nothing is kept once the read settles, so a later load sees a newer row.
   */
  private readShared(id: string): Promise<Session | undefined> {
    let pending = this.reading.get(id);
    if (!pending) {
      pending = this.options.inner.loadSession(id).finally(() => this.reading.delete(id));
      this.reading.set(id, pending);
    }
    return pending;
  }

  /**
   * The offline session to use after Shopify answered 401 to `rejectedAccessToken` although it was
   * not due to expire (ended early, or clocks disagree): a stored newer token if there is one, else
   * a refreshed pair. Throws RefreshTokenRefused when the shop can only be reached again through
   * token exchange (a staff member opening the app).
   */
  async replaceRejected(shop: string, rejectedAccessToken: string): Promise<Session> {
    const session = await this.options.inner.loadSession(offlineSessionId(shop));
    if (!session) throw new RefreshTokenRefused(shop, "no offline session stored");
    if (session.accessToken !== rejectedAccessToken) return session;
    if (!session.refreshToken) throw new RefreshTokenRefused(shop, "no refresh token stored");
    return this.refreshed(session, session.refreshToken);
  }

  private refreshed(session: Session, refreshToken: string): Promise<Session> {
    const key = `${session.id}\u0000${refreshToken}`;
    let pending = this.inFlight.get(key);
    if (!pending) {
      pending = this.refreshOnce(session, refreshToken).finally(() => this.inFlight.delete(key));
      this.inFlight.set(key, pending);
    }
    return pending;
  }

  private async refreshOnce(session: Session, refreshToken: string): Promise<Session> {
    // The caller read `session` before this refresh was due, and a refresh of the same token may
    // have finished in between (the in-flight entry is gone once it settles): then the stored pair
    // is already the new one, and trading the old refresh token again would mint a second live
    // token. Seen on PostgreSQL, where a read and the next step are further apart than on SQLite.
    const stored = await this.options.inner.loadSession(session.id);
    if (stored && stored.refreshToken && stored.refreshToken !== refreshToken) return stored;
    let answer: RefreshAnswer;
    try {
      answer = await this.options.refresh(session.shop, refreshToken);
    } catch (error) {
      if (!(error instanceof RefreshTokenRefused)) throw error;
      // Refused because someone else already traded it and used the replacement: theirs is stored.
      const current = await this.options.inner.loadSession(session.id);
      if (current && current.refreshToken && current.refreshToken !== refreshToken) return current;
      this.warn(
        `Shopify refused the offline refresh token of ${session.shop}; background work for this shop waits until a staff member opens the app.`,
      );
      throw error;
    }
    const pair = pairFromAnswer(answer, this.now());
    const { count } = await this.options.db.session.updateMany({
      where: { id: session.id, shop: session.shop, refreshToken },
      data: pair,
    });
    if (count === 1) return new Session({ ...session.toObject(), ...pair });
    const current = await this.options.inner.loadSession(session.id);
    if (!current)
      throw new RefreshTokenRefused(
        session.shop,
        "the offline session was deleted during a refresh",
      );
    return current;
  }
}
