// Reads a JSONL body as it arrives, so a 100k-order file (about 120 MB) never sits in memory as one
// string. Lines come out about a megabyte's worth at a time, as text: awaiting each of 500,000 lines on its
// own cost more than parsing them, and the caller parses each line itself, so one malformed line
// can be reported without losing the rest. Handles lines and multi-byte characters split across
// chunks.

export interface JsonlLines {
  /** The 1-based number of `lines[0]` in the file (blank lines count). */
  first: number;
  /** The lines' text, blank lines as "". */
  lines: string[];
}

/**
 * Characters of the file split into lines at once (a network body comes in chunks of a few KB).
 * The import keeps every line's text until the last line (join-bulk-orders.ts), and a line's
 * string is a slice of the text it was split from: a text of a megabyte or more is allocated by
 * V8 in its large-object space, never moved again, where a 64 KB one is copied twice by the young
 * generation's collector as it ages (about a second of a 100k-order import).
 */
const LINES_TEXT_AT_ONCE = 1 << 20;

export async function* jsonlLineBatches(
  body: AsyncIterable<Uint8Array> | ReadableStream<Uint8Array>,
  textAtOnce = LINES_TEXT_AT_ONCE,
): AsyncGenerator<JsonlLines> {
  const decoder = new TextDecoder("utf-8");
  let pending = "";
  let next = 1;
  const chunks: AsyncIterable<Uint8Array> =
    Symbol.asyncIterator in body ? body : streamChunks(body);
  let texts: string[] = [];
  let length = 0;
  const batch = (): string[] => {
    const lines = (pending + texts.join("")).split("\n");
    texts = [];
    length = 0;
    // The last piece has no newline yet: it is the start of a line the next chunk ends.
    pending = lines.pop() ?? "";
    return lines;
  };
  for await (const chunk of chunks) {
    const text = decoder.decode(chunk, { stream: true });
    texts.push(text);
    length += text.length;
    if (length < textAtOnce) continue;
    const lines = batch();
    if (lines.length === 0) continue;
    yield { first: next, lines };
    next += lines.length;
  }
  if (length > 0) {
    const lines = batch();
    if (lines.length > 0) {
      yield { first: next, lines };
      next += lines.length;
    }
  }
  pending += decoder.decode();
  if (pending) yield { first: next, lines: [pending] };
}

/** Every line parsed, in order (small files and tests; the import parses per line itself). */
export async function* jsonlLines(
  body: AsyncIterable<Uint8Array> | ReadableStream<Uint8Array>,
): AsyncGenerator<unknown> {
  for await (const { first, lines } of jsonlLineBatches(body)) {
    for (const [index, text] of lines.entries()) {
      if (!text.trim()) continue;
      try {
        yield JSON.parse(text);
      } catch {
        throw new Error(`JSONL line ${first + index} is not JSON`);
      }
    }
  }
}

async function* streamChunks(stream: ReadableStream<Uint8Array>): AsyncGenerator<Uint8Array> {
  const reader = stream.getReader();
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) return;
      yield value;
    }
  } finally {
    reader.releaseLock();
  }
}
