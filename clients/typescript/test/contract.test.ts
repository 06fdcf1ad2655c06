// Contract suite: the generated client against the live API on loopback, over the demo dataset.
// Run: npm test (starts the API with `dotnet run`), or CAMPAIGN_API_URL=http://localhost:5080 npm test.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import {
  ApiException,
  BucketItemDto,
  CampaignClient,
  DashboardDto,
  HttpValidationProblemDetails,
  KpiDto,
  ProblemDetails,
} from '../src/campaign-client.js';
import { startApi, type RunningApi } from './support/api-server.mjs';

// The contract's categories, in the contract's order (../../../../shared/spec/dashboard.md, section 4).
const R_BUCKETS = ['1-200', '200-400', '400-600', '600-800', '800-1000', '>1000'];
const VISITS = ['1', '2', '3', '4', '5', '6', '7', '8', '9', '10+'];
const VALUES = ['1-1000', '1000-2000', '2000-3000', '3000-4000', '4000-5000', '>5000'];
const RETURN_PERIODS = ['<1 Month', '1-2 Month', '2-3 Month', '3-6 Month', '6-12 Month', '1-2 Yr', '>2 Yr'];
const SEGMENTS = ['CHAMPIONS', 'POTENTIAL LOYALISTS', 'NEW CUSTOMERS', 'NEED ATTENTION'];
const R_SCORES = ['Bought Most Recently', 'Bought Recently', 'Bought Some Time Ago', 'Bought Long Ago', 'Bought Longest Ago'];
const F_SCORES = ['Most Frequent Visit', 'More Frequent Visit', 'Regular Visit', 'Rare Visit', 'Most Rarest Visit'];
const M_SCORES = ['Highest Spend', 'High Spend', 'Medium Spend', 'Low Spend', 'Lowest Spend'];

// Customer 2 of the deterministic demo dataset (src/Application/DemoData): stored as "+44 7700 813371".
const DEMO_MOBILE = '+44 7700 813371';

/** The dashboard's query, by name: the generated method takes its parameters by position. */
interface Filters {
  start_date?: string;
  end_date?: string;
  customer_mobile?: string;
  customer_name?: string;
  r_value_bucket?: string[];
  f_value_bucket?: string[];
  m_value_bucket?: string[];
}

let api: RunningApi;
let client: CampaignClient;
let unfiltered: DashboardDto;

const dashboard = (f: Filters = {}, signal?: AbortSignal): Promise<DashboardDto> =>
  client.getDashboard(undefined, undefined, f.start_date, f.end_date, f.customer_mobile, f.customer_name, f.r_value_bucket, f.f_value_bucket, f.m_value_bucket,
    undefined, undefined, undefined, undefined, undefined, undefined, signal);

const customersOf = (items: BucketItemDto[], label: string): number => {
  const item = items.find((i) => i.label === label);
  assert.ok(item, `no bucket ${label}`);
  return item.customers;
};

const sum = (items: { customers: number }[]): number => items.reduce((total, i) => total + i.customers, 0);

/** Every widget lists all its categories in order, and the counting widgets add up to the KPI's customers. */
function assertWellFormed(d: DashboardDto): void {
  assert.ok(d instanceof DashboardDto);
  assert.ok(d.kpi instanceof KpiDto);
  assert.deepEqual(d.r_score_data.map((i) => i.label), R_SCORES);
  assert.deepEqual(d.f_score_data.map((i) => i.label), F_SCORES);
  assert.deepEqual(d.m_score_data.map((i) => i.label), M_SCORES);
  assert.deepEqual(d.r_score_data.map((i) => i.score), [5, 4, 3, 2, 1]);
  assert.deepEqual(d.r_value_bucket_data.map((i) => i.label), R_BUCKETS);
  assert.deepEqual(d.visits_data.map((i) => i.label), VISITS);
  assert.deepEqual(d.value_data.map((i) => i.label), VALUES);
  assert.deepEqual(d.days_to_return_bucket_data.map((i) => i.label), RETURN_PERIODS);
  assert.deepEqual(d.segment_data.map((i) => i.label), SEGMENTS);
  const total = d.kpi.total_customer;
  for (const widget of [d.r_score_data, d.f_score_data, d.m_score_data, d.r_value_bucket_data, d.visits_data, d.value_data, d.segment_data]) {
    assert.equal(sum(widget), total);
  }
}

/** Only the given labels of a bucket widget hold customers. */
function assertOnly(items: BucketItemDto[], labels: string[]): void {
  for (const item of items) {
    if (!labels.includes(item.label)) assert.equal(item.customers, 0, `bucket ${item.label} should be empty`);
  }
}

async function rejection(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  assert.fail('expected the call to fail');
}

/** The typed problem details of a 400, or a failed assertion. */
async function validationProblem(promise: Promise<unknown>): Promise<HttpValidationProblemDetails> {
  const error = await rejection(promise);
  assert.ok(error instanceof ApiException, `expected ApiException, got ${String(error)}`);
  assert.equal(error.status, 400);
  assert.equal(error.headers['content-type']?.split(';')[0], 'application/problem+json');
  const problem: unknown = error.result;
  assert.ok(problem instanceof HttpValidationProblemDetails, 'result is the typed problem details');
  assert.ok(problem instanceof ProblemDetails);
  assert.equal(problem.status, 400);
  return problem;
}

describe('GET /api/campaign/dashboard through the generated client', () => {
  before(async () => {
    api = await startApi();
    client = new CampaignClient(api.baseUrl, { fetch: (url, init) => fetch(url, init) });
    unfiltered = await dashboard();
  });

  after(async () => {
    await api?.stop();
  });

  test('unfiltered: every widget with all its categories, and the typed model carries every field sent', async () => {
    assertWellFormed(unfiltered);
    assert.ok(unfiltered.kpi.total_customer > 1000, 'the demo dataset has thousands of customers');
    assert.match(unfiltered.meta.as_of_date ?? '', /^\d{4}-\d{2}-\d{2}$/);
    assert.ok(unfiltered.fiscal_year_data.length >= 4);
    for (const year of unfiltered.fiscal_year_data) {
      assert.match(year.fiscal_year, /^FY\d{4}-\d{2}$/);
      assert.equal(year.new_customers + year.old_customers, year.total_customers);
    }

    // The JSON on the wire and the client's model, serialized back, are the same: no field is dropped or renamed.
    // Without compare dates the wire has no `comparison` (contract section 9); the generated model writes it as null.
    const raw: unknown = await (await fetch(`${api.baseUrl}/api/campaign/dashboard`)).json();
    assert.equal(unfiltered.comparison, null);
    const { comparison: _, ...model } = unfiltered.toJSON();
    assert.deepEqual(model, raw);
  });

  test('compare dates add the compare window: its KPIs, segments and the change of every KPI', async () => {
    const d = await client.getDashboard('2024-01-01', '2024-12-31', '2025-01-01', '2025-12-31');
    assert.ok(d.comparison, 'comparison present');
    assert.deepEqual(d.comparison.window.toJSON(), { start_date: '2024-01-01', end_date: '2024-12-31' });
    assert.equal(d.comparison.segment_data.length, d.segment_data.length);
    assert.equal(d.comparison.kpi_change.total_customer, d.kpi.total_customer - d.comparison.kpi.total_customer);
    const raw = (await (await fetch(`${api.baseUrl}/api/campaign/dashboard?start_date=2025-01-01&end_date=2025-12-31&compare_start_date=2024-01-01&compare_end_date=2024-12-31`)).json()) as { comparison: unknown };
    assert.deepEqual(d.comparison.toJSON(), raw.comparison);
  });

  test('start_date and end_date window the transactions; end_date is the as-of date', async () => {
    const d = await dashboard({ start_date: '2025-01-01', end_date: '2025-06-30' });
    assertWellFormed(d);
    assert.equal(d.meta.as_of_date, '2025-06-30');
    assert.ok(d.kpi.total_customer > 0 && d.kpi.total_customer < unfiltered.kpi.total_customer);
    assert.deepEqual(d.fiscal_year_data.map((y) => y.fiscal_year), ['FY2024-25', 'FY2025-26']);
  });

  test('start_date alone keeps the latest transaction as the as-of date', async () => {
    const d = await dashboard({ start_date: '2025-04-01' });
    assertWellFormed(d);
    assert.equal(d.meta.as_of_date, unfiltered.meta.as_of_date);
    assert.ok(d.fiscal_year_data.every((y) => y.fiscal_year >= 'FY2025-26'));
  });

  test('customer_mobile matches the digits, whatever the formatting', async () => {
    const d = await dashboard({ customer_mobile: DEMO_MOBILE });
    assertWellFormed(d);
    assert.equal(d.kpi.total_customer, 1);
    for (const variant of ['447700813371', '(+44) 7700-813-371']) {
      assert.deepEqual((await dashboard({ customer_mobile: variant })).toJSON(), d.toJSON(), variant);
    }
  });

  test('customer_mobile with no customer: zero figures, every category still listed', async () => {
    const d = await dashboard({ customer_mobile: '0000000000' });
    assertWellFormed(d);
    assert.equal(d.kpi.total_customer, 0);
    assert.equal(d.kpi.customer_spending, 0);
    assert.deepEqual(d.fiscal_year_data, []);
  });

  test('customer_name is a case-insensitive substring', async () => {
    const d = await dashboard({ customer_name: 'smith' });
    assertWellFormed(d);
    assert.ok(d.kpi.total_customer > 0 && d.kpi.total_customer < unfiltered.kpi.total_customer);
    assert.deepEqual((await dashboard({ customer_name: 'SMITH' })).toJSON(), d.toJSON());
  });

  test('r_value_bucket keeps the customers of the chosen recency buckets (">" is encoded)', async () => {
    const one = await dashboard({ r_value_bucket: ['1-200'] });
    assertWellFormed(one);
    assert.equal(one.kpi.total_customer, customersOf(unfiltered.r_value_bucket_data, '1-200'));
    assertOnly(one.r_value_bucket_data, ['1-200']);

    const two = await dashboard({ r_value_bucket: ['1-200', '>1000'] });
    assert.equal(two.kpi.total_customer, customersOf(unfiltered.r_value_bucket_data, '1-200') + customersOf(unfiltered.r_value_bucket_data, '>1000'));
    assertOnly(two.r_value_bucket_data, ['1-200', '>1000']);
  });

  test('f_value_bucket keeps the customers of the chosen visit counts ("10+" is sent as 10%2B)', async () => {
    const tenPlus = await dashboard({ f_value_bucket: ['10+'] });
    assertWellFormed(tenPlus);
    assert.ok(customersOf(unfiltered.visits_data, '10+') > 0);
    assert.equal(tenPlus.kpi.total_customer, customersOf(unfiltered.visits_data, '10+'));
    assertOnly(tenPlus.visits_data, ['10+']);

    const oneOrTwo = await dashboard({ f_value_bucket: ['1', '2'] });
    assert.equal(oneOrTwo.kpi.total_customer, customersOf(unfiltered.visits_data, '1') + customersOf(unfiltered.visits_data, '2'));
    assertOnly(oneOrTwo.visits_data, ['1', '2']);
  });

  test('m_value_bucket keeps the customers of the chosen spend buckets', async () => {
    const top = await dashboard({ m_value_bucket: ['>5000'] });
    assertWellFormed(top);
    assert.equal(top.kpi.total_customer, customersOf(unfiltered.value_data, '>5000'));
    assertOnly(top.value_data, ['>5000']);

    const low = await dashboard({ m_value_bucket: ['1-1000', '1000-2000'] });
    assert.equal(low.kpi.total_customer, customersOf(unfiltered.value_data, '1-1000') + customersOf(unfiltered.value_data, '1000-2000'));
  });

  test('different filters are ANDed', async () => {
    const visits = await dashboard({ f_value_bucket: ['1'] });
    const both = await dashboard({ f_value_bucket: ['1'], m_value_bucket: ['1-1000'] });
    assertWellFormed(both);
    assert.equal(both.kpi.total_customer, customersOf(visits.value_data, '1-1000'));
    assertOnly(both.visits_data, ['1']);
    assertOnly(both.value_data, ['1-1000']);
  });

  test('an unknown bucket label is a 400 surfaced as typed problem details naming the allowed labels', async () => {
    const problem = await validationProblem(dashboard({ f_value_bucket: ['11'] }));
    assert.deepEqual(Object.keys(problem.errors), ['f_value_bucket']);
    const [message] = problem.errors['f_value_bucket'] ?? [];
    assert.ok(message?.includes("'11'"), message);
    assert.ok(message?.includes('1, 2, 3, 4, 5, 6, 7, 8, 9, 10+'), message);
    assert.equal(typeof problem.title, 'string');
  });

  test('every bad parameter of one request is named in the problem details', async () => {
    const problem = await validationProblem(dashboard({ start_date: '2025-02-30', customer_mobile: 'call me' }));
    assert.deepEqual(Object.keys(problem.errors).sort(), ['customer_mobile', 'start_date']);
    for (const messages of Object.values(problem.errors)) {
      assert.ok(messages.length > 0 && messages.every((m) => m.length > 0));
    }
  });

  test('an aborted signal cancels the request', async () => {
    const controller = new AbortController();
    controller.abort();
    const error = await rejection(dashboard({}, controller.signal));
    assert.equal((error as Error).name, 'AbortError');
  });
});
