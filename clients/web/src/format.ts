// Number formatting for cards, chart labels and tooltips. One fixed locale, so a shared link reads the same
// everywhere (and the browser test can check the exact text).
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

/** "2025-12-31" -> "31 Dec 2025" (the date is a calendar date: no time zone applies). */
export function formatDate(isoDate: string): string {
  const [year, month, day] = isoDate.split('-').map(Number);
  if (!year || !month || !day) return isoDate;
  return new Intl.DateTimeFormat(LOCALE, { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' })
    .format(new Date(Date.UTC(year, month - 1, day)));
}
