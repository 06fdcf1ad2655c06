// The customers table under the charts: the customers of the current selection, one page at a time, sortable by a
// click on a column header (the API's sort keys), with "Export CSV" for the whole selection in the same order.
// It only draws; main.ts loads the data (through api.ts) and keeps the table's sort and page in the URL.
import type { CustomerDto, CustomersPageDto } from '../../typescript/src/campaign-client';
import { DEFAULT_SORT, PAGE_SIZES, titleCase, type Table } from './filters';
import { formatCount, formatDate, formatNumber } from './format';
import { problemReasons, renderProblem, type Problem } from './problems';

type Field = keyof Pick<CustomerDto,
  'customer_id' | 'customer_name' | 'mobile' | 'segment' | 'r_score' | 'f_score' | 'm_score' | 'recency_days' | 'visits' |
  'spend' | 'profit' | 'last_purchase' | 'p_alive' | 'expected_visits' | 'expected_spend' | 'predicted_clv'>;

interface Column {
  field: Field;
  header: string;
  /** The header's full meaning, for a tooltip and screen readers, when the header is short. */
  title?: string;
  /** The API's sort key (the field's name); absent: the column cannot be sorted. */
  sort?: string;
  /** A prediction (null until the API predicts): sortable only while some value is known. */
  prediction?: boolean;
  numeric?: boolean;
  /** A first click sorts descending (largest, latest first) rather than ascending. */
  descendingFirst?: boolean;
  format: (value: never) => string;
}

const NA = 'n/a';
const orNa = (format: (value: number) => string) => (value: number | null): string => (value === null ? NA : format(value));
const money = (value: number): string => formatNumber(value, 2);

export const COLUMNS: readonly Column[] = [
  { field: 'customer_id', header: 'ID', title: 'Customer id', sort: 'customer_id', numeric: true, format: (v: number) => String(v) },
  { field: 'customer_name', header: 'Name', sort: 'customer_name', format: (v: string | null) => v ?? '—' },
  { field: 'mobile', header: 'Mobile', format: (v: string | null) => v ?? '—' },
  { field: 'segment', header: 'Segment', format: (v: string) => titleCase(v) },
  { field: 'r_score', header: 'R', title: 'Recency score', sort: 'r_score', numeric: true, descendingFirst: true, format: (v: number) => String(v) },
  { field: 'f_score', header: 'F', title: 'Frequency score', sort: 'f_score', numeric: true, descendingFirst: true, format: (v: number) => String(v) },
  { field: 'm_score', header: 'M', title: 'Monetary score', sort: 'm_score', numeric: true, descendingFirst: true, format: (v: number) => String(v) },
  { field: 'recency_days', header: 'Recency', title: 'Days since the last purchase', sort: 'recency_days', numeric: true, format: (v: number) => formatNumber(v) },
  { field: 'visits', header: 'Visits', title: 'Visit days in the window', sort: 'visits', numeric: true, descendingFirst: true, format: (v: number) => formatNumber(v) },
  { field: 'spend', header: 'Spend', sort: 'spend', numeric: true, descendingFirst: true, format: money },
  { field: 'profit', header: 'Profit', sort: 'profit', numeric: true, descendingFirst: true, format: money },
  { field: 'last_purchase', header: 'Last purchase', sort: 'last_purchase', descendingFirst: true, format: (v: string) => formatDate(v) },
  { field: 'p_alive', header: 'P(alive)', title: 'Probability the customer is still active', sort: 'p_alive', prediction: true, numeric: true, descendingFirst: true, format: orNa((v) => `${formatNumber(v * 100, 1)}%`) },
  { field: 'expected_visits', header: 'Exp. visits', title: 'Expected visits over the prediction horizon', sort: 'expected_visits', prediction: true, numeric: true, descendingFirst: true, format: orNa((v) => formatNumber(v, 2)) },
  { field: 'expected_spend', header: 'Exp. spend', title: 'Expected spend over the prediction horizon', sort: 'expected_spend', prediction: true, numeric: true, descendingFirst: true, format: orNa(money) },
  { field: 'predicted_clv', header: 'CLV', title: 'Predicted customer lifetime value', sort: 'predicted_clv', prediction: true, numeric: true, descendingFirst: true, format: orNa(money) },
];

/** "-spend" -> { key: "spend", descending: true }. */
export const parseSort = (sort: string): { key: string; descending: boolean } =>
  sort.startsWith('-') ? { key: sort.slice(1), descending: true } : { key: sort, descending: false };

/** The sort after a click on a column: the same column flips its direction; another starts with its first direction. */
export function nextSort(current: string, column: Column): string {
  const key = column.sort ?? '';
  const { key: currentKey, descending } = parseSort(current);
  if (currentKey === key) return descending ? key : `-${key}`;
  return column.descendingFirst ? `-${key}` : key;
}

export const pageCount = (total: number, pageSize: number): number => Math.max(1, Math.ceil(total / pageSize));

export interface TableHandlers {
  sort(sort: string): void;
  page(page: number): void;
  pageSize(pageSize: number): void;
  export(): void;
  retry(): void;
}

export interface CustomersTable {
  /** Shows that a page is on its way (the rows already shown stay, dimmed). */
  loading(table: Table, query: string): void;
  /** Draws a page of customers for the table state it was asked with. */
  show(result: CustomersPageDto, table: Table, query: string): void;
  /** Shows why the customers could not be loaded. */
  fail(problem: Problem, table: Table, query: string): void;
  /** The export's progress and outcome: busy while the file is on its way, a problem when it failed. */
  exporting(busy: boolean, problem?: Problem): void;
}

const $ = <T extends HTMLElement>(root: HTMLElement, testid: string): T => {
  const element = root.querySelector<T>(`[data-testid="${testid}"]`);
  if (!element) throw new Error(`missing ${testid}`);
  return element;
};

/** Wires the table in its section (index.html's [data-testid="customers"]). */
export function createCustomersTable(section: HTMLElement, handlers: TableHandlers): CustomersTable {
  const summary = $(section, 'customers-summary');
  const message = $(section, 'customers-message');
  const exportButton = $<HTMLButtonElement>(section, 'export');
  const exportError = $(section, 'export-error');
  const pageSize = $<HTMLSelectElement>(section, 'page-size');
  const table = $<HTMLTableElement>(section, 'customers-table');
  const previous = $<HTMLButtonElement>(section, 'page-previous');
  const next = $<HTMLButtonElement>(section, 'page-next');
  const pageStatus = $(section, 'page-status');
  const head = table.createTHead();
  const body = table.tBodies[0] ?? table.createTBody();

  let state: Table | null = null;
  let pages = 1;

  for (const size of PAGE_SIZES) {
    const option = document.createElement('option');
    option.value = String(size);
    option.textContent = String(size);
    pageSize.append(option);
  }
  pageSize.addEventListener('change', () => handlers.pageSize(Number(pageSize.value)));
  previous.addEventListener('click', () => state && handlers.page(state.page - 1));
  next.addEventListener('click', () => state && handlers.page(state.page + 1));
  exportButton.addEventListener('click', () => handlers.export());

  /** The header row: a button per sortable column, its direction shown by an arrow and aria-sort. */
  function renderHead(sort: string, items: readonly CustomerDto[]): void {
    const { key, descending } = parseSort(sort);
    // The header is drawn anew: a keyboard user's focus stays on the sort button it was on.
    const focused = head.contains(document.activeElement) ? (document.activeElement as HTMLElement).dataset.testid : undefined;
    const row = document.createElement('tr');
    for (const column of COLUMNS) {
      const th = document.createElement('th');
      th.scope = 'col';
      th.dataset.column = column.field;
      if (column.numeric) th.className = 'numeric';
      if (column.title) th.title = column.title;
      const active = column.sort !== undefined && column.sort === key;
      // A prediction column sorts once a value is known (the API takes its key only then), or while it is the order.
      const sortable = column.sort !== undefined &&
        (!column.prediction || active || items.some((item) => item[column.field] !== null));
      if (active) th.setAttribute('aria-sort', descending ? 'descending' : 'ascending');
      if (sortable) {
        const button = document.createElement('button');
        button.type = 'button';
        button.className = 'sort';
        button.dataset.testid = `sort-${column.sort}`;
        button.textContent = column.header;
        if (column.title) button.setAttribute('aria-label', column.title);
        const arrow = document.createElement('span');
        arrow.className = 'sort-arrow';
        arrow.setAttribute('aria-hidden', 'true');
        arrow.textContent = active ? (descending ? '▼' : '▲') : '↕';
        button.append(arrow);
        button.addEventListener('click', () => handlers.sort(nextSort(sort, column)));
        th.append(button);
      } else {
        th.textContent = column.header;
      }
      row.append(th);
    }
    head.replaceChildren(row);
    if (focused) head.querySelector<HTMLElement>(`[data-testid="${focused}"]`)?.focus();
  }

  function renderRows(items: readonly CustomerDto[]): void {
    const rows = items.map((item) => {
      const row = document.createElement('tr');
      row.dataset.customerId = String(item.customer_id);
      for (const column of COLUMNS) {
        const value = item[column.field];
        const cell = document.createElement('td');
        cell.dataset.column = column.field;
        cell.dataset.value = value === null ? '' : String(value);
        if (column.numeric) cell.className = 'numeric';
        if (value === null && column.prediction) cell.classList.add('na');
        cell.textContent = (column.format as (v: unknown) => string)(value);
        row.append(cell);
      }
      return row;
    });
    body.replaceChildren(...rows);
  }

  function renderPager(total: number, current: Table): void {
    pages = pageCount(total, current.page_size);
    pageStatus.textContent = `Page ${formatNumber(current.page)} of ${formatNumber(pages)}`;
    previous.disabled = current.page <= 1;
    next.disabled = current.page >= pages;
  }

  function mark(stateName: 'loading' | 'ready' | 'empty' | 'error', current: Table, query: string): void {
    state = current;
    section.dataset.state = stateName;
    section.dataset.query = query;
    section.setAttribute('aria-busy', String(stateName === 'loading'));
    pageSize.value = String(current.page_size);
  }

  renderHead(DEFAULT_SORT, []);

  return {
    loading(current, query) {
      mark('loading', current, query);
      summary.textContent = 'Loading customers…';
      previous.disabled = true;
      next.disabled = true;
    },

    show(result, current, query) {
      mark(result.total === 0 ? 'empty' : 'ready', current, query);
      section.dataset.total = String(result.total);
      message.hidden = true;
      message.replaceChildren();
      renderHead(current.sort, result.items);
      renderRows(result.items);
      renderPager(result.total, current);
      const first = (current.page - 1) * current.page_size + 1;
      const last = first + result.items.length - 1;
      summary.textContent = result.total === 0
        ? 'No customers match these filters.'
        : result.items.length === 0
          ? `${formatNumber(result.total)} customers; page ${formatNumber(current.page)} is past the last one.`
          : `${formatNumber(first)}–${formatNumber(last)} of ${formatCount(result.total, 'customer')}`;
      exportButton.disabled = result.total === 0 || exportButton.getAttribute('aria-busy') === 'true';
    },

    fail(problem, current, query) {
      mark('error', current, query);
      delete section.dataset.total;
      body.replaceChildren();
      renderHead(current.sort, []);
      pageStatus.textContent = '';
      previous.disabled = true;
      next.disabled = true;
      summary.textContent = 'The customers could not be loaded.';
      const retry = document.createElement('button');
      retry.type = 'button';
      retry.className = 'secondary';
      retry.textContent = 'Try again';
      retry.addEventListener('click', () => handlers.retry());
      message.replaceChildren(...renderProblem(problem, 'customers-error-messages'), retry);
      message.hidden = false;
    },

    exporting(busy, problem) {
      exportButton.setAttribute('aria-busy', String(busy));
      exportButton.disabled = busy || section.dataset.total === '0';
      exportButton.textContent = busy ? 'Exporting…' : 'Export CSV';
      const reasons = problemReasons(problem);
      exportError.textContent = problem ? `The export failed. ${problem.heading}: ${reasons || problem.detail}` : '';
      exportError.hidden = !problem;
    },
  };
}
