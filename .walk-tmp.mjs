import { chromium } from "playwright-core";
const base = process.argv[2];
const paths = (process.argv[3] ?? "").split(",");
const browser = await chromium.launch({ executablePath: "/usr/bin/chromium", args: ["--headless","--no-sandbox","--disable-gpu"] });
const ctx = await browser.newContext({ userAgent: `Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/${browser.version()} Safari/537.36` });
const page = await ctx.newPage();
for (const p of paths) {
  await page.goto(base + p, { waitUntil: "load" });
  const frame = page.frameLocator("iframe");
  await frame.locator("body").waitFor();
  await page.waitForTimeout(4000);
  const text = await frame.locator("body").innerText().catch((e) => "ERR " + e.message);
  const iso = text.match(/.{0,40}\d{4}-\d{2}-\d{2}.{0,40}/g) ?? [];
  const zones = text.match(/.{0,40}\b(UTC|GMT)\b.{0,20}/g) ?? [];
  console.log(`== ${p}: ${text.length} chars; ISO ${iso.length}; UTC/GMT ${zones.length}`);
  for (const m of [...iso.slice(0, 6), ...zones.slice(0, 4)]) console.log("   ", m.replace(/\n/g, " | "));
  if (process.env.DUMP) console.log(text.slice(0, Number(process.env.DUMP)));
}
await browser.close();
