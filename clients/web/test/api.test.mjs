// src/api.ts turns the page's named filters into the generated client's POSITIONAL calls, using one list of parameter
// names per method (PARAMETERS). This test reads those lists and the generated methods' signatures
// (clients/typescript/src/campaign-client.ts) and fails, naming the method and the first difference, when a
// regenerated client has gained, lost or moved a parameter: update PARAMETERS (and ApiArgs) in src/api.ts.
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { test } from 'node:test';

const API = new URL('../src/api.ts', import.meta.url);
const CLIENT = new URL('../../typescript/src/campaign-client.ts', import.meta.url);

/** The parameter names of a generated method, without the AbortSignal it always takes last. */
function generatedParameters(source, method) {
  const match = new RegExp(`^\\s+${method}\\(([^)]*)\\): Promise<`, 'm').exec(source);
  assert.ok(match, `the generated client has no method ${method}`);
  const names = match[1].split(',').map((parameter) => parameter.trim().split(/\??:/)[0].trim()).filter((name) => name !== '');
  assert.equal(names.at(-1), 'signal', `${method} takes an AbortSignal last`);
  return names.slice(0, -1);
}

/** The lists in src/api.ts's PARAMETERS object: { method: [names] }. */
function pageParameters(source) {
  const block = /export const PARAMETERS = \{([\s\S]*?)\} as const/.exec(source);
  assert.ok(block, 'src/api.ts declares `export const PARAMETERS = { ... } as const`');
  const lists = {};
  for (const [, method, names] of block[1].matchAll(/(\w+): \[([^\]]*)\]/g)) {
    lists[method] = [...names.matchAll(/'([^']+)'/g)].map((m) => m[1]);
  }
  return lists;
}

test('src/api.ts passes every generated method its parameters in the generated order', async () => {
  const [api, client] = await Promise.all([readFile(API, 'utf8'), readFile(CLIENT, 'utf8')]);
  const lists = pageParameters(api);
  assert.deepEqual(Object.keys(lists).sort(), ['exportCustomers', 'exportMigrationCustomers', 'getCustomers', 'getDashboard', 'getMigrationCustomers', 'getSegmentMigration', 'getSegmentSchemes']);
  for (const [method, names] of Object.entries(lists)) {
    const generated = generatedParameters(client, method);
    const at = generated.findIndex((name, i) => names[i] !== name);
    const first = at >= 0 ? at : names.length !== generated.length ? Math.min(names.length, generated.length) : -1;
    assert.deepEqual(names, generated,
      `PARAMETERS.${method} in src/api.ts differs from the generated ${method} at position ${first + 1} ` +
      `(generated: ${generated[first] ?? 'nothing'}, api.ts: ${names[first] ?? 'nothing'}); ` +
      'put the names in the generated order and add a new one to ApiArgs.');
  }
});
