import { describe, expect, it } from "vitest";
import { periodicSweep, startClaimedSweep } from "./periodic-sweep";

describe("periodic sweep", () => {
  it("joins a tick that comes while a sweep runs instead of starting a second", async () => {
    let sweeps = 0;
    let finish: (value: number) => void = () => {};
    const periodic = periodicSweep(() => {
      sweeps += 1;
      return new Promise<number>((resolve) => (finish = resolve));
    }, undefined);
    const first = periodic.tick();
    const second = periodic.tick();
    expect(sweeps).toBe(1);
    finish(7);
    expect(await Promise.all([first, second])).toEqual([7, 7]);
    void periodic.tick();
    expect(sweeps).toBe(2);
    finish(0);
  });

  it("a claimed sweep runs only when the claim is won, and reports a failure instead of throwing", async () => {
    const errors: unknown[] = [];
    let swept = 0;
    const claims = [false, true];
    const stopLost = startClaimedSweep({
      sweep: async () => (swept += 1),
      intervalMs: 60_000,
      onError: (error) => errors.push(error),
      claim: async () => claims.shift() ?? false,
    });
    const stopWon = startClaimedSweep({
      sweep: async () => (swept += 1),
      intervalMs: 60_000,
      onError: (error) => errors.push(error),
      claim: async () => claims.shift() ?? false,
    });
    const stopFailing = startClaimedSweep({
      sweep: async () => {
        throw new Error("database gone");
      },
      intervalMs: 60_000,
      onError: (error) => errors.push(error),
    });
    await expect.poll(() => errors.length).toBe(1);
    expect(swept).toBe(1);
    expect(String(errors[0])).toContain("database gone");
    await Promise.all([stopLost, stopWon, stopFailing].map((stop) => stop()));
  });

  it("stop waits for the sweep in flight, so what it talks to can be closed after it", async () => {
    let finish: () => void = () => {};
    let ended = false;
    const periodic = periodicSweep(
      () =>
        new Promise<void>((resolve) => (finish = resolve)).then(() => {
          ended = true;
        }),
      60_000,
    );
    periodic.start();
    void periodic.tick();
    let stopped = false;
    const stopping = periodic.stop().then(() => (stopped = true));
    await Promise.resolve();
    expect(stopped).toBe(false);
    finish();
    await stopping;
    expect(ended).toBe(true);
  });
});
