// The dashboard's filters and their place in the URL. The query string uses the API's own parameter names,
// so a shared link reads like the API call it makes: /?f_value_bucket=10%2B&start_date=2025-01-01

export type BucketParam = 'r_value_bucket' | 'f_value_bucket' | 'm_value_bucket';
export type TextParam = 'start_date' | 'end_date' | 'customer_mobile' | 'customer_name';

export interface Filters {
  start_date: string;
  end_date: string;
  customer_mobile: string;
  customer_name: string;
  r_value_bucket: string[];
  f_value_bucket: string[];
  m_value_bucket: string[];
}

export const TEXT_PARAMS: readonly TextParam[] = ['start_date', 'end_date', 'customer_mobile', 'customer_name'];
export const BUCKET_PARAMS: readonly BucketParam[] = ['r_value_bucket', 'f_value_bucket', 'm_value_bucket'];

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

export const noFilters = (): Filters => ({
  start_date: '',
  end_date: '',
  customer_mobile: '',
  customer_name: '',
  r_value_bucket: [],
  f_value_bucket: [],
  m_value_bucket: [],
});

/** Reads filters from a query string; list parameters may be repeated or comma-separated, as the API accepts. */
export function fromSearch(search: string): Filters {
  const params = new URLSearchParams(search);
  const filters = noFilters();
  for (const name of TEXT_PARAMS) {
    filters[name] = params.get(name) ?? '';
  }
  for (const name of BUCKET_PARAMS) {
    const labels = params.getAll(name).flatMap((value) => value.split(',')).filter((label) => label.trim() !== '');
    filters[name] = [...new Set(labels)];
  }
  return filters;
}

/** The query string for filters ('' when there are none); URLSearchParams encodes '+' as %2B and '>' as %3E. */
export function toSearch(filters: Filters): string {
  const params = new URLSearchParams();
  for (const name of TEXT_PARAMS) {
    if (filters[name].trim() !== '') params.set(name, filters[name]);
  }
  for (const name of BUCKET_PARAMS) {
    for (const label of filters[name]) params.append(name, label);
  }
  const query = params.toString();
  return query === '' ? '' : `?${query}`;
}

export const sameFilters = (a: Filters, b: Filters): boolean => toSearch(a) === toSearch(b);

export const hasFilters = (filters: Filters): boolean => toSearch(filters) !== '';

/** Adds the label to its filter, or removes it when it is already there (a click on a selected bar clears it). */
export function toggleBucket(filters: Filters, param: BucketParam, label: string): Filters {
  const labels = filters[param];
  return { ...filters, [param]: labels.includes(label) ? labels.filter((l) => l !== label) : [...labels, label] };
}
