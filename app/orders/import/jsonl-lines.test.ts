import { describe, expect, it } from "vitest";
import { jsonlLineBatches, jsonlLines, type JsonlLines } from "./jsonl-lines";

async function collect(chunks: Uint8Array[]): Promise<unknown[]> {
  async function* source() {
    for (const chunk of chunks) yield chunk;
  }
  const out: unknown[] = [];
  for await (const line of jsonlLines(source())) out.push(line);
  return out;
}

const LINES = [
  { id: "gid://shopify/Order/1", name: "Café #1" },
  {
    id: "gid://shopify/LineItem/2",
    __parentId: "gid://shopify/Order/1",
    title: "Étui en noyer — 🌰",
  },
  { n: 3 },
];
const BYTES = new TextEncoder().encode(LINES.map((l) => JSON.stringify(l)).join("\n") + "\n");

describe("jsonlLines", () => {
  it("parses each line, however the bytes are cut (every split point, multi-byte characters included)", async () => {
    for (let cut = 0; cut <= BYTES.length; cut++) {
      expect(await collect([BYTES.slice(0, cut), BYTES.slice(cut)])).toEqual(LINES);
    }
  });

  it("reads one byte at a time, a last line without newline, and blank lines", async () => {
    expect(await collect([...BYTES].map((b) => Uint8Array.of(b)))).toEqual(LINES);
    expect(await collect([new TextEncoder().encode('{"a":1}\n\n{"b":2}')])).toEqual([
      { a: 1 },
      { b: 2 },
    ]);
  });

  it("reads a web ReadableStream", async () => {
    const stream = new Response(BYTES).body;
    if (!stream) throw new Error("no body");
    const out: unknown[] = [];
    for await (const line of jsonlLines(stream)) out.push(line);
    expect(out).toEqual(LINES);
  });

  it("names the line that is not JSON, without its text (it may hold customer data)", async () => {
    await expect(collect([new TextEncoder().encode('{"a":1}\n{oops}\n')])).rejects.toThrow(
      /^JSONL line 2 is not JSON$/,
    );
  });

  it("hands out lines a chunk at a time, numbered as in the file", async () => {
    const batches: JsonlLines[] = [];
    async function* source() {
      yield new TextEncoder().encode('{"a":1}\n\n{"b"');
      yield new TextEncoder().encode(':2}\n{"c":3}');
    }
    for await (const batch of jsonlLineBatches(source())) batches.push(batch);
    expect(batches).toEqual([
      { first: 1, lines: ['{"a":1}', ""] },
      { first: 3, lines: ['{"b":2}'] },
      { first: 4, lines: ['{"c":3}'] },
    ]);
  });
});
