// Admin API access tokens the simulator has handed out, per shop, and the staff members who can be
// "logged in" to the simulated admin. Tokens are random, like Shopify's, so an app cannot guess or
// derive one; it must go through token exchange (or a test asks issueAccessToken).
import { randomBytes } from "node:crypto";

export interface StaffMember {
  id: number;
  first_name: string;
  last_name: string;
  email: string;
  account_owner: boolean;
  locale: string;
  collaborator: boolean;
  email_verified: boolean;
  /** Not part of Shopify's associated_user; shown in the simulated admin's top bar. */
  title: string;
  /**
   * App scopes this staff member's admin permissions do not cover (not part of associated_user).
   * An online token's associated_user_scope is the app's scopes less these: "Tokens with online
   * access mode have the same permissions as the user that's logged in"
   * (https://shopify.dev/docs/apps/build/authentication-authorization/access-tokens/online-access-tokens).
   * An account owner has every permission.
   */
  withoutScopes: readonly string[];
}

/** The simulated admin's staff; user 1 is the default logged-in user. */
export function staffFor(shop: string): readonly StaffMember[] {
  const mailDomain = shop.replace(/\.myshopify\.com$/, ".example");
  return [
    {
      id: 1,
      first_name: "Dawn",
      last_name: "Rivera",
      email: `dawn@${mailDomain}`,
      account_owner: false,
      locale: "en",
      collaborator: false,
      email_verified: true,
      title: "Operations manager",
      withoutScopes: [],
    },
    {
      id: 2,
      first_name: "Marcus",
      last_name: "Hale",
      email: `marcus@${mailDomain}`,
      account_owner: true,
      locale: "en",
      collaborator: false,
      email_verified: true,
      title: "Owner",
      withoutScopes: [],
    },
    {
      id: 3,
      first_name: "Priya",
      last_name: "Shah",
      email: `priya@${mailDomain}`,
      account_owner: false,
      locale: "en",
      collaborator: false,
      email_verified: true,
      title: "Customer support",
      // Support answers customers but may not refund or cancel: no "Refund orders" / "Edit
      // orders" permission, so no write_orders (read_orders stays: they can see orders).
      withoutScopes: ["write_orders"],
    },
  ];
}

export const DEFAULT_STAFF_ID = 1;

/**
 * The scopes an online token carries for this staff member: the app's granted scopes narrowed to
 * the member's permissions. A write scope they lack keeps its read scope when the app has either
 * ("write_orders" removed leaves "read_orders"), as a staff member who may view orders but not
 * refund them.
 */
export function userScope(appScopes: string, member: StaffMember): string {
  const scopes = appScopes
    .split(",")
    .map((scope) => scope.trim())
    .filter(Boolean);
  const kept: string[] = [];
  for (const scope of scopes) {
    if (!member.withoutScopes.includes(scope)) {
      if (!kept.includes(scope)) kept.push(scope);
      continue;
    }
    const read = scope.startsWith("write_") ? `read_${scope.slice("write_".length)}` : null;
    if (read && !kept.includes(read) && !member.withoutScopes.includes(read)) kept.push(read);
  }
  return kept.join(",");
}

export function findStaffMember(shop: string, id: number): StaffMember | undefined {
  return staffFor(shop).find((member) => member.id === id);
}

export type AccessTokenKind = "offline" | "online";

export interface AccessTokenRecord {
  token: string;
  shop: string;
  apiKey: string;
  kind: AccessTokenKind;
  scope: string;
  /** ms since epoch; undefined for tokens that never expire (classic offline tokens). */
  expiresAt?: number;
  userId?: number;
  refreshToken?: string;
  refreshTokenExpiresAt?: number;
}

/** A refresh token Shopify handed out with an expiring offline access token. */
interface RefreshTokenRecord {
  token: string;
  shop: string;
  apiKey: string;
  scope: string;
  expiresAt: number;
  /** The refresh token that was traded for this one; retired once this one is first used. */
  parent?: string;
  /** When this token was first traded; its retries are allowed for 30 days from then. */
  firstUsedAt?: number;
  retired: boolean;
}

/** One call to the token endpoint that issued or refused an offline token (for tests to count). */
export interface TokenGrantRecord {
  shop: string;
  grant: "token_exchange" | "refresh_token";
  at: number;
  /** The refresh token traded (refresh_token grant only). */
  refreshToken?: string;
  outcome: "issued" | "invalid_grant";
  /** The new access token, when one was issued. */
  accessToken?: string;
}

// Lifetimes Shopify documents: online tokens end with the admin login (about a day); expiring
// offline tokens last an hour and their refresh tokens 90 days.
// shopify.dev/changelog/offline-access-tokens-now-support-expiry-and-refresh (expires_in 3600);
// shopify.dev/changelog/more-resilient-refreshes-for-expiring-offline-access-tokens (90-day
// lifetime, 30-day recovery window).
export const ONLINE_TOKEN_SECONDS = 86_399;
export const EXPIRING_OFFLINE_TOKEN_SECONDS = 3_600;
export const REFRESH_TOKEN_SECONDS = 90 * 24 * 3_600;
export const REFRESH_RETRY_WINDOW_SECONDS = 30 * 24 * 3_600;

function randomToken(prefix: string): string {
  return `${prefix}${randomBytes(16).toString("hex")}`;
}

export interface AccessTokenStoreOptions {
  /** Lifetime of an expiring offline access token; Shopify's is 3600 s. Tests may shorten it. */
  accessTokenSeconds?: number;
}

export class AccessTokenStore {
  private readonly byToken = new Map<string, AccessTokenRecord>();
  private readonly refreshTokens = new Map<string, RefreshTokenRecord>();
  private readonly offlineByShop = new Map<string, AccessTokenRecord>();
  private readonly grantLog: TokenGrantRecord[] = [];
  private readonly accessTokenSeconds: number;

  constructor(
    private readonly clock: () => number = Date.now,
    options: AccessTokenStoreOptions = {},
  ) {
    this.accessTokenSeconds = options.accessTokenSeconds ?? EXPIRING_OFFLINE_TOKEN_SECONDS;
  }

  /**
   * A non-expiring offline token is one per (app, shop) and stays the same across exchanges, as on
   * Shopify; expiring offline and online tokens are new each time.
   */
  issue(options: {
    shop: string;
    apiKey: string;
    scope: string;
    kind: AccessTokenKind;
    expiring?: boolean;
    userId?: number;
  }): AccessTokenRecord {
    return this.issueRecord(options);
  }

  private issueRecord(
    options: {
      shop: string;
      apiKey: string;
      scope: string;
      kind: AccessTokenKind;
      expiring?: boolean;
      userId?: number;
    },
    parent?: string,
  ): AccessTokenRecord {
    const now = this.clock();
    if (options.kind === "offline" && !options.expiring) {
      const key = `${options.apiKey}\u0000${options.shop}`;
      const existing = this.offlineByShop.get(key);
      if (existing && existing.scope === options.scope) return existing;
      const record: AccessTokenRecord = {
        token: randomToken("shpat_"),
        shop: options.shop,
        apiKey: options.apiKey,
        kind: "offline",
        scope: options.scope,
      };
      this.byToken.set(record.token, record);
      this.offlineByShop.set(key, record);
      return record;
    }
    if (options.kind === "online") {
      const record: AccessTokenRecord = {
        token: randomToken("shpua_"),
        shop: options.shop,
        apiKey: options.apiKey,
        kind: "online",
        scope: options.scope,
        expiresAt: now + ONLINE_TOKEN_SECONDS * 1000,
        ...(options.userId === undefined ? {} : { userId: options.userId }),
      };
      this.byToken.set(record.token, record);
      return record;
    }
    const refresh: RefreshTokenRecord = {
      token: randomToken("shprt_"),
      shop: options.shop,
      apiKey: options.apiKey,
      scope: options.scope,
      expiresAt: now + REFRESH_TOKEN_SECONDS * 1000,
      ...(parent === undefined ? {} : { parent }),
      retired: false,
    };
    const record: AccessTokenRecord = {
      token: randomToken("shpat_"),
      shop: options.shop,
      apiKey: options.apiKey,
      kind: "offline",
      scope: options.scope,
      expiresAt: now + this.accessTokenSeconds * 1000,
      refreshToken: refresh.token,
      refreshTokenExpiresAt: refresh.expiresAt,
    };
    this.byToken.set(record.token, record);
    this.refreshTokens.set(refresh.token, refresh);
    return record;
  }

  /** The live token record, if `token` was issued for `shop` and has not expired. */
  find(shop: string, token: string): AccessTokenRecord | undefined {
    const record = this.byToken.get(token);
    if (!record || record.shop !== shop) return undefined;
    if (record.expiresAt !== undefined && record.expiresAt <= this.clock()) return undefined;
    return record;
  }

  /** Records a token exchange that issued an offline token (the endpoint calls this). */
  recordExchange(shop: string, record: AccessTokenRecord): void {
    this.grantLog.push({
      shop,
      grant: "token_exchange",
      at: this.clock(),
      outcome: "issued",
      accessToken: record.token,
    });
  }

  /**
   * Trades a refresh token for a new expiring offline access token and refresh token, as Shopify
   * does since August 2026: the traded token stays usable (a retry after a lost answer gets another
   * new pair) until one of its replacements is first traded, for at most 30 days from its first use
   * and never beyond its own 90 days. Trading a replacement retires the token it replaced.
   */
  refresh(shop: string, apiKey: string, refreshToken: string): AccessTokenRecord | undefined {
    const now = this.clock();
    const record = this.refreshTokens.get(refreshToken);
    const usable =
      record !== undefined &&
      record.shop === shop &&
      record.apiKey === apiKey &&
      !record.retired &&
      record.expiresAt > now &&
      (record.firstUsedAt === undefined ||
        now - record.firstUsedAt < REFRESH_RETRY_WINDOW_SECONDS * 1000);
    if (!record || !usable) {
      this.grantLog.push({
        shop,
        grant: "refresh_token",
        at: now,
        refreshToken,
        outcome: "invalid_grant",
      });
      return undefined;
    }
    record.firstUsedAt ??= now;
    if (record.parent) {
      const parent = this.refreshTokens.get(record.parent);
      if (parent) parent.retired = true;
    }
    const issued = this.issueRecord(
      { shop, apiKey, scope: record.scope, kind: "offline", expiring: true },
      record.token,
    );
    this.grantLog.push({
      shop,
      grant: "refresh_token",
      at: now,
      refreshToken,
      outcome: "issued",
      accessToken: issued.token,
    });
    return issued;
  }

  /** Ends every live expiring offline access token of `shop` now; returns how many it ended. */
  expireAccessTokens(shop: string): number {
    const now = this.clock();
    let count = 0;
    for (const record of this.byToken.values()) {
      if (
        record.shop !== shop ||
        record.kind !== "offline" ||
        record.expiresAt === undefined ||
        record.expiresAt <= now
      )
        continue;
      record.expiresAt = now;
      count += 1;
    }
    return count;
  }

  /** Every offline token grant for `shop`, oldest first. */
  grants(shop: string): readonly TokenGrantRecord[] {
    return this.grantLog.filter((grant) => grant.shop === shop);
  }
}
