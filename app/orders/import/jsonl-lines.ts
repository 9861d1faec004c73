// Reads a JSONL body line by line as it arrives, so a 100k-order file never sits in memory as one
// string. Handles lines split across chunks and multi-byte characters split across chunks.
export async function* jsonlLines(
  body: AsyncIterable<Uint8Array> | ReadableStream<Uint8Array>,
): AsyncGenerator<unknown> {
  const decoder = new TextDecoder("utf-8");
  let pending = "";
  let lineNumber = 0;
  const parse = (text: string): unknown => {
    lineNumber += 1;
    try {
      return JSON.parse(text);
    } catch {
      throw new Error(`JSONL line ${lineNumber} is not JSON: ${text.slice(0, 80)}`);
    }
  };
  const chunks: AsyncIterable<Uint8Array> =
    Symbol.asyncIterator in body ? body : streamChunks(body);
  for await (const chunk of chunks) {
    pending += decoder.decode(chunk, { stream: true });
    // Cut complete lines by offset and keep the tail once per chunk: re-slicing the buffer per
    // line would copy it hundreds of times per chunk.
    let start = 0;
    let newline = pending.indexOf("\n", start);
    while (newline !== -1) {
      const line = pending.slice(start, newline).trim();
      start = newline + 1;
      if (line) yield parse(line);
      newline = pending.indexOf("\n", start);
    }
    pending = pending.slice(start);
  }
  pending += decoder.decode();
  if (pending.trim()) yield parse(pending.trim());
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
