// The Campaign Dashboard page. All data comes through the NSwag-generated client (clients/typescript); the URL's
// query string holds the filters, so a view can be shared and the browser's back and forward buttons work.
import {
  ApiException,
  CampaignClient,
  HttpValidationProblemDetails,
  ProblemDetails,
  type DashboardDto,
  type KpiDto,
} from '../../typescript/src/campaign-client';
import { createCharts, type Charts } from './charts';
import {
  BUCKET_FILTERS,
  BUCKET_PARAMS,
  TEXT_CHIPS,
  TEXT_PARAMS,
  fromSearch,
  hasFilters,
  noFilters,
  sameFilters,
  toSearch,
  toggleBucket,
  type BucketParam,
  type Filters,
} from './filters';
import { formatDate, formatNumber } from './format';
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

const FIELD_NAMES: Record<string, string> = {
  ...TEXT_CHIPS,
  ...Object.fromEntries(BUCKET_FILTERS.map((f) => [f.param, f.title])),
};

const $ = <T extends HTMLElement = HTMLElement>(selector: string): T => {
  const element = document.querySelector<T>(selector);
  if (!element) throw new Error(`missing ${selector}`);
  return element;
};

const client = new CampaignClient(''); // same origin: the API serves this page
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

let filters: Filters = fromSearch(location.search);
// One spelling per view: a shared link's parameters in the page's own order and encoding (e.g. "10+" as 10%2B).
if (toSearch(filters) !== location.search) history.replaceState(null, '', (toSearch(filters) || location.pathname) + location.hash);
let inFlight: AbortController | null = null;
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

/** The filters as the form shows them. */
function readForm(): Filters {
  const next = noFilters();
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
    chip.addEventListener('click', () => navigate(remove()));
    chips.append(chip);
  };
  for (const name of TEXT_PARAMS) {
    if (filters[name].trim() !== '') add(`${TEXT_CHIPS[name]}: ${filters[name]}`, () => ({ ...filters, [name]: '' }), `chip-${name}`);
  }
  for (const filter of BUCKET_FILTERS) {
    for (const label of filters[filter.param]) {
      add(`${filter.chip}: ${label}`, () => toggleBucket(filters, filter.param, label), `chip-${filter.param}-${label}`);
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
  const count = TEXT_PARAMS.filter((name) => filters[name].trim() !== '').length + BUCKET_PARAMS.reduce((n, name) => n + filters[name].length, 0);
  filtersCount.textContent = count === 0 ? '' : String(count);
  filtersToggle.setAttribute('aria-label', count === 0 ? 'Filters' : `Filters, ${count} applied`);
}

// ---- Navigation ---------------------------------------------------------------------------------------------

/** Shows the dashboard for new filters and records them in the URL (a new history entry). */
function navigate(next: Filters): void {
  if (sameFilters(next, filters)) {
    syncForm();
    return;
  }
  filters = next;
  history.pushState(null, '', toSearch(filters) || location.pathname);
  void load();
}

window.addEventListener('popstate', () => {
  filters = fromSearch(location.search);
  void load();
});

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
  document.body.dataset.query = toSearch(filters);
  main.setAttribute('aria-busy', String(state === 'loading'));
  status.textContent = message;
  status.classList.toggle('loading', state === 'loading');
  errorPanel.hidden = state !== 'error';
  emptyPanel.hidden = state !== 'empty';
  chartSection.hidden = state === 'empty' || state === 'error';
  kpiSection.classList.toggle('stale', state === 'error');
}

function showError(error: unknown): void {
  errorPanel.replaceChildren();
  const heading = document.createElement('h2');
  const detail = document.createElement('p');
  const list = document.createElement('ul');
  list.dataset.testid = 'error-messages';

  if (error instanceof ApiException && error.result instanceof HttpValidationProblemDetails) {
    // A 400: the problem details name each invalid parameter and why.
    heading.textContent = 'Some filters are not valid';
    detail.textContent = error.result.title ?? 'Correct the filters below and apply them again.';
    for (const [param, messages] of Object.entries(error.result.errors ?? {})) {
      for (const message of messages) {
        const item = document.createElement('li');
        const name = document.createElement('strong');
        name.textContent = `${FIELD_NAMES[param] ?? param}: `;
        item.append(name, document.createTextNode(message));
        list.append(item);
      }
      form.querySelector(`[name="${param}"]`)?.setAttribute('aria-invalid', 'true');
      form.querySelector(`details[data-param="${param}"] summary`)?.setAttribute('aria-invalid', 'true');
    }
  } else if (error instanceof ApiException && error.result instanceof ProblemDetails) {
    heading.textContent = error.result.title ?? 'The dashboard could not be computed';
    detail.textContent = error.result.detail ?? `The API answered ${error.status}. Try again in a moment.`;
  } else if (error instanceof ApiException) {
    heading.textContent = 'The dashboard could not be loaded';
    detail.textContent = `The API answered ${error.status}.`;
  } else {
    heading.textContent = 'The API could not be reached';
    detail.textContent = error instanceof Error ? error.message : String(error);
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
  errorPanel.append(heading, detail, ...(list.childElementCount ? [list] : []), actions);
}

// ---- Loading ------------------------------------------------------------------------------------------------

async function load(): Promise<void> {
  inFlight?.abort();
  const request = new AbortController();
  inFlight = request;
  syncForm();
  renderChips();
  setState('loading', 'Loading…');

  let dashboard: DashboardDto;
  try {
    const f = filters;
    const list = (labels: string[]) => (labels.length ? labels : undefined);
    const text = (value: string) => (value.trim() === '' ? undefined : value);
    dashboard = await client.getDashboard(
      text(f.start_date), text(f.end_date), text(f.customer_mobile), text(f.customer_name),
      list(f.r_value_bucket), list(f.f_value_bucket), list(f.m_value_bucket),
      undefined, undefined, undefined, undefined, undefined, undefined, request.signal);
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
  charts ??= createCharts(chartSection, (param, label) => navigate(toggleBucket(filters, param, label)));
  charts.update(dashboard, filters);
}

// ---- Wiring -------------------------------------------------------------------------------------------------

renderBucketFilters();
renderKpiCards();

form.addEventListener('submit', (event) => {
  event.preventDefault();
  navigate(readForm());
});
// Dates and bucket boxes apply at once; text fields on Enter or when they lose focus.
form.addEventListener('change', () => navigate(readForm()));
filtersToggle.addEventListener('click', () => {
  const open = form.classList.toggle('open');
  filtersToggle.setAttribute('aria-expanded', String(open));
});
$('[data-testid="reset"]').addEventListener('click', () => navigate(noFilters()));
document.addEventListener('click', (event) => {
  const target = event.target as Element;
  if (target.closest('[data-action="clear"]')) navigate(noFilters());
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
