// Starts the notices bench's SMTP sink in a child process (mail-sink.child.ts) and asks it what it
// received: the sink's parsing and its half of each SMTP conversation then cost the app nothing,
// as with a real SMTP server, and both transports of the bench are measured against it alike.
import { fork } from "node:child_process";
import path from "node:path";
import { z } from "zod";

const listeningSchema = z.object({ type: z.literal("listening"), url: z.string() });
const receivedSchema = z.object({
  type: z.literal("received"),
  messageIds: z.array(z.string().nullable()),
  cpuMs: z.number(),
});

export interface MailSink {
  url: string;
  /** Every delivery's Message-ID so far, duplicates included, and the sink's CPU time. */
  received(): Promise<{ messageIds: Array<string | null>; cpuMs: number }>;
  close(): Promise<void>;
}

export async function startMailSink(): Promise<MailSink> {
  const child = fork(path.join(import.meta.dirname, "mail-sink.child.ts"), [], {
    execArgv: ["--import", "tsx"],
    stdio: ["ignore", "inherit", "inherit", "ipc"],
  });
  const next = <T>(schema: z.ZodType<T>) =>
    new Promise<T>((resolve, reject) => {
      const onExit = (code: number | null) =>
        reject(new Error(`the mail sink exited (${String(code)})`));
      child.once("exit", onExit);
      child.once("message", (message) => {
        child.off("exit", onExit);
        resolve(schema.parse(message));
      });
    });
  const { url } = await next(listeningSchema);
  return {
    url,
    async received() {
      const answer = next(receivedSchema);
      child.send({ type: "received" });
      const { messageIds, cpuMs } = await answer;
      return { messageIds, cpuMs };
    },
    close: () =>
      new Promise<void>((resolve) => {
        child.once("exit", () => resolve());
        child.send({ type: "close" });
      }),
  };
}
