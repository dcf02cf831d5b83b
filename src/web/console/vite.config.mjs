// The web console's build: `npm run build:console` (part of `npm run build`) bundles this folder into
// dist/console, which the API serves at /app/ (src/web/console-host). One chunk per route (lazy routes).
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

const root = fileURLToPath(new URL('.', import.meta.url));

export default defineConfig({
  root,
  base: '/app/',
  // Vite 8 transforms TSX with oxc: the automatic runtime (jsx: react-jsx), no React plugin needed.
  oxc: { jsx: { runtime: 'automatic' } },
  build: {
    outDir: fileURLToPath(new URL('../../../dist/console', import.meta.url)),
    emptyOutDir: true,
    target: 'es2022',
    // Nothing inlined as data: URLs; the CSP allows only same-origin scripts.
    assetsInlineLimit: 0,
    reportCompressedSize: false,
    // The entry (React, the router, Query, i18next with four languages, react-aria's core) is ~520 kB raw,
    // ~160 kB gzipped: bench/console.mjs watches the gzipped figure (target ≤ 200 kB).
    chunkSizeWarningLimit: 800,
    // dist/console/.vite/manifest.json: the chunks per entry and route, read by bench/console.mjs (not served).
    manifest: true,
    rolldownOptions: {
      // TanStack Router marks its modules "use client" (for React Server Components): meaningless in this bundle.
      onwarn(warning, warn) {
        if (warning.code !== 'MODULE_LEVEL_DIRECTIVE') warn(warning);
      },
    },
  },
});
