// An unexpected console.error is a bug the test did not look for: fail the test instead of
// letting it scroll past. A test that expects one spies on console.error itself.
import { afterEach, beforeEach, vi } from "vitest";

let errors: unknown[][] = [];

beforeEach(() => {
  errors = [];
  vi.spyOn(console, "error").mockImplementation((...args: unknown[]) => {
    errors.push(args);
  });
});

afterEach(() => {
  const seen = errors;
  vi.mocked(console.error).mockRestore();
  if (seen.length > 0) {
    throw new Error(
      `console.error was called unexpectedly:\n${seen.map((a) => a.map(String).join(" ")).join("\n")}`,
    );
  }
});
