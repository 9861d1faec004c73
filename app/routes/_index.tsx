// Shopify opens the app at its root URL with ?shop=…&host=…; send it on to the embedded app.
// Without a shop this is a visitor who came here directly: tell them where the app lives.
import type { LoaderFunctionArgs } from "@remix-run/node";
import { redirect } from "@remix-run/node";

export const loader = async ({ request }: LoaderFunctionArgs) => {
  const url = new URL(request.url);
  if (url.searchParams.get("shop")) throw redirect(`/app?${url.searchParams.toString()}`);
  return null;
};

export default function Landing() {
  return (
    <main
      style={{
        fontFamily: "system-ui, sans-serif",
        maxWidth: 560,
        margin: "4rem auto",
        lineHeight: 1.5,
      }}
    >
      <h1>Delay Desk</h1>
      <p>
        Delay Desk runs inside Shopify admin. Open it from your store&apos;s Apps menu, or install
        it from the Shopify App Store.
      </p>
    </main>
  );
}
