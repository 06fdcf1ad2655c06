// One Apache ECharts chart per widget of the dashboard. Clicking filters, as in BI tools: a bar of the recency,
// visits or spend chart applies its bucket, a bar of the R, F or M score chart its score, a slice of the segment
// ring its segment (clicking a selected one removes it). The return-period and fiscal-year charts are informational.
import { BarChart, PieChart, type BarSeriesOption, type PieSeriesOption } from 'echarts/charts';
import {
  AriaComponent,
  GridComponent,
  LegendComponent,
  TooltipComponent,
  type AriaComponentOption,
  type GridComponentOption,
  type LegendComponentOption,
  type TooltipComponentOption,
} from 'echarts/components';
import * as echarts from 'echarts/core';
import { SVGRenderer } from 'echarts/renderers';
import type { DashboardDto } from '../../typescript/src/campaign-client';
import { BUCKET_FILTERS, titleCase, type BucketParam, type Filters, type ListParam, type ScoreParam } from './filters';
import { formatCompact, formatNumber, formatPercent } from './format';

echarts.use([BarChart, PieChart, AriaComponent, GridComponent, LegendComponent, TooltipComponent, SVGRenderer]);

type Option = echarts.ComposeOption<
  BarSeriesOption | PieSeriesOption | AriaComponentOption | GridComponentOption | LegendComponentOption | TooltipComponentOption
>;

export type ChartId =
  | 'recency' | 'visits' | 'spend'
  | 'r_score' | 'f_score' | 'm_score'
  | 'return_period' | 'segments' | 'fiscal_years';

interface ChartSpec {
  id: ChartId;
  title: string;
  hint: string;
  /** The filter a click on a bar (or slice) applies. */
  filter?: ListParam;
  color: string;
  render: (d: DashboardDto, spec: ChartSpec, filters: Filters, narrow: boolean) => Option;
}

interface Row {
  label: string;
  customers: number;
  percentage: number;
  /** The value a click on the row's bar adds to (or removes from) the chart's filter; the label when absent. */
  value?: string;
}

/** Drawn for the bars and slices whose value is in the filter. */
const SELECTED = '#1e3a8a';

const INK = '#1f2937';
const MUTED = '#6b7280';
const GRID_LINE = '#e5e7eb';
const SEGMENT_COLORS: Record<string, string> = {
  CHAMPIONS: '#15803d',
  'POTENTIAL LOYALISTS': '#2563eb',
  'NEW CUSTOMERS': '#d97706',
  'NEED ATTENTION': '#dc2626',
};

// The plot area shrinks so that axis labels stay inside the chart.
const CONTAIN_LABELS = { outerBoundsMode: 'same', outerBoundsContain: 'axisLabel' } as const;

const escapeHtml = (text: string): string =>
  text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c);

/** "1000-2000" -> "1k–2k", ">5000" -> ">5k": bucket labels that fit under a bar at 390 px. */
export const shortLabel = (label: string): string =>
  label.replace(/\d+/g, (n) => (Number(n) >= 1000 && Number(n) % 1000 === 0 ? `${Number(n) / 1000}k` : n)).replace(/(\w)-(\w)/g, '$1–$2');

const reducedMotion = (): boolean => window.matchMedia('(prefers-reduced-motion: reduce)').matches;

function describe(title: string, rows: Row[]): string {
  return `${title}: ` + rows.map((r) => `${r.label} ${formatNumber(r.customers)} customers (${formatPercent(r.percentage)})`).join('; ') + '.';
}

const rowTooltip = (title: string) => (params: unknown): string => {
  const p = params as { name: string; data: { value: number; percentage: number } };
  return `<strong>${escapeHtml(title)}: ${escapeHtml(p.name)}</strong><br/>` +
    `${formatNumber(p.data.value)} customers · ${formatPercent(p.data.percentage)}`;
};

function base(spec: ChartSpec, description: string): Option {
  return {
    animation: !reducedMotion(),
    animationDuration: 400,
    aria: { enabled: true, label: { description } },
    // The page's own font, by name: ECharts measures text with it to lay out labels and legends.
    textStyle: { fontFamily: pageFont(), color: INK },
    tooltip: { trigger: 'item', confine: true, formatter: rowTooltip(spec.title) },
  };
}

/** Vertical bars for ordered numeric buckets; the bars of a filter's selected labels are drawn darker. */
function bucketBars(rows: Row[], spec: ChartSpec, filters: Filters, narrow: boolean): Option {
  const selected = spec.filter ? filters[spec.filter] : [];
  return {
    ...base(spec, describe(spec.title, rows)),
    grid: { left: 4, right: 4, top: 24, bottom: 2, ...CONTAIN_LABELS },
    xAxis: {
      type: 'category',
      data: rows.map((r) => r.label),
      axisLabel: { interval: 0, color: MUTED, fontSize: narrow ? 10 : 11, formatter: (value: string) => shortLabel(value) },
      axisTick: { show: false },
      axisLine: { lineStyle: { color: GRID_LINE } },
    },
    yAxis: {
      type: 'value',
      axisLabel: { color: MUTED, fontSize: 11, formatter: (value: number) => formatCompact(value) },
      splitLine: { lineStyle: { color: GRID_LINE } },
    },
    series: [{
      type: 'bar',
      name: spec.title,
      cursor: spec.filter ? 'pointer' : 'default',
      barMaxWidth: 40,
      data: rows.map((r) => ({
        value: r.customers,
        name: r.label,
        percentage: r.percentage,
        filterValue: r.value ?? r.label,
        itemStyle: {
          color: selected.includes(r.value ?? r.label) ? SELECTED : spec.color,
          borderRadius: [3, 3, 0, 0],
        },
      })),
      label: { show: true, position: 'top', color: MUTED, fontSize: 10, formatter: (p: { value: unknown }) => formatCompact(Number(p.value)) },
      emphasis: { itemStyle: { color: '#1e40af' } },
    }],
  };
}

const pageFont = (): string => getComputedStyle(document.body).fontFamily;

let measureContext: CanvasRenderingContext2D | null = null;

/** The drawn width of the widest text, in px, in the page's font at the given size. */
function widestText(texts: string[], fontSize: number): number {
  measureContext ??= document.createElement('canvas').getContext('2d');
  if (!measureContext) return Math.max(0, ...texts.map((t) => t.length * fontSize * 0.6));
  measureContext.font = `${fontSize}px ${pageFont()}`;
  return Math.max(0, ...texts.map((t) => measureContext!.measureText(t).width));
}

/** Horizontal bars for named categories (scores, return periods): the names stay readable at any width. */
function categoryBars(rows: Row[], spec: ChartSpec, filters: Filters): Option {
  const selected = spec.filter ? filters[spec.filter] : [];
  // The category names get exactly the room they need (ECharts estimates it from a sample and can clip them).
  const labelWidth = Math.ceil(widestText(rows.map((r) => r.label), 11));
  return {
    ...base(spec, describe(spec.title, rows)),
    grid: { left: labelWidth + 12, right: 40, top: 4, bottom: 4, outerBoundsMode: 'none' },
    xAxis: { type: 'value', axisLabel: { show: false }, splitLine: { lineStyle: { color: GRID_LINE } } },
    yAxis: {
      type: 'category',
      inverse: true,
      data: rows.map((r) => r.label),
      axisLabel: { color: INK, fontSize: 11, width: labelWidth + 4, overflow: 'truncate' },
      axisTick: { show: false },
      axisLine: { lineStyle: { color: GRID_LINE } },
    },
    series: [{
      type: 'bar',
      name: spec.title,
      cursor: spec.filter ? 'pointer' : 'default',
      barMaxWidth: 22,
      data: rows.map((r) => ({
        value: r.customers,
        name: r.label,
        percentage: r.percentage,
        filterValue: r.value ?? r.label,
        itemStyle: { color: selected.includes(r.value ?? r.label) ? SELECTED : spec.color },
      })),
      itemStyle: { borderRadius: [0, 3, 3, 0] },
      emphasis: spec.filter ? { itemStyle: { color: '#1e40af' } } : undefined,
      label: { show: true, position: 'right', color: MUTED, fontSize: 10, formatter: (p: { value: unknown }) => formatCompact(Number(p.value)) },
    }],
  };
}

const scoreRows = (items: { score: number; label: string; customers: number; percentage: number }[]): Row[] =>
  items.map((i) => ({ label: `${i.score} · ${i.label}`, customers: i.customers, percentage: i.percentage, value: String(i.score) }));

function segments(d: DashboardDto, spec: ChartSpec, filters: Filters, narrow: boolean): Option {
  const rows = d.segment_data;
  const selected = filters.segment;
  return {
    ...base(spec, describe(spec.title, rows) + ' Spending: ' + rows.map((r) => `${r.label} ${formatNumber(r.spending, 2)}`).join('; ') + '.'),
    tooltip: {
      trigger: 'item',
      confine: true,
      formatter: (params: unknown) => {
        const p = params as { name: string; data: { value: number; percentage: number; spending: number } };
        return `<strong>${escapeHtml(p.name)}</strong><br/>${formatNumber(p.data.value)} customers · ${formatPercent(p.data.percentage)}` +
          `<br/>Spending ${formatNumber(p.data.spending, 2)}`;
      },
    },
    // Beside the ring; each entry carries its share.
    legend: {
      right: 0,
      top: 'middle',
      orient: 'vertical',
      icon: 'circle',
      itemWidth: 10,
      itemHeight: 10,
      itemGap: 12,
      textStyle: { color: INK, fontSize: 12 },
      formatter: (name: string) => {
        const row = rows.find((r) => r.label === name);
        return row ? `${titleCase(name)}  ${formatPercent(row.percentage)}` : titleCase(name);
      },
    },
    series: [{
      type: 'pie',
      name: spec.title,
      cursor: 'pointer',
      radius: narrow ? ['32%', '52%'] : ['42%', '66%'],
      center: [narrow ? '22%' : '25%', '50%'],
      label: { show: false },
      itemStyle: { borderColor: '#fff', borderWidth: 2 },
      data: rows.map((r) => ({
        value: r.customers,
        name: r.label,
        percentage: r.percentage,
        spending: r.spending,
        filterValue: r.label,
        // A selected segment is ringed in the selection colour.
        itemStyle: selected.includes(r.label)
          ? { color: SEGMENT_COLORS[r.label] ?? spec.color, borderColor: SELECTED, borderWidth: 3 }
          : { color: SEGMENT_COLORS[r.label] ?? spec.color },
      })),
    }],
  };
}

function fiscalYears(d: DashboardDto, spec: ChartSpec): Option {
  const years = d.fiscal_year_data;
  const description = `${spec.title}: ` + years.map((y) =>
    `${y.fiscal_year} ${formatNumber(y.total_customers)} customers, ${formatNumber(y.new_customers)} new (${formatPercent(y.new_customer_percentage)}), ` +
    `${formatNumber(y.old_customers)} returning (${formatPercent(y.old_customer_percentage)})`).join('; ') + '.';
  return {
    ...base(spec, description),
    tooltip: {
      trigger: 'axis',
      confine: true,
      axisPointer: { type: 'shadow' },
      formatter: (params: unknown) => {
        const [first] = params as { dataIndex: number }[];
        const y = years[first?.dataIndex ?? 0];
        if (!y) return '';
        return `<strong>${escapeHtml(y.fiscal_year)}</strong>: ${formatNumber(y.total_customers)} customers` +
          `<br/>New ${formatNumber(y.new_customers)} · ${formatPercent(y.new_customer_percentage)}` +
          `<br/>Returning ${formatNumber(y.old_customers)} · ${formatPercent(y.old_customer_percentage)}`;
      },
    },
    legend: { top: 0, left: 0, icon: 'roundRect', itemWidth: 12, itemHeight: 8, textStyle: { color: INK, fontSize: 11 } },
    grid: { left: 4, right: 4, top: 32, bottom: 2, ...CONTAIN_LABELS },
    xAxis: {
      type: 'category',
      data: years.map((y) => y.fiscal_year),
      axisLabel: { interval: 0, color: MUTED, fontSize: 11, formatter: (value: string) => value.replace(/^FY/, '') },
      axisTick: { show: false },
      axisLine: { lineStyle: { color: GRID_LINE } },
    },
    yAxis: {
      type: 'value',
      axisLabel: { color: MUTED, fontSize: 11, formatter: (value: number) => formatCompact(value) },
      splitLine: { lineStyle: { color: GRID_LINE } },
    },
    series: [
      { type: 'bar', name: 'New', stack: 'customers', cursor: 'default', barMaxWidth: 44, itemStyle: { color: '#2563eb' }, data: years.map((y) => y.new_customers) },
      { type: 'bar', name: 'Returning', stack: 'customers', cursor: 'default', barMaxWidth: 44, itemStyle: { color: '#93c5fd', borderRadius: [3, 3, 0, 0] }, data: years.map((y) => y.old_customers) },
    ],
  };
}

const bucketSpec = (param: BucketParam, id: ChartId, hint: string, color: string): ChartSpec => {
  const filter = BUCKET_FILTERS.find((f) => f.param === param)!;
  return {
    id,
    title: filter.title,
    hint: `${hint} · click a bar to filter`,
    filter: param,
    color,
    render: (d, spec, filters, narrow) => bucketBars(d[filter.widget], spec, filters, narrow),
  };
};

const scoreSpec = (param: ScoreParam, widget: 'r_score_data' | 'f_score_data' | 'm_score_data', title: string, hint: string, color: string): ChartSpec => ({
  id: param,
  title,
  hint: `${hint} · click a bar to filter`,
  filter: param,
  color,
  render: (d, spec, filters) => categoryBars(scoreRows(d[widget]), spec, filters),
});

export const CHARTS: readonly ChartSpec[] = [
  bucketSpec('r_value_bucket', 'recency', 'Customers by days since their last purchase', '#0d9488'),
  bucketSpec('f_value_bucket', 'visits', 'Customers by number of visit days', '#4f46e5'),
  bucketSpec('m_value_bucket', 'spend', 'Customers by total spend', '#c2410c'),
  scoreSpec('r_score', 'r_score_data', 'Recency score (R)', 'Quintiles of recency; 5 bought most recently', '#0d9488'),
  scoreSpec('f_score', 'f_score_data', 'Frequency score (F)', 'Quintiles of visits; 5 visits most', '#4f46e5'),
  scoreSpec('m_score', 'm_score_data', 'Monetary score (M)', 'Quintiles of spend; 5 spends most', '#c2410c'),
  { id: 'segments', title: 'Segments', hint: 'Customers per RFM segment; spending in the tooltip · click to filter', filter: 'segment', color: '#2563eb', render: segments },
  { id: 'return_period', title: 'Days between visits', hint: 'Returning customers by their mean gap between visits', color: '#475569', render: (d, s, f) => categoryBars(d.days_to_return_bucket_data, s, f) },
  { id: 'fiscal_years', title: 'New and returning customers', hint: 'Active customers per fiscal year', color: '#2563eb', render: fiscalYears },
];

export interface Charts {
  /** Draws every chart for a response and the filters it was asked with. */
  update(dashboard: DashboardDto, filters: Filters): void;
  instances: Record<ChartId, echarts.EChartsType>;
}

/** Builds one card per chart in the container; a click on a bar or slice of a filtering chart calls onFilterClick. */
export function createCharts(container: HTMLElement, onFilterClick: (param: ListParam, value: string) => void): Charts {
  const instances = {} as Record<ChartId, echarts.EChartsType>;
  const narrowNow = new Map<ChartId, boolean>();
  let last: { dashboard: DashboardDto; filters: Filters } | null = null;

  for (const spec of CHARTS) {
    const card = document.createElement('article');
    card.className = `chart-card chart-${spec.id}`;
    card.dataset.testid = `chart-${spec.id}`;
    const heading = document.createElement('h2');
    heading.id = `chart-${spec.id}-title`;
    heading.textContent = spec.title;
    const hint = document.createElement('p');
    hint.className = 'hint';
    hint.textContent = spec.hint;
    const canvas = document.createElement('div');
    canvas.className = 'chart';
    canvas.dataset.testid = `chart-${spec.id}-canvas`;
    // ECharts' aria option labels the chart with a text description of its data (see describe()).
    canvas.setAttribute('role', 'img');
    card.append(heading, hint, canvas);
    container.append(card);

    const chart = echarts.init(canvas, null, { renderer: 'svg' });
    instances[spec.id] = chart;
    if (spec.filter) {
      const param = spec.filter;
      chart.on('click', (event) => {
        // The data item as the chart was given it, with the value it filters by.
        const value = (event.data as { filterValue?: unknown } | undefined)?.filterValue;
        if (event.componentType === 'series' && typeof value === 'string' && value !== '') {
          onFilterClick(param, value);
        }
      });
    }

    // Charts follow their card's size; a few options (pie radius) depend on how narrow it is.
    new ResizeObserver(() => {
      chart.resize();
      const narrow = canvas.clientWidth < 360;
      if (last && narrowNow.get(spec.id) !== narrow) {
        narrowNow.set(spec.id, narrow);
        chart.setOption(spec.render(last.dashboard, spec, last.filters, narrow), { notMerge: true });
      }
    }).observe(canvas);
  }

  return {
    instances,
    update(dashboard, filters) {
      last = { dashboard, filters };
      for (const spec of CHARTS) {
        const chart = instances[spec.id];
        const narrow = chart.getDom().clientWidth < 360;
        narrowNow.set(spec.id, narrow);
        chart.setOption(spec.render(dashboard, spec, filters, narrow), { notMerge: true });
      }
    },
  };
}
