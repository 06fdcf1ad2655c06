// The dashboard's filters, the customers table's sort and page, and their place in the URL. The query string uses
// the API's own parameter names, so a shared link reads like the API calls it makes:
// /?f_value_bucket=10%2B&segment=CHAMPIONS&sort=visits&page=2

export type BucketParam = 'r_value_bucket' | 'f_value_bucket' | 'm_value_bucket';
export type ScoreParam = 'r_score' | 'f_score' | 'm_score';
/** Every filter that takes one or more values (ORed within the parameter, ANDed across parameters). */
export type ListParam = BucketParam | ScoreParam | 'segment';
export type TextParam = 'start_date' | 'end_date' | 'customer_mobile' | 'customer_name';
/** How the API scores and segments (no chip: the view bar shows them) and the comparison window (one chip). */
export type OptionParam = 'segment_scheme' | 'score_method' | 'compare_start_date' | 'compare_end_date';

export interface Filters {
  start_date: string;
  end_date: string;
  customer_mobile: string;
  customer_name: string;
  r_value_bucket: string[];
  f_value_bucket: string[];
  m_value_bucket: string[];
  /** Scores "1" to "5". */
  r_score: string[];
  f_score: string[];
  m_score: string[];
  /** Labels of segment_data, e.g. "CHAMPIONS". */
  segment: string[];
  /** A scheme of GET /segment-schemes; '' = the API's default. */
  segment_scheme: string;
  /** "ntile" or "ties"; '' = the API's default. */
  score_method: string;
  /** The comparison window (both or neither); the dashboard alone takes it. */
  compare_start_date: string;
  compare_end_date: string;
}

export const TEXT_PARAMS: readonly TextParam[] = ['start_date', 'end_date', 'customer_mobile', 'customer_name'];
export const BUCKET_PARAMS: readonly BucketParam[] = ['r_value_bucket', 'f_value_bucket', 'm_value_bucket'];
export const SCORE_PARAMS: readonly ScoreParam[] = ['r_score', 'f_score', 'm_score'];
export const LIST_PARAMS: readonly ListParam[] = [...BUCKET_PARAMS, ...SCORE_PARAMS, 'segment'];
/** Single-valued parameters after the filters, in the URL's order. */
export const OPTION_PARAMS: readonly OptionParam[] = ['segment_scheme', 'score_method', 'compare_start_date', 'compare_end_date'];

/** A bucket filter, the widget whose labels it takes and whose bars apply it when clicked. */
export interface BucketFilter {
  param: BucketParam;
  widget: 'r_value_bucket_data' | 'visits_data' | 'value_data';
  title: string;
  /** The filter's name on a chip: "Visits: 10+". */
  chip: string;
  /** The contract's labels, until a response brings the API's own (it always lists every category). */
  labels: string[];
}

export const BUCKET_FILTERS: readonly BucketFilter[] = [
  {
    param: 'r_value_bucket',
    widget: 'r_value_bucket_data',
    title: 'Days since last purchase',
    chip: 'Recency (days)',
    labels: ['1-200', '200-400', '400-600', '600-800', '800-1000', '>1000'],
  },
  {
    param: 'f_value_bucket',
    widget: 'visits_data',
    title: 'Visits',
    chip: 'Visits',
    labels: ['1', '2', '3', '4', '5', '6', '7', '8', '9', '10+'],
  },
  {
    param: 'm_value_bucket',
    widget: 'value_data',
    title: 'Spend',
    chip: 'Spend',
    labels: ['1-1000', '1000-2000', '2000-3000', '3000-4000', '4000-5000', '>5000'],
  },
];

export const TEXT_CHIPS: Record<TextParam, string> = {
  start_date: 'From',
  end_date: 'To',
  customer_mobile: 'Mobile',
  customer_name: 'Name',
};

/** The name of each list filter on a chip ("R score: 5", "Segment: Champions") and in an error message. */
export const LIST_CHIPS: Record<ListParam, string> = {
  ...(Object.fromEntries(BUCKET_FILTERS.map((f) => [f.param, f.chip])) as Record<BucketParam, string>),
  r_score: 'R score',
  f_score: 'F score',
  m_score: 'M score',
  segment: 'Segment',
};

/**
 * "POTENTIAL LOYALISTS" -> "Potential Loyalists": how the page shows a segment label written in capitals; a label
 * the scheme already writes in mixed case ("Can't Lose Them") is shown as it is.
 */
export const titleCase = (text: string): string =>
  /[a-z]/.test(text) ? text : text.toLowerCase().replace(/(^|[\s\-/(])(\p{L})/gu, (_, before: string, c: string) => before + c.toUpperCase());

/** A list filter's value as a chip shows it. */
export const chipValue = (param: ListParam, value: string): string => (param === 'segment' ? titleCase(value) : value);

export const noFilters = (): Filters => ({
  start_date: '',
  end_date: '',
  customer_mobile: '',
  customer_name: '',
  r_value_bucket: [],
  f_value_bucket: [],
  m_value_bucket: [],
  r_score: [],
  f_score: [],
  m_score: [],
  segment: [],
  segment_scheme: '',
  score_method: '',
  compare_start_date: '',
  compare_end_date: '',
});

/** "Clear all": no filter and no comparison; the scheme and the score method stay (they are not filters). */
export const clearFilters = (filters: Filters): Filters => ({
  ...noFilters(),
  segment_scheme: filters.segment_scheme,
  score_method: filters.score_method,
});

// ---- The customers table's state ---------------------------------------------------------------------------

export interface Table {
  /** An API sort key, '-' first for descending, e.g. "-spend". */
  sort: string;
  /** 1-based. */
  page: number;
  page_size: number;
}

export const DEFAULT_SORT = '-spend';
export const PAGE_SIZES: readonly number[] = [25, 50, 100];
export const defaultTable = (): Table => ({ sort: DEFAULT_SORT, page: 1, page_size: PAGE_SIZES[0]! });

// ---- The segment migration's state -------------------------------------------------------------------------

/** The migration view: its dates and window, and the flow whose customers are listed (both labels, or neither). */
export interface Migration {
  /** YYYY-MM-DD; '' = the page's default (to: the as-of date; from: a year before to). */
  from: string;
  to: string;
  /** '' (all history) or a number of days, e.g. "365". */
  window: string;
  flow_from: string;
  flow_to: string;
  /** The flow table's sort key: customer_id | spend_before | spend_after | last_purchase, '-' for descending. */
  flow_sort: string;
  flow_page: number;
}

export const MIGRATION_WINDOWS: readonly string[] = ['', '90', '180', '365'];
export const FLOW_SORT = 'customer_id';
export const noMigration = (): Migration => ({ from: '', to: '', window: '', flow_from: '', flow_to: '', flow_sort: FLOW_SORT, flow_page: 1 });

/** The migration's query parameters, in the URL's order; defaults left out. */
function migrationParams(migration: Migration, params: URLSearchParams): void {
  if (migration.from !== '') params.set('migration_from', migration.from);
  if (migration.to !== '') params.set('migration_to', migration.to);
  if (migration.window !== '') params.set('migration_window', migration.window);
  if (migration.flow_from !== '' && migration.flow_to !== '') {
    params.set('flow_from', migration.flow_from);
    params.set('flow_to', migration.flow_to);
    if (migration.flow_sort !== FLOW_SORT) params.set('flow_sort', migration.flow_sort);
    if (migration.flow_page !== 1) params.set('flow_page', String(migration.flow_page));
  }
}

function migrationFrom(params: URLSearchParams): Migration {
  const migration = noMigration();
  const date = (name: string): string => {
    const value = params.get(name)?.trim() ?? '';
    return /^\d{4}-\d{2}-\d{2}$/.test(value) ? value : '';
  };
  migration.from = date('migration_from');
  migration.to = date('migration_to');
  const window = params.get('migration_window')?.trim() ?? '';
  if (/^[1-9]\d{0,3}$/.test(window)) migration.window = window;
  const flowFrom = params.get('flow_from')?.trim() ?? '';
  const flowTo = params.get('flow_to')?.trim() ?? '';
  if (flowFrom !== '' && flowTo !== '') {
    migration.flow_from = flowFrom;
    migration.flow_to = flowTo;
    const sort = params.get('flow_sort')?.trim() ?? '';
    if (/^-?(customer_id|spend_before|spend_after|last_purchase)$/.test(sort)) migration.flow_sort = sort;
    const page = Number(params.get('flow_page'));
    if (Number.isInteger(page) && page >= 1) migration.flow_page = page;
  }
  return migration;
}

/** The same migration request (dates and window; the flow aside). */
export const sameMigrationChart = (a: Migration, b: Migration): boolean => a.from === b.from && a.to === b.to && a.window === b.window;

export const sameMigration = (a: Migration, b: Migration): boolean => {
  const pa = new URLSearchParams();
  const pb = new URLSearchParams();
  migrationParams(a, pa);
  migrationParams(b, pb);
  return pa.toString() === pb.toString();
};

/** Everything the URL holds: the filters (dashboard and table), the table's sort and page, and the migration view. */
export interface View {
  filters: Filters;
  table: Table;
  migration: Migration;
}

/** Reads a view from a query string; list parameters may be repeated or comma-separated, as the API accepts. */
export function fromSearch(search: string): View {
  const params = new URLSearchParams(search);
  const filters = noFilters();
  for (const name of TEXT_PARAMS) {
    filters[name] = params.get(name) ?? '';
  }
  for (const name of LIST_PARAMS) {
    const values = params.getAll(name).flatMap((value) => value.split(',')).map((v) => v.trim()).filter((v) => v !== '');
    filters[name] = [...new Set(values)];
  }
  for (const name of OPTION_PARAMS) {
    filters[name] = params.get(name)?.trim() ?? '';
  }
  const table = defaultTable();
  const sort = params.get('sort')?.trim() ?? '';
  if (/^-?[a-z_]+$/.test(sort)) table.sort = sort;
  const page = Number(params.get('page'));
  if (Number.isInteger(page) && page >= 1) table.page = page;
  const size = Number(params.get('page_size'));
  if (PAGE_SIZES.includes(size)) table.page_size = size;
  return { filters, table, migration: migrationFrom(params) };
}

/** The query string of the filters alone ('' when there are none); '+' is encoded as %2B and '>' as %3E. */
function filterParams(filters: Filters): URLSearchParams {
  const params = new URLSearchParams();
  for (const name of TEXT_PARAMS) {
    if (filters[name].trim() !== '') params.set(name, filters[name]);
  }
  for (const name of LIST_PARAMS) {
    for (const value of filters[name]) params.append(name, value);
  }
  for (const name of OPTION_PARAMS) {
    if (filters[name] !== '') params.set(name, filters[name]);
  }
  return params;
}

/** The query string for a view ('' when it is the default one); the table's defaults are left out. */
export function toSearch(view: View): string {
  const params = filterParams(view.filters);
  const defaults = defaultTable();
  if (view.table.sort !== defaults.sort) params.set('sort', view.table.sort);
  if (view.table.page !== defaults.page) params.set('page', String(view.table.page));
  if (view.table.page_size !== defaults.page_size) params.set('page_size', String(view.table.page_size));
  migrationParams(view.migration, params);
  const query = params.toString();
  return query === '' ? '' : `?${query}`;
}

/** The same dashboard request (filters, scheme, score method and comparison). */
export const sameFilters = (a: Filters, b: Filters): boolean => filterParams(a).toString() === filterParams(b).toString();

export const hasComparison = (filters: Filters): boolean => filters.compare_start_date !== '' || filters.compare_end_date !== '';

/** How many chips the filters show: a value each, and one for the comparison window. */
export const filterCount = (filters: Filters): number =>
  TEXT_PARAMS.filter((name) => filters[name].trim() !== '').length + LIST_PARAMS.reduce((n, name) => n + filters[name].length, 0) +
  (hasComparison(filters) ? 1 : 0);

/** Whether a filter narrows the selection (the scheme, the score method and the comparison do not). */
export const hasFilters = (filters: Filters): boolean =>
  TEXT_PARAMS.some((name) => filters[name].trim() !== '') || LIST_PARAMS.some((name) => filters[name].length > 0);

/** Adds the value to its filter, or removes it when it is already there (a click on a selected bar clears it). */
export function toggleValue(filters: Filters, param: ListParam, value: string): Filters {
  return toggleValues(filters, [[param, value]]);
}

/**
 * A click on something that stands for several values at once (a heatmap cell is an R score AND an F score):
 * when every value is already applied, removes them all; otherwise adds those that are missing.
 */
export function toggleValues(filters: Filters, values: readonly (readonly [ListParam, string])[]): Filters {
  const selected = values.every(([param, value]) => filters[param].includes(value));
  const next = { ...filters };
  for (const [param, value] of values) {
    const has = next[param].includes(value);
    if (selected && has) next[param] = next[param].filter((v) => v !== value);
    if (!selected && !has) next[param] = [...next[param], value];
  }
  return next;
}

/** Another segment scheme: a segment filter of the old one is dropped (its labels do not exist in the new one). */
export const withScheme = (filters: Filters, scheme: string): Filters =>
  scheme === filters.segment_scheme ? filters : { ...filters, segment_scheme: scheme, segment: [] };
