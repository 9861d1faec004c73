// The notices bench's SMTP server in its own process, as the merchant's SMTP server is: the local
// sink (simulator/mail/mail-server.ts, which parses every message it takes) then spends its own
// CPU, not the app's, and answers on its own event loop. It tells its parent over IPC where it
// listens, and on request the Message-ID of every delivery so far (duplicates included) and the
// CPU it has used.
import { z } from "zod";
import { startMailServer } from "@delay-desk/simulator/mail/mail-server";

const requestSchema = z.object({ type: z.enum(["received", "close"]) });

const mail = await startMailServer();
const send = (message: unknown) => process.send?.(message);
process.on("message", (raw: unknown) => {
  const request = requestSchema.parse(raw);
  if (request.type === "received") {
    const cpu = process.cpuUsage();
    send({
      type: "received",
      messageIds: mail.received().map((m) => m.messageId),
      cpuMs: (cpu.user + cpu.system) / 1000,
    });
    return;
  }
  void mail.close().then(() => process.exit(0));
});
send({ type: "listening", url: mail.url });
