// A local SMTP server that keeps every message it receives, parsed: the demo's and the tests'
// stand-in for the customers' mailboxes. Like a real mailbox provider it files a message whose
// Message-ID it already holds only once (`inbox`), while `received` keeps every delivery on the
// wire, so tests can tell "sent twice" from "delivered twice".
import type { AddressInfo } from "node:net";
import { simpleParser, type AddressObject } from "mailparser";
import { SMTPServer } from "smtp-server";

export interface ReceivedMail {
  messageId: string | null;
  from: { name: string; address: string } | null;
  replyTo: string | null;
  to: string[];
  subject: string;
  text: string;
  html: string | null;
  /** The message exactly as it came over SMTP (headers and body), to tell a resend of the same bytes from a new message. */
  raw: string;
  receivedAt: Date;
}

export interface RunningMailServer {
  /** smtp://127.0.0.1:<port> — the app's SMTP_URL. */
  url: string;
  /** Every message accepted, duplicates included, oldest first. */
  received(): ReceivedMail[];
  /** One message per Message-ID, as a mailbox shows them, newest first. */
  inbox(): ReceivedMail[];
  /** Resolves once at least `count` messages were received. */
  waitFor(count: number, timeoutMs?: number): Promise<ReceivedMail[]>;
  /**
   * Holds the "250 OK" of every message taken from now on (each is already in `received`) until
   * the returned function is called: a relay that takes its time, for exactly as long as a test
   * needs a send to stay in flight.
   */
  holdReplies(): () => void;
  /** Makes the next `count` deliveries fail: "permanent" with 550, "transient" with 451. */
  rejectNext(count: number, kind: "permanent" | "transient"): void;
  close(): Promise<void>;
}

function addresses(
  value: AddressObject | AddressObject[] | undefined,
): Array<{ name: string; address: string }> {
  const list = value === undefined ? [] : Array.isArray(value) ? value : [value];
  return list.flatMap((group) =>
    group.value.map((entry) => ({ name: entry.name, address: entry.address ?? "" })),
  );
}

export async function startMailServer(
  options: {
    port?: number;
    host?: string;
    /** How long the server takes to answer 250 after taking a message (a busy relay is slow). */
    replyDelayMs?: number;
  } = {},
): Promise<RunningMailServer> {
  const messages: ReceivedMail[] = [];
  const waiters: Array<() => void> = [];
  let held: Array<() => void> | null = null;
  let rejections: { count: number; kind: "permanent" | "transient" } = {
    count: 0,
    kind: "permanent",
  };
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS"],
    logger: false,
    onData(stream, _session, callback) {
      if (rejections.count > 0) {
        rejections = { ...rejections, count: rejections.count - 1 };
        stream.resume();
        const transient = rejections.kind === "transient";
        stream.on("end", () =>
          callback(
            Object.assign(
              new Error(transient ? "Mailbox busy, try later" : "Mailbox unavailable"),
              { responseCode: transient ? 451 : 550 },
            ),
          ),
        );
        return;
      }
      const chunks: Buffer[] = [];
      stream.on("data", (chunk: Buffer) => chunks.push(chunk));
      new Promise<Buffer>((resolve, reject) => {
        stream.on("end", () => resolve(Buffer.concat(chunks)));
        stream.on("error", reject);
      })
        .then(async (raw) => ({ raw: raw.toString("utf8"), mail: await simpleParser(raw) }))
        .then(({ raw, mail }) => {
          const from = addresses(mail.from)[0] ?? null;
          messages.push({
            messageId: mail.messageId ?? null,
            from,
            replyTo: addresses(mail.replyTo)[0]?.address ?? null,
            to: addresses(mail.to).map((entry) => entry.address),
            subject: mail.subject ?? "",
            text: mail.text ?? "",
            html: typeof mail.html === "string" ? mail.html : null,
            raw,
            receivedAt: new Date(),
          });
          for (const wake of waiters.splice(0)) wake();
          const reply = () => {
            if (options.replyDelayMs) setTimeout(() => callback(), options.replyDelayMs);
            else callback();
          };
          if (held) held.push(reply);
          else reply();
        })
        .catch((error: unknown) =>
          callback(error instanceof Error ? error : new Error(String(error))),
        );
    },
  });
  await new Promise<void>((resolve, reject) => {
    server.server.once("error", reject);
    server.listen(options.port ?? 0, options.host ?? "127.0.0.1", () => resolve());
  });
  const address = server.server.address();
  const port = typeof address === "object" && address ? (address satisfies AddressInfo).port : 0;

  const received = () => [...messages];
  return {
    url: `smtp://${options.host ?? "127.0.0.1"}:${port}`,
    received,
    inbox: () => {
      const seen = new Set<string>();
      const unique: ReceivedMail[] = [];
      for (const mail of messages) {
        if (mail.messageId && seen.has(mail.messageId)) continue;
        if (mail.messageId) seen.add(mail.messageId);
        unique.push(mail);
      }
      return unique.reverse();
    },
    async waitFor(count, timeoutMs = 10_000) {
      const deadline = Date.now() + timeoutMs;
      while (messages.length < count) {
        const left = deadline - Date.now();
        if (left <= 0) throw new Error(`Expected ${count} messages, received ${messages.length}.`);
        await new Promise<void>((resolve) => {
          const timer = setTimeout(resolve, left);
          waiters.push(() => {
            clearTimeout(timer);
            resolve();
          });
        });
      }
      return received();
    },
    holdReplies() {
      const mine: Array<() => void> = [];
      held = mine;
      return () => {
        if (held === mine) held = null;
        for (const reply of mine.splice(0)) reply();
      };
    },
    rejectNext(count, kind) {
      rejections = { count, kind };
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
