// Whatever reaches the log is read by more people, and kept longer, than the database: no
// credential, signed value or customer email may be in it, at any level. The Shopify library's
// debug lines carry some of these verbatim (see app/shopify-app.server.ts for where), so every line
// passes through here before it is written. Shapes, not known values, so a token minted after
// start-up (a refresh, a new session token) is caught too; `known` adds literal values that have
// no recognisable shape (the app secret).

const REDACTED = "[redacted]";

/** Query or form parameters whose value proves something: session tokens, signatures, OAuth codes, choice-link tokens. */
const SIGNED_PARAMS = [
  "id_token",
  "session",
  "signature",
  "hmac",
  "token",
  "code",
  "access_token",
  "refresh_token",
  "client_secret",
  "subject_token",
];

/** JSON keys and header names that hold a credential, whatever its shape. */
const SECRET_KEYS = [
  "token",
  "secret",
  "password",
  "accessToken",
  "access_token",
  "refreshToken",
  "refresh_token",
  "sessionToken",
  "session_token",
  "id_token",
  "idToken",
  "apiSecretKey",
  "client_secret",
  "x-shopify-access-token",
  "x-shopify-hmac-sha256",
  "x-shopify-storefront-access-token",
  "authorization",
];

const escape = (value: string) => value.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

const PATTERNS: ReadonlyArray<readonly [RegExp, string]> = [
  // A JWT (App Bridge session token, Customer Account token): base64url of '{"' starts "eyJ".
  [/eyJ[\w-]{4,}(?:\.[\w-]*){0,2}/g, `${REDACTED}jwt`],
  // Shopify's prefixed tokens: shpat_ (Admin), shprt_ (refresh), shpca_/shpss_/shppa_/shpua_ and others.
  [/\bshp[a-z]{2,3}_[A-Za-z0-9]+/g, `shp_${REDACTED}`],
  [/\bBearer\s+[^\s"',}]+/gi, `Bearer ${REDACTED}`],
  // name=value in a URL or form body, raw or percent-encoded once (a URL inside another's query).
  [
    new RegExp(
      `([?&;\\s"'{,]|^|%26|%3F)(${SIGNED_PARAMS.map(escape).join("|")})(=|%3D)[^&\\s"',;}]*`,
      "gi",
    ),
    `$1$2$3${REDACTED}`,
  ],
  // "key": "value", key: value, key=value (JSON, the library's `{key: value}` context, headers).
  [
    new RegExp(
      `(["']?\\b(?:${SECRET_KEYS.map(escape).join("|")})["']?\\s*[:=]\\s*)(?:"[^"]*"|'[^']*'|[^\\s,}&]+)`,
      "gi",
    ),
    `$1${REDACTED}`,
  ],
  // Credentials inside a URL (SMTP_URL, DATABASE_URL): scheme://user:password@host.
  [/([a-z][a-z0-9+.-]*:\/\/)[^\s/@:]+:[^\s/@]+@/gi, `$1${REDACTED}@`],
  // Email addresses, raw or with a percent-encoded @.
  [
    /[A-Za-z0-9._%+-]+(?:@|%40)[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}/g,
    `${REDACTED}email`,
  ],
];

export interface RedactionOptions {
  /** Literal secrets with no recognisable shape (the app's API secret); shorter than 6 are ignored. */
  known?: readonly string[];
}

export function redactSecrets(message: string, options: RedactionOptions = {}): string {
  let out = message;
  for (const secret of options.known ?? []) {
    if (secret.length >= 6) out = out.split(secret).join(REDACTED);
  }
  for (const [pattern, replacement] of PATTERNS) out = out.replace(pattern, replacement);
  return out;
}
