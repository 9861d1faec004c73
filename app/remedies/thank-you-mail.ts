// The thank-you code's mail, as the customer reads it: who it is from (the shop's named sender,
// rule 8), the code, what it gives and until when (a human date on the shop's calendar). Pure.
import { formatShopDate } from "../locale/shop-time";

export interface ThankYouMailInput {
  orderName: string;
  customerFirstName: string | null;
  code: string;
  percent: number;
  /** The last day the code works, on the shop's calendar (YYYY-MM-DD). */
  lastDay: string;
  sender: { name: string; role: string | null };
}

const escapeHtml = (text: string) =>
  text
    .replaceAll("&", "&amp;")
    .replaceAll("<", "&lt;")
    .replaceAll(">", "&gt;")
    .replaceAll('"', "&quot;");

export function thankYouMail(input: ThankYouMailInput): {
  subject: string;
  text: string;
  html: string;
} {
  const hello = input.customerFirstName ? `Hi ${input.customerFirstName},` : "Hello,";
  const paragraphs = [
    hello,
    `Thank you for waiting for order ${input.orderName}. It took longer than we said, and we would like to make it up to you: here is ${input.percent} % off your next order.`,
    `Your code: ${input.code}\nIt works once, for you, until ${formatShopDate(input.lastDay)}.`,
    `${input.sender.name}${input.sender.role ? `, ${input.sender.role}` : ""}`,
  ];
  return {
    subject: `A thank-you for waiting: ${input.percent} % off your next order`,
    text: paragraphs.join("\n\n"),
    html: [
      "<!doctype html>",
      '<html lang="en"><body style="font-family:Georgia,serif;font-size:16px;line-height:1.5;color:#222;max-width:560px">',
      ...paragraphs.map((p) => `<p>${escapeHtml(p).replaceAll("\n", "<br>")}</p>`),
      "</body></html>",
    ].join(""),
  };
}
