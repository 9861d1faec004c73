// Replacing a customer's personal data inside free text and JSON columns (timeline details, job
// results, notice subjects), where it may appear anywhere: every occurrence of the customer's
// email, phone or name is replaced, and the values of keys that only ever hold personal data.

export const REDACTED = "[redacted]";

const PERSONAL_KEYS = new Set([
  "email",
  "toemail",
  "customeremail",
  "phone",
  "firstname",
  "lastname",
  "customerfirstname",
  "customerlastname",
  "customername",
  "address",
  "address1",
  "address2",
  "shippingaddress",
  "billingaddress",
  "note",
]);

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

/** A matcher for the customer's identifiers; names match as whole words, case-insensitively. */
export function identifierPattern(
  identifiers: readonly (string | null | undefined)[],
): RegExp | null {
  const terms = [
    ...new Set(
      identifiers.map((value) => value?.trim() ?? "").filter((value) => value.length >= 2),
    ),
  ];
  if (terms.length === 0) return null;
  // Longest first, so "ava.chen@example.com" is replaced whole before "ava" could match inside it.
  terms.sort((a, b) => b.length - a.length);
  return new RegExp(
    terms.map((term) => `(?<![\\p{L}\\p{N}])${escapeRegExp(term)}(?![\\p{L}\\p{N}])`).join("|"),
    "giu",
  );
}

export function scrubText(text: string, pattern: RegExp | null): string {
  return pattern ? text.replace(pattern, REDACTED) : text;
}

export function scrubNullableText(text: string | null, pattern: RegExp | null): string | null {
  return text === null ? null : scrubText(text, pattern);
}

function scrubValue(value: unknown, pattern: RegExp | null): unknown {
  if (typeof value === "string") return scrubText(value, pattern);
  if (Array.isArray(value)) return value.map((item) => scrubValue(item, pattern));
  if (value !== null && typeof value === "object") {
    return Object.fromEntries(
      Object.entries(value).map(([key, item]) => [
        key,
        PERSONAL_KEYS.has(key.toLowerCase()) && item !== null
          ? REDACTED
          : scrubValue(item, pattern),
      ]),
    );
  }
  return value;
}

/** A JSON column with personal keys and identifiers replaced; text that is not JSON is scrubbed as text. */
export function scrubJson(text: string, pattern: RegExp | null): string {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    return scrubText(text, pattern);
  }
  return JSON.stringify(scrubValue(parsed, pattern));
}

export function scrubNullableJson(text: string | null, pattern: RegExp | null): string | null {
  return text === null ? null : scrubJson(text, pattern);
}
