// Money as decimal strings, added in integer cents: floats would make $0.10 + $0.20 a lie on a
// confirmation page that asks staff to approve an exact sum.

export function toCents(amount: string): number {
  const match = /^(-)?(\d+)(?:\.(\d{1,2})\d*)?$/.exec(amount.trim());
  if (!match) throw new Error(`Not a money amount: ${amount}`);
  const cents = Number(match[2]) * 100 + Number((match[3] ?? "0").padEnd(2, "0"));
  return match[1] ? -cents : cents;
}

export function fromCents(cents: number): string {
  const sign = cents < 0 ? "-" : "";
  const abs = Math.abs(Math.round(cents));
  return `${sign}${Math.floor(abs / 100)}.${String(abs % 100).padStart(2, "0")}`;
}

export function sumMoney(amounts: ReadonlyArray<string | null>): string {
  return fromCents(amounts.reduce((sum, amount) => sum + (amount ? toCents(amount) : 0), 0));
}
