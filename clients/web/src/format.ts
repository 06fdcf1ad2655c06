// Number and date formatting for cards, chips, chart labels and tooltips. Numbers in one fixed locale, so a shared
// link reads the same everywhere (and the browser test can check the exact text); dates as the browser's own date
// inputs show them, so the From and To fields, the chips and the header read alike.
export const LOCALE = 'en-GB';

const fixed = new Map<number, Intl.NumberFormat>();

/** 9265 -> "9,265"; 7047772.52 with 2 digits -> "7,047,772.52". */
export function formatNumber(value: number, digits = 0): string {
  let format = fixed.get(digits);
  if (!format) {
    format = new Intl.NumberFormat(LOCALE, { minimumFractionDigits: digits, maximumFractionDigits: digits });
    fixed.set(digits, format);
  }
  return format.format(value);
}

const compact = new Intl.NumberFormat(LOCALE, { notation: 'compact', maximumFractionDigits: 1 });

/** 3911 -> "3.9K", for labels on bars. */
export const formatCompact = (value: number): string => compact.format(value);

export const formatPercent = (value: number): string => `${formatNumber(value, 2)}%`;

/** "1 customer", "9,265 customers". */
export const formatCount = (count: number, noun: string): string => `${formatNumber(count)} ${noun}${count === 1 ? '' : 's'}`;

/** From this size on an amount is shown compact ("£7.05M"): the full figure does not fit a card at 390 px. */
const COMPACT_MONEY_FROM = 100_000;

const moneyFormats = new Map<string, Intl.NumberFormat>();

function moneyFormat(currency: string, compactNotation: boolean): Intl.NumberFormat {
  const key = `${currency} ${compactNotation}`;
  let format = moneyFormats.get(key);
  if (!format) {
    format = new Intl.NumberFormat(LOCALE, compactNotation
      ? { style: 'currency', currency, notation: 'compact', maximumSignificantDigits: 3 }
      : { style: 'currency', currency, minimumFractionDigits: 2, maximumFractionDigits: 2 });
    moneyFormats.set(key, format);
  }
  return format;
}

/** 7047772.52 in GBP -> "£7,047,772.52": every digit, for hover text and tooltips. */
export const formatMoney = (value: number, currency: string): string => moneyFormat(currency, false).format(value);

/** 7047772.52 in GBP -> "£7.05M", 198.38 -> "£198.38": what fits a card or a legend; the full figure goes on hover. */
export const formatMoneyShort = (value: number, currency: string): string =>
  moneyFormat(currency, Math.abs(value) >= COMPACT_MONEY_FROM).format(value);

const dateFormat = new Intl.DateTimeFormat(undefined, { day: '2-digit', month: '2-digit', year: 'numeric', timeZone: 'UTC' });

/** "2025-12-31" -> "31/12/2025" in an en-GB browser: the order its date inputs use (the date is a calendar date, no time zone). */
export function formatDate(isoDate: string): string {
  const [year, month, day] = isoDate.split('-').map(Number);
  if (!year || !month || !day) return isoDate;
  return dateFormat.format(new Date(Date.UTC(year, month - 1, day)));
}
