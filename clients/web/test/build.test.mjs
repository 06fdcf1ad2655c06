// The page the API serves (src/Api/wwwroot, committed so `dotnet run` needs no npm) is what the sources build to.
import assert from 'node:assert/strict';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { build } from 'vite';

const WEB = fileURLToPath(new URL('..', import.meta.url));
const WWWROOT = fileURLToPath(new URL('../../../src/Api/wwwroot', import.meta.url));
const REBUILD = 'npm --prefix clients/web run build';

/** Every file under a directory, as sorted paths relative to it. */
async function files(directory) {
  const entries = await readdir(directory, { recursive: true, withFileTypes: true });
  return entries
    .filter((entry) => entry.isFile())
    .map((entry) => relative(directory, join(entry.parentPath ?? entry.path, entry.name)).split('\\').join('/'))
    .sort();
}

test('the committed src/Api/wwwroot is what clients/web builds to', async () => {
  const out = await mkdtemp(join(tmpdir(), 'campaign-dashboard-web-'));
  try {
    await build({
      configFile: join(WEB, 'vite.config.ts'),
      logLevel: 'warn',
      build: { outDir: out, emptyOutDir: true },
    });
    const built = await files(out);
    assert.deepEqual(await files(WWWROOT), built, `src/Api/wwwroot is stale; rebuild it with \`${REBUILD}\` and commit the result.`);
    for (const file of built) {
      const same = (await readFile(join(out, file))).equals(await readFile(join(WWWROOT, file)));
      assert.ok(same, `src/Api/wwwroot/${file} differs from a fresh build; rebuild it with \`${REBUILD}\` and commit the result.`);
    }
  } finally {
    await rm(out, { recursive: true, force: true });
  }
});
