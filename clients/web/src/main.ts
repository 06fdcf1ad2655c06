// The Campaign Dashboard page. All data comes through the NSwag-generated client (clients/typescript), called only
// from api.ts; the URL's query string holds the filters and the customers table's sort and page, so a view can be
// shared and the browser's back and forward buttons work.
import type { CustomersPageDto, DashboardDto, KpiDto, SegmentSchemesDto } from '../../typescript/src/campaign-client';
import * as api from './api';
import { createCharts, type Charts, type FilterValues } from './charts';
import { compareWindow, currentWindow, windowDays, type CompareMode, type CurrentWindow, type DateWindow } from './compare';
import {
  BUCKET_FILTERS,
  BUCKET_PARAMS,
  LIST_CHIPS,
  LIST_PARAMS,
  TEXT_CHIPS,
  TEXT_PARAMS,
  chipValue,
  clearFilters,
  filterCount,
  fromSearch,
  hasComparison,
  hasFilters,
  noMigration,
  sameFilters,
  toSearch,
  toggleValue,
  toggleValues,
  withScheme,
  type BucketParam,
  type Filters,
  type View,
} from './filters';
import { formatCount, formatDate, formatMoney, formatMoneyShort, formatNumber } from './format';
import { describeProblem, renderProblem } from './problems';
import { createMigration } from './migration';
import { createPredictionPanel } from './prediction';
import { createCustomersTable, pageCount } from './table';
import './styles.css';

type State = 'loading' | 'ready' | 'empty' | 'error';

interface KpiSpec {
  key: keyof Pick<KpiDto, 'total_customer' | 'customer_spending' | 'profit_per_customer' | 'unit_per_transaction' | 'days_to_return' | 'retention_rate'>;
  label: string;
  hint: string;
  digits: number;
  suffix?: string;
  /** An amount of money: in the data's currency, compact when large, every digit on hover. */
  money?: boolean;
  /** A smaller value is the better one (a shorter gap between visits): its decrease is drawn as good news. */
  lowerIsBetter?: boolean;
}

const KPIS: readonly KpiSpec[] = [
  { key: 'total_customer', label: 'Customers', hint: 'with a purchase in the window', digits: 0 },
  { key: 'customer_spending', label: 'Customer spending', hint: 'total spend', digits: 2, money: true },
  { key: 'profit_per_customer', label: 'Profit per customer', hint: 'profit ÷ customers', digits: 2, money: true },
  { key: 'unit_per_transaction', label: 'Units per transaction', hint: 'units ÷ bills', digits: 2 },
  { key: 'days_to_return', label: 'Days to return', hint: 'mean days between visits', digits: 2, lowerIsBetter: true },
  { key: 'retention_rate', label: 'Retention rate', hint: 'customers with 2+ visits', digits: 2, suffix: '%' },
];

const $ = <T extends HTMLElement = HTMLElement>(selector: string): T => {
  const element = document.querySelector<T>(selector);
  if (!element) throw new Error(`missing ${selector}`);
  return element;
};

const main = $('main');
const form = $<HTMLFormElement>('[data-testid="filters"]');
const formError = $('[data-testid="filters-error"]');
const chips = $('[data-testid="active-filters"]');
const status = $('[data-testid="status"]');
const errorPanel = $('[data-testid="error"]');
const emptyPanel = $('[data-testid="empty"]');
const kpiSection = $('[data-testid="kpis"]');
const chartSection = $('[data-testid="charts"]');
const asOf = $('[data-testid="as-of"]');
const asOfNote = $('[data-testid="as-of-note"]');
const emptyRange = $('[data-testid="empty-range"]');
const filtersToggle = $('[data-testid="filters-toggle"]');
const filtersCount = $('[data-testid="filters-count"]');
const customersSection = $('[data-testid="customers"]');
const predictionSection = $('[data-testid="prediction"]');
const migrationSection = $('[data-testid="migration"]');
const schemePicker = $<HTMLSelectElement>('[data-testid="segment-scheme"]');
const methodControl = $<HTMLFieldSetElement>('[data-testid="score-method-control"]');
const methodInUse = $('[data-testid="score-method"]');
const compareNote = $('[data-testid="compare-note"]');
const compareButtons = {
  none: $<HTMLButtonElement>('[data-testid="compare-none"]'),
  previous: $<HTMLButtonElement>('[data-testid="compare-previous"]'),
  last_year: $<HTMLButtonElement>('[data-testid="compare-last-year"]'),
};

/** What each score method means, on hover. */
const SCORE_METHODS: Record<string, string> = {
  ntile: 'NTILE(5): equal values may get different scores, split by customer id',
  ties: 'equal values share a score (one-time buyers all get F 1)',
};

let view: View = fromSearch(location.search);
// One spelling per view: a shared link's parameters in the page's own order and encoding (e.g. "10+" as 10%2B).
if (toSearch(view) !== location.search) history.replaceState(null, '', (toSearch(view) || location.pathname) + location.hash);
let inFlight: AbortController | null = null;
let tableInFlight: AbortController | null = null;
let exportInFlight: AbortController | null = null;
let charts: Charts | null = null;
/** GET /segment-schemes, once loaded: the picker's schemes, the segments' definitions and the API's defaults. */
let schemes: SegmentSchemesDto | null = null;
/** The latest dashboard shown, and the filters it was asked with. */
let shown: { dashboard: DashboardDto; filters: Filters } | null = null;
/** The date of the latest transaction (meta.as_of_date of a response without an end date). */
let dataAsOf: string | null = null;

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
  formError.hidden = true;
  formError.textContent = '';
  schemePicker.removeAttribute('aria-invalid');
  methodControl.removeAttribute('aria-invalid');
  renderViewBar();
}

/**
 * The filters as the form shows them; the score and segment filters, which only charts and chips set, the scheme,
 * the score method and the comparison stay.
 */
function readForm(): Filters {
  const next: Filters = { ...view.filters };
  for (const name of TEXT_PARAMS) {
    next[name] = (form.elements.namedItem(name) as HTMLInputElement).value;
  }
  for (const name of BUCKET_PARAMS) {
    next[name] = [...form.querySelectorAll<HTMLInputElement>(`input[name="${name}"]:checked`)].map((box) => box.value);
  }
  return next;
}

/** The filters shown in the page's date format (as the date inputs show them) on their chips. */
const DATE_PARAMS: readonly string[] = ['start_date', 'end_date'];

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
    chip.addEventListener('click', () => {
      const index = [...chips.querySelectorAll('.chip')].indexOf(chip);
      navigate(withFilters(remove()));
      keepFocusInFilters(index);
    });
    chips.append(chip);
  };
  for (const name of TEXT_PARAMS) {
    const text = DATE_PARAMS.includes(name) ? formatDate(filters[name].trim()) : filters[name];
    if (filters[name].trim() !== '') add(`${TEXT_CHIPS[name]}: ${text}`, () => ({ ...filters, [name]: '' }), `chip-${name}`);
  }
  for (const param of LIST_PARAMS) {
    for (const value of filters[param]) {
      add(`${LIST_CHIPS[param]}: ${chipValue(param, value)}`, () => toggleValue(filters, param, value), `chip-${param}-${value}`);
    }
  }
  if (hasComparison(filters)) {
    const date = (value: string): string => (value ? formatDate(value) : '?');
    add(`Compared with: ${date(filters.compare_start_date)} – ${date(filters.compare_end_date)}`,
      () => ({ ...filters, compare_start_date: '', compare_end_date: '' }), 'chip-compare');
  }
  if (filterCount(filters) > 0) {
    const clear = document.createElement('button');
    clear.type = 'button';
    clear.className = 'link';
    clear.dataset.action = 'clear';
    clear.textContent = 'Clear all';
    chips.append(clear);
  }
  chips.hidden = filterCount(filters) === 0;
  const count = filterCount(filters);
  filtersCount.textContent = count === 0 ? '' : String(count);
  filtersToggle.setAttribute('aria-label', count === 0 ? 'Filters' : `Filters, ${count} applied`);
}

/**
 * After a chip is removed (the chips are drawn again), focus goes to the chip now at its place, else the last one;
 * without chips to the filter bar (its toggle on a phone, where the bar is folded away), not to the page's start.
 */
function keepFocusInFilters(index: number): void {
  const left = [...chips.querySelectorAll<HTMLElement>('.chip')];
  const next = left[Math.min(index, left.length - 1)];
  if (next) next.focus();
  else if (getComputedStyle(filtersToggle).display !== 'none') filtersToggle.focus();
  else (form.elements.namedItem('start_date') as HTMLInputElement).focus();
}

// ---- Navigation ---------------------------------------------------------------------------------------------

/**
 * The view for new filters: the table keeps its sort and page size and goes back to its first page, unless only the
 * comparison changed (the customers do not depend on it).
 */
const withFilters = (filters: Filters): View => {
  const compareOnly = sameFilters({ ...filters, compare_start_date: '', compare_end_date: '' },
    { ...view.filters, compare_start_date: '', compare_end_date: '' });
  // The migration keeps its dates; its flow goes back to its first page, and is dropped with a new scheme.
  const migrationSame = ['segment_scheme', 'score_method', 'customer_mobile', 'customer_name'].every(
    (name) => filters[name as keyof Filters] === view.filters[name as keyof Filters]);
  const migration = filters.segment_scheme === view.filters.segment_scheme
    ? { ...view.migration, flow_page: migrationSame ? view.migration.flow_page : 1 }
    : { ...view.migration, flow_from: '', flow_to: '', flow_sort: noMigration().flow_sort, flow_page: 1 };
  return { filters, table: { ...view.table, page: compareOnly ? view.table.page : 1 }, migration };
};

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
    if (shown) migration.load();
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
    // The change against the comparison window, when there is one; the compare window's value on hover.
    const change = document.createElement('p');
    change.className = 'kpi-change';
    change.dataset.testid = `kpi-${kpi.key}-change`;
    change.hidden = true;
    card.append(label, value, change, hint);
    kpiSection.append(card);
  }
}

/** A KPI's value as its card shows it (compact money) and in full (on hover). */
function kpiText(spec: KpiSpec, value: number, currency: string): { short: string; full: string } {
  if (spec.money) return { short: formatMoneyShort(value, currency), full: formatMoney(value, currency) };
  const text = formatNumber(value, spec.digits) + (spec.suffix ?? '');
  return { short: text, full: text };
}

/** "▲ +1,009", "▼ −£5.44", "→ 0.00"; a rate's change is in percentage points; money is compact, as on the card. */
function formatChange(spec: KpiSpec, change: number, currency: string): string {
  const unit = spec.suffix === '%' ? ' pts' : spec.suffix ?? '';
  const size = spec.money ? formatMoneyShort(Math.abs(change), currency) : formatNumber(Math.abs(change), spec.digits);
  if (Math.abs(change) < 0.5 * 10 ** -spec.digits) return `→ ${size}${unit}`;
  return change > 0 ? `▲ +${size}${unit}` : `▼ −${size}${unit}`;
}

const windowText = (window: DateWindow): string => `${formatDate(window.start_date)} – ${formatDate(window.end_date)}`;

/** Customers who returned (two or more visits): the base of days to return, counted by its buckets. */
const returningCustomers = (dashboard: DashboardDto): number =>
  dashboard.days_to_return_bucket_data.reduce((sum, bucket) => sum + bucket.customers, 0);

/**
 * Why a KPI has no figure, or null when it has one: a ratio over no customers (or no returning customers) has no
 * base ("n/a", not 0.00), and profit is "no profit data" when the data carries none (the UCI Online Retail layout).
 */
function missingFigure(spec: KpiSpec, dashboard: DashboardDto): string | null {
  if (spec.key === 'profit_per_customer' && !dashboard.meta.has_profit) return 'no profit data';
  const customers = dashboard.kpi.total_customer;
  if (spec.key === 'days_to_return') return returningCustomers(dashboard) === 0 ? 'n/a' : null;
  if (spec.key === 'profit_per_customer' || spec.key === 'unit_per_transaction' || spec.key === 'retention_rate') {
    return customers === 0 ? 'n/a' : null;
  }
  return null;
}

const MISSING_TITLES: Record<string, string> = {
  'n/a': 'No customers to divide by',
  'no profit data': 'The data has no profit (every transaction\'s profit is 0)',
};

function showKpis(dashboard: DashboardDto): void {
  const { kpi, meta } = dashboard;
  const comparison = dashboard.comparison ?? null;
  for (const spec of KPIS) {
    const value = kpiSection.querySelector<HTMLElement>(`[data-testid="kpi-${spec.key}-value"]`);
    const change = kpiSection.querySelector<HTMLElement>(`[data-testid="kpi-${spec.key}-change"]`);
    if (!value || !change) continue;
    value.dataset.value = String(kpi[spec.key]);
    const missing = missingFigure(spec, dashboard);
    const text = kpiText(spec, kpi[spec.key], meta.currency);
    value.textContent = missing ?? text.short;
    value.title = missing ? MISSING_TITLES[missing] ?? missing : text.full;
    value.classList.toggle('missing', missing !== null);
    if (!comparison || missing) {
      change.hidden = true;
      change.textContent = '';
      change.removeAttribute('title');
      change.removeAttribute('aria-label');
      delete change.dataset.change;
      delete change.dataset.compareValue;
      continue;
    }
    const delta = comparison.kpi_change[spec.key];
    const before = kpiText(spec, comparison.kpi[spec.key], meta.currency).full;
    change.hidden = false;
    change.dataset.change = String(delta);
    change.dataset.compareValue = String(comparison.kpi[spec.key]);
    change.textContent = formatChange(spec, delta, meta.currency);
    change.title = `${windowText(comparison.window)}: ${before}`;
    change.setAttribute('aria-label', `${change.textContent} against ${windowText(comparison.window)}, which had ${before}`);
    const better = spec.lowerIsBetter ? delta < 0 : delta > 0;
    change.classList.toggle('up', delta !== 0 && better);
    change.classList.toggle('down', delta !== 0 && !better);
  }
}

// ---- The view bar: segment scheme, score method, comparison --------------------------------------------------

/** The scheme and method the page shows: the URL's, else the one the API used, else the API's default. */
const schemeInUse = (): string => view.filters.segment_scheme || shown?.dashboard.meta.segment_scheme || schemes?.default_scheme || '';
const methodInUseNow = (): string => view.filters.score_method || shown?.dashboard.meta.score_method || schemes?.default_score_method || '';

/** The picker's options: every scheme of GET /segment-schemes (and a scheme the URL names that the list lacks). */
function renderSchemePicker(): void {
  const names = schemes ? schemes.schemes.map((scheme) => scheme.name) : [];
  const current = schemeInUse();
  if (current !== '' && !names.includes(current)) names.push(current);
  const existing = [...schemePicker.options].map((option) => option.value);
  if (existing.length !== names.length || existing.some((name, i) => name !== names[i])) {
    schemePicker.replaceChildren(...names.map((name) => {
      const option = document.createElement('option');
      option.value = name;
      const count = schemes?.schemes.find((scheme) => scheme.name === name)?.segments.length;
      option.textContent = count ? `${name} (${count} segments)` : name;
      return option;
    }));
  }
  schemePicker.value = current;
  schemePicker.disabled = names.length < 2;
}

/** The score method's radio buttons and the method in use (meta.score_method), explained on hover. */
function renderScoreMethod(): void {
  const current = methodInUseNow();
  methodControl.querySelectorAll<HTMLInputElement>('input[name="score_method"]').forEach((radio) => {
    radio.checked = radio.value === current;
  });
  const used = shown?.dashboard.meta.score_method ?? '';
  methodInUse.textContent = used;
  methodInUse.title = SCORE_METHODS[used] ?? '';
  methodInUse.parentElement!.hidden = used === '';
}

/** The window the comparison buttons compare against (null: not known yet, or the dates are not a window). */
const currentPeriod = (): CurrentWindow | null => currentWindow(view.filters, dataAsOf);

/** The compare buttons: enabled when the current window is known, pressed when the URL holds that window. */
function renderCompareButtons(): void {
  const current = currentPeriod();
  const { compare_start_date: start, compare_end_date: end } = view.filters;
  compareButtons.none.setAttribute('aria-pressed', String(start === '' && end === ''));
  for (const mode of ['previous', 'last_year'] as const) {
    const button = compareButtons[mode];
    const window = current ? compareWindow(mode, current) : null;
    button.disabled = window === null;
    button.setAttribute('aria-pressed', String(window !== null && window.start_date === start && window.end_date === end));
    button.title = window && current ? compareTitle(mode, current, window) : 'Available once the dashboard has loaded with valid dates';
  }
  // Without a From date the cards cover every date while a comparison window is a year: say so.
  compareNote.hidden = !hasComparison(view.filters) || view.filters.start_date.trim() !== '';
  compareNote.textContent = compareNote.hidden ? '' :
    'Without a From date the cards cover every date and the comparison 365 days; set From and To to compare like for like.';
}

function compareTitle(mode: CompareMode, current: CurrentWindow, window: DateWindow): string {
  const days = windowDays(current);
  const base = mode === 'previous'
    ? `Compare with the ${formatNumber(days)} days before ${formatDate(current.start_date)}: ${windowText(window)}`
    : `Compare with ${windowText(window)}, a year before ${windowText(current)}`;
  return current.assumed
    ? `${base}. No From date: the current period is taken as the ${formatNumber(days)} days to ${formatDate(current.end_date)}.`
    : `${base}.`;
}

function compare(mode: CompareMode | null): void {
  const current = currentPeriod();
  if (mode === null) {
    navigate(withFilters({ ...view.filters, compare_start_date: '', compare_end_date: '' }));
  } else if (current) {
    const window = compareWindow(mode, current);
    navigate(withFilters({ ...view.filters, compare_start_date: window.start_date, compare_end_date: window.end_date }));
  }
}

function renderViewBar(): void {
  renderSchemePicker();
  renderScoreMethod();
  renderCompareButtons();
}

/** The segment definitions of the scheme a response used, by label. */
function definitionsOf(dashboard: DashboardDto): ReadonlyMap<string, string> {
  const scheme = schemes?.schemes.find((s) => s.name === dashboard.meta.segment_scheme);
  return new Map(scheme?.segments.map((segment) => [segment.label, segment.definition]) ?? []);
}

/** Loads the segment schemes once: the picker, and the definitions the segment chart shows on hover. */
async function loadSchemes(): Promise<void> {
  try {
    schemes = await api.getSegmentSchemes();
  } catch (error) {
    schemePicker.title = `The segment schemes could not be loaded: ${describeProblem(error, 'The segment schemes').heading}`;
    return;
  }
  schemePicker.removeAttribute('title');
  renderViewBar();
  if (shown && charts) charts.update(shown.dashboard, shown.filters, definitionsOf(shown.dashboard));
}

/** The value a picked scheme or method takes in the URL: none when it is the API's default. */
const urlValue = (value: string, defaultValue: string | undefined): string => (value === defaultValue ? '' : value);

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
  predictionSection.hidden = state === 'empty' || state === 'error';
  migrationSection.hidden = state === 'empty' || state === 'error';
  // An error shows no figures: those on screen belong to the previous view (nor does the next load, until it has its own).
  kpiSection.hidden = state === 'error' || (state === 'loading' && kpiSection.hidden);
  if (state === 'error') {
    asOf.textContent = '';
    asOfNote.hidden = true;
  }
}

function showError(error: unknown): void {
  // A 400's problem details name each invalid parameter and why; its field is marked in the filter bar.
  const problem = describeProblem(error, 'The dashboard');
  for (const param of problem.messages.flatMap((message) => message.params)) {
    form.querySelector(`[name="${param}"]`)?.setAttribute('aria-invalid', 'true');
    form.querySelector(`details[data-param="${param}"] summary`)?.setAttribute('aria-invalid', 'true');
    if (param === 'segment_scheme') schemePicker.setAttribute('aria-invalid', 'true');
    if (param === 'score_method') methodControl.setAttribute('aria-invalid', 'true');
  }
  // The faults of the filter bar's fields are said in it too; on a phone it is unfolded, so that they show.
  const inForm = problem.messages.filter((message) => message.params.some((param) => form.querySelector(`[name="${param}"]`)));
  formError.textContent = inForm.map((message) => message.text).join('. ');
  formError.hidden = inForm.length === 0;
  if (inForm.length > 0) setFiltersOpen(true);

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

/**
 * The header's as-of date and currency; a note when To is after the data's last day (the as-of date follows To, so
 * recency is counted from a day without data); the data's date range in the empty state.
 */
function showDates(dashboard: DashboardDto, filters: Filters): void {
  const { as_of_date: asOfDate, first_date: first, last_date: last, currency } = dashboard.meta;
  asOf.textContent = asOfDate ? `Figures as of ${formatDate(asOfDate)} · amounts in ${currency}` : 'No transactions yet';
  const end = filters.end_date.trim();
  asOfNote.hidden = !(last && asOfDate && end !== '' && asOfDate > last);
  asOfNote.textContent = asOfNote.hidden ? '' :
    `To (${formatDate(end)}) is after the data's last day (${formatDate(last!)}): recency is counted from ${formatDate(end)}, ` +
    'so every customer looks at least that long inactive. Set To on or before the last day to see recency as of then.';
  emptyRange.textContent = first && last
    ? `The data runs from ${formatDate(first)} to ${formatDate(last)}: widen the dates within that range or remove a filter.`
    : 'There are no transactions yet: import data with the campaign command line (README).';
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
  shown = { dashboard, filters };
  dataAsOf = dashboard.meta.last_date;
  renderViewBar();
  showKpis(dashboard);
  showDates(dashboard, filters);
  const customers = dashboard.kpi.total_customer;
  if (customers === 0) {
    setState('empty', 'No customers match these filters.');
    return;
  }
  setState('ready', `${formatCount(customers, 'customer')}${hasFilters(filters) ? (customers === 1 ? ' matches' : ' match') + ' these filters' : ''}.`);
  charts ??= createCharts(chartSection, (values: FilterValues) => navigate(withFilters(toggleValues(view.filters, values))));
  charts.update(dashboard, filters, definitionsOf(dashboard));
  prediction.show(dashboard.prediction, dashboard.meta.currency);
  migration.load();
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

// ---- Prediction -------------------------------------------------------------------------------------------

// The win-back list: the same customers, the least likely to be alive first.
const prediction = createPredictionPanel(predictionSection, () => {
  navigate({ ...view, table: { ...view.table, sort: 'p_alive', page: 1 } });
  customersSection.scrollIntoView({ behavior: 'smooth', block: 'start' });
});

// ---- Segment migration ------------------------------------------------------------------------------------

const migration = createMigration(migrationSection, {
  view: () => view,
  asOf: () => dataAsOf ?? shown?.dashboard.meta.as_of_date ?? null,
  query: () => toSearch(view),
  navigate: (next) => navigate({ ...view, migration: next }),
});

// ---- Wiring -------------------------------------------------------------------------------------------------

renderBucketFilters();
renderKpiCards();

form.addEventListener('submit', (event) => {
  event.preventDefault();
  applyForm();
});
/**
 * A date being typed changes the field's value at every keystroke of its year (0002, 0020, 0202, 2024): it is applied
 * once its year has four digits and the typing has paused, or when the field is left (or on Enter), so one date is
 * one request and one history entry. A date picked from the calendar is complete at once.
 */
const DATE_PAUSE_MS = 600;
let dateTimer: ReturnType<typeof setTimeout> | undefined;
const isDateField = (target: EventTarget | null): target is HTMLInputElement => target instanceof HTMLInputElement && target.type === 'date';
const completeDate = (value: string): boolean => value === '' || Number(value.slice(0, 4)) >= 1000;
function applyForm(): void {
  clearTimeout(dateTimer);
  navigate(withFilters(readForm()));
}
// Bucket boxes apply at once; text fields on Enter or when they lose focus; dates as above.
form.addEventListener('change', (event) => {
  if (!isDateField(event.target)) applyForm();
  else if (completeDate(event.target.value)) {
    clearTimeout(dateTimer);
    dateTimer = setTimeout(applyForm, DATE_PAUSE_MS);
  }
});
form.addEventListener('focusout', (event) => {
  if (isDateField(event.target)) applyForm();
});
/** Unfolds (or folds) the filter bar on a phone. */
function setFiltersOpen(open: boolean): void {
  form.classList.toggle('open', open);
  filtersToggle.setAttribute('aria-expanded', String(open));
}
filtersToggle.addEventListener('click', () => setFiltersOpen(!form.classList.contains('open')));
/**
 * Reset, "Clear all" and "Clear all filters": no filter, no comparison; the scheme and the method stay unless the
 * API refused them.
 */
function clearAll(): void {
  const next = clearFilters(view.filters);
  if (schemes && !schemes.schemes.some((s) => s.name === next.segment_scheme)) next.segment_scheme = '';
  if (!(next.score_method in SCORE_METHODS)) next.score_method = '';
  navigate(withFilters(next));
}
$('[data-testid="reset"]').addEventListener('click', clearAll);
schemePicker.addEventListener('change', () =>
  navigate(withFilters(withScheme(view.filters, urlValue(schemePicker.value, schemes?.default_scheme)))));
methodControl.addEventListener('change', (event) => {
  const radio = event.target as HTMLInputElement;
  if (radio.name === 'score_method') navigate(withFilters({ ...view.filters, score_method: urlValue(radio.value, schemes?.default_score_method) }));
});
for (const [label, text] of Object.entries(SCORE_METHODS)) {
  methodControl.querySelector(`input[value="${label}"]`)?.closest('label')?.setAttribute('title', text);
}
compareButtons.none.addEventListener('click', () => compare(null));
compareButtons.previous.addEventListener('click', () => compare('previous'));
compareButtons.last_year.addEventListener('click', () => compare('last_year'));
document.addEventListener('click', (event) => {
  const target = event.target as Element;
  if (target.closest('[data-action="clear"]')) clearAll();
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
void loadSchemes();

// For the browser test: the chart instances, to find where a bar is drawn before clicking it.
declare global {
  interface Window {
    campaignDashboard?: { charts: () => Charts['instances'] | null; migration: () => ReturnType<typeof migration.chart> };
  }
}
window.campaignDashboard = { charts: () => charts?.instances ?? null, migration: () => migration.chart() };
