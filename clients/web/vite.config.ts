import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { defineConfig, type Plugin } from 'vite';

// The page is built into the API's wwwroot, which the API serves at / (UseDefaultFiles + UseStaticFiles).
// `npm run dev` serves it with hot reload and forwards /api and /swagger to the API on http://localhost:5080.
const api = process.env.CAMPAIGN_API_URL ?? 'http://localhost:5080';

/**
 * docs/metrics.md beside the page as metrics.txt, which the page's footer links: the API serves .txt (it does not
 * serve .md), and the byte order mark tells the browser the text is UTF-8.
 */
const metricDefinitions = (): Plugin => ({
  name: 'metric-definitions',
  generateBundle() {
    const source = readFileSync(fileURLToPath(new URL('../../docs/metrics.md', import.meta.url)), 'utf8');
    this.emitFile({ type: 'asset', fileName: 'metrics.txt', source: `\uFEFF${source}` });
  },
});

export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  base: './',
  plugins: [metricDefinitions()],
  build: {
    outDir: fileURLToPath(new URL('../../src/Api/wwwroot', import.meta.url)),
    emptyOutDir: true,
    // ECharts is most of the bundle; one file is simplest to serve and cache.
    chunkSizeWarningLimit: 1024,
    sourcemap: false,
  },
  server: {
    port: 5173,
    strictPort: true,
    // The generated client lives next door, in ../typescript/src.
    fs: { allow: ['..'] },
    proxy: { '/api': api, '/swagger': api },
  },
});
