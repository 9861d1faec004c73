// WCAG 2 contrast ratio, the same measure as Shopify's `color_contrast` Liquid filter.

const hex = /^#?([0-9a-f]{3}|[0-9a-f]{6})$/i;

function luminance(color: string): number {
  const match = hex.exec(color.trim());
  if (!match?.[1]) throw new Error(`not a hex colour: ${color}`);
  const digits = match[1].length === 3 ? [...match[1]].map((d) => d + d).join("") : match[1];
  const linear = (offset: number) => {
    const c = parseInt(digits.slice(offset, offset + 2), 16) / 255;
    return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * linear(0) + 0.7152 * linear(2) + 0.0722 * linear(4);
}

/** Ratio between 1 and 21; 4.5 is the WCAG AA minimum for body text. */
export function contrastRatio(a: string, b: string): number {
  const la = luminance(a);
  const lb = luminance(b);
  return (Math.max(la, lb) + 0.05) / (Math.min(la, lb) + 0.05);
}
