// The comparison windows the KPI cards offer with one click: "vs previous period" (as long as the current window,
// just before it) and "vs same period last year" (both dates minus one year). Dates are calendar dates
// (YYYY-MM-DD), computed in UTC so that no time zone or daylight-saving change moves a day.
import type { Filters } from './filters';

export interface DateWindow {
  start_date: string;
  end_date: string;
}

/** The window the page's figures cover, as far as the page knows it. */
export interface CurrentWindow extends DateWindow {
  /**
   * True when the page has no From date: the API does not report its first transaction date, so the current
   * period is taken as the 365 days ending at the end date (or the as-of date).
   */
  assumed: boolean;
}

export type CompareMode = 'previous' | 'last_year';

const DAY = 86_400_000;
/** Without a From date, the current period is this many days, ending at the end (or as-of) date. */
export const ASSUMED_DAYS = 365;

/** "2025-03-01" -> its UTC midnight in ms; null unless a real calendar date. */
export function parseDate(text: string): number | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (!match) return null;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const time = Date.UTC(year, month - 1, day);
  const date = new Date(time);
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day ? time : null;
}

const toIso = (time: number): string => new Date(time).toISOString().slice(0, 10);

export const addDays = (isoDate: string, days: number): string => toIso(parseDate(isoDate)! + days * DAY);

/** The same calendar date a year earlier; 29 February becomes 28 February. */
export function minusYear(isoDate: string): string {
  const [year, month, day] = isoDate.split('-').map(Number) as [number, number, number];
  const lastDay = new Date(Date.UTC(year - 1, month, 0)).getUTCDate();
  return toIso(Date.UTC(year - 1, month - 1, Math.min(day, lastDay)));
}

/** Days in a window, both ends included. */
export const windowDays = (window: DateWindow): number =>
  Math.round((parseDate(window.end_date)! - parseDate(window.start_date)!) / DAY) + 1;

/**
 * The window the figures cover: From and To when set; a missing To is the as-of date (the latest transaction);
 * a missing From is the earliest date the page knows, which without a From date is none: then the 365 days
 * ending at the end date. Null when there is no end (no data yet) or the dates are not a valid window.
 */
export function currentWindow(filters: Filters, asOfDate: string | null): CurrentWindow | null {
  const end = filters.end_date.trim() || asOfDate || '';
  if (parseDate(end) === null) return null;
  const start = filters.start_date.trim();
  if (start === '') return { start_date: addDays(end, -(ASSUMED_DAYS - 1)), end_date: end, assumed: true };
  if (parseDate(start) === null || start > end) return null;
  return { start_date: start, end_date: end, assumed: false };
}

/** The window of equal length just before the current one. */
export function previousPeriod(current: DateWindow): DateWindow {
  const days = windowDays(current);
  return { start_date: addDays(current.start_date, -days), end_date: addDays(current.start_date, -1) };
}

/** Both dates minus one year. */
export const samePeriodLastYear = (current: DateWindow): DateWindow =>
  ({ start_date: minusYear(current.start_date), end_date: minusYear(current.end_date) });

export function compareWindow(mode: CompareMode, current: DateWindow): DateWindow {
  return mode === 'previous' ? previousPeriod(current) : samePeriodLastYear(current);
}
