// Browser test: the API (started on demo data) serves the built page at /; Chromium, driven by playwright-core,
// checks the KPI cards against the API's own JSON, applies a bucket, a segment and a score by clicking the chart,
// checks the customers table (filter, sort, pages, export, chips) against the API's own JSON and CSV, switches the
// segment scheme and the score method, clicks a cell of the R x F heatmap, compares the KPIs with an earlier
// window, and saves screenshots at 1280 and 390 px into test-results/ (CAMPAIGN_DOCS_SCREENSHOTS=1 also copies them
// to docs/screenshots/).
// Skipped, with the install command as the reason, where Debian's Chromium is not installed.
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { copyFile, mkdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { parse } from 'csv-parse/sync';
import { chromium } from 'playwright-core';
import { repositoryRoot, startApi } from '../../typescript/test/support/api-server.mjs';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const INSTALL = 'apt-get install -y chromium';
const hasChromium = existsSync(CHROMIUM);
const RESULTS = fileURLToPath(new URL('../test-results/', import.meta.url));

// The page's KPI cards: the API field, its decimals and suffix (src/main.ts), in a fixed locale (src/format.ts);
// amounts ('money') in the response's currency.
const KPIS = [
  ['total_customer', 0, ''],
  ['customer_spending', 2, 'money'],
  ['profit_per_customer', 2, 'money'],
  ['unit_per_transaction', 2, ''],
  ['days_to_return', 2, ''],
  ['retention_rate', 2, '%'],
];
const format = (value, digits) =>
  new Intl.NumberFormat('en-GB', { minimumFractionDigits: digits, maximumFractionDigits: digits }).format(value);
/** An amount with every digit: "£7,047,772.52". */
const money = (value, currency) => new Intl.NumberFormat('en-GB', { style: 'currency', currency }).format(value);
/** An amount as a card shows it: compact from 100,000 on ("£7.05M"), else in full. */
const moneyShort = (value, currency) => Math.abs(value) < 100_000 ? money(value, currency)
  : new Intl.NumberFormat('en-GB', { style: 'currency', currency, notation: 'compact', maximumSignificantDigits: 3 }).format(value);
/** A KPI's value as its card shows it, and in full (its hover text). */
const kpiTexts = (value, digits, suffix, currency) => suffix === 'money'
  ? { short: moneyShort(value, currency), full: money(value, currency) }
  : { short: format(value, digits) + suffix, full: format(value, digits) + suffix };
// Debian's Chromium ships the en-US locale alone, so its date inputs read mm/dd/yyyy; the page writes dates as the
// browser's date inputs do (in the browser's language), so the test's browser speaks en-US.
const BROWSER_LOCALE = 'en-US';
/** A date as the page shows it: "12/31/2025" in the test's en-US browser. */
const dateText = (iso) => new Intl.DateTimeFormat(BROWSER_LOCALE, { day: '2-digit', month: '2-digit', year: 'numeric', timeZone: 'UTC' })
  .format(new Date(`${iso}T00:00:00Z`));

/** @type {import('../../typescript/test/support/api-server.mjs').RunningApi} */
let api;
/** @type {import('playwright-core').Browser} */
let browser;

/** The API's JSON for a query string such as "?f_value_bucket=1" (fetched directly, not through the page). */
async function apiJson(search) {
  const response = await fetch(`${api.baseUrl}/api/campaign/dashboard${search}`);
  return { status: response.status, body: await response.json() };
}

/** GET /api/campaign/segment-schemes (fetched directly). */
async function apiSchemes() {
  const response = await fetch(`${api.baseUrl}/api/campaign/segment-schemes`);
  assert.equal(response.status, 200, 'GET /api/campaign/segment-schemes');
  return response.json();
}

/** The labels of a scheme's segments, in the scheme's order. */
const schemeLabels = (schemes, name) => schemes.schemes.find((scheme) => scheme.name === name).segments.map((s) => s.label);

/** The API's own page of customers for a query string (fetched directly), e.g. "?segment=CHAMPIONS&sort=visits". */
async function apiCustomers(search) {
  const response = await fetch(`${api.baseUrl}/api/campaign/customers${search}`);
  assert.equal(response.status, 200, `GET /api/campaign/customers${search}`);
  return response.json();
}

/** The page's URL query without the table's own parameters: what the dashboard endpoint takes. */
const dashboardSearch = (search) => {
  const params = new URLSearchParams(search);
  for (const name of ['sort', 'page', 'page_size']) params.delete(name);
  const query = params.toString();
  return query === '' ? '' : `?${query}`;
};

/** GET /api/campaign/segment-migration[/customers] for a query string (fetched directly). */
async function apiMigration(path, search) {
  const response = await fetch(`${api.baseUrl}/api/campaign/segment-migration${path}${search}`);
  assert.equal(response.status, 200, `GET /api/campaign/segment-migration${path}${search}`);
  return response.json();
}

/** Waits until the migration section (and the flow's table, when a flow is open) shows what the URL asks for. */
async function migrationSettled(page) {
  await page.waitForFunction(() => {
    const section = document.querySelector('[data-testid="migration"]');
    const flow = document.querySelector('[data-testid="flow"]');
    return section?.dataset.state !== 'loading' && section?.dataset.query === location.search &&
      (flow.hidden || (flow.dataset.state !== 'loading' && flow.dataset.query === location.search));
  });
  return page.evaluate(() => document.querySelector('[data-testid="migration"]').dataset.state);
}

/** The Sankey's links as the chart holds them: [from label, to label, customers]. */
async function sankeyLinks(page) {
  return page.evaluate(() => window.campaignDashboard.migration().getOption().series[0].links
    .map((link) => [link.from_segment, link.to_segment, link.value]));
}

/** The migration's query for the API: the dates and window the page shows, with the URL's scheme and method. */
async function migrationSearch(page) {
  return page.evaluate(() => {
    const params = new URLSearchParams();
    params.set('from_date', document.querySelector('[data-testid="migration-from"]').value);
    params.set('to_date', document.querySelector('[data-testid="migration-to"]').value);
    const window = document.querySelector('[data-testid="migration-window"]').value;
    if (window !== '') params.set('window_days', window);
    const url = new URLSearchParams(location.search);
    for (const name of ['segment_scheme', 'score_method', 'customer_mobile', 'customer_name']) {
      if (url.has(name)) params.set(name, url.get(name));
    }
    return `?${params}`;
  });
}

/** Clicks, with the mouse, a Sankey link near its source node (where links do not cross), found through the chart's layout. */
async function clickLink(page, from, to) {
  await page.getByTestId('migration-chart').scrollIntoViewIfNeeded();
  const point = await page.evaluate(({ from, to }) => {
    const chart = window.campaignDashboard.migration();
    const series = chart.getModel().getSeriesByIndex(0);
    const edge = series.getGraph().edges.find((e) => e.getModel().get('from_segment') === from && e.getModel().get('to_segment') === to);
    if (!edge) throw new Error(`no link ${from} -> ${to}`);
    const n1 = edge.node1.getLayout();
    const n2 = edge.node2.getLayout();
    const e = edge.getLayout();
    const { x, y } = series.layoutInfo;
    // The band's centre line, a Bezier curve at t = 0.05 (curveness 0.5).
    const x1 = n1.x + n1.dx;
    const y1 = n1.y + e.sy + e.dy / 2;
    const y2 = n2.y + e.ty + e.dy / 2;
    const t = 0.05;
    const bx = x1 + (n2.x - x1) * (3 * (1 - t) ** 2 * t * 0.5 + 3 * (1 - t) * t * t * 0.5 + t ** 3);
    const by = y1 + (y2 - y1) * (3 * (1 - t) * t * t + t ** 3);
    const box = chart.getDom().getBoundingClientRect();
    return { x: box.left + x + bx, y: box.top + y + by };
  }, { from, to });
  await page.mouse.click(point.x, point.y);
}

async function newPage(width, height) {
  const context = await browser.newContext({
    viewport: { width, height },
    deviceScaleFactor: 1,
    reducedMotion: 'reduce',
    locale: BROWSER_LOCALE,
  });
  const page = await context.newPage();
  page.on('pageerror', (error) => assert.fail(`page error: ${error.stack ?? error.message}`));
  return page;
}

/**
 * Waits until the page has loaded what its URL asks for, the dashboard and the customers table (the page keeps the
 * URL in its own canonical form).
 */
async function settled(page) {
  await page.waitForFunction(() => {
    const table = document.querySelector('[data-testid="customers"]');
    return document.body.dataset.state !== 'loading' && document.body.dataset.query === location.search &&
      table?.dataset.state !== 'loading' && table?.dataset.query === location.search;
  });
  return page.evaluate(() => ({ state: document.body.dataset.state, search: location.search }));
}

/** The customers table as shown: its total, the customer id of each row, and the cells of one column. */
async function tableRows(page, column) {
  return page.evaluate((column) => {
    const section = document.querySelector('[data-testid="customers"]');
    const rows = [...section.querySelectorAll('tbody tr')];
    return {
      total: Number(section.dataset.total),
      ids: rows.map((row) => Number(row.dataset.customerId)),
      cells: column ? rows.map((row) => row.querySelector(`td[data-column="${column}"]`)?.dataset.value) : [],
      text: column ? rows.map((row) => row.querySelector(`td[data-column="${column}"]`)?.textContent) : [],
    };
  }, column);
}

/**
 * What a KPI card says instead of a number: "no profit data" when the data has no profit; "n/a" for a ratio without
 * a base (no customers; for days to return, no customer who returned); null when it shows its number.
 */
function missingFigure(key, dashboard) {
  if (key === 'profit_per_customer' && !dashboard.meta.has_profit) return 'no profit data';
  if (key === 'days_to_return') return dashboard.days_to_return_bucket_data.every((b) => b.customers === 0) ? 'n/a' : null;
  const ratio = ['profit_per_customer', 'unit_per_transaction', 'retention_rate'].includes(key);
  return ratio && dashboard.kpi.total_customer === 0 ? 'n/a' : null;
}

/** Every KPI card shows the API's number: the raw value in data-value, formatted in the text, in full on hover. */
async function assertKpis(page, dashboard) {
  const { kpi, meta } = dashboard;
  for (const [key, digits, suffix] of KPIS) {
    const value = page.getByTestId(`kpi-${key}-value`);
    const expected = kpiTexts(kpi[key], digits, suffix, meta.currency);
    const missing = missingFigure(key, dashboard);
    assert.equal(await value.getAttribute('data-value'), String(kpi[key]), key);
    assert.equal(await value.textContent(), missing ?? expected.short, key);
    if (!missing) assert.equal(await value.getAttribute('title'), expected.full, `${key} on hover`);
  }
}

/**
 * Clicks, with the mouse, the middle of the bar of `label` in a chart, as the chart drew it (its layout: a bar of 0
 * customers is drawn a few pixels high); `label` is the bar's category, or the value it filters by (a score chart's "5").
 */
async function clickBar(page, chartId, label) {
  await page.getByTestId(`chart-${chartId}`).scrollIntoViewIfNeeded();
  const point = await page.evaluate(({ chartId, label }) => {
    const chart = window.campaignDashboard?.charts()?.[chartId];
    if (!chart) throw new Error(`no chart ${chartId}`);
    const index = chart.getOption().series[0].data.findIndex((d) => d.name === label || d.filterValue === label);
    if (index < 0) throw new Error(`no bar ${label} in ${chartId}`);
    const { x, y, width, height } = chart.getModel().getSeriesByIndex(0).getData().getItemLayout(index);
    const box = chart.getDom().getBoundingClientRect();
    return { x: box.left + x + width / 2, y: box.top + y + height / 2 };
  }, { chartId, label });
  await page.mouse.click(point.x, point.y);
}

/**
 * Clicks, with the mouse, the middle of a segment's slice; a click that did not reach the slice (seen once in a
 * clean-clone run: the URL never changed) is made again, at most three times, each once the URL is seen unchanged.
 */
async function clickSlice(page, label) {
  const before = page.url();
  for (let attempt = 1; ; attempt++) {
    const point = await slicePoint(page, label);
    await page.mouse.click(point.x, point.y);
    try {
      await page.waitForURL((url) => url.href !== before, { timeout: 3000 });
      return;
    } catch (error) {
      if (attempt === 3) throw error;
    }
  }
}

/** The data a chart was drawn with: each bar's (or slice's) name, value and the filter value a click applies. */
async function chartData(page, chartId) {
  return page.evaluate((chartId) => window.campaignDashboard.charts()[chartId].getOption().series[0].data
    .map((d) => ({ name: d.name, value: d.value, filterValue: d.filterValue })), chartId);
}

/** The middle of a segment's slice of the segment ring, in page coordinates (from the pie's own layout). */
async function slicePoint(page, label) {
  await page.getByTestId('chart-segments').scrollIntoViewIfNeeded();
  return page.evaluate((label) => {
    const chart = window.campaignDashboard?.charts()?.segments;
    if (!chart) throw new Error('no chart segments');
    const index = chart.getOption().series[0].data.findIndex((d) => d.name === label);
    if (index < 0) throw new Error(`no slice ${label}`);
    const { cx, cy, r0, r, startAngle, endAngle } = chart.getModel().getSeriesByIndex(0).getData().getItemLayout(index);
    const angle = (startAngle + endAngle) / 2;
    const radius = (r0 + r) / 2;
    const box = chart.getDom().getBoundingClientRect();
    return { x: box.left + cx + radius * Math.cos(angle), y: box.top + cy + radius * Math.sin(angle) };
  }, label);
}

/** Clicks, with the mouse, the middle of the heatmap's cell of an R score and an F score (from the chart's coordinates). */
async function clickCell(page, r, f) {
  await page.getByTestId('chart-rf_grid').scrollIntoViewIfNeeded();
  const point = await page.evaluate(({ r, f }) => {
    const chart = window.campaignDashboard?.charts()?.rf_grid;
    if (!chart) throw new Error('no chart rf_grid');
    const item = chart.getOption().series[0].data.find((d) => d.cell.r_score === r && d.cell.f_score === f);
    if (!item) throw new Error(`no cell R ${r} F ${f}`);
    const [x, y] = chart.convertToPixel({ seriesIndex: 0 }, [item.value[0], item.value[1]]);
    const box = chart.getDom().getBoundingClientRect();
    return { x: box.left + x, y: box.top + y };
  }, { r, f });
  await page.mouse.click(point.x, point.y);
}

/** A KPI change as the cards show it: an arrow, a sign and the number (an amount as on the card); a rate's in points. */
function changeText(change, digits, suffix, currency) {
  const unit = suffix === '%' ? ' pts' : '';
  const size = kpiTexts(Math.abs(change), digits, suffix === '%' ? '' : suffix, currency).short;
  if (Math.abs(change) < 0.5 * 10 ** -digits) return `→ ${size}${unit}`;
  return (change > 0 ? '▲ +' : '▼ −') + size + unit;
}

/** Every KPI card shows the comparison's kpi_change (raw and formatted) and, on hover, the compare window's value. */
async function assertChanges(page, dashboard) {
  const { comparison, meta } = dashboard;
  for (const [key, digits, suffix] of KPIS) {
    const change = page.getByTestId(`kpi-${key}-change`);
    assert.equal(await change.isVisible(), true, `${key} change shown`);
    assert.equal(await change.getAttribute('data-change'), String(comparison.kpi_change[key]), key);
    assert.equal(await change.textContent(), changeText(comparison.kpi_change[key], digits, suffix, meta.currency), key);
    const before = kpiTexts(comparison.kpi[key], digits, suffix, meta.currency).full;
    assert.ok((await change.getAttribute('title')).endsWith(`: ${before}`), `${key}: the compare value on hover`);
  }
}

/** Calendar arithmetic for the expected compare windows, independent of the page's. */
const day = (iso) => Date.parse(`${iso}T00:00:00Z`);
const isoDay = (time) => new Date(time).toISOString().slice(0, 10);
const plusDays = (iso, days) => isoDay(day(iso) + days * 86_400_000);
const minusOneYear = (iso) => `${Number(iso.slice(0, 4)) - 1}${iso.slice(4)}`.replace(/-02-29$/, '-02-28');

/** The label of the tallest bar of a bucket widget. */
const tallest = (items) => items.reduce((best, item) => (item.customers > best.customers ? item : best)).label;

/** Saves a screenshot of a page (the full page) or of one element into test-results (and docs/screenshots, see above). */
async function screenshot(target, name) {
  await mkdir(RESULTS, { recursive: true });
  const path = join(RESULTS, name);
  await target.screenshot({ path, ...('goto' in target ? { fullPage: true } : {}) });
  if (process.env.CAMPAIGN_DOCS_SCREENSHOTS === '1') {
    const docs = join(repositoryRoot(), 'docs', 'screenshots');
    await mkdir(docs, { recursive: true });
    await copyFile(path, join(docs, name));
  }
}

describe('the dashboard page in Chromium', () => {
  before(async () => {
    if (!hasChromium) return;
    api = await startApi();
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      headless: true,
      // Playwright gives every launch a fresh temporary --user-data-dir.
      args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update',
        '--no-first-run', '--disable-sync', '--disable-dev-shm-usage', `--lang=${BROWSER_LOCALE}`],
    });
  });

  after(async () => {
    await browser?.close();
    await api?.stop();
  });

  test('at 1280 px the KPI cards show the API\'s numbers and every widget has its chart', async (t) => {
    if (!hasChromium) return t.skip(INSTALL);
    const page = await newPage(1280, 900);
    await page.goto(`${api.baseUrl}/`);
    assert.equal((await settled(page)).state, 'ready');

    const { body } = await apiJson('');
    await assertKpis(page, body);
    assert.equal(await page.locator('[data-testid^="chart-"][data-testid$="-canvas"] svg').count(), 10);
    // The customers table: the API's first page, by spend.
    const first = await apiCustomers('?page_size=25');
    const rows = await tableRows(page, 'spend');
    assert.equal(rows.total, body.kpi.total_customer);
    assert.equal(first.total, body.kpi.total_customer);
    assert.deepEqual(rows.ids, first.items.map((c) => c.customer_id));
    assert.deepEqual(rows.cells, first.items.map((c) => String(c.spend)));
    assert.equal(await page.locator('td[data-column="p_alive"]').first().textContent(), `${format(first.items[0].p_alive * 100, 1)}%`);
    assert.equal(await page.getByTestId('as-of').textContent(), `Figures as of ${dateText(body.meta.as_of_date)} · amounts in ${body.meta.currency}`);
    assert.equal(await migrationSettled(page), 'ready');
    await screenshot(page, 'dashboard-1280.png');
    await page.context().close();
  });

  test('clicking a bar applies its bucket: the URL holds it, the KPIs become the filtered response, back undoes it', async (t) => {
    if (!hasChromium) return t.skip(INSTALL);
    const page = await newPage(1280, 900);
    await page.goto(`${api.baseUrl}/`);
    await settled(page);
    const unfiltered = (await apiJson('')).body;

    const visits = tallest(unfiltered.visits_data);
    await clickBar(page, 'visits', visits);
    await page.waitForURL((url) => url.searchParams.getAll('f_value_bucket').includes(visits));
    const first = await settled(page);
    const byVisits = (await apiJson(first.search)).body;
    assert.notEqual(byVisits.kpi.total_customer, unfiltered.kpi.total_customer);
    await assertKpis(page, byVisits);
    assert.equal(await page.getByTestId(`option-f_value_bucket-${visits}`).isChecked(), true);
    assert.equal(await page.getByTestId(`chip-f_value_bucket-${visits}`).isVisible(), true);

    // A second chart narrows further (different filters are ANDed).
    const spend = tallest(byVisits.value_data);
    await clickBar(page, 'spend', spend);
    await page.waitForURL((url) => url.searchParams.getAll('m_value_bucket').includes(spend));
    const second = await settled(page);
    assert.deepEqual(new URLSearchParams(second.search).getAll('f_value_bucket'), [visits]);
    const both = (await apiJson(second.search)).body;
    assert.ok(both.kpi.total_customer < byVisits.kpi.total_customer);
    await assertKpis(page, both);

    await page.goBack();
    assert.equal((await settled(page)).search, first.search);
    await assertKpis(page, byVisits);
    await page.goBack();
    assert.equal((await settled(page)).search, '');
    await assertKpis(page, unfiltered);
    await page.goForward();
    await settled(page);
    await assertKpis(page, byVisits);
    await page.context().close();
  });

  test('a shared link opens the same view: filter bar filled in, KPIs of that request', async (t) => {
    if (!hasChromium) return t.skip(INSTALL);
    const page = await newPage(1280, 900);
    await page.goto(`${api.baseUrl}/?m_value_bucket=%3E5000&start_date=2025-01-01&f_value_bucket=10%2B&customer_name=smith`);
    const { state, search } = await settled(page);
    assert.equal(state, 'ready');
    assert.equal(search, '?start_date=2025-01-01&customer_name=smith&f_value_bucket=10%2B&m_value_bucket=%3E5000');
    assert.equal(await page.getByTestId('filter-start-date').inputValue(), '2025-01-01');
    assert.equal(await page.getByTestId('filter-name').inputValue(), 'smith');
    assert.equal(await page.getByTestId('option-m_value_bucket->5000').isChecked(), true);
    assert.equal(await page.getByTestId('option-f_value_bucket-10+').isChecked(), true);
    await assertKpis(page, (await apiJson(search)).body);

    // Typing into the filter bar is another way to the same URL.
    await page.getByTestId('filter-name').fill('');
    await page.getByTestId('apply').click();
    await page.waitForURL((url) => !url.searchParams.has('customer_name'));
    const after = await settled(page);
    await assertKpis(page, (await apiJson(after.search)).body);
    await page.context().close();
  });

  test('loading, empty and error states, with a 400\'s problem details shown', async (t) => {
    if (!hasChromium) return t.skip(INSTALL);
    const page = await newPage(1280, 900);

    // Loading: the API is held back until the page has shown that it is waiting.
    let release = () => {};
    const held = new Promise((resolve) => { release = resolve; });
    await page.route('**/api/campaign/dashboard**', async (route) => {
      await held;
      await route.continue();
    });
    await page.goto(`${api.baseUrl}/`);
    await page.waitForFunction(() => document.body.dataset.state === 'loading');
    assert.equal(await page.getByTestId('status').textContent(), 'Loading…');
    assert.equal(await page.getByTestId('dashboard').getAttribute('aria-busy'), 'true');
    release();
    assert.equal((await settled(page)).state, 'ready');
    await page.unroute('**/api/campaign/dashboard**');

    // Empty: a valid filter nobody matches.
    await page.goto(`${api.baseUrl}/?customer_mobile=0000000000`);
    assert.equal((await settled(page)).state, 'empty');
    assert.equal(await page.getByTestId('empty').isVisible(), true);
    assert.equal(await page.getByTestId('charts').isVisible(), false);
    assert.equal(await page.getByTestId('customers').isVisible(), false);
    assert.equal(await page.getByTestId('kpi-total_customer-value').textContent(), '0');
    // Figures without a base say so, and the data's date range is given.
    const nobody = (await apiJson('?customer_mobile=0000000000')).body;
    await assertKpis(page, nobody);
    for (const key of ['profit_per_customer', 'unit_per_transaction', 'days_to_return', 'retention_rate']) {
      assert.equal(await page.getByTestId(`kpi-${key}-value`).textContent(), 'n/a', key);
    }
    assert.equal(await page.getByTestId('empty-range').textContent(),
      `The data runs from ${dateText(nobody.meta.first_date)} to ${dateText(nobody.meta.last_date)}: widen the dates within that range or remove a filter.`);

    // Customers, but none who returned (one visit each): days to return has no base either.
    await page.goto(`${api.baseUrl}/?f_value_bucket=1`);
    assert.equal((await settled(page)).state, 'ready');
    assert.equal(await page.getByTestId('kpi-days_to_return-value').textContent(), 'n/a');
    assert.notEqual(await page.getByTestId('kpi-total_customer-value').textContent(), '0');

    // Error: an unknown label; the page lists the problem details' messages.
    await page.goto(`${api.baseUrl}/?f_value_bucket=11`);
    assert.equal((await settled(page)).state, 'error');
    const problem = await apiJson('?f_value_bucket=11');
    assert.equal(problem.status, 400);
    const messages = await page.getByTestId('error-messages').locator('li').allTextContents();
    assert.deepEqual(messages, problem.body.errors.f_value_bucket.map((m) => `Visits: ${m}`));
    assert.equal(await page.getByTestId('filter-f_value_bucket').locator('summary').getAttribute('aria-invalid'), 'true');
    await page.getByTestId('error').getByRole('button', { name: 'Clear all filters' }).click();
    assert.deepEqual(await settled(page), { state: 'ready', search: '' });

    // Error: the API cannot be reached.
    await page.route('**/api/campaign/dashboard**', (route) => route.abort('connectionrefused'));
    await page.goto(`${api.baseUrl}/?f_value_bucket=2`);
    assert.equal((await settled(page)).state, 'error');
    assert.equal(await page.getByTestId('error').locator('h2').textContent(), 'The API could not be reached');
    await page.context().close();
  });

  test('clicking a segment, then a score bar, filters the charts and the table; clicking the bar again removes it', async (t) => {
    if (!hasChromium) return t.skip(INSTALL);
    const page = await newPage(1280, 900);
    await page.goto(`${api.baseUrl}/`);
    await settled(page);
    const unfiltered = (await apiJson('')).body;

    // The second-largest segment: a slice big enough to click, and a label with a space.
    const segment = [...unfiltered.segment_data].sort((a, b) => b.customers - a.customers)[1];
    await clickSlice(page, segment.label);
    await page.waitForURL((url) => url.searchParams.getAll('segment').includes(segment.label));
    const bySegment = await settled(page);
    assert.equal(bySegment.state, 'ready');
    const filtered = (await apiJson(bySegment.search)).body;
    await assertKpis(page, filtered);
    assert.equal(filtered.segment_data.find((s) => s.label === segment.label).customers, segment.customers);

    // The table holds that segment's customers: every row, and as many in all as the dashboard counts.
    const rows = await tableRows(page, 'segment');
    assert.equal(rows.total, segment.customers);
    assert.equal(rows.ids.length, Math.min(segment.customers, 25));
    assert.ok(rows.cells.every((value) => value === segment.label), `every row is ${segment.label}: ${rows.cells}`);
    assert.equal(await page.getByTestId(`chip-segment-${segment.label}`).isVisible(), true);
    assert.match(await page.getByTestId('customers-summary').textContent(), new RegExp(`of ${format(segment.customers, 0)} customers$`));

    // A score bar narrows further: the R score with most customers of the segment.
    const score = filtered.r_score_data.reduce((best, item) => (item.customers > best.customers ? item : best));
    await clickBar(page, 'r_score', String(score.score));
    await page.waitForURL((url) => url.searchParams.getAll('r_score').includes(String(score.score)));
    const byScore = await settled(page);
    assert.deepEqual(new URLSearchParams(byScore.search).getAll('segment'), [segment.label]);
    await assertKpis(page, (await apiJson(byScore.search)).body);
    const scored = await tableRows(page, 'r_score');
    assert.equal(scored.total, score.customers);
    assert.ok(scored.cells.every((value) => value === String(score.score)), `every row has R = ${score.score}: ${scored.cells}`);
    assert.equal(await page.getByTestId(`chip-r_score-${score.score}`).textContent(), `R score: ${score.score}×`);

    // Clicking the selected bar again removes its filter.
    await clickBar(page, 'r_score', String(score.score));
    await page.waitForURL((url) => !url.searchParams.has('r_score'));
    assert.equal((await settled(page)).search, bySegment.search);
    assert.equal((await tableRows(page)).total, segment.customers);
    await page.context().close();
  });

  test('Export CSV downloads every customer of the selection, in the table\'s order', async (t) => {
    if (!hasChromium) return t.skip(INSTALL);
    const page = await newPage(1280, 900);
    const search = `?segment=${encodeURIComponent('NEW CUSTOMERS')}&sort=-visits`;
    await page.goto(`${api.baseUrl}/${search}`);
    assert.equal((await settled(page)).state, 'ready');
    const shown = await tableRows(page);
    assert.ok(shown.total > 0);

    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export').click()]);
    assert.match(download.suggestedFilename(), /^customers-.*\.csv$/);
    const csv = await readFile(await download.path(), 'utf8');
    const records = parse(csv, { bom: true });
    const [header, ...rows] = records;
    assert.deepEqual(header.slice(0, 7), ['customer_id', 'customer_name', 'mobile', 'r_score', 'f_score', 'm_score', 'segment']);
    assert.equal(rows.length, shown.total, 'data rows (without the header) = the table\'s total');
    const id = header.indexOf('customer_id');
    const segment = header.indexOf('segment');
    assert.deepEqual(rows.slice(0, shown.ids.length).map((row) => Number(row[id])), shown.ids, 'the same order as the table');
    assert.ok(rows.every((row) => row[segment] === 'NEW CUSTOMERS'));
    await page.getByTestId('export').and(page.getByText('Export CSV')).waitFor();
    await page.context().close();
  });

  test('a column header sorts the table as the API sorts; pages follow; the URL keeps sort and page', async (t) => {
    if (!hasChromium) return t.skip(INSTALL);
    const page = await newPage(1280, 900);
    const filter = `segment=${encodeURIComponent('POTENTIAL LOYALISTS')}`;
    await page.goto(`${api.baseUrl}/?${filter}`);
    await settled(page);
    const ids = async (sort, pageNumber = 1) =>
      (await apiCustomers(`?${filter}&sort=${sort}&page=${pageNumber}&page_size=25`)).items.map((c) => c.customer_id);
    assert.deepEqual((await tableRows(page)).ids, await ids('-spend'), 'by spend, largest first, by default');
    assert.equal(await page.locator('th[data-column="spend"]').getAttribute('aria-sort'), 'descending');

    // A first click on Visits: most visits first; a second: fewest first.
    await page.getByTestId('sort-visits').click();
    await page.waitForURL((url) => url.searchParams.get('sort') === '-visits');
    await settled(page);
    assert.deepEqual((await tableRows(page)).ids, await ids('-visits'));
    assert.equal(await page.locator('th[data-column="visits"]').getAttribute('aria-sort'), 'descending');
    assert.equal(await page.locator('th[data-column="spend"]').getAttribute('aria-sort'), null);

    await page.getByTestId('sort-visits').click();
    await page.waitForURL((url) => url.searchParams.get('sort') === 'visits');
    await settled(page);
    assert.deepEqual((await tableRows(page)).ids, await ids('visits'));
    assert.equal(await page.locator('th[data-column="visits"]').getAttribute('aria-sort'), 'ascending');

    // Names sort ascending first.
    await page.getByTestId('sort-customer_name').click();
    await page.waitForURL((url) => url.searchParams.get('sort') === 'customer_name');
    await settled(page);
    assert.deepEqual((await tableRows(page)).ids, await ids('customer_name'));

    // Next page: the API's second page in that order.
    const { total } = await tableRows(page);
    await page.getByTestId('page-next').click();
    await page.waitForURL((url) => url.searchParams.get('page') === '2');
    const second = await settled(page);
    assert.deepEqual((await tableRows(page)).ids, await ids('customer_name', 2));
    assert.equal(await page.getByTestId('page-status').textContent(), `Page 2 of ${Math.ceil(total / 25)}`);

    // A reload (or a shared link) shows the same page; back returns to the first.
    await page.reload();
    assert.equal((await settled(page)).search, second.search);
    assert.deepEqual((await tableRows(page)).ids, await ids('customer_name', 2));
    await page.goBack();
    await settled(page);
    assert.deepEqual((await tableRows(page)).ids, await ids('customer_name'));
    assert.equal(await page.getByTestId('page-previous').isDisabled(), true);
    await page.context().close();
  });

  test('removing a chip removes its filter from the URL, the charts and the table', async (t) => {
    if (!hasChromium) return t.skip(INSTALL);
    const page = await newPage(1280, 900);
    await page.goto(`${api.baseUrl}/?r_score=5&r_score=4&segment=CHAMPIONS&f_value_bucket=10%2B&page=2`);
    const start = await settled(page);
    assert.equal(start.search, '?f_value_bucket=10%2B&r_score=5&r_score=4&segment=CHAMPIONS&page=2');
    const chipTexts = await page.getByTestId('active-filters').locator('.chip').allTextContents();
    assert.deepEqual(chipTexts, ['Visits: 10+×', 'R score: 5×', 'R score: 4×', 'Segment: Champions×']);
    assert.equal((await tableRows(page)).total, (await apiCustomers(`${dashboardSearch(start.search)}&page_size=1`)).total);

    await page.getByTestId('chip-r_score-5').click();
    await page.waitForURL((url) => !url.searchParams.getAll('r_score').includes('5'));
    const after = await settled(page);
    // The other filters stay; the table goes back to its first page.
    assert.equal(after.search, '?f_value_bucket=10%2B&r_score=4&segment=CHAMPIONS');
    assert.equal(await page.getByTestId('chip-r_score-5').count(), 0);
    const expected = await apiCustomers(`${after.search}&page_size=25`);
    const rows = await tableRows(page, 'r_score');
    assert.equal(rows.total, expected.total);
    assert.deepEqual(rows.ids, expected.items.map((c) => c.customer_id));
    assert.ok(rows.cells.every((value) => value === '4'));
    await assertKpis(page, (await apiJson(after.search)).body);

    await page.getByTestId('chip-segment-CHAMPIONS').click();
    await page.waitForURL((url) => !url.searchParams.has('segment'));
    assert.equal((await settled(page)).search, '?f_value_bucket=10%2B&r_score=4');
    assert.equal((await tableRows(page)).total, (await apiCustomers('?f_value_bucket=10%2B&r_score=4&page_size=1')).total);
    await page.context().close();
  });

  test('the segment scheme picker: rfm11 gives the segment chart that scheme\'s segments, in the URL; the old segment filter is dropped', async (t) => {
    if (!hasChromium) return t.skip(INSTALL);
    const page = await newPage(1280, 900);
    const schemes = await apiSchemes();
    const contract = (await apiJson('?segment=CHAMPIONS')).body;
    await page.goto(`${api.baseUrl}/?segment=CHAMPIONS`);
    await settled(page);
    assert.deepEqual((await chartData(page, 'segments')).map((d) => d.name), schemeLabels(schemes, schemes.default_scheme));
    await page.locator('[data-testid="segment-scheme"] option[value="rfm11"]').waitFor({ state: 'attached' });
    assert.equal(await page.getByTestId('segment-scheme').inputValue(), schemes.default_scheme);

    await page.getByTestId('segment-scheme').selectOption('rfm11');
    await page.waitForURL((url) => url.searchParams.get('segment_scheme') === 'rfm11');
    const { state, search } = await settled(page);
    assert.equal(state, 'ready');
    // CHAMPIONS is not a label of rfm11: its filter and its chip are gone.
    assert.equal(search, '?segment_scheme=rfm11');
    assert.equal(await page.getByTestId('chip-segment-CHAMPIONS').count(), 0);

    // Every segment of the scheme, empty ones too, in its order, with the API's numbers for that scheme.
    const rfm11 = (await apiJson(search)).body;
    assert.equal(rfm11.meta.segment_scheme, 'rfm11');
    const drawn = await chartData(page, 'segments');
    assert.deepEqual(drawn.map((d) => d.name), schemeLabels(schemes, 'rfm11'));
    assert.notDeepEqual(schemeLabels(schemes, 'rfm11'), schemeLabels(schemes, 'contract'));
    assert.deepEqual(drawn.map((d) => d.value), rfm11.segment_data.map((s) => s.customers));
    assert.equal(rfm11.kpi.total_customer, (await apiJson('')).body.kpi.total_customer, 'without the segment filter again');
    assert.notEqual(rfm11.kpi.total_customer, contract.kpi.total_customer);
    await assertKpis(page, rfm11);
    // The table's segments are the new scheme's.
    const rows = await tableRows(page, 'segment');
    assert.ok(rows.cells.every((label) => schemeLabels(schemes, 'rfm11').includes(label)), `rfm11 labels: ${rows.cells}`);

    // Hovering a slice shows the segment's definition, bills and average order value.
    const largest = rfm11.segment_data.reduce((best, s) => (s.customers > best.customers ? s : best));
    const definition = schemes.schemes.find((s) => s.name === 'rfm11').segments.find((s) => s.label === largest.label).definition;
    const point = await slicePoint(page, largest.label);
    await page.mouse.move(point.x, point.y);
    const tooltip = page.getByTestId('chart-segments-canvas').locator('div', { hasText: definition }).last();
    await tooltip.waitFor();
    const text = await tooltip.textContent();
    assert.ok(text.includes(`Bills ${format(largest.bills, 0)} · average order value ${money(largest.average_order_value, rfm11.meta.currency)}`), text);

    // Back: the default scheme and its segment filter.
    await page.goBack();
    assert.equal((await settled(page)).search, '?segment=CHAMPIONS');
    assert.deepEqual((await chartData(page, 'segments')).map((d) => d.name), schemeLabels(schemes, schemes.default_scheme));
    await assertKpis(page, contract);
    await page.context().close();
  });

  test('a heatmap cell filters by its R score and its F score: the KPIs are that cell\'s customers; a second click removes both', async (t) => {
    if (!hasChromium) return t.skip(INSTALL);
    const page = await newPage(1280, 900);
    const start = '?segment_scheme=rfm11&score_method=ties';
    const unfiltered = (await apiJson(start)).body;
    await page.goto(`${api.baseUrl}/${start}`);
    assert.equal((await settled(page)).search, start);
    // The heatmap is the API's rf_grid_data: 25 cells, customers as the value, each at its F score across and its
    // R score up.
    const drawn = await page.evaluate(() => {
      const option = window.campaignDashboard.charts().rf_grid.getOption();
      const [x, y] = [option.xAxis[0], option.yAxis[0]];
      return {
        axes: [x.name, y.name],
        cells: option.series[0].data.map((d) => [Number(y.data[d.value[1]]), Number(x.data[d.value[0]]), d.value[2]]),
      };
    });
    assert.deepEqual(drawn.axes, ['F score (frequency)', 'R score (recency)']);
    assert.deepEqual(drawn.cells, unfiltered.rf_grid_data.map((c) => [c.r_score, c.f_score, c.customers]));

    // A cell off the diagonal with customers, but not the most: R 2, F 1 or the first such cell.
    const cell = unfiltered.rf_grid_data.find((c) => c.r_score === 2 && c.f_score === 1 && c.customers > 0) ??
      unfiltered.rf_grid_data.find((c) => c.r_score !== c.f_score && c.customers > 0);
    await clickCell(page, cell.r_score, cell.f_score);
    await page.waitForURL((url) => url.search !== start);
    const filtered = await settled(page);
    assert.equal(filtered.search, `?r_score=${cell.r_score}&f_score=${cell.f_score}&segment_scheme=rfm11&score_method=ties`);
    assert.equal(await page.getByTestId('kpi-total_customer-value').getAttribute('data-value'), String(cell.customers));
    assert.notEqual(cell.customers, unfiltered.kpi.total_customer);
    await assertKpis(page, (await apiJson(filtered.search)).body);
    assert.equal((await tableRows(page)).total, cell.customers);
    const chipTexts = await page.getByTestId('active-filters').locator('.chip').allTextContents();
    assert.deepEqual(chipTexts, [`R score: ${cell.r_score}×`, `F score: ${cell.f_score}×`]);

    // The same cell again removes both scores.
    await clickCell(page, cell.r_score, cell.f_score);
    await page.waitForURL((url) => url.search !== filtered.search);
    assert.equal((await settled(page)).search, start);
    await assertKpis(page, unfiltered);
    await page.context().close();
  });

  test('"vs previous period" and "vs same period last year": the URL holds the compare window, each KPI card the API\'s kpi_change', async (t) => {
    if (!hasChromium) return t.skip(INSTALL);
    const page = await newPage(1280, 900);
    const dates = '?start_date=2025-01-01&end_date=2025-06-30';
    await page.goto(`${api.baseUrl}/${dates}`);
    await settled(page);
    assert.equal(await page.getByTestId('kpi-total_customer-change').isVisible(), false);
    assert.equal(await page.getByTestId('compare-none').getAttribute('aria-pressed'), 'true');

    // The previous period: as many days (181), ending the day before From.
    await page.getByTestId('compare-previous').click();
    await page.waitForURL((url) => url.searchParams.has('compare_start_date'));
    const previous = await settled(page);
    assert.equal(previous.search, `${dates}&compare_start_date=2024-07-04&compare_end_date=2024-12-31`);
    const byPrevious = (await apiJson(previous.search)).body;
    assert.deepEqual(byPrevious.comparison.window, { start_date: '2024-07-04', end_date: '2024-12-31' });
    await assertKpis(page, byPrevious);
    await assertChanges(page, byPrevious);
    assert.equal(await page.getByTestId('compare-previous').getAttribute('aria-pressed'), 'true');
    assert.equal(await page.getByTestId('chip-compare').textContent(), `Compared with: ${dateText('2024-07-04')} – ${dateText('2024-12-31')}×`);
    await screenshot(page, 'dashboard-compare-1280.png');

    // The same period a year earlier.
    await page.getByTestId('compare-last-year').click();
    await page.waitForURL((url) => url.searchParams.get('compare_start_date') === '2024-01-01');
    const lastYear = await settled(page);
    assert.equal(lastYear.search, `${dates}&compare_start_date=2024-01-01&compare_end_date=2024-06-30`);
    await assertChanges(page, (await apiJson(lastYear.search)).body);

    // The chip removes the comparison.
    await page.getByTestId('chip-compare').click();
    await page.waitForURL((url) => !url.searchParams.has('compare_start_date'));
    assert.equal((await settled(page)).search, dates);
    assert.equal(await page.getByTestId('kpi-total_customer-change').isVisible(), false);

    // No dates: the page does not know the first transaction date, so the current period is the 365 days to the
    // as-of date, and the previous period the 365 days before them.
    await page.goto(`${api.baseUrl}/`);
    await settled(page);
    const asOf = (await apiJson('')).body.meta.as_of_date;
    await page.getByTestId('compare-previous').click();
    await page.waitForURL((url) => url.searchParams.has('compare_start_date'));
    const noDates = await settled(page);
    const expected = { start_date: plusDays(asOf, -729), end_date: plusDays(asOf, -365) };
    assert.equal(noDates.search, `?compare_start_date=${expected.start_date}&compare_end_date=${expected.end_date}`);
    await assertChanges(page, (await apiJson(noDates.search)).body);
    assert.equal(await page.getByTestId('compare-note').isVisible(), true);
    await page.getByTestId('compare-last-year').click();
    await page.waitForURL((url) => url.searchParams.get('compare_end_date') === minusOneYear(asOf));
    const noDatesLastYear = await settled(page);
    assert.equal(noDatesLastYear.search,
      `?compare_start_date=${minusOneYear(plusDays(asOf, -364))}&compare_end_date=${minusOneYear(asOf)}`);
    await assertChanges(page, (await apiJson(noDatesLastYear.search)).body);
    await page.getByTestId('compare-none').click();
    await page.waitForURL((url) => !url.searchParams.has('compare_start_date'));
    assert.equal((await settled(page)).search, '');
    await page.context().close();
  });

  test('the score method switch: the page names "ties" and the F score chart is the API\'s f_score_data for ties', async (t) => {
    if (!hasChromium) return t.skip(INSTALL);
    const page = await newPage(1280, 900);
    await page.goto(`${api.baseUrl}/`);
    await settled(page);
    const ntile = (await apiJson('')).body;
    assert.equal(ntile.meta.score_method, 'ntile');
    assert.equal(await page.getByTestId('score-method').textContent(), 'ntile');
    assert.equal(await page.getByTestId('score-method').getAttribute('title'),
      'NTILE(5): equal values may get different scores, split by customer id');

    await page.getByTestId('score-method-control').locator('label', { hasText: 'ties' }).click();
    await page.waitForURL((url) => url.searchParams.get('score_method') === 'ties');
    const { search } = await settled(page);
    assert.equal(search, '?score_method=ties');
    const ties = (await apiJson(search)).body;
    assert.equal(ties.meta.score_method, 'ties');
    assert.equal(await page.getByTestId('score-method').textContent(), 'ties');
    assert.equal(await page.getByTestId('score-method').getAttribute('title'), 'equal values share a score (one-time buyers all get F 1)');
    assert.equal(await page.getByTestId('score-method-ties').isChecked(), true);
    // The F score chart: the API's f_score_data for ties, which differs from ntile's on this data.
    const f = await chartData(page, 'f_score');
    assert.deepEqual(f.map((d) => [d.filterValue, d.value]), ties.f_score_data.map((s) => [String(s.score), s.customers]));
    assert.notDeepEqual(ties.f_score_data.map((s) => s.customers), ntile.f_score_data.map((s) => s.customers));
    await assertKpis(page, ties);

    await page.getByTestId('score-method-control').locator('label', { hasText: 'ntile' }).click();
    await page.waitForURL((url) => !url.searchParams.has('score_method'));
    await settled(page);
    assert.deepEqual((await chartData(page, 'f_score')).map((d) => d.value), ntile.f_score_data.map((s) => s.customers));
    await page.context().close();
  });

  test('the segment migration Sankey: its links are the API\'s items for the dates and window the page shows', async (t) => {
    if (!hasChromium) return t.skip(INSTALL);
    const page = await newPage(1280, 900);
    await page.goto(`${api.baseUrl}/`);
    await settled(page);
    assert.equal(await migrationSettled(page), 'ready');
    // The defaults: to = the as-of date, from = a year earlier, all history.
    const { body } = await apiJson('');
    assert.equal(await page.getByTestId('migration-to').inputValue(), body.meta.as_of_date);
    assert.equal(await page.getByTestId('migration-from').inputValue(), minusOneYear(body.meta.as_of_date));
    const expected = await apiMigration('', await migrationSearch(page));
    assert.ok(expected.items.length > 1, 'the demo data has several flows');
    assert.deepEqual(await sankeyLinks(page), expected.items.map((i) => [i.from_segment, i.to_segment, i.customers]));

    // A window of 365 days and the rfm11 scheme: the URL holds them, the links follow.
    await page.getByTestId('migration-window').selectOption('365');
    await page.waitForURL((url) => url.searchParams.get('migration_window') === '365');
    await page.getByTestId('segment-scheme').selectOption('rfm11');
    await page.waitForURL((url) => url.searchParams.get('segment_scheme') === 'rfm11');
    await settled(page);
    assert.equal(await migrationSettled(page), 'ready');
    const search = await migrationSearch(page);
    assert.match(search, /window_days=365/);
    assert.match(search, /segment_scheme=rfm11/);
    const windowed = await apiMigration('', search);
    assert.deepEqual(await sankeyLinks(page), windowed.items.map((i) => [i.from_segment, i.to_segment, i.customers]));
    assert.notDeepEqual(windowed.items, expected.items);
    // A reload keeps the window.
    await page.reload();
    await settled(page);
    await migrationSettled(page);
    assert.equal(await page.getByTestId('migration-window').inputValue(), '365');
    assert.deepEqual(await sankeyLinks(page), windowed.items.map((i) => [i.from_segment, i.to_segment, i.customers]));
    await page.context().close();
  });

  test('clicking a Sankey link lists exactly that flow\'s customers: its total, its labels, the API\'s first page', async (t) => {
    if (!hasChromium) return t.skip(INSTALL);
    const page = await newPage(1280, 900);
    await page.goto(`${api.baseUrl}/?migration_from=2024-12-31&migration_to=2025-12-31&migration_window=365`);
    await settled(page);
    assert.equal(await migrationSettled(page), 'ready');
    const search = await migrationSearch(page);
    assert.equal(search, '?from_date=2024-12-31&to_date=2025-12-31&window_days=365');
    const migration = await apiMigration('', search);
    // The largest flow between two different labels.
    const link = migration.items.filter((i) => i.from_segment !== i.to_segment).reduce((a, b) => (b.customers > a.customers ? b : a));
    await clickLink(page, link.from_segment, link.to_segment);
    await page.waitForURL((url) => url.searchParams.get('flow_from') === link.from_segment && url.searchParams.get('flow_to') === link.to_segment);
    await migrationSettled(page);
    const flow = await page.evaluate(() => {
      const section = document.querySelector('[data-testid="flow"]');
      const rows = [...section.querySelectorAll('tbody tr')];
      const cells = (column) => rows.map((row) => row.querySelector(`td[data-column="${column}"]`).dataset.value);
      return {
        total: Number(section.dataset.total),
        ids: rows.map((row) => Number(row.dataset.customerId)),
        from: cells('from_segment'), to: cells('to_segment'), before: cells('spend_before'), after: cells('spend_after'),
      };
    });
    assert.equal(flow.total, link.customers, 'the flow table\'s total is the link\'s customers');
    assert.ok(flow.ids.length > 0);
    assert.ok(flow.from.every((label) => label === link.from_segment), 'every row comes from the flow\'s label');
    assert.ok(flow.to.every((label) => label === link.to_segment), 'every row goes to the flow\'s label');
    const flowSearch = `${search}&from_segment=${encodeURIComponent(link.from_segment)}&to_segment=${encodeURIComponent(link.to_segment)}`;
    const first = await apiMigration('/customers', `${flowSearch}&page_size=25`);
    assert.equal(first.total, link.customers);
    assert.deepEqual(flow.ids, first.items.map((c) => c.customer_id));
    assert.deepEqual(flow.before, first.items.map((c) => String(c.spend_before)));
    assert.deepEqual(flow.after, first.items.map((c) => String(c.spend_after)));

    // Sorting by spend after, largest first: the API's order for that sort.
    await page.getByTestId('flow-sort-spend_after').click();
    await page.waitForURL((url) => url.searchParams.get('flow_sort') === '-spend_after');
    await migrationSettled(page);
    const sorted = await apiMigration('/customers', `${flowSearch}&sort=-spend_after&page_size=25`);
    assert.deepEqual(await page.locator('[data-testid="flow"] tbody tr').evaluateAll((rows) => rows.map((r) => Number(r.dataset.customerId))),
      sorted.items.map((c) => c.customer_id));

    // Export CSV: every customer of the flow.
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('flow-export').click()]);
    const rows = parse(await readFile(await download.path(), 'utf8'), { columns: true, bom: true });
    assert.equal(rows.length, link.customers);
    assert.equal(String(rows[0].customer_id), String(sorted.items[0].customer_id));

    // A reload restores the flow.
    await page.reload();
    await settled(page);
    await migrationSettled(page);
    assert.equal(await page.getByTestId('flow').getAttribute('data-total'), String(link.customers));
    await page.context().close();
  });

  test('the prediction panel shows the API\'s prediction block; "Show the win-back list" sorts the table by probability alive', async (t) => {
    if (!hasChromium) return t.skip(INSTALL);
    const page = await newPage(1280, 900);
    await page.goto(`${api.baseUrl}/`);
    await settled(page);
    const { body } = await apiJson('');
    const { prediction, meta } = body;
    assert.equal(prediction.available, true, 'the demo data is enough to fit');
    assert.equal(await page.getByTestId('prediction-visits').textContent(), format(prediction.expected_visits, 0));
    assert.equal(await page.getByTestId('prediction-spend').textContent(), moneyShort(prediction.expected_spend, meta.currency));
    assert.equal(await page.getByTestId('prediction-spend').getAttribute('title'), money(prediction.expected_spend, meta.currency));
    const lapsed = prediction.likely_lapsed_customers;
    assert.equal(await page.getByTestId('prediction-lapsed').textContent(), `${format(lapsed, 0)} customer${lapsed === 1 ? '' : 's'}`);
    const rows = page.locator('[data-testid="prediction-segments"] tbody tr');
    assert.equal(await rows.count(), prediction.by_segment.length);
    const firstSegment = prediction.by_segment[0];
    assert.equal(await rows.first().locator('td').nth(2).textContent(), `${format(firstSegment.mean_p_alive * 100, 1)}%`);

    await page.getByTestId('prediction-win-back').click();
    await page.waitForURL((url) => url.searchParams.get('sort') === 'p_alive');
    await settled(page);
    const expected = await apiCustomers('?sort=p_alive&page_size=25');
    assert.deepEqual((await tableRows(page)).ids, expected.items.map((c) => c.customer_id));
    await page.context().close();
  });

  test('at 390 px the page fits the width and shows the same numbers', async (t) => {
    if (!hasChromium) return t.skip(INSTALL);
    const page = await newPage(390, 844);
    await page.goto(`${api.baseUrl}/`);
    assert.equal((await settled(page)).state, 'ready');
    await assertKpis(page, (await apiJson('')).body);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    assert.equal(overflow, 0, 'no horizontal scrolling');
    for (const testid of ['kpi-customer_spending-value', 'chart-visits', 'chart-segments', 'chart-rf_grid', 'customers', 'export', 'page-next',
      'view-bar', 'segment-scheme', 'compare-last-year', 'migration', 'migration-chart', 'migration-window']) {
      const box = await page.getByTestId(testid).boundingBox();
      assert.ok(box && box.x >= 0 && box.x + box.width <= 390, `${testid} within the viewport`);
    }
    // The customers table is wider than a phone: it scrolls sideways inside its frame.
    assert.equal((await tableRows(page)).ids.length, 25);
    const frame = await page.getByTestId('customers-scroll').evaluate((el) => ({ scroll: el.scrollWidth, width: el.clientWidth }));
    assert.ok(frame.scroll > frame.width, 'the table scrolls inside its frame');
    // The filter bar folds away behind a button on a phone.
    assert.equal(await page.getByTestId('filters').isVisible(), false);
    await page.getByTestId('filters-toggle').click();
    assert.equal(await page.getByTestId('filters').isVisible(), true);
    assert.equal(await page.getByTestId('filters-toggle').getAttribute('aria-expanded'), 'true');
    await page.getByTestId('filters-toggle').click();

    // The scheme with most segments and a comparison: still nothing wider than the page.
    const rich = '?start_date=2025-01-01&segment_scheme=rfm11&compare_start_date=2024-01-01&compare_end_date=2024-12-31';
    await page.goto(`${api.baseUrl}/${rich}`);
    assert.equal((await settled(page)).state, 'ready');
    await assertChanges(page, (await apiJson(rich)).body);
    assert.equal(await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth), 0, 'no horizontal scrolling');
    for (const testid of ['kpi-customer_spending-change', 'chart-segments', 'chip-compare', 'compare-last-year']) {
      const box = await page.getByTestId(testid).boundingBox();
      assert.ok(box && box.x >= 0 && box.x + box.width <= 390, `${testid} within the viewport`);
    }
    assert.equal(await migrationSettled(page), 'ready');
    assert.equal(await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth), 0, 'no horizontal scrolling');
    await screenshot(page, 'dashboard-390.png');
    await page.context().close();
  });

  test('money cards never truncate: at 1280 px with a scrollbar and at 390 px, compact with every digit on hover', async (t) => {
    if (!hasChromium) return t.skip(INSTALL);
    // Real scrollbars (Playwright hides them by default): the page is long, so 15 px of the 1280 go to the scrollbar.
    const withScrollbars = await chromium.launch({
      executablePath: CHROMIUM, headless: true, ignoreDefaultArgs: ['--hide-scrollbars'],
      args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-dev-shm-usage', `--lang=${BROWSER_LOCALE}`],
    });
    try {
      const { body } = await apiJson('');
      for (const [width, name] of [[1280, 'kpis-1280-scrollbar.png'], [390, 'kpis-390.png']]) {
        const context = await withScrollbars.newContext({ viewport: { width, height: 900 }, deviceScaleFactor: 1, reducedMotion: 'reduce', locale: BROWSER_LOCALE });
        const page = await context.newPage();
        await page.goto(`${api.baseUrl}/`);
        assert.equal((await settled(page)).state, 'ready');
        assert.ok(await page.evaluate(() => window.innerWidth - document.documentElement.clientWidth > 0), `a scrollbar at ${width} px`);
        await assertKpis(page, body);
        const cut = await page.getByTestId('kpis').evaluate((kpis) => [...kpis.querySelectorAll('.kpi-value')]
          .filter((value) => value.scrollWidth > value.clientWidth || value.textContent.includes('…'))
          .map((value) => value.textContent));
        assert.deepEqual(cut, [], `values cut off at ${width} px`);
        assert.equal(await page.getByTestId('kpi-customer_spending-value').textContent(), moneyShort(body.kpi.customer_spending, body.meta.currency));
        await screenshot(page.getByTestId('kpis'), name);
        await context.close();
      }
    } finally {
      await withScrollbars.close();
    }
  });

  test('typing a date sends one request and adds one history entry, without flashing an error', async (t) => {
    if (!hasChromium) return t.skip(INSTALL);
    const page = await newPage(1280, 900);
    await page.goto(`${api.baseUrl}/`);
    await settled(page);
    const before = await page.evaluate(() => history.length);
    await page.evaluate(() => {
      window.statesSeen = [];
      new MutationObserver(() => window.statesSeen.push(document.body.dataset.state)).observe(document.body, { attributes: true, attributeFilter: ['data-state'] });
    });
    const requests = [];
    page.on('request', (request) => {
      if (request.url().includes('/api/campaign/dashboard')) requests.push(new URL(request.url()).search);
    });

    // Key by key, as a person types (mm, dd, then the year 2 0 2 4: the field holds 0002, 0020, 0202 on the way).
    await page.getByTestId('filter-start-date').focus();
    await page.keyboard.type('03012024', { delay: 60 });
    await page.waitForURL((url) => url.searchParams.get('start_date') === '2024-03-01');
    await settled(page);
    await page.waitForTimeout(1000);
    assert.deepEqual(requests, ['?start_date=2024-03-01']);
    assert.equal(await page.evaluate(() => history.length), before + 1);
    assert.ok(!(await page.evaluate(() => window.statesSeen)).includes('error'), 'no error on the way');
    assert.equal(await page.getByTestId('chip-start_date').textContent(), `From: ${dateText('2024-03-01')}×`);
    await page.context().close();
  });

  test('a second bucket is added and removed by clicking its bar; a second segment by clicking its slice', async (t) => {
    if (!hasChromium) return t.skip(INSTALL);
    const page = await newPage(1280, 900);
    await page.goto(`${api.baseUrl}/`);
    await settled(page);
    const unfiltered = (await apiJson('')).body;

    const first = tallest(unfiltered.visits_data);
    await clickBar(page, 'visits', first);
    await page.waitForURL((url) => url.searchParams.getAll('f_value_bucket').includes(first));
    await settled(page);
    // The other bars now count 0 customers, but are still drawn, and clicking one adds its bucket.
    const second = unfiltered.visits_data.find((item) => item.label !== first).label;
    assert.equal((await chartData(page, 'visits')).find((d) => d.name === second).value, 0);
    await clickBar(page, 'visits', second);
    await page.waitForURL((url) => url.searchParams.getAll('f_value_bucket').includes(second));
    const both = await settled(page);
    assert.deepEqual(new URLSearchParams(both.search).getAll('f_value_bucket'), [first, second]);
    await assertKpis(page, (await apiJson(both.search)).body);
    // Clicking the first again removes it alone.
    await clickBar(page, 'visits', first);
    await page.waitForURL((url) => !url.searchParams.getAll('f_value_bucket').includes(first));
    assert.equal((await settled(page)).search, `?f_value_bucket=${encodeURIComponent(second)}`);

    // The segment ring likewise: an emptied segment keeps a sliver to click.
    await page.goto(`${api.baseUrl}/?segment=CHAMPIONS`);
    await settled(page);
    const other = unfiltered.segment_data.find((s) => s.label !== 'CHAMPIONS').label;
    await clickSlice(page, other);
    await page.waitForURL((url) => url.searchParams.getAll('segment').includes(other));
    assert.deepEqual(new URLSearchParams((await settled(page)).search).getAll('segment'), ['CHAMPIONS', other]);
    await page.context().close();
  });

  test('an error shows no stale figures; a reversed date range is said in the page\'s words, both fields marked, also at 390 px', async (t) => {
    if (!hasChromium) return t.skip(INSTALL);
    for (const width of [1280, 390]) {
      const page = await newPage(width, 844);
      await page.goto(`${api.baseUrl}/`);
      assert.equal((await settled(page)).state, 'ready');
      assert.equal(await page.getByTestId('kpis').isVisible(), true);
      // Within the page (no reload): From after To.
      await page.evaluate(() => {
        history.pushState(null, '', '?start_date=2025-03-01&end_date=2025-01-01');
        dispatchEvent(new PopStateEvent('popstate'));
      });
      assert.equal((await settled(page)).state, 'error');
      assert.equal(await page.getByTestId('kpis').isVisible(), false, 'no KPI of the previous view');
      assert.equal(await page.getByTestId('as-of').textContent(), '', 'no as-of date of the previous view');
      assert.equal(await page.getByTestId('charts').isVisible(), false);
      assert.deepEqual(await page.getByTestId('error-messages').locator('li').allTextContents(), ['From must be on or before To']);
      const inBar = page.getByTestId('filters-error');
      assert.equal(await inBar.textContent(), 'From must be on or before To');
      assert.equal(await inBar.isVisible(), true, `said in the filter bar at ${width} px`);
      const box = await inBar.boundingBox();
      assert.ok(box.y + box.height <= 844, `in view at ${width} px`);
      for (const field of ['filter-start-date', 'filter-end-date']) {
        assert.equal(await page.getByTestId(field).getAttribute('aria-invalid'), 'true', field);
        assert.equal(await page.getByTestId(field).isVisible(), true, field);
      }
      await page.context().close();
    }
  });

  test('the dates the data covers: To after its last day is said; partial fiscal years are marked; one date format', async (t) => {
    if (!hasChromium) return t.skip(INSTALL);
    const page = await newPage(1280, 900);
    const search = '?start_date=2025-01-01&end_date=2030-01-01';
    await page.goto(`${api.baseUrl}/${search}`);
    await settled(page);
    const { body } = await apiJson(search);
    const note = page.getByTestId('as-of-note');
    assert.equal(await note.isVisible(), true);
    assert.ok((await note.textContent()).startsWith(
      `To (${dateText('2030-01-01')}) is after the data's last day (${dateText(body.meta.last_date)}): recency is counted from ${dateText('2030-01-01')}`));
    // One date format: the chips and the header as the date inputs write them.
    assert.equal(await page.getByTestId('chip-start_date').textContent(), `From: ${dateText('2025-01-01')}×`);
    assert.equal(await page.getByTestId('chip-end_date').textContent(), `To: ${dateText('2030-01-01')}×`);
    assert.equal(await page.getByTestId('as-of').textContent(), `Figures as of ${dateText('2030-01-01')} · amounts in ${body.meta.currency}`);
    await page.goto(`${api.baseUrl}/?end_date=${body.meta.last_date}`);
    await settled(page);
    assert.equal(await note.isVisible(), false);

    // Fiscal years the data covers only in part (it starts in January, a fiscal year in the start month).
    await page.goto(`${api.baseUrl}/`);
    await settled(page);
    const all = (await apiJson('')).body;
    const month = String(all.meta.fiscal_year_start_month).padStart(2, '0');
    const expected = all.fiscal_year_data.map(({ fiscal_year: label }) => {
      const year = Number(label.slice(2, 6));
      const first = `${year}-${month}-01`;
      const last = plusDays(`${year + 1}-${month}-01`, -1);
      const partial = first < all.meta.first_date || last > all.meta.last_date;
      return label.replace(/^FY/, '') + (partial ? '\npartial' : '');
    });
    assert.ok(expected.some((label) => label.endsWith('partial')), 'the demo data has partial years');
    assert.deepEqual(await page.evaluate(() => window.campaignDashboard.charts().fiscal_years.getOption().xAxis[0].data), expected);
    await page.context().close();
  });

  test('profit: "no profit data" when the data has none; one customer is "1 customer"', async (t) => {
    if (!hasChromium) return t.skip(INSTALL);
    const page = await newPage(1280, 900);
    // The demo data has profit; a response as the UCI Online Retail import gives it (meta.has_profit false).
    await page.route('**/api/campaign/dashboard**', async (route) => {
      const response = await route.fetch();
      const json = await response.json();
      json.meta.has_profit = false;
      await route.fulfill({ response, json });
    });
    await page.goto(`${api.baseUrl}/`);
    await settled(page);
    assert.equal(await page.getByTestId('kpi-profit_per_customer-value').textContent(), 'no profit data');
    await page.unroute('**/api/campaign/dashboard**');

    const [customer] = (await apiCustomers('?page_size=1')).items;
    const search = `?customer_mobile=${encodeURIComponent(customer.mobile)}`;
    assert.equal((await apiJson(search)).body.kpi.total_customer, 1, 'one customer has this mobile');
    await page.goto(`${api.baseUrl}/${search}`);
    await settled(page);
    assert.equal(await page.getByTestId('status').textContent(), '1 customer matches these filters.');
    assert.equal(await page.getByTestId('customers-summary').textContent(), '1–1 of 1 customer');
    await page.context().close();
  });

  test('the filter bar: focus stays in it after a chip is removed; the name box takes 100 characters; dates and dropdowns fit', async (t) => {
    if (!hasChromium) return t.skip(INSTALL);
    const page = await newPage(1280, 900);
    await page.goto(`${api.baseUrl}/?r_score=5&r_score=4`);
    await settled(page);
    await page.getByTestId('chip-r_score-5').focus();
    await page.keyboard.press('Enter');
    await page.waitForURL((url) => !url.searchParams.getAll('r_score').includes('5'));
    await settled(page);
    assert.equal(await page.evaluate(() => document.activeElement?.dataset.testid), 'chip-r_score-4');
    await page.keyboard.press('Enter');
    await page.waitForURL((url) => !url.searchParams.has('r_score'));
    await settled(page);
    assert.equal(await page.evaluate(() => document.activeElement?.dataset.testid), 'filter-start-date');

    await page.getByTestId('filter-name').click();
    await page.keyboard.type('x'.repeat(120));
    assert.equal((await page.getByTestId('filter-name').inputValue()).length, 100);
    await page.context().close();

    for (const width of [1280, 1100, 390]) {
      const narrow = await newPage(width, 900);
      await narrow.goto(`${api.baseUrl}/?start_date=2024-12-31&end_date=2025-12-31`);
      await settled(narrow);
      if (width < 720) await narrow.getByTestId('filters-toggle').click();
      // Every field's control stays inside its field, and no two fields overlap.
      const overlaps = await narrow.getByTestId('filters').evaluate((form) => {
        const fields = [...form.querySelectorAll('.field')].map((field) => ({
          name: field.querySelector('label, .label').textContent,
          box: field.getBoundingClientRect(),
          control: field.querySelector('input, summary').getBoundingClientRect(),
        }));
        const faults = fields.filter((f) => f.control.right > f.box.right + 0.5).map((f) => `${f.name} runs out of its field`);
        for (const a of fields) {
          for (const b of fields) {
            const apart = a.box.right <= b.box.left || b.box.right <= a.box.left || a.box.bottom <= b.box.top || b.box.bottom <= a.box.top;
            if (a !== b && a.name < b.name && !apart) faults.push(`${a.name} overlaps ${b.name}`);
          }
        }
        return faults;
      });
      assert.deepEqual(overlaps, [], `at ${width} px`);
      if (width === 390) {
        // Each bucket dropdown's labels fit their options.
        for (const param of ['r_value_bucket', 'f_value_bucket', 'm_value_bucket']) {
          await narrow.locator(`details[data-param="${param}"] summary`).click();
          const cut = await narrow.locator(`details[data-param="${param}"]`).evaluate((details) =>
            [...details.querySelectorAll('.option')].filter((option) => option.scrollWidth > option.clientWidth).map((option) => option.textContent));
          assert.deepEqual(cut, [], `${param} labels collide`);
        }
      }
      await narrow.context().close();
    }
  });

  test('the page\'s look: status and footer contrast at least 4.5:1, segment spending without hover, a favicon, metric definitions linked', async (t) => {
    if (!hasChromium) return t.skip(INSTALL);
    const page = await newPage(390, 844);
    await page.goto(`${api.baseUrl}/`);
    await settled(page);
    const ratios = await page.evaluate(() => {
      const luminance = (color) => {
        const [r, g, b] = color.match(/\d+(\.\d+)?/g).slice(0, 3).map(Number)
          .map((c) => c / 255).map((c) => (c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4));
        return 0.2126 * r + 0.7152 * g + 0.0722 * b;
      };
      const background = luminance(getComputedStyle(document.body).backgroundColor === 'rgba(0, 0, 0, 0)'
        ? getComputedStyle(document.documentElement).backgroundColor : getComputedStyle(document.body).backgroundColor);
      const ratio = (selector) => {
        const text = luminance(getComputedStyle(document.querySelector(selector)).color);
        return (Math.max(text, background) + 0.05) / (Math.min(text, background) + 0.05);
      };
      return { status: ratio('[data-testid="status"]'), footer: ratio('.app-footer') };
    });
    assert.ok(ratios.status >= 4.5, `status ${ratios.status}`);
    assert.ok(ratios.footer >= 4.5, `footer ${ratios.footer}`);

    // At 390 px every segment's spending is written in the legend, also with the longest labels (rfm11).
    for (const search of ['', '?segment_scheme=rfm11']) {
      await page.goto(`${api.baseUrl}/${search}`);
      await settled(page);
      const { body } = await apiJson(search);
      const legend = (await page.getByTestId('chart-segments-canvas').locator('svg text').allTextContents()).join(' | ');
      for (const segment of body.segment_data) {
        assert.ok(legend.includes(moneyShort(segment.spending, body.meta.currency)), `${segment.label}: ${legend}`);
      }
    }

    const icon = await page.evaluate(() => document.querySelector('link[rel="icon"]').href);
    const iconResponse = await fetch(icon);
    assert.equal(iconResponse.status, 200, icon);
    assert.equal(iconResponse.headers.get('content-type'), 'image/svg+xml');
    const definitions = await fetch(await page.getByTestId('metrics-link').evaluate((link) => link.href));
    assert.equal(definitions.status, 200);
    const metrics = await readFile(join(repositoryRoot(), 'docs', 'metrics.md'), 'utf8');
    assert.equal((await definitions.text()).replace(/^\uFEFF/, ''), metrics, 'the page links docs/metrics.md as it is');
    await page.context().close();
  });
});
