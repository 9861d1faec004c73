// Seeded randomness for property-style tests: the same seed gives the same cases on every machine,
// so a failure names a reproducible case. mulberry32 (32-bit state), as simulator/random.ts, but
// unmixed: the tests' fixed seeds keep the case streams they were written against.

export function mulberry32(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A pick from a list and an integer in [low, high], both drawn from `random`. */
export function drawsFrom(random: () => number): {
  pick: <T>(items: readonly T[]) => T;
  int: (low: number, high: number) => number;
} {
  return {
    pick: <T>(items: readonly T[]): T => {
      const item = items[Math.floor(random() * items.length)];
      if (item === undefined) throw new Error("empty pick");
      return item;
    },
    int: (low, high) => low + Math.floor(random() * (high - low + 1)),
  };
}
