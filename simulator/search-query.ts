// Shopify's search syntax for the `query` argument: `field:value` terms, implicit AND, `OR`,
// `NOT` / `-field:value`, parentheses, quoted values, comparisons (`created_at:>=2026-01-01`)
// and `*` prefix wildcards. Shopify ignores a term on a field it does not know and reports it in
// `extensions.search`; compileSearch does the same so callers can surface the warning.
import { DateTime } from "luxon";

export type Comparator = ":" | "<" | ">" | "<=" | ">=";

export interface SearchTerm {
  kind: "term";
  field: string | null;
  comparator: Comparator;
  value: string;
  /** The value was quoted: match it as a phrase, never as a wildcard. */
  quoted: boolean;
}

export type SearchNode =
  | SearchTerm
  | { kind: "and"; children: SearchNode[] }
  | { kind: "or"; children: SearchNode[] }
  | { kind: "not"; child: SearchNode };

type Token =
  | { type: "lparen" }
  | { type: "rparen" }
  | { type: "word"; text: string; negated: boolean };

export function parseSearchQuery(query: string): SearchNode | null {
  const tokens = tokenize(query);
  let position = 0;

  const peek = () => tokens[position];
  const parseOr = (): SearchNode | null => {
    const children: SearchNode[] = [];
    const first = parseAnd();
    if (first) children.push(first);
    while (isKeyword(peek(), "OR")) {
      position += 1;
      const next = parseAnd();
      if (next) children.push(next);
    }
    return children.length === 0
      ? null
      : children.length === 1
        ? (children[0] ?? null)
        : { kind: "or", children };
  };
  const parseAnd = (): SearchNode | null => {
    const children: SearchNode[] = [];
    for (;;) {
      const token = peek();
      if (!token || token.type === "rparen" || isKeyword(token, "OR")) break;
      if (isKeyword(token, "AND")) {
        position += 1;
        continue;
      }
      const node = parseUnary();
      if (node) children.push(node);
    }
    return children.length === 0
      ? null
      : children.length === 1
        ? (children[0] ?? null)
        : { kind: "and", children };
  };
  const parseUnary = (): SearchNode | null => {
    const token = tokens[position++];
    if (!token) return null;
    if (isKeyword(token, "NOT")) {
      const child = parseUnary();
      return child ? { kind: "not", child } : null;
    }
    if (token.type === "lparen") {
      const inner = parseOr();
      if (peek()?.type === "rparen") position += 1;
      return inner;
    }
    if (token.type === "rparen") return null;
    const term = parseTerm(token.text);
    return token.negated ? { kind: "not", child: term } : term;
  };

  const result = parseOr();
  // Stray closing parentheses: Shopify is lenient, so parse what follows too.
  const rest: SearchNode[] = [];
  while (position < tokens.length) {
    position += 1;
    const more = parseOr();
    if (more) rest.push(more);
  }
  if (rest.length === 0) return result;
  return { kind: "and", children: [...(result ? [result] : []), ...rest] };
}

function isKeyword(token: Token | undefined, keyword: "AND" | "OR" | "NOT"): boolean {
  return token?.type === "word" && !token.negated && token.text === keyword;
}

function tokenize(query: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < query.length) {
    const char = query[i] ?? "";
    if (/\s/.test(char)) {
      i += 1;
    } else if (char === "(") {
      tokens.push({ type: "lparen" });
      i += 1;
    } else if (char === ")") {
      tokens.push({ type: "rparen" });
      i += 1;
    } else {
      let negated = false;
      if (char === "-" && i + 1 < query.length && !/[\s)]/.test(query[i + 1] ?? "")) {
        negated = true;
        i += 1;
      }
      let text = "";
      while (i < query.length) {
        const c = query[i] ?? "";
        if (c === '"' || c === "'") {
          const close = query.indexOf(c, i + 1);
          const end = close === -1 ? query.length : close;
          text += c + query.slice(i + 1, end) + c;
          i = end + 1;
        } else if (c === "\\" && i + 1 < query.length) {
          text += query[i + 1] ?? "";
          i += 2;
        } else if (/\s/.test(c) || c === "(" || c === ")") {
          break;
        } else {
          text += c;
          i += 1;
        }
      }
      tokens.push({ type: "word", text, negated });
    }
  }
  return tokens;
}

function parseTerm(text: string): SearchTerm {
  const colon = text.indexOf(":");
  const quoteAt = text.search(/["']/);
  if (colon <= 0 || (quoteAt !== -1 && quoteAt < colon))
    return { kind: "term", field: null, comparator: ":", ...unquote(text) };
  const field = text.slice(0, colon).toLowerCase();
  let rest = text.slice(colon + 1);
  let comparator: Comparator = ":";
  for (const op of [">=", "<=", ">", "<"] as const) {
    if (rest.startsWith(op)) {
      comparator = op;
      rest = rest.slice(op.length);
      break;
    }
  }
  return { kind: "term", field, comparator, ...unquote(rest) };
}

function unquote(text: string): { value: string; quoted: boolean } {
  const match = /^(["'])(.*)\1$/s.exec(text);
  return match ? { value: match[2] ?? "", quoted: true } : { value: text, quoted: false };
}

// ---------------------------------------------------------------------------------------------

export type FieldMatcher<T> = (record: T, term: SearchTerm) => boolean;

export interface SearchWarning {
  field: string;
  message: string;
  code: "invalid_field";
}

export interface CompiledSearch<T> {
  matches: (record: T) => boolean;
  warnings: SearchWarning[];
  /** Shopify echoes its reading of the query; a similar structure, with unknown terms removed. */
  parsed: unknown;
}

export function compileSearch<T>(
  query: string | null | undefined,
  fields: Readonly<Record<string, FieldMatcher<T>>>,
  freeText: FieldMatcher<T>,
): CompiledSearch<T> {
  const warnings: SearchWarning[] = [];
  const tree = query ? parseSearchQuery(query) : null;
  const build = (node: SearchNode): { test: (record: T) => boolean; parsed: unknown } | null => {
    switch (node.kind) {
      case "term": {
        if (node.field === null)
          return { test: (record) => freeText(record, node), parsed: describeTerm(node) };
        const matcher = fields[node.field];
        if (!matcher) {
          if (!warnings.some((warning) => warning.field === node.field))
            warnings.push({
              field: node.field,
              message: "Invalid search field for this query.",
              code: "invalid_field",
            });
          return null;
        }
        return { test: (record) => matcher(record, node), parsed: describeTerm(node) };
      }
      case "not": {
        const inner = build(node.child);
        return inner
          ? { test: (record) => !inner.test(record), parsed: { not: inner.parsed } }
          : null;
      }
      case "and":
      case "or": {
        const parts = node.children.flatMap((child) => build(child) ?? []);
        if (parts.length === 0) return null;
        if (parts.length === 1) return parts[0] ?? null;
        const tests = parts.map((part) => part.test);
        const test =
          node.kind === "and"
            ? (record: T) => tests.every((one) => one(record))
            : (record: T) => tests.some((one) => one(record));
        return { test, parsed: { [node.kind]: parts.map((part) => part.parsed) } };
      }
    }
  };
  const compiled = tree ? build(tree) : null;
  return {
    matches: compiled ? compiled.test : () => true,
    warnings,
    parsed: compiled?.parsed ?? {},
  };
}

function describeTerm(term: SearchTerm): Record<string, string> {
  const key =
    term.comparator === ">"
      ? "range_gt"
      : term.comparator === ">="
        ? "range_gte"
        : term.comparator === "<"
          ? "range_lt"
          : term.comparator === "<="
            ? "range_lte"
            : term.quoted
              ? "match_phrase"
              : "match_all";
  return term.field === null ? { [key]: term.value } : { field: term.field, [key]: term.value };
}

// --- value matchers shared by the resources --------------------------------------------------

/** Case-insensitive equality; a trailing `*` on an unquoted value matches a prefix. */
export function matchText(actual: string | null | undefined, term: SearchTerm): boolean {
  if (actual === null || actual === undefined) return false;
  const have = actual.toLowerCase();
  const want = term.value.toLowerCase();
  if (term.comparator !== ":") return compareValues(have, want, term.comparator);
  if (!term.quoted && want.endsWith("*")) return have.startsWith(want.slice(0, -1));
  return have === want;
}

export function matchNumber(actual: number | null | undefined, term: SearchTerm): boolean {
  if (actual === null || actual === undefined) return false;
  const want = Number(term.value);
  if (term.value.trim() === "" || Number.isNaN(want)) return false;
  return term.comparator === ":" ? actual === want : compareValues(actual, want, term.comparator);
}

export function matchBoolean(actual: boolean, term: SearchTerm): boolean {
  const want = term.value.toLowerCase();
  if (want !== "true" && want !== "false") return false;
  return actual === (want === "true");
}

/**
 * Dates: a bare date (2026-01-01) means that whole day in the shop's time zone, so `:` matches
 * within the day, `>` after it, `<=` up to its end; a full timestamp is an instant. Invalid dates
 * match nothing.
 */
export function matchDate(
  actualMs: number | null | undefined,
  term: SearchTerm,
  timezone: string,
  nowMs: number,
): boolean {
  if (actualMs === null || actualMs === undefined) return false;
  const range = cachedDateRange(term, timezone, nowMs);
  if (!range) return false;
  const [start, end] = range;
  switch (term.comparator) {
    case ":":
      return actualMs >= start && actualMs < end;
    case ">":
      return actualMs >= end;
    case ">=":
      return actualMs >= start;
    case "<":
      return actualMs < start;
    case "<=":
      return actualMs < end;
  }
}

// Parsing a date with luxon costs microseconds; a filter over 100k orders must parse it once.
const dateRangeCache = new WeakMap<SearchTerm, { key: string; range: [number, number] | null }>();

function cachedDateRange(
  term: SearchTerm,
  timezone: string,
  nowMs: number,
): [number, number] | null {
  const key = `${timezone}|${nowMs}`;
  const cached = dateRangeCache.get(term);
  if (cached && cached.key === key) return cached.range;
  const range = dateRange(term.value, timezone, nowMs);
  dateRangeCache.set(term, { key, range });
  return range;
}

const RELATIVE_UNITS: Readonly<Record<string, "hours" | "days" | "weeks" | "months" | "years">> = {
  h: "hours",
  d: "days",
  w: "weeks",
  m: "months",
  y: "years",
};

function dateRange(value: string, timezone: string, nowMs: number): [number, number] | null {
  const lower = value.toLowerCase();
  const today = DateTime.fromMillis(nowMs, { zone: timezone }).startOf("day");
  if (lower === "now") return [nowMs, nowMs + 1];
  if (lower === "today") return [today.toMillis(), today.plus({ days: 1 }).toMillis()];
  if (lower === "yesterday") return [today.minus({ days: 1 }).toMillis(), today.toMillis()];
  // Relative offsets such as -7d or -2w, counted from now.
  const relative = /^-(\d+)([hdwmy])$/.exec(lower);
  if (relative) {
    const amount = Number(relative[1]);
    const unit = RELATIVE_UNITS[relative[2] ?? ""];
    if (!unit) return null;
    const at = DateTime.fromMillis(nowMs, { zone: timezone })
      .minus({ [unit]: amount })
      .toMillis();
    return [at, at + 1];
  }
  if (/^\d{4}-\d{2}-\d{2}$/.test(value)) {
    const day = DateTime.fromISO(value, { zone: timezone });
    return day.isValid ? [day.toMillis(), day.plus({ days: 1 }).toMillis()] : null;
  }
  const instant = DateTime.fromISO(value, { zone: timezone });
  if (!instant.isValid) return null;
  return [instant.toMillis(), instant.toMillis() + 1];
}

function compareValues<V extends number | string>(
  actual: V,
  want: V,
  comparator: Exclude<Comparator, ":">,
): boolean {
  switch (comparator) {
    case "<":
      return actual < want;
    case "<=":
      return actual <= want;
    case ">":
      return actual > want;
    case ">=":
      return actual >= want;
  }
}
