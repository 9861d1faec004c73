import { describe, expect, it } from "vitest";
import { ThrottleGate } from "./throttle-gate";

function fakeTime() {
  let now = 0;
  return {
    now: () => now,
    sleep: async (ms: number) => void (now += ms),
    advance: (ms: number) => void (now += ms),
  };
}

const standard = (currentlyAvailable: number) => ({
  maximumAvailable: 2000,
  currentlyAvailable,
  restoreRate: 100,
});

describe("ThrottleGate", () => {
  it("waits (cost − available) / restoreRate when the bucket is low, counting refill since the last answer", async () => {
    const time = fakeTime();
    const gate = new ThrottleGate(time);
    await gate.acquire(10);
    gate.release(10, standard(4));
    expect(gate.waitMs(10)).toBe(60);
    time.advance(30);
    expect(gate.waitMs(10)).toBe(30);
    await gate.acquire(10);
    expect(time.now()).toBe(60);
  });

  it("lets one call through before it knows the bucket, then counts calls in flight against it", async () => {
    const time = fakeTime();
    const gate = new ThrottleGate({ ...time, maxConcurrency: 4, initialConcurrency: 4 });
    await gate.acquire(10);
    let second = false;
    const pending = gate.acquire(10).then(() => (second = true));
    await Promise.resolve();
    expect(second).toBe(false);
    gate.release(10, standard(25));
    await pending;
    expect(second).toBe(true);
    // 25 available, 10 claimed by the call in flight: a third call costing 20 must wait 50 ms.
    expect(gate.waitMs(20)).toBe(50);
  });

  it("starts at one call at a time, grows while the bucket is healthy, halves on THROTTLED", async () => {
    const time = fakeTime();
    const gate = new ThrottleGate({ ...time, maxConcurrency: 8 });
    expect(gate.concurrency).toBe(1);
    for (let i = 0; i < 5; i++) {
      await gate.acquire(10);
      gate.release(10, standard(1900));
    }
    expect(gate.concurrency).toBe(6);
    expect(gate.throttled(10, standard(2))).toBe(80);
    expect(gate.concurrency).toBe(3);
    expect(gate.throttled(10, null)).toBe(1000);
  });
});

describe("ThrottleGate with a clock that does not move", () => {
  it("counts its own sleeping as refill, so a simulated sleep still lets calls through", async () => {
    let slept = 0;
    const gate = new ThrottleGate({
      now: () => 0,
      sleep: async (ms) => void (slept += ms),
    });
    await gate.acquire(10);
    gate.release(10, standard(0));
    await gate.acquire(500);
    // (500 − 0) / 100 per second: five seconds, slept once, not forever.
    expect(slept).toBe(5000);
    expect(gate.waitedMs).toBe(5000);
  });
});

describe("ThrottleGate sleeping side by side", () => {
  it("credits overlapping sleeps once, not once per sleeper", async () => {
    const gate = new ThrottleGate({ now: () => 0, sleep: async () => undefined });
    await gate.acquire(10);
    gate.release(10, standard(0));
    await Promise.all([gate.pause(1000), gate.pause(1000), gate.pause(1000)]);
    // One second of refill at 100/s, not three.
    expect(gate.available()).toBe(100);
  });
});
