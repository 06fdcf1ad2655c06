// Starts the Campaign Dashboard API for a test suite: `dotnet run` on a free loopback port over a fresh
// temporary DuckDB file seeded with the demo data, or an already running API when CAMPAIGN_API_URL is set.
// Shared by the contract suite (clients/typescript) and the browser test (clients/web).
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * @typedef {object} RunningApi
 * @property {string} baseUrl The API's origin, e.g. http://127.0.0.1:41234 (no trailing slash).
 * @property {() => Promise<void>} stop Stops the API this helper started (nothing for CAMPAIGN_API_URL).
 * @property {() => string} log What the API printed so far (empty for CAMPAIGN_API_URL).
 */

/** The repository root: the first directory above this file that holds CampaignDashboard.sln. */
export function repositoryRoot() {
  let directory = dirname(fileURLToPath(import.meta.url));
  while (!existsSync(join(directory, 'CampaignDashboard.sln'))) {
    const parent = dirname(directory);
    if (parent === directory) {
      throw new Error('CampaignDashboard.sln not found above ' + fileURLToPath(import.meta.url));
    }
    directory = parent;
  }
  return directory;
}

/** @returns {Promise<number>} a TCP port free on 127.0.0.1 right now. */
function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

/** @param {number} ms */
const delay = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/** Like delay, but does not keep the process alive (the test runner waits for the process to end). */
const timeout = (/** @type {number} */ ms) => new Promise((resolve) => setTimeout(resolve, ms).unref());

/**
 * Starts the API (or uses CAMPAIGN_API_URL) and resolves once GET /api/campaign/dashboard answers 200.
 * Set CAMPAIGN_API_NO_BUILD=1 to pass --no-build to dotnet run when the API is already built.
 * @param {{ timeoutMs?: number }} [options]
 * @returns {Promise<RunningApi>}
 */
export async function startApi(options = {}) {
  const timeoutMs = options.timeoutMs ?? 240_000;
  const external = process.env.CAMPAIGN_API_URL;
  if (external) {
    const baseUrl = external.replace(/\/+$/, '');
    await waitUntilReady(baseUrl, timeoutMs, () => undefined);
    return { baseUrl, stop: async () => {}, log: () => '' };
  }

  const root = repositoryRoot();
  const dataDirectory = await mkdtemp(join(tmpdir(), 'campaign-dashboard-api-'));
  const port = await freePort();
  const baseUrl = `http://127.0.0.1:${port}`;
  const args = ['run', '--project', 'src/Api', '--no-launch-profile'];
  if (process.env.CAMPAIGN_API_NO_BUILD === '1') {
    args.push('--no-build');
  }
  args.push('--urls', baseUrl);

  /** @type {string[]} */
  const output = [];
  const child = spawn('dotnet', args, {
    cwd: root,
    // Its own process group, so stop() ends `dotnet run` together with the API process it started.
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: {
      ...process.env,
      ASPNETCORE_ENVIRONMENT: 'Development',
      // Not campaign.duckdb: DuckDB would name its catalog like the schema.
      ConnectionStrings__Campaign: `Data Source=${join(dataDirectory, 'dashboard.duckdb')}`,
      Dashboard__SeedDemoData: 'true',
      DOTNET_CLI_TELEMETRY_OPTOUT: '1',
      DOTNET_NOLOGO: '1',
    },
  });
  /** @param {Buffer} chunk */
  const keep = (chunk) => {
    output.push(chunk.toString());
    if (output.length > 500) output.splice(0, output.length - 500);
  };
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);

  /** @type {number | null} */
  let exitCode = null;
  let exited = false;
  const exit = new Promise((resolve) => child.once('exit', (code) => {
    exited = true;
    exitCode = code;
    resolve(undefined);
  }));
  const killGroup = (/** @type {NodeJS.Signals} */ signal) => {
    if (exited || child.pid === undefined) return;
    try {
      process.kill(-child.pid, signal);
    } catch {
      // Already gone.
    }
  };
  // Whatever happens to the test process, the API does not outlive it.
  const onExit = () => killGroup('SIGKILL');
  process.once('exit', onExit);

  let stopped = false;
  const stop = async () => {
    if (stopped) return;
    stopped = true;
    killGroup('SIGTERM');
    await Promise.race([exit, timeout(15_000)]);
    killGroup('SIGKILL');
    process.removeListener('exit', onExit);
    await rm(dataDirectory, { recursive: true, force: true });
  };

  try {
    await waitUntilReady(baseUrl, timeoutMs, () => {
      if (exited) throw new Error(`The API exited with code ${exitCode} before it answered:\n${output.join('')}`);
    });
  } catch (error) {
    await stop();
    throw error;
  }

  return { baseUrl, stop, log: () => output.join('') };
}

/**
 * @param {string} baseUrl
 * @param {number} timeoutMs
 * @param {() => void} check throws when waiting is pointless
 */
async function waitUntilReady(baseUrl, timeoutMs, check) {
  const deadline = Date.now() + timeoutMs;
  let last = 'no answer';
  while (Date.now() < deadline) {
    check();
    try {
      const response = await fetch(`${baseUrl}/api/campaign/dashboard`, { signal: AbortSignal.timeout(30_000) });
      if (response.status === 200) {
        await response.arrayBuffer();
        return;
      }
      last = `HTTP ${response.status}`;
    } catch (error) {
      last = String(error);
    }
    await delay(500);
  }
  throw new Error(`The API at ${baseUrl} did not answer GET /api/campaign/dashboard with 200 within ${timeoutMs} ms (last: ${last}).`);
}
