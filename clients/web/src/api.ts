// The only place the page calls the API. The generated client (NSwag's Fetch template) takes query parameters by
// POSITION, in the order of the OpenAPI document; the page thinks in named filters. This module turns the one into
// the other, so a parameter the API gains or moves changes this file and nothing else:
//   1. regenerate the client (bash clients/generate.sh);
//   2. add the parameter to ApiArgs (and, if the page sets it, to filterArgs or the call that takes it);
//   3. put its name into PARAMETERS at its place in the generated method's signature.
// test/api.test.mjs compares PARAMETERS with the generated signatures and fails, naming the method and the first
// difference, when they disagree; tsc also fails when a list is longer or shorter than the signature.
import {
  CampaignClient,
  CustomersClient,
  MigrationClient,
  type CustomersPageDto,
  type DashboardDto,
  type FileResponse,
  type FlowCustomersPageDto,
  type SegmentMigrationDto,
  type SegmentSchemesDto,
} from '../../typescript/src/campaign-client';
import { LIST_PARAMS, OPTION_PARAMS, TEXT_PARAMS, type Filters, type Migration, type Table } from './filters';

/** Every query parameter the page may send, by the API's name, typed as the generated client takes it. */
export interface ApiArgs {
  start_date?: string;
  end_date?: string;
  customer_mobile?: string;
  customer_name?: string;
  r_value_bucket?: string[];
  f_value_bucket?: string[];
  m_value_bucket?: string[];
  r_score?: string[];
  f_score?: string[];
  m_score?: string[];
  segment?: string[];
  segment_scheme?: string;
  score_method?: string;
  compare_start_date?: string;
  compare_end_date?: string;
  sort?: string;
  page?: string;
  page_size?: string;
  from_date?: string;
  to_date?: string;
  window_days?: string;
  from_segment?: string;
  to_segment?: string;
}

type ApiParam = keyof ApiArgs;

/** The parameters of each generated method, in the generated order (the AbortSignal, always last, left out). */
export const PARAMETERS = {
  getDashboard: ['compare_start_date', 'compare_end_date', 'start_date', 'end_date', 'customer_mobile', 'customer_name', 'r_value_bucket', 'f_value_bucket', 'm_value_bucket', 'r_score', 'f_score', 'm_score', 'segment', 'segment_scheme', 'score_method'],
  getCustomers: ['sort', 'page', 'page_size', 'start_date', 'end_date', 'customer_mobile', 'customer_name', 'r_value_bucket', 'f_value_bucket', 'm_value_bucket', 'r_score', 'f_score', 'm_score', 'segment', 'segment_scheme', 'score_method'],
  exportCustomers: ['sort', 'page', 'page_size', 'start_date', 'end_date', 'customer_mobile', 'customer_name', 'r_value_bucket', 'f_value_bucket', 'm_value_bucket', 'r_score', 'f_score', 'm_score', 'segment', 'segment_scheme', 'score_method'],
  getSegmentSchemes: [],
  getSegmentMigration: ['from_date', 'to_date', 'window_days', 'segment_scheme', 'score_method', 'customer_mobile', 'customer_name'],
  getMigrationCustomers: ['from_segment', 'to_segment', 'sort', 'page', 'page_size', 'from_date', 'to_date', 'window_days', 'segment_scheme', 'score_method', 'customer_mobile', 'customer_name'],
  exportMigrationCustomers: ['from_segment', 'to_segment', 'sort', 'page', 'page_size', 'from_date', 'to_date', 'window_days', 'segment_scheme', 'score_method', 'customer_mobile', 'customer_name'],
} as const satisfies Record<string, readonly ApiParam[]>;

type Positional<Names extends readonly ApiParam[]> = {
  -readonly [I in keyof Names]: Names[I] extends ApiParam ? ApiArgs[Names[I]] : never;
};

/** The named arguments in the order a generated method takes them; a parameter not in args is sent as undefined (left out). */
function positional<const Names extends readonly ApiParam[]>(names: Names, args: ApiArgs): Positional<Names> {
  return names.map((name) => args[name]) as Positional<Names>;
}

/**
 * The filters as query parameters: an empty text or list is not sent at all. They include the scheme, the score
 * method and the comparison window; a method whose PARAMETERS lack one of them does not send it (the customers
 * endpoints take no comparison).
 */
export function filterArgs(filters: Filters): ApiArgs {
  const args: ApiArgs = {};
  for (const name of TEXT_PARAMS) {
    if (filters[name].trim() !== '') args[name] = filters[name];
  }
  for (const name of LIST_PARAMS) {
    if (filters[name].length > 0) args[name] = [...filters[name]];
  }
  for (const name of OPTION_PARAMS) {
    if (filters[name].trim() !== '') args[name] = filters[name].trim();
  }
  return args;
}

// '' = the page's own origin: the API serves this page.
const campaign = new CampaignClient('');
const customers = new CustomersClient('');
const migration = new MigrationClient('');

/** GET /api/campaign/dashboard for the filters. */
export function getDashboard(filters: Filters, signal?: AbortSignal): Promise<DashboardDto> {
  return campaign.getDashboard(...positional(PARAMETERS.getDashboard, filterArgs(filters)), signal);
}

/** GET /api/campaign/segment-schemes: every scheme with its segments' rules and definitions, and the defaults. */
export function getSegmentSchemes(signal?: AbortSignal): Promise<SegmentSchemesDto> {
  return campaign.getSegmentSchemes(...positional(PARAMETERS.getSegmentSchemes, {}), signal);
}

/** GET /api/campaign/customers: one page of the customers of the filters' selection, in the table's order. */
export function getCustomers(filters: Filters, table: Table, signal?: AbortSignal): Promise<CustomersPageDto> {
  const args: ApiArgs = { ...filterArgs(filters), sort: table.sort, page: String(table.page), page_size: String(table.page_size) };
  return customers.getCustomers(...positional(PARAMETERS.getCustomers, args), signal);
}

/** GET /api/campaign/customers/export: every customer of the selection as CSV, in that order (no page, no page size). */
export function exportCustomers(filters: Filters, sort: string, signal?: AbortSignal): Promise<FileResponse> {
  return customers.exportCustomers(...positional(PARAMETERS.exportCustomers, { ...filterArgs(filters), sort }), signal);
}

/**
 * The migration's parameters: its two dates (resolved: the page's defaults filled in) and window, with the scheme,
 * the score method and the mobile and name filters of the page (its other filters do not apply to a migration).
 */
export function migrationArgs(filters: Filters, dates: { from: string; to: string }, windowDays: string): ApiArgs {
  const all = filterArgs(filters);
  const args: ApiArgs = { from_date: dates.from, to_date: dates.to };
  if (windowDays !== '') args.window_days = windowDays;
  for (const name of ['segment_scheme', 'score_method', 'customer_mobile', 'customer_name'] as const) {
    if (all[name] !== undefined) args[name] = all[name];
  }
  return args;
}

/** GET /api/campaign/segment-migration: the flows between the two dates' segments. */
export function getSegmentMigration(filters: Filters, dates: { from: string; to: string }, windowDays: string, signal?: AbortSignal): Promise<SegmentMigrationDto> {
  return migration.getSegmentMigration(...positional(PARAMETERS.getSegmentMigration, migrationArgs(filters, dates, windowDays)), signal);
}

/** GET /api/campaign/segment-migration/customers: one page of a flow's customers. */
export function getMigrationCustomers(filters: Filters, dates: { from: string; to: string }, state: Migration, pageSize: number, signal?: AbortSignal): Promise<FlowCustomersPageDto> {
  const args: ApiArgs = {
    ...migrationArgs(filters, dates, state.window), from_segment: state.flow_from, to_segment: state.flow_to,
    sort: state.flow_sort, page: String(state.flow_page), page_size: String(pageSize),
  };
  return migration.getMigrationCustomers(...positional(PARAMETERS.getMigrationCustomers, args), signal);
}

/** GET /api/campaign/segment-migration/customers/export: every customer of the flow as CSV, in the table's order. */
export function exportMigrationCustomers(filters: Filters, dates: { from: string; to: string }, state: Migration, signal?: AbortSignal): Promise<FileResponse> {
  const args: ApiArgs = { ...migrationArgs(filters, dates, state.window), from_segment: state.flow_from, to_segment: state.flow_to, sort: state.flow_sort };
  return migration.exportMigrationCustomers(...positional(PARAMETERS.exportMigrationCustomers, args), signal);
}
