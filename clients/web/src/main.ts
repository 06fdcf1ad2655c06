// The Campaign Dashboard page. All data comes through the NSwag-generated client (clients/typescript), called only
// from api.ts; the URL's query string holds the filters and the customers table's sort and page, so a view can be
// shared and the browser's back and forward buttons work.
import type { CustomersPageDto, DashboardDto, KpiDto } from '../../typescript/src/campaign-client';
import * as api from './api';
import { createCharts, type Charts } from './charts';
import {
  BUCKET_FILTERS,
  BUCKET_PARAMS,
  LIST_CHIPS,
  LIST_PARAMS,
  TEXT_CHIPS,
  TEXT_PARAMS,
  chipValue,
  filterCount,
  fromSearch,
  hasFilters,
  noFilters,
  sameFilters,
  toSearch,
  toggleValue,
  type BucketParam,
  type Filters,
  type ListParam,
  type View,
} from './filters';
import { formatDate, formatNumber } from './format';
import { describeProblem, renderProblem } from './problems';
import { createCustomersTable, pageCount } from './table';
import './styles.css';

type State = 'loading' | 'ready' | 'empty' | 'error';

interface KpiSpec {
  key: keyof Pick<KpiDto, 'total_customer' | 'customer_spending' | 'profit_per_customer' | 'unit_per_transaction' | 'days_to_return' | 'retention_rate'>;
  label: string;
  hint: string;
  digits: number;
  suffix?: string;
}

const KPIS: readonly KpiSpec[] = [
  { key: 'total_customer', label: 'Customers', hint: 'with a purchase in the window', digits: 0 },
  { key: 'customer_spending', label: 'Customer spending', hint: 'total spend', digits: 2 },
  { key: 'profit_per_customer', label: 'Profit per customer', hint: 'profit ÷ customers', digits: 2 },
  { key: 'unit_per_transaction', label: 'Units per transaction', hint: 'units ÷ bills', digits: 2 },
  { key: 'days_to_return', label: 'Days to return', hint: 'mean days between visits', digits: 2 },
  { key: 'retention_rate', label: 'Retention rate', hint: 'customers with 2+ visits', digits: 2, suffix: '%' },
];

const $ = <T extends HTMLElement = HTMLElement>(selector: string): T => {
  const element = document.querySelector<T>(selector);
  if (!element) throw new Error(`missing ${selector}`);
  return element;
};

const main = $('main');
const form = $<HTMLFormElement>('[data-testid="filters"]');
const chips = $('[data-testid="active-filters"]');
const status = $('[data-testid="status"]');
const errorPanel = $('[data-testid="error"]');
const emptyPanel = $('[data-testid="empty"]');
const kpiSection = $('[data-testid="kpis"]');
const chartSection = $('[data-testid="charts"]');
const asOf = $('[data-testid="as-of"]');
const filtersToggle = $('[data-testid="filters-toggle"]');
const filtersCount = $('[data-testid="filters-count"]');
const customersSection = $('[data-testid="customers"]');

let view: View = fromSearch(location.search);
// One spelling per view: a shared link's parameters in the page's own order and encoding (e.g. "10+" as 10%2B).
if (toSearch(view) !== location.search) history.replaceState(null, '', (toSearch(view) || location.pathname) + location.hash);
let inFlight: AbortController | null = null;
let tableInFlight: AbortController | null = null;
let exportInFlight: AbortController | null = null;
let charts: Charts | null = null;

// ---- Filter bar ---------------------------------------------------------------------------------------------

/** A dropdown of checkboxes per bucket filter: a multi-select that works with mouse, touch and keyboard. */
function renderBucketFilters(): void {
  const actions = form.querySelector('.actions');
  for (const filter of BUCKET_FILTERS) {
    const field = document.createElement('div');
    field.className = 'field';
    const label = document.createElement('span');
    label.className = 'label';
    label.id = `${filter.param}-label`;
    label.textContent = filter.chip;
    const details = document.createElement('details');
    details.className = 'multi';
    details.dataset.testid = `filter-${filter.param}`;
    details.dataset.param = filter.param;
    const summary = document.createElement('summary');
    summary.setAttribute('aria-labelledby', `${filter.param}-label ${filter.param}-summary`);
    const summaryText = document.createElement('span');
    summaryText.id = `${filter.param}-summary`;
    summaryText.className = 'summary-text';
    summary.append(summaryText);
    const menu = document.createElement('fieldset');
    menu.className = 'menu';
    const legend = document.createElement('legend');
    legend.className = 'visually-hidden';
    legend.textContent = filter.title;
    menu.append(legend);
    details.append(summary, menu);
    field.append(label, details);
    form.insertBefore(field, actions);
    renderBucketOptions(filter.param, filter.labels);
  }
}

/** The checkboxes of one bucket filter; labels come from the latest response (the API lists every category). */
function renderBucketOptions(param: BucketParam, labels: readonly string[]): void {
  const menu = form.querySelector<HTMLFieldSetElement>(`details[data-param="${param}"] .menu`);
  if (!menu) return;
  const existing = [...menu.querySelectorAll<HTMLInputElement>('input')].map((i) => i.value);
  if (existing.length === labels.length && existing.every((l, i) => l === labels[i])) return;
  menu.querySelectorAll('label').forEach((l) => l.remove());
  for (const value of labels) {
    const option = document.createElement('label');
    option.className = 'option';
    const box = document.createElement('input');
    box.type = 'checkbox';
    box.name = param;
    box.value = value;
    box.dataset.testid = `option-${param}-${value}`;
    option.append(box, document.createTextNode(value));
    menu.append(option);
  }
  syncForm();
}

/** Puts the current filters into the form controls. */
function syncForm(): void {
  const { filters } = view;
  for (const name of TEXT_PARAMS) {
    const input = form.elements.namedItem(name) as HTMLInputElement | null;
    if (input && input.value !== filters[name]) input.value = filters[name];
  }
  for (const filter of BUCKET_FILTERS) {
    const selected = filters[filter.param];
    form.querySelectorAll<HTMLInputElement>(`input[name="${filter.param}"]`).forEach((box) => {
      box.checked = selected.includes(box.value);
    });
    const summary = form.querySelector(`#${filter.param}-summary`);
    if (summary) summary.textContent = selected.length === 0 ? 'Any' : selected.length <= 2 ? selected.join(', ') : `${selected.length} selected`;
  }
  form.querySelectorAll('[aria-invalid]').forEach((element) => element.removeAttribute('aria-invalid'));
}

/** The filters as the form shows them; the score and segment filters, which only charts and chips set, stay. */
function readForm(): Filters {
  const next: Filters = { ...noFilters(), r_score: view.filters.r_score, f_score: view.filters.f_score, m_score: view.filters.m_score, segment: view.filters.segment };
  for (const name of TEXT_PARAMS) {
    next[name] = (form.elements.namedItem(name) as HTMLInputElement).value;
  }
  for (const name of BUCKET_PARAMS) {
    next[name] = [...form.querySelectorAll<HTMLInputElement>(`input[name="${name}"]:checked`)].map((box) => box.value);
  }
  return next;
}

/** One removable chip per active filter value, and "Clear all". */
function renderChips(): void {
  const { filters } = view;
  chips.replaceChildren();
  const add = (text: string, remove: () => Filters, testid: string): void => {
    const chip = document.createElement('button');
    chip.type = 'button';
    chip.className = 'chip';
    chip.dataset.testid = testid;
    chip.setAttribute('aria-label', `Remove filter ${text}`);
    chip.textContent = text;
    const x = document.createElement('span');
    x.setAttribute('aria-hidden', 'true');
    x.textContent = '×';
    chip.append(x);
    chip.addEventListener('click', () => navigate(withFilters(remove())));
    chips.append(chip);
  };
  for (const name of TEXT_PARAMS) {
    if (filters[name].trim() !== '') add(`${TEXT_CHIPS[name]}: ${filters[name]}`, () => ({ ...filters, [name]: '' }), `chip-${name}`);
  }
  for (const param of LIST_PARAMS) {
    for (const value of filters[param]) {
      add(`${LIST_CHIPS[param]}: ${chipValue(param, value)}`, () => toggleValue(filters, param, value), `chip-${param}-${value}`);
    }
  }
  if (hasFilters(filters)) {
    const clear = document.createElement('button');
    clear.type = 'button';
    clear.className = 'link';
    clear.dataset.action = 'clear';
    clear.textContent = 'Clear all';
    chips.append(clear);
  }
  chips.hidden = !hasFilters(filters);
  const count = filterCount(filters);
  filtersCount.textContent = count === 0 ? '' : String(count);
  filtersToggle.setAttribute('aria-label', count === 0 ? 'Filters' : `Filters, ${count} applied`);
}

// ---- Navigation ---------------------------------------------------------------------------------------------

/** The view for new filters: the table keeps its sort and page size and goes back to its first page. */
const withFilters = (filters: Filters): View => ({ filters, table: { ...view.table, page: 1 } });

/**
 * Shows a new view and records it in the URL (a new history entry, or in place with replace). New filters reload
 * the dashboard and the table; a new sort or page reloads the table alone.
 */
function navigate(next: View, replace = false): void {
  if (toSearch(next) === toSearch(view)) {
    syncForm();
    return;
  }
  const url = toSearch(next) || location.pathname;
  if (replace) history.replaceState(null, '', url);
  else history.pushState(null, '', url);
  showView(next);
}

/** Loads what a view needs that is not shown yet. */
function showView(next: View): void {
  const filtersChanged = !sameFilters(next.filters, view.filters);
  view = next;
  if (filtersChanged) {
    void load();
  } else {
    // The dashboard already shows these filters.
    document.body.dataset.query = toSearch(view);
    void loadTable();
  }
}

window.addEventListener('popstate', () => showView(fromSearch(location.search)));

// ---- KPI cards ----------------------------------------------------------------------------------------------

function renderKpiCards(): void {
  for (const kpi of KPIS) {
    const card = document.createElement('article');
    card.className = 'kpi';
    card.dataset.testid = `kpi-${kpi.key}`;
    const label = document.createElement('h2');
    label.textContent = kpi.label;
    const value = document.createElement('p');
    value.className = 'kpi-value';
    value.dataset.testid = `kpi-${kpi.key}-value`;
    value.textContent = '—';
    const hint = document.createElement('p');
    hint.className = 'kpi-hint';
    hint.textContent = kpi.hint;
    card.append(label, value, hint);
    kpiSection.append(card);
  }
}

function showKpis(kpi: KpiDto): void {
  for (const spec of KPIS) {
    const value = kpiSection.querySelector<HTMLElement>(`[data-testid="kpi-${spec.key}-value"]`);
    if (!value) continue;
    value.dataset.value = String(kpi[spec.key]);
    value.textContent = formatNumber(kpi[spec.key], spec.digits) + (spec.suffix ?? '');
  }
}

// ---- States -------------------------------------------------------------------------------------------------

function setState(state: State, message: string): void {
  document.body.dataset.state = state;
  document.body.dataset.query = toSearch(view);
  main.setAttribute('aria-busy', String(state === 'loading'));
  status.textContent = message;
  status.classList.toggle('loading', state === 'loading');
  errorPanel.hidden = state !== 'error';
  emptyPanel.hidden = state !== 'empty';
  chartSection.hidden = state === 'empty' || state === 'error';
  customersSection.hidden = state === 'empty' || state === 'error';
  kpiSection.classList.toggle('stale', state === 'error');
}

function showError(error: unknown): void {
  // A 400's problem details name each invalid parameter and why; its field is marked in the filter bar.
  const problem = describeProblem(error, 'The dashboard');
  for (const [param] of problem.messages) {
    form.querySelector(`[name="${param}"]`)?.setAttribute('aria-invalid', 'true');
    form.querySelector(`details[data-param="${param}"] summary`)?.setAttribute('aria-invalid', 'true');
  }

  const actions = document.createElement('div');
  actions.className = 'message-actions';
  const retry = document.createElement('button');
  retry.type = 'button';
  retry.className = 'primary';
  retry.textContent = 'Try again';
  retry.addEventListener('click', () => void load());
  const clear = document.createElement('button');
  clear.type = 'button';
  clear.className = 'secondary';
  clear.dataset.action = 'clear';
  clear.textContent = 'Clear all filters';
  actions.append(retry, clear);
  errorPanel.replaceChildren(...renderProblem(problem, 'error-messages'), actions);
}

// ---- Loading ------------------------------------------------------------------------------------------------

/** Loads the dashboard for the view's filters, and the customers table with it. */
async function load(): Promise<void> {
  inFlight?.abort();
  const request = new AbortController();
  inFlight = request;
  const { filters } = view;
  syncForm();
  renderChips();
  setState('loading', 'Loading…');
  void loadTable();

  let dashboard: DashboardDto;
  try {
    dashboard = await api.getDashboard(filters, request.signal);
  } catch (error) {
    if (request.signal.aborted) return; // superseded by a newer request
    showError(error);
    setState('error', 'The dashboard could not be loaded.');
    return;
  }
  if (request.signal.aborted) return;

  for (const filter of BUCKET_FILTERS) {
    renderBucketOptions(filter.param, dashboard[filter.widget].map((item) => item.label));
  }
  showKpis(dashboard.kpi);
  asOf.textContent = dashboard.meta.as_of_date ? `Figures as of ${formatDate(dashboard.meta.as_of_date)}` : 'No transactions yet';
  const customers = dashboard.kpi.total_customer;
  if (customers === 0) {
    setState('empty', 'No customers match these filters.');
    return;
  }
  setState('ready', `${formatNumber(customers)} customers${hasFilters(filters) ? ' match these filters' : ''}.`);
  charts ??= createCharts(chartSection, (param: ListParam, value) => navigate(withFilters(toggleValue(view.filters, param, value))));
  charts.update(dashboard, filters);
}

// ---- Customers table ----------------------------------------------------------------------------------------

const table = createCustomersTable(customersSection, {
  sort: (sort) => navigate({ ...view, table: { ...view.table, sort, page: 1 } }),
  page: (page) => navigate({ ...view, table: { ...view.table, page } }),
  pageSize: (pageSize) => navigate({ ...view, table: { ...view.table, page_size: pageSize, page: 1 } }),
  export: () => void exportCsv(),
  retry: () => void loadTable(),
});

/** Loads the page of customers the view asks for. */
async function loadTable(): Promise<void> {
  tableInFlight?.abort();
  const request = new AbortController();
  tableInFlight = request;
  const asked = view;
  const query = toSearch(asked);
  table.loading(asked.table, query);

  let result: CustomersPageDto;
  try {
    result = await api.getCustomers(asked.filters, asked.table, request.signal);
  } catch (error) {
    if (request.signal.aborted) return;
    table.fail(describeProblem(error, 'The customers'), asked.table, query);
    return;
  }
  if (request.signal.aborted) return;

  // A page past the last one (an old link, fewer customers now): the last page instead, in place.
  const last = pageCount(result.total, asked.table.page_size);
  if (result.items.length === 0 && result.total > 0 && asked.table.page > last) {
    navigate({ ...asked, table: { ...asked.table, page: last } }, true);
    return;
  }
  table.show(result, asked.table, query);
}

/** Downloads every customer of the selection, in the table's order, as the CSV file the API names. */
async function exportCsv(): Promise<void> {
  exportInFlight?.abort();
  const request = new AbortController();
  exportInFlight = request;
  table.exporting(true);
  try {
    const file = await api.exportCustomers(view.filters, view.table.sort, request.signal);
    const url = URL.createObjectURL(file.data);
    const link = document.createElement('a');
    link.href = url;
    link.download = file.fileName ?? 'customers.csv';
    link.hidden = true;
    document.body.append(link);
    link.click();
    link.remove();
    // The browser has taken the file once the click's download has started; free the blob a little later.
    setTimeout(() => URL.revokeObjectURL(url), 60_000);
    table.exporting(false);
  } catch (error) {
    if (request.signal.aborted) return;
    table.exporting(false, describeProblem(error, 'The export'));
  }
}

// ---- Wiring -------------------------------------------------------------------------------------------------

renderBucketFilters();
renderKpiCards();

form.addEventListener('submit', (event) => {
  event.preventDefault();
  navigate(withFilters(readForm()));
});
// Dates and bucket boxes apply at once; text fields on Enter or when they lose focus.
form.addEventListener('change', () => navigate(withFilters(readForm())));
filtersToggle.addEventListener('click', () => {
  const open = form.classList.toggle('open');
  filtersToggle.setAttribute('aria-expanded', String(open));
});
$('[data-testid="reset"]').addEventListener('click', () => navigate(withFilters(noFilters())));
document.addEventListener('click', (event) => {
  const target = event.target as Element;
  if (target.closest('[data-action="clear"]')) navigate(withFilters(noFilters()));
  // Close an open multi-select when clicking elsewhere.
  form.querySelectorAll<HTMLDetailsElement>('details.multi[open]').forEach((details) => {
    if (!details.contains(target)) details.open = false;
  });
});
document.addEventListener('keydown', (event) => {
  if (event.key !== 'Escape') return;
  form.querySelectorAll<HTMLDetailsElement>('details.multi[open]').forEach((details) => {
    details.open = false;
    details.querySelector('summary')?.focus();
  });
});

void load();

// For the browser test: the chart instances, to find where a bar is drawn before clicking it.
declare global {
  interface Window {
    campaignDashboard?: { charts: () => Charts['instances'] | null };
  }
}
window.campaignDashboard = { charts: () => charts?.instances ?? null };
