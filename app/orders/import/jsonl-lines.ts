// Reads a JSONL body as it arrives, so a 100k-order file (about 120 MB) never sits in memory as one
// string. Lines come out a chunk's worth at a time, as text: awaiting each of 500,000 lines on its
// own cost more than parsing them, and the caller parses each line itself, so one malformed line
// can be reported without losing the rest. Handles lines and multi-byte characters split across
// chunks.

export interface JsonlLines {
  /** The 1-based number of `lines[0]` in the file (blank lines count). */
  first: number;
  /** The lines' text, blank lines as "". */
  lines: string[];
}

export async function* jsonlLineBatches(
  body: AsyncIterable<Uint8Array> | ReadableStream<Uint8Array>,
): AsyncGenerator<JsonlLines> {
  const decoder = new TextDecoder("utf-8");
  let pending = "";
  let next = 1;
  const chunks: AsyncIterable<Uint8Array> =
    Symbol.asyncIterator in body ? body : streamChunks(body);
  for await (const chunk of chunks) {
    const lines = (pending + decoder.decode(chunk, { stream: true })).split("\n");
    // The last piece has no newline yet: it is the start of a line the next chunk ends.
    pending = lines.pop() ?? "";
    if (lines.length === 0) continue;
    yield { first: next, lines };
    next += lines.length;
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
