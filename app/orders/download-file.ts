// Downloads a file from one of the app's own routes. A plain link would not do inside Shopify
// admin: only fetch() carries App Bridge's session token, a navigation would arrive without one.
export async function downloadFile(
  url: string,
  fallbackName: string,
  init?: RequestInit,
): Promise<void> {
  const response = await fetch(url, init);
  if (!response.ok) throw new Error(`Export failed (${response.status})`);
  const disposition = response.headers.get("content-disposition") ?? "";
  const name = /filename="([^"]+)"/.exec(disposition)?.[1] ?? fallbackName;
  const href = URL.createObjectURL(await response.blob());
  const link = document.createElement("a");
  link.href = href;
  link.download = name;
  document.body.append(link);
  link.click();
  link.remove();
  URL.revokeObjectURL(href);
}
