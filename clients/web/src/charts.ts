// One Apache ECharts chart per widget of the dashboard. Clicking filters, as in BI tools: a bar of the recency,
// visits or spend chart applies its bucket, a bar of the R, F or M score chart its score, a cell of the R x F
// heatmap its R score and its F score, a slice of the segment ring its segment (clicking a selected one removes it).
// The return-period and fiscal-year charts are informational.
import { BarChart, HeatmapChart, PieChart, type BarSeriesOption, type HeatmapSeriesOption, type PieSeriesOption } from 'echarts/charts';
import {
  AriaComponent,
  GridComponent,
  LegendComponent,
  TooltipComponent,
  VisualMapContinuousComponent,
  type AriaComponentOption,
  type GridComponentOption,
  type LegendComponentOption,
  type TooltipComponentOption,
  type VisualMapComponentOption,
} from 'echarts/components';
import * as echarts from 'echarts/core';
import { SVGRenderer } from 'echarts/renderers';
import type { DashboardDto } from '../../typescript/src/campaign-client';
import { BUCKET_FILTERS, titleCase, type BucketParam, type Filters, type ListParam, type ScoreParam } from './filters';
import { formatCompact, formatCount, formatDate, formatMoney, formatMoneyShort, formatNumber, formatPercent } from './format';

echarts.use([
  BarChart, HeatmapChart, PieChart, AriaComponent, GridComponent, LegendComponent, TooltipComponent, VisualMapContinuousComponent, SVGRenderer,
]);

type Option = echarts.ComposeOption<
  | BarSeriesOption | HeatmapSeriesOption | PieSeriesOption | AriaComponentOption | GridComponentOption | LegendComponentOption
  | TooltipComponentOption | VisualMapComponentOption
>;

export type ChartId =
  | 'recency' | 'visits' | 'spend'
  | 'r_score' | 'f_score' | 'm_score'
  | 'rf_grid' | 'segments' | 'return_period' | 'fiscal_years';

/** What a chart is drawn for besides the data: its width, and the scheme's segment definitions. */
export interface RenderContext {
  /** The chart is narrower than 360 px (a phone). */
  narrow: boolean;
  /** The chart's width in px. */
  width: number;
  /** The `definition` of each segment of the scheme in use, by label (GET /segment-schemes). */
  definitions: ReadonlyMap<string, string>;
}

interface ChartSpec {
  id: ChartId;
  title: string;
  hint: string;
  /** The filter a click on a bar (or slice) applies. */
  filter?: ListParam;
  color: string;
  render: (d: DashboardDto, spec: ChartSpec, filters: Filters, context: RenderContext) => Option;
  /** The chart's height in px when it depends on the data (the segment ring's legend); else the stylesheet's. */
  height?: (d: DashboardDto, context: RenderContext) => number;
  /** What makes a chart look different at another width; it is drawn again when this changes. Default: narrow. */
  layout?: (d: DashboardDto, context: RenderContext) => string;
}

/** A click on a chart: the filter values its bar, slice or cell stands for. */
export type FilterValues = readonly (readonly [ListParam, string])[];

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
/** The other schemes' segments, in the scheme's order (up to 12 distinct colours, then again). */
const SEGMENT_PALETTE = [
  '#15803d', '#0d9488', '#2563eb', '#0891b2', '#7c3aed', '#d97706', '#a16207', '#dc2626', '#db2777', '#475569', '#94a3b8', '#65a30d',
];
const segmentColor = (label: string, index: number): string => SEGMENT_COLORS[label] ?? SEGMENT_PALETTE[index % SEGMENT_PALETTE.length]!;
/** The border of the heatmap cells whose R and F scores are both in the filters. */
const SELECTED_CELL = '#f59e0b';

// The plot area shrinks so that axis labels stay inside the chart.
const CONTAIN_LABELS = { outerBoundsMode: 'same', outerBoundsContain: 'axisLabel' } as const;

const escapeHtml = (text: string): string =>
  text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c);

/** "1000-2000" -> "1k–2k", ">5000" -> ">5k": bucket labels that fit under a bar at 390 px. */
export const shortLabel = (label: string): string =>
  label.replace(/\d+/g, (n) => (Number(n) >= 1000 && Number(n) % 1000 === 0 ? `${Number(n) / 1000}k` : n)).replace(/(\w)-(\w)/g, '$1–$2');

const reducedMotion = (): boolean => window.matchMedia('(prefers-reduced-motion: reduce)').matches;

function describe(title: string, rows: Row[]): string {
  return `${title}: ` + rows.map((r) => `${r.label} ${formatCount(r.customers, 'customer')} (${formatPercent(r.percentage)})`).join('; ') + '.';
}

const rowTooltip = (title: string) => (params: unknown): string => {
  const p = params as { name: string; data: { value: number; percentage: number } };
  return `<strong>${escapeHtml(title)}: ${escapeHtml(p.name)}</strong><br/>` +
    `${formatCount(p.data.value, 'customer')} · ${formatPercent(p.data.percentage)}`;
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

/**
 * The chart's own filter leaves the other bars at 0 customers: they keep a sliver of height, so that a second value
 * can be clicked into the filter (and a selected one out), as the dropdown allows.
 */
const CLICKABLE_BAR_PX = 6;

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
      barMinHeight: spec.filter ? CLICKABLE_BAR_PX : 0,
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
      barMinHeight: spec.filter ? CLICKABLE_BAR_PX : 0,
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

/** The segment ring's geometry: the legend beside the ring, or under it on a phone. */
const SEGMENT_LEGEND_ROW = 20;
const NARROW_RING = 176;

/** A legend entry on two lines: name and share, spending under them. */
const TWO_LINE_LEGEND_ROW = 36;

/**
 * A legend entry: the segment, its share and its spending, always visible (not only on hover); on one line where the
 * legend has the room, else the spending goes under the name.
 */
function segmentLegend(d: DashboardDto, context: RenderContext): { twoLines: boolean; itemGap: number; rowHeight: number } {
  const rows = d.segment_data;
  const room = context.narrow ? context.width - 24 : context.width * 0.5 - 24;
  const twoLines = widestText(rows.map((r) => legendText(r, d.meta.currency, false)), 12) > room;
  if (twoLines) return { twoLines, itemGap: 6, rowHeight: TWO_LINE_LEGEND_ROW };
  return { twoLines, itemGap: context.narrow || rows.length > 6 ? SEGMENT_LEGEND_ROW - 12 : 12, rowHeight: SEGMENT_LEGEND_ROW };
}

const legendText = (row: { label: string; percentage: number; spending: number }, currency: string, twoLines: boolean): string =>
  `${titleCase(row.label)}  ${formatPercent(row.percentage)}${twoLines ? '\n' : ' · '}${formatMoneyShort(row.spending, currency)}`;

function segmentsHeight(d: DashboardDto, context: RenderContext): number {
  const rows = d.segment_data.length;
  const { rowHeight } = segmentLegend(d, context);
  return context.narrow ? NARROW_RING + rows * rowHeight + 8 : Math.max(240, rows * rowHeight + 24);
}

/**
 * The segments of the scheme in use, every one (an empty one too, in the legend), in the scheme's order: customers
 * as the ring, share and spending in the legend, the segment's definition, bills and average order value on hover.
 */
function segments(d: DashboardDto, spec: ChartSpec, filters: Filters, context: RenderContext): Option {
  const rows = d.segment_data;
  const selected = filters.segment;
  const { narrow } = context;
  const { twoLines, itemGap } = segmentLegend(d, context);
  const currency = d.meta.currency;
  const definition = (label: string): string => context.definitions.get(label) ?? '';
  const details = (label: string): string => {
    const row = rows.find((r) => r.label === label);
    if (!row) return escapeHtml(titleCase(label));
    const rule = definition(label);
    return `<strong>${escapeHtml(titleCase(row.label))}</strong>` + (rule ? `<br/><span style="color:${MUTED}">${escapeHtml(rule)}</span>` : '') +
      `<br/>${formatCount(row.customers, 'customer')} · ${formatPercent(row.percentage)}` +
      `<br/>Spending ${formatMoney(row.spending, currency)}` +
      `<br/>Bills ${formatNumber(row.bills)} · average order value ${formatMoney(row.average_order_value, currency)}`;
  };
  const description = `${spec.title} (${d.meta.segment_scheme}): ` + rows.map((r) =>
    `${titleCase(r.label)}${definition(r.label) ? ` (${definition(r.label)})` : ''} ${formatCount(r.customers, 'customer')} ` +
    `(${formatPercent(r.percentage)}), spending ${formatMoney(r.spending, currency)}, ${formatNumber(r.bills)} bills, ` +
    `average order value ${formatMoney(r.average_order_value, currency)}`).join('; ') + '.';
  return {
    ...base(spec, description),
    tooltip: {
      trigger: 'item',
      confine: true,
      formatter: (params: unknown) => details((params as { name: string }).name),
    },
    // Beside the ring (under it on a phone); each entry carries its share and, when it fits, its spending.
    legend: {
      ...(narrow ? { left: 4, top: NARROW_RING } : { left: '50%', top: 'middle' }),
      orient: 'vertical',
      icon: 'circle',
      itemWidth: 10,
      itemHeight: 10,
      itemGap,
      textStyle: { color: INK, fontSize: 12 },
      formatter: (name: string) => {
        const row = rows.find((r) => r.label === name);
        return row ? legendText(row, currency, twoLines) : titleCase(name);
      },
      // A legend entry explains its segment on hover.
      tooltip: { show: true, confine: true, formatter: (params: unknown) => details((params as { name: string }).name) },
    },
    series: [{
      type: 'pie',
      name: spec.title,
      cursor: 'pointer',
      radius: narrow ? [48, 80] : ['42%', '66%'],
      // The segment filter leaves the other segments empty: each keeps a clickable sliver, to add a second segment.
      minAngle: selected.length > 0 ? 8 : 0,
      center: narrow ? ['50%', NARROW_RING / 2] : ['25%', '50%'],
      label: { show: false },
      itemStyle: { borderColor: '#fff', borderWidth: 2 },
      data: rows.map((r, i) => ({
        value: r.customers,
        name: r.label,
        percentage: r.percentage,
        spending: r.spending,
        filterValue: r.label,
        // A selected segment is ringed in the selection colour.
        itemStyle: selected.includes(r.label)
          ? { color: segmentColor(r.label, i), borderColor: SELECTED, borderWidth: 3 }
          : { color: segmentColor(r.label, i) },
      })),
    }],
  };
}

const SCORES = ['1', '2', '3', '4', '5'];

/**
 * The R x F heatmap: F score across, R score up, customers as the colour and the number in each cell; percentage
 * and average spend on hover. A cell stands for its R score and its F score: a click filters by both.
 */
function rfGrid(d: DashboardDto, spec: ChartSpec, filters: Filters, context: RenderContext): Option {
  const cells = d.rf_grid_data;
  const max = Math.max(1, ...cells.map((c) => c.customers));
  const isSelected = (r: number, f: number): boolean => filters.r_score.includes(String(r)) && filters.f_score.includes(String(f));
  const description = `${spec.title}: ` + cells.map((c) =>
    `R ${c.r_score} F ${c.f_score} ${formatCount(c.customers, 'customer')} (${formatPercent(c.percentage)}), ` +
    `average spend ${formatMoney(c.average_spend, d.meta.currency)}`).join('; ') + '.';
  const axis = (name: string) => ({
    type: 'category' as const,
    data: SCORES,
    name,
    nameLocation: 'middle' as const,
    nameGap: 20,
    nameTextStyle: { color: MUTED, fontSize: 11 },
    axisLabel: { color: INK, fontSize: 11 },
    axisTick: { show: false },
    axisLine: { show: false },
    splitArea: { show: false },
  });
  return {
    ...base(spec, description),
    tooltip: {
      trigger: 'item',
      confine: true,
      formatter: (params: unknown) => {
        const c = (params as { data: { cell: (typeof cells)[number] } }).data.cell;
        return `<strong>R ${c.r_score} · F ${c.f_score}</strong><br/>${formatCount(c.customers, 'customer')} · ${formatPercent(c.percentage)}` +
          `<br/>Average spend ${formatMoney(c.average_spend, d.meta.currency)}<br/>Spending ${formatMoney(c.spending, d.meta.currency)}`;
      },
    },
    grid: { left: 4, right: context.narrow ? 4 : 44, top: 4, bottom: 4, outerBoundsMode: 'same', outerBoundsContain: 'all' },
    xAxis: axis('F score (frequency)'),
    yAxis: axis('R score (recency)'),
    visualMap: {
      type: 'continuous',
      min: 0,
      max,
      dimension: 2,
      seriesIndex: 0,
      calculable: false,
      show: !context.narrow,
      orient: 'vertical',
      right: 0,
      top: 'middle',
      itemWidth: 10,
      itemHeight: 120,
      text: [formatCompact(max), '0'],
      textStyle: { color: MUTED, fontSize: 10 },
      inRange: { color: ['#eff6ff', '#93c5fd', '#1d4ed8', '#1e3a8a'] },
    },
    series: [{
      type: 'heatmap',
      name: spec.title,
      cursor: 'pointer',
      data: cells.map((c) => ({
        value: [c.f_score - 1, c.r_score - 1, c.customers],
        cell: c,
        filterValues: [['r_score', String(c.r_score)], ['f_score', String(c.f_score)]],
        itemStyle: isSelected(c.r_score, c.f_score)
          ? { borderColor: SELECTED_CELL, borderWidth: 3 }
          : { borderColor: '#fff', borderWidth: 2 },
        label: { color: c.customers / max > 0.45 ? '#fff' : INK },
      })),
      label: { show: true, fontSize: context.narrow ? 10 : 11, formatter: (p: { data: unknown }) => formatCompact((p.data as { cell: { customers: number } }).cell.customers) },
      emphasis: { itemStyle: { borderColor: INK, borderWidth: 2 } },
    }],
  };
}

const isoDay = (time: number): string => new Date(time).toISOString().slice(0, 10);

/**
 * The part of a fiscal year ("FY2024-25" or "FY2024": the calendar year it starts in) that the figures cover, when
 * that is not the whole year: the data's first and last day and the From and To dates cut it. Null for a full year.
 */
function partialYear(label: string, d: DashboardDto, filters: Filters): { from: string; to: string } | null {
  const year = Number(/^FY(\d{4})/.exec(label)?.[1]);
  const { first_date: first, last_date: last, fiscal_year_start_month: month } = d.meta;
  if (!year || !first || !last) return null;
  const yearFirst = isoDay(Date.UTC(year, month - 1, 1));
  const yearLast = isoDay(Date.UTC(year + 1, month - 1, 1) - 86_400_000);
  const start = filters.start_date > first ? filters.start_date : first;
  const end = filters.end_date !== '' && filters.end_date < last ? filters.end_date : last;
  if (yearFirst >= start && yearLast <= end) return null;
  return { from: yearFirst > start ? yearFirst : start, to: yearLast < end ? yearLast : end };
}

/** New and returning customers per fiscal year; a year the figures cover only in part is labelled "partial", drawn paler. */
function fiscalYears(d: DashboardDto, spec: ChartSpec, filters: Filters): Option {
  const years = d.fiscal_year_data;
  const partial = years.map((y) => partialYear(y.fiscal_year, d, filters));
  const coverage = (i: number): string => {
    const part = partial[i];
    return part ? `partial year: ${formatDate(part.from)} – ${formatDate(part.to)}` : '';
  };
  const description = `${spec.title}: ` + years.map((y, i) =>
    `${y.fiscal_year}${partial[i] ? ` (${coverage(i)})` : ''} ${formatCount(y.total_customers, 'customer')}, ` +
    `${formatNumber(y.new_customers)} new (${formatPercent(y.new_customer_percentage)}), ` +
    `${formatNumber(y.old_customers)} returning (${formatPercent(y.old_customer_percentage)})`).join('; ') + '.';
  const bars = (values: number[]) => values.map((value, i) => ({ value, itemStyle: partial[i] ? { opacity: 0.5 } : {} }));
  return {
    ...base(spec, description),
    tooltip: {
      trigger: 'axis',
      confine: true,
      axisPointer: { type: 'shadow' },
      formatter: (params: unknown) => {
        const [first] = params as { dataIndex: number }[];
        const index = first?.dataIndex ?? 0;
        const y = years[index];
        if (!y) return '';
        return `<strong>${escapeHtml(y.fiscal_year)}</strong>: ${formatCount(y.total_customers, 'customer')}` +
          (partial[index] ? `<br/><em>${escapeHtml(coverage(index))}</em>` : '') +
          `<br/>New ${formatNumber(y.new_customers)} · ${formatPercent(y.new_customer_percentage)}` +
          `<br/>Returning ${formatNumber(y.old_customers)} · ${formatPercent(y.old_customer_percentage)}`;
      },
    },
    legend: { top: 0, left: 0, icon: 'roundRect', itemWidth: 12, itemHeight: 8, textStyle: { color: INK, fontSize: 11 } },
    grid: { left: 4, right: 4, top: 32, bottom: 2, ...CONTAIN_LABELS },
    xAxis: {
      type: 'category',
      data: years.map((y, i) => y.fiscal_year.replace(/^FY/, '') + (partial[i] ? '\npartial' : '')),
      axisLabel: { interval: 0, color: MUTED, fontSize: 11 },
      axisTick: { show: false },
      axisLine: { lineStyle: { color: GRID_LINE } },
    },
    yAxis: {
      type: 'value',
      axisLabel: { color: MUTED, fontSize: 11, formatter: (value: number) => formatCompact(value) },
      splitLine: { lineStyle: { color: GRID_LINE } },
    },
    series: [
      { type: 'bar', name: 'New', stack: 'customers', cursor: 'default', barMaxWidth: 44, itemStyle: { color: '#2563eb' }, data: bars(years.map((y) => y.new_customers)) },
      { type: 'bar', name: 'Returning', stack: 'customers', cursor: 'default', barMaxWidth: 44, itemStyle: { color: '#93c5fd', borderRadius: [3, 3, 0, 0] }, data: bars(years.map((y) => y.old_customers)) },
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
    render: (d, spec, filters, context) => bucketBars(d[filter.widget], spec, filters, context.narrow),
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

const segmentsLayout = (d: DashboardDto, context: RenderContext): string =>
  `${context.narrow} ${segmentLegend(d, context).twoLines} ${d.segment_data.length}`;

export const CHARTS: readonly ChartSpec[] = [
  bucketSpec('r_value_bucket', 'recency', 'Customers by days since their last purchase', '#0d9488'),
  bucketSpec('f_value_bucket', 'visits', 'Customers by number of visit days', '#4f46e5'),
  bucketSpec('m_value_bucket', 'spend', 'Customers by total spend', '#c2410c'),
  scoreSpec('r_score', 'r_score_data', 'Recency score (R)', 'Quintiles of recency; 5 bought most recently', '#0d9488'),
  scoreSpec('f_score', 'f_score_data', 'Frequency score (F)', 'Quintiles of visits; 5 visits most', '#4f46e5'),
  scoreSpec('m_score', 'm_score_data', 'Monetary score (M)', 'Quintiles of spend; 5 spends most', '#c2410c'),
  { id: 'rf_grid', title: 'Recency × frequency', hint: 'Customers per R and F score · click a cell to filter by both', color: '#1d4ed8', render: rfGrid },
  {
    id: 'segments',
    title: 'Segments',
    hint: 'Customers and spending per segment of the scheme; its rule, bills and order value on hover · click to filter',
    filter: 'segment',
    color: '#2563eb',
    render: segments,
    height: segmentsHeight,
    layout: segmentsLayout,
  },
  { id: 'return_period', title: 'Days between visits', hint: 'Returning customers by their mean gap between visits', color: '#475569', render: (d, s, f) => categoryBars(d.days_to_return_bucket_data, s, f) },
  {
    id: 'fiscal_years',
    title: 'New and returning customers',
    hint: 'Active customers per fiscal year; "partial": the data or the dates cover only part of the year',
    color: '#2563eb',
    render: fiscalYears,
  },
];

export interface Charts {
  /** Draws every chart for a response, the filters it was asked with and the scheme's segment definitions. */
  update(dashboard: DashboardDto, filters: Filters, definitions?: ReadonlyMap<string, string>): void;
  instances: Record<ChartId, echarts.EChartsType>;
}

/** Builds one card per chart in the container; a click on a bar, slice or cell of a filtering chart calls onFilterClick. */
export function createCharts(container: HTMLElement, onFilterClick: (values: FilterValues) => void): Charts {
  const instances = {} as Record<ChartId, echarts.EChartsType>;
  const layoutNow = new Map<ChartId, string>();
  let last: { dashboard: DashboardDto; filters: Filters; definitions: ReadonlyMap<string, string> } | null = null;

  const contextOf = (chart: echarts.EChartsType, definitions: ReadonlyMap<string, string>): RenderContext => {
    const width = chart.getDom().clientWidth;
    return { narrow: width < 360, width, definitions };
  };
  const layoutOf = (spec: ChartSpec, d: DashboardDto, context: RenderContext): string =>
    spec.layout ? spec.layout(d, context) : String(context.narrow);

  /** Draws one chart; a chart whose height follows the data gets that height first. */
  const draw = (spec: ChartSpec, chart: echarts.EChartsType, dashboard: DashboardDto, filters: Filters, definitions: ReadonlyMap<string, string>) => {
    const context = contextOf(chart, definitions);
    if (spec.height) {
      const height = `${spec.height(dashboard, context)}px`;
      if (chart.getDom().style.height !== height) {
        chart.getDom().style.height = height;
        chart.resize();
      }
    }
    layoutNow.set(spec.id, layoutOf(spec, dashboard, context));
    chart.setOption(spec.render(dashboard, spec, filters, context), { notMerge: true });
  };

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
    chart.on('click', (event) => {
      if (event.componentType !== 'series') return;
      // The data item as the chart was given it, with the values it filters by.
      const item = event.data as { filterValue?: unknown; filterValues?: FilterValues } | undefined;
      if (item?.filterValues) {
        onFilterClick(item.filterValues);
      } else if (spec.filter && typeof item?.filterValue === 'string' && item.filterValue !== '') {
        onFilterClick([[spec.filter, item.filterValue]]);
      }
    });

    // Charts follow their card's size; a few options (pie radius, legend) depend on the width.
    new ResizeObserver(() => {
      chart.resize();
      if (!last) return;
      const context = contextOf(chart, last.definitions);
      if (layoutNow.get(spec.id) !== layoutOf(spec, last.dashboard, context)) {
        draw(spec, chart, last.dashboard, last.filters, last.definitions);
      }
    }).observe(canvas);
  }

  return {
    instances,
    update(dashboard, filters, definitions = new Map()) {
      last = { dashboard, filters, definitions };
      for (const spec of CHARTS) {
        draw(spec, instances[spec.id], dashboard, filters, definitions);
      }
    },
  };
}
