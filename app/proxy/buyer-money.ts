// What a customer reads about their own money: the amount they paid, in their currency
// (currentTotalPriceSet.presentmentMoney, "Amount in presentment currency"), formatted for their
// language (Order.customerLocale). A row synced before those columns existed falls back to the
// shop's money, which is still the right amount in the currency it names.
import { formatMoney, usableLocale } from "../jobs/money";

export interface BuyerMoneyRow {
  totalAmount: string;
  currencyCode: string;
  presentmentAmount: string | null;
  presentmentCurrencyCode: string | null;
  customerLocale: string | null;
}

/** `locale` overrides the row's when the reader's language fell back (app/locale/language.ts). */
export function buyerTotal(row: BuyerMoneyRow, readerLocale?: string): string {
  const locale = usableLocale(readerLocale ?? row.customerLocale);
  if (row.presentmentAmount !== null && row.presentmentCurrencyCode !== null)
    return formatMoney(row.presentmentAmount, row.presentmentCurrencyCode, locale);
  return formatMoney(row.totalAmount, row.currencyCode, locale);
}
