// Builds the web UI into dist/web, which `marsad serve` serves beside the API (same origin, strict CSP, nothing external).
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

const here = fileURLToPath(new URL('.', import.meta.url));

export default defineConfig({
  root: here,
  base: '/',
  // Generated at build time by scripts/build-boundaries.ts (admin-1 boundaries per country), copied into dist/web as is.
  publicDir: fileURLToPath(new URL('../build/web-public', import.meta.url)),
  // Preact's automatic JSX runtime, without a plugin.
  oxc: { jsx: { runtime: 'automatic', importSource: 'preact' } },
  build: {
    outDir: fileURLToPath(new URL('../dist/web', import.meta.url)),
    emptyOutDir: true,
    // The world boundaries stay a separate file, fetched by the map page only.
    assetsInlineLimit: 0,
    sourcemap: false,
    reportCompressedSize: false,
  },
  server: { proxy: { '/api': 'http://127.0.0.1:8080' } },
});
