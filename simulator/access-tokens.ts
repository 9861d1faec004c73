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
}

/** The simulated admin's staff; user 1 is the default logged-in user. */
export function staffFor(shop: string): readonly StaffMember[] {
  const mailDomain = shop.replace(/\.myshopify\.com$/, ".example");
  return [
    { id: 1, first_name: "Dawn", last_name: "Rivera", email: `dawn@${mailDomain}`, account_owner: false, locale: "en", collaborator: false, email_verified: true, title: "Operations manager" },
    { id: 2, first_name: "Marcus", last_name: "Hale", email: `marcus@${mailDomain}`, account_owner: true, locale: "en", collaborator: false, email_verified: true, title: "Owner" },
    { id: 3, first_name: "Priya", last_name: "Shah", email: `priya@${mailDomain}`, account_owner: false, locale: "en", collaborator: false, email_verified: true, title: "Customer support" },
  ];
}

export const DEFAULT_STAFF_ID = 1;

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

// Lifetimes Shopify documents: online tokens end with the admin login (about a day); expiring
// offline tokens last an hour and their refresh tokens 90 days.
export const ONLINE_TOKEN_SECONDS = 86_399;
export const EXPIRING_OFFLINE_TOKEN_SECONDS = 3_600;
export const REFRESH_TOKEN_SECONDS = 90 * 24 * 3_600;

function randomToken(prefix: string): string {
  return `${prefix}${randomBytes(16).toString("hex")}`;
}

export class AccessTokenStore {
  private readonly byToken = new Map<string, AccessTokenRecord>();
  private readonly byRefreshToken = new Map<string, AccessTokenRecord>();
  private readonly offlineByShop = new Map<string, AccessTokenRecord>();

  constructor(private readonly clock: () => number = Date.now) {}

  /**
   * A non-expiring offline token is one per (app, shop) and stays the same across exchanges, as on
   * Shopify; expiring offline and online tokens are new each time.
   */
  issue(options: { shop: string; apiKey: string; scope: string; kind: AccessTokenKind; expiring?: boolean; userId?: number }): AccessTokenRecord {
    const now = this.clock();
    if (options.kind === "offline" && !options.expiring) {
      const key = `${options.apiKey}\u0000${options.shop}`;
      const existing = this.offlineByShop.get(key);
      if (existing && existing.scope === options.scope) return existing;
      const record: AccessTokenRecord = { token: randomToken("shpat_"), shop: options.shop, apiKey: options.apiKey, kind: "offline", scope: options.scope };
      this.byToken.set(record.token, record);
      this.offlineByShop.set(key, record);
      return record;
    }
    const record: AccessTokenRecord =
      options.kind === "online"
        ? {
            token: randomToken("shpua_"),
            shop: options.shop,
            apiKey: options.apiKey,
            kind: "online",
            scope: options.scope,
            expiresAt: now + ONLINE_TOKEN_SECONDS * 1000,
            ...(options.userId === undefined ? {} : { userId: options.userId }),
          }
        : {
            token: randomToken("shpat_"),
            shop: options.shop,
            apiKey: options.apiKey,
            kind: "offline",
            scope: options.scope,
            expiresAt: now + EXPIRING_OFFLINE_TOKEN_SECONDS * 1000,
            refreshToken: randomToken("shprt_"),
            refreshTokenExpiresAt: now + REFRESH_TOKEN_SECONDS * 1000,
          };
    this.byToken.set(record.token, record);
    if (record.refreshToken) this.byRefreshToken.set(record.refreshToken, record);
    return record;
  }

  /** The live token record, if `token` was issued for `shop` and has not expired. */
  find(shop: string, token: string): AccessTokenRecord | undefined {
    const record = this.byToken.get(token);
    if (!record || record.shop !== shop) return undefined;
    if (record.expiresAt !== undefined && record.expiresAt <= this.clock()) return undefined;
    return record;
  }

  /** Trades a refresh token for a new expiring offline token; the old pair stops working. */
  refresh(shop: string, apiKey: string, refreshToken: string): AccessTokenRecord | undefined {
    const record = this.byRefreshToken.get(refreshToken);
    if (!record || record.shop !== shop || record.apiKey !== apiKey) return undefined;
    if (record.refreshTokenExpiresAt !== undefined && record.refreshTokenExpiresAt <= this.clock()) return undefined;
    this.byRefreshToken.delete(refreshToken);
    this.byToken.delete(record.token);
    return this.issue({ shop, apiKey, scope: record.scope, kind: "offline", expiring: true });
  }
}
