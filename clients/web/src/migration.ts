// The segment migration: where the customers of each segment at one date are at a later date (an ECharts Sankey,
// from labels on the left, to labels on the right, NOT ACTIVE on both sides). Clicking a flow lists its customers
// (GET /segment-migration/customers: paged, sortable, exported as CSV). Its dates, window and flow live in the URL
// (migration_from, migration_to, migration_window, flow_from, flow_to, flow_sort, flow_page; see filters.ts).
import { SankeyChart, type SankeySeriesOption } from 'echarts/charts';
import { AriaComponent, TooltipComponent, type AriaComponentOption, type TooltipComponentOption } from 'echarts/components';
import * as echarts from 'echarts/core';
import { SVGRenderer } from 'echarts/renderers';
import type { FlowCustomerDto, FlowCustomersPageDto, SegmentMigrationDto } from '../../typescript/src/campaign-client';
import * as api from './api';
import { minusYear } from './compare';
import { MIGRATION_WINDOWS, noMigration, titleCase, type Filters, type Migration } from './filters';
import { formatCount, formatDate, formatNumber } from './format';
import { describeProblem, problemReasons, renderProblem, type Problem } from './problems';
import { pageCount } from './table';

echarts.use([SankeyChart, AriaComponent, TooltipComponent, SVGRenderer]);

type Option = echarts.ComposeOption<SankeySeriesOption | AriaComponentOption | TooltipComponentOption>;

export const NOT_ACTIVE = 'NOT ACTIVE';
export const FLOW_PAGE_SIZE = 25;
/** A Sankey needs unique node names: each side's label gets its side's suffix. */
export const FROM_SUFFIX = ' (from)';
export const TO_SUFFIX = ' (to)';

const PALETTE = ['#1d4ed8', '#0f766e', '#7c3aed', '#b45309', '#be123c', '#0369a1', '#4d7c0f', '#a21caf', '#c2410c', '#0e7490', '#4338ca'];
const INACTIVE_COLOR = '#9ca3af';

/** What the page gives the migration: the view, the as-of date, and a way to change the URL. */
export interface MigrationHost {
  view(): { filters: Filters; migration: Migration };
  /** The dashboard's as-of date, once known. */
  asOf(): string | null;
  /** The URL's query for the view. */
  query(): string;
  navigate(migration: Migration): void;
}

export interface MigrationView {
  /** Loads what the view's migration needs that is not shown yet (the flows, the flow's customers). */
  load(): void;
  chart(): echarts.EChartsType;
}

interface FlowColumn {
  field: keyof FlowCustomerDto;
  header: string;
  sort?: string;
  numeric?: boolean;
  descendingFirst?: boolean;
  format: (value: never) => string;
}

const text = (value: string | null): string => value ?? '';
const FLOW_COLUMNS: readonly FlowColumn[] = [
  { field: 'customer_id', header: 'Customer', sort: 'customer_id', numeric: true, format: (v: number) => String(v) },
  { field: 'customer_name', header: 'Name', format: text },
  { field: 'mobile', header: 'Mobile', format: text },
  { field: 'from_segment', header: 'From', format: (v: string) => titleCase(v) },
  { field: 'to_segment', header: 'To', format: (v: string) => titleCase(v) },
  { field: 'last_purchase', header: 'Last purchase', sort: 'last_purchase', descendingFirst: true, format: (v: string | null) => (v ? formatDate(v) : '—') },
  { field: 'spend_before', header: 'Spend before', sort: 'spend_before', numeric: true, descendingFirst: true, format: (v: number) => formatNumber(v, 2) },
  { field: 'spend_after', header: 'Spend after', sort: 'spend_after', numeric: true, descendingFirst: true, format: (v: number) => formatNumber(v, 2) },
];

const WINDOW_TEXT = (days: string): string => (days === '' ? 'All history' : `Last ${days} days`);

/** The migration's dates: the URL's, else to = the as-of date and from = a year before to (null: not known yet). */
export function migrationDates(migration: Migration, asOf: string | null): { from: string; to: string } | null {
  const to = migration.to || asOf;
  if (!to) return null;
  return { from: migration.from || minusYear(to), to };
}

const escapeHtml = (value: string): string =>
  value.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

const $ = <T extends HTMLElement>(root: HTMLElement, testid: string): T => {
  const element = root.querySelector<T>(`[data-testid="${testid}"]`);
  if (!element) throw new Error(`missing ${testid}`);
  return element;
};

/** The Sankey: a node per label with customers on each side, in the API's order (the scheme's, NOT ACTIVE last). */
function sankeyOption(data: SegmentMigrationDto, migration: Migration, width: number): Option {
  const narrow = width < 560;
  const colors = new Map<string, string>();
  [...data.from_totals, ...data.to_totals].forEach((total) => {
    if (!colors.has(total.label)) colors.set(total.label, total.label === NOT_ACTIVE ? INACTIVE_COLOR : PALETTE[colors.size % PALETTE.length]!);
  });
  const node = (label: string, customers: number, side: 'from' | 'to') => ({
    name: label + (side === 'from' ? FROM_SUFFIX : TO_SUFFIX),
    label: { show: true },
    display: titleCase(label),
    segment: label,
    side,
    customers,
    depth: side === 'from' ? 0 : 1,
    itemStyle: { color: colors.get(label) },
  });
  const nodes = [
    ...data.from_totals.filter((t) => t.customers > 0).map((t) => node(t.label, t.customers, 'from')),
    ...data.to_totals.filter((t) => t.customers > 0).map((t) => node(t.label, t.customers, 'to')),
  ];
  const selected = (item: { from_segment: string; to_segment: string }) =>
    item.from_segment === migration.flow_from && item.to_segment === migration.flow_to;
  const links = data.items.map((item) => ({
    source: item.from_segment + FROM_SUFFIX,
    target: item.to_segment + TO_SUFFIX,
    value: item.customers,
    from_segment: item.from_segment,
    to_segment: item.to_segment,
    lineStyle: selected(item) ? { opacity: 0.8, color: '#1e3a8a' } : undefined,
  }));
  const margin = narrow ? Math.min(96, Math.round(width * 0.26)) : 150;
  const fontSize = narrow ? 10 : 12;
  const description = `Segment migration from ${data.meta.from_date} to ${data.meta.to_date}: ` +
    data.items.map((i) => `${titleCase(i.from_segment)} to ${titleCase(i.to_segment)} ${i.customers}`).join('; ');
  return {
    animation: false,
    aria: { enabled: true, label: { description } },
    tooltip: {
      trigger: 'item',
      confine: true,
      formatter: (params: unknown) => {
        const p = params as { dataType?: string; data: { from_segment?: string; to_segment?: string; value?: number; display?: string; customers?: number; side?: string } };
        if (p.dataType === 'edge') {
          return `${escapeHtml(titleCase(p.data.from_segment ?? ''))} → ${escapeHtml(titleCase(p.data.to_segment ?? ''))}<br>` +
            `<strong>${formatNumber(p.data.value ?? 0)}</strong> customers · click to list them`;
        }
        const date = p.data.side === 'from' ? data.meta.from_date : data.meta.to_date;
        return `${escapeHtml(p.data.display ?? '')} on ${escapeHtml(formatDate(date))}<br><strong>${formatNumber(p.data.customers ?? 0)}</strong> customers`;
      },
    },
    series: [{
      type: 'sankey',
      left: margin,
      right: margin,
      top: 8,
      bottom: 8,
      nodeWidth: narrow ? 10 : 14,
      nodeGap: narrow ? 6 : 8,
      nodeAlign: 'justify',
      layoutIterations: 0,
      draggable: false,
      emphasis: { focus: 'adjacency' },
      lineStyle: { color: 'source', opacity: 0.35, curveness: 0.5 },
      label: {
        fontSize,
        color: '#1f2937',
        width: margin - 8,
        overflow: 'truncate',
        formatter: (params: unknown) => {
          const p = params as { data: { display: string; customers: number; side: string } };
          return narrow ? p.data.display : `${p.data.display} ${formatNumber(p.data.customers)}`;
        },
      },
      levels: [
        { depth: 0, label: { position: 'left' } },
        { depth: 1, label: { position: 'right' } },
      ],
      data: nodes,
      links,
    } as SankeySeriesOption],
  };
}

/** Wires the migration section (index.html's [data-testid="migration"]). */
export function createMigration(section: HTMLElement, host: MigrationHost): MigrationView {
  const form = $<HTMLFormElement>(section, 'migration-controls');
  const fromInput = $<HTMLInputElement>(section, 'migration-from');
  const toInput = $<HTMLInputElement>(section, 'migration-to');
  const windowSelect = $<HTMLSelectElement>(section, 'migration-window');
  const summary = $(section, 'migration-summary');
  const message = $(section, 'migration-message');
  const canvas = $(section, 'migration-chart');
  const flow = $(section, 'flow');
  const flowTitle = $(flow, 'flow-title');
  const flowSummary = $(flow, 'flow-summary');
  const flowMessage = $(flow, 'flow-message');
  const flowClose = $<HTMLButtonElement>(flow, 'flow-close');
  const exportButton = $<HTMLButtonElement>(flow, 'flow-export');
  const exportError = $(flow, 'flow-export-error');
  const table = $<HTMLTableElement>(flow, 'flow-table');
  const previous = $<HTMLButtonElement>(flow, 'flow-previous');
  const next = $<HTMLButtonElement>(flow, 'flow-next');
  const pageStatus = $(flow, 'flow-page-status');
  const head = table.createTHead();
  const body = table.tBodies[0] ?? table.createTBody();

  for (const days of MIGRATION_WINDOWS) {
    const option = document.createElement('option');
    option.value = days;
    option.textContent = WINDOW_TEXT(days);
    windowSelect.append(option);
  }

  const chart = echarts.init(canvas, null, { renderer: 'svg' });
  let shown: { key: string; data: SegmentMigrationDto; migration: Migration } | null = null;
  let shownFlow = '';
  let inFlight: AbortController | null = null;
  let flowInFlight: AbortController | null = null;
  let exportInFlight: AbortController | null = null;
  let drawnNarrow: boolean | null = null;

  const current = () => host.view().migration;
  const go = (change: Partial<Migration>) => host.navigate({ ...current(), ...change });

  form.addEventListener('submit', (event) => event.preventDefault());
  form.addEventListener('change', () => {
    // A new date or window keeps the flow, on its first page.
    go({ from: fromInput.value, to: toInput.value, window: windowSelect.value, flow_page: 1 });
  });
  chart.on('click', (event) => {
    if (event.dataType !== 'edge') return;
    const link = event.data as { from_segment: string; to_segment: string };
    const { flow_from, flow_to } = current();
    if (link.from_segment === flow_from && link.to_segment === flow_to) return;
    go({ flow_from: link.from_segment, flow_to: link.to_segment, flow_sort: noMigration().flow_sort, flow_page: 1 });
  });
  flowClose.addEventListener('click', () => go({ flow_from: '', flow_to: '', flow_sort: noMigration().flow_sort, flow_page: 1 }));
  previous.addEventListener('click', () => go({ flow_page: current().flow_page - 1 }));
  next.addEventListener('click', () => go({ flow_page: current().flow_page + 1 }));
  exportButton.addEventListener('click', () => void exportCsv());
  new ResizeObserver(() => {
    // Hidden (an error or an empty selection replaced the view): a Sankey cannot be laid out in no room; it is drawn
    // again when it shows.
    if (canvas.clientWidth === 0) return;
    chart.resize();
    if (shown && drawnNarrow !== canvas.clientWidth < 560) draw();
  }).observe(canvas);

  function draw(): void {
    if (!shown) return;
    drawnNarrow = canvas.clientWidth < 560;
    chart.setOption(sankeyOption(shown.data, current(), canvas.clientWidth), { notMerge: true });
  }

  function mark(element: HTMLElement, state: 'loading' | 'ready' | 'empty' | 'error'): void {
    element.dataset.state = state;
    element.dataset.query = host.query();
    element.setAttribute('aria-busy', String(state === 'loading'));
  }

  function fail(target: HTMLElement, problem: Problem, testid: string, retry: () => void): void {
    const button = document.createElement('button');
    button.type = 'button';
    button.className = 'secondary';
    button.textContent = 'Try again';
    button.addEventListener('click', retry);
    target.replaceChildren(...renderProblem(problem, testid), button);
    target.hidden = false;
  }

  /** The flows for the view's dates and window, unless they are shown already. */
  async function loadChart(dates: { from: string; to: string }): Promise<boolean> {
    const { filters, migration } = host.view();
    const key = JSON.stringify(api.migrationArgs(filters, dates, migration.window));
    if (shown?.key === key) {
      shown = { ...shown, migration };
      draw();
      mark(section, shown.data.items.length === 0 ? 'empty' : 'ready');
      return true;
    }
    inFlight?.abort();
    const request = new AbortController();
    inFlight = request;
    mark(section, 'loading');
    summary.textContent = 'Loading the migration…';
    let data: SegmentMigrationDto;
    try {
      data = await api.getSegmentMigration(filters, dates, migration.window, request.signal);
    } catch (error) {
      if (request.signal.aborted) return false;
      shown = null;
      chart.clear();
      summary.textContent = 'The migration could not be loaded.';
      fail(message, describeProblem(error, 'The segment migration'), 'migration-error-messages', () => { shown = null; load(); });
      mark(section, 'error');
      return false;
    }
    if (request.signal.aborted) return false;
    shown = { key, data, migration: host.view().migration };
    message.hidden = true;
    message.replaceChildren();
    const total = data.from_totals.reduce((n, t) => n + t.customers, 0);
    summary.textContent = `${formatCount(total, 'customer')}, ${formatDate(data.meta.from_date)} → ${formatDate(data.meta.to_date)} ` +
      `(${WINDOW_TEXT(data.meta.window_days === null ? '' : String(data.meta.window_days)).toLowerCase()}, ${data.meta.segment_scheme}). ` +
      'Click a flow to list its customers.';
    draw();
    mark(section, data.items.length === 0 ? 'empty' : 'ready');
    return true;
  }

  function renderHead(sort: string): void {
    const descending = sort.startsWith('-');
    const key = sort.replace(/^-/, '');
    const row = document.createElement('tr');
    for (const column of FLOW_COLUMNS) {
      const th = document.createElement('th');
      th.scope = 'col';
      th.dataset.column = column.field;
      if (column.numeric) th.className = 'numeric';
      if (column.sort) {
        const active = column.sort === key;
        if (active) th.setAttribute('aria-sort', descending ? 'descending' : 'ascending');
        const button = document.createElement('button');
        button.type = 'button';
        button.className = 'sort';
        button.dataset.testid = `flow-sort-${column.sort}`;
        button.textContent = column.header;
        const arrow = document.createElement('span');
        arrow.className = 'sort-arrow';
        arrow.setAttribute('aria-hidden', 'true');
        arrow.textContent = active ? (descending ? '▼' : '▲') : '↕';
        button.append(arrow);
        const nextSort = active ? (descending ? column.sort : `-${column.sort}`) : column.descendingFirst ? `-${column.sort}` : column.sort;
        button.addEventListener('click', () => go({ flow_sort: nextSort, flow_page: 1 }));
        th.append(button);
      } else {
        th.textContent = column.header;
      }
      row.append(th);
    }
    head.replaceChildren(row);
  }

  function showFlow(result: FlowCustomersPageDto, migration: Migration): void {
    flow.dataset.total = String(result.total);
    flowMessage.hidden = true;
    renderHead(migration.flow_sort);
    body.replaceChildren(...result.items.map((item) => {
      const row = document.createElement('tr');
      row.dataset.customerId = String(item.customer_id);
      for (const column of FLOW_COLUMNS) {
        const value = item[column.field];
        const cell = document.createElement('td');
        cell.dataset.column = column.field;
        cell.dataset.value = value === null ? '' : String(value);
        if (column.numeric) cell.className = 'numeric';
        cell.textContent = (column.format as (v: unknown) => string)(value);
        row.append(cell);
      }
      return row;
    }));
    const pages = pageCount(result.total, FLOW_PAGE_SIZE);
    pageStatus.textContent = `Page ${formatNumber(migration.flow_page)} of ${formatNumber(pages)}`;
    previous.disabled = migration.flow_page <= 1;
    next.disabled = migration.flow_page >= pages;
    const first = (migration.flow_page - 1) * FLOW_PAGE_SIZE + 1;
    flowSummary.textContent = result.total === 0 ? 'No customers in this flow.'
      : `${formatNumber(first)}–${formatNumber(first + result.items.length - 1)} of ${formatCount(result.total, 'customer')}`;
    exportButton.disabled = result.total === 0 || exportButton.getAttribute('aria-busy') === 'true';
    mark(flow, result.total === 0 ? 'empty' : 'ready');
  }

  /** The flow's page of customers, unless it is shown already. */
  async function loadFlow(dates: { from: string; to: string }): Promise<void> {
    const { filters, migration } = host.view();
    if (migration.flow_from === '' || migration.flow_to === '') {
      flowInFlight?.abort();
      flow.hidden = true;
      shownFlow = '';
      mark(flow, 'empty');
      return;
    }
    flow.hidden = false;
    flowTitle.textContent = `${titleCase(migration.flow_from)} → ${titleCase(migration.flow_to)}`;
    const key = JSON.stringify([api.migrationArgs(filters, dates, migration.window), migration]);
    if (key === shownFlow && flow.dataset.state !== 'error') {
      mark(flow, flow.dataset.total === '0' ? 'empty' : 'ready');
      return;
    }
    flowInFlight?.abort();
    const request = new AbortController();
    flowInFlight = request;
    mark(flow, 'loading');
    flowSummary.textContent = 'Loading customers…';
    previous.disabled = true;
    next.disabled = true;
    let result: FlowCustomersPageDto;
    try {
      result = await api.getMigrationCustomers(filters, dates, migration, FLOW_PAGE_SIZE, request.signal);
    } catch (error) {
      if (request.signal.aborted) return;
      shownFlow = '';
      delete flow.dataset.total;
      body.replaceChildren();
      flowSummary.textContent = 'The flow\'s customers could not be loaded.';
      fail(flowMessage, describeProblem(error, 'The flow\'s customers'), 'flow-error-messages', () => load());
      mark(flow, 'error');
      return;
    }
    if (request.signal.aborted) return;
    // A page past the last one (an old link): the last page instead.
    const last = pageCount(result.total, FLOW_PAGE_SIZE);
    if (result.items.length === 0 && result.total > 0 && migration.flow_page > last) {
      go({ flow_page: last });
      return;
    }
    shownFlow = key;
    showFlow(result, migration);
  }

  async function exportCsv(): Promise<void> {
    const { filters, migration } = host.view();
    const dates = migrationDates(migration, host.asOf());
    if (!dates) return;
    exportInFlight?.abort();
    const request = new AbortController();
    exportInFlight = request;
    exportButton.setAttribute('aria-busy', 'true');
    exportButton.disabled = true;
    exportButton.textContent = 'Exporting…';
    let problem: Problem | undefined;
    try {
      const file = await api.exportMigrationCustomers(filters, dates, migration, request.signal);
      const url = URL.createObjectURL(file.data);
      const link = document.createElement('a');
      link.href = url;
      link.download = file.fileName ?? 'migration-customers.csv';
      link.hidden = true;
      document.body.append(link);
      link.click();
      link.remove();
      setTimeout(() => URL.revokeObjectURL(url), 60_000);
    } catch (error) {
      if (request.signal.aborted) return;
      problem = describeProblem(error, 'The export');
    }
    exportButton.setAttribute('aria-busy', 'false');
    exportButton.disabled = flow.dataset.total === '0';
    exportButton.textContent = 'Export CSV';
    const reasons = problemReasons(problem);
    exportError.textContent = problem ? `The export failed. ${problem.heading}: ${reasons || problem.detail}` : '';
    exportError.hidden = !problem;
  }

  function load(): void {
    const { migration } = host.view();
    const dates = migrationDates(migration, host.asOf());
    windowSelect.value = migration.window;
    if (!dates) {
      mark(section, 'loading');
      return;
    }
    fromInput.value = dates.from;
    toInput.value = dates.to;
    void loadChart(dates).then((ok) => {
      if (ok) void loadFlow(dates);
    });
  }

  return { load, chart: () => chart };
}
