import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import react from '@vitejs/plugin-react';
import { defineConfig, type Plugin } from 'vite';

const require = createRequire(import.meta.url);
// govuk-frontend's images and icons are copied to the root of the build; its fonts are not used (see main.css).
const govukAssets = join(dirname(require.resolve('govuk-frontend/package.json')), 'dist/govuk/assets');

/**
 * main.tsx loads the app (boot.tsx) with a dynamic import, after the first paint of a server-rendered page; the
 * browser is told to fetch it at once all the same, so it is ready by then (and no later for a client-only page).
 */
function preloadBoot(): Plugin {
  return {
    name: 'synapse-preload-boot',
    transformIndexHtml: {
      order: 'post',
      handler(_html, context) {
        const boot = Object.values(context.bundle ?? {}).find((chunk) => chunk.type === 'chunk' && chunk.name === 'boot');
        return boot ? [{ tag: 'link', attrs: { rel: 'modulepreload', crossorigin: true, href: `/${boot.fileName}` }, injectTo: 'head' }] : [];
      },
    },
  };
}

export default defineConfig(({ isSsrBuild }) => ({
  plugins: [react(), preloadBoot()],
  // The API's bundled GraphiQL keeps React 18 at the repository root; urql and react-router must use this app's React 19.
  resolve: { dedupe: ['react', 'react-dom'] },
  publicDir: govukAssets,
  // The server renderer carries its own copy of React and the libraries that use it (one React, as in the
  // browser; the repository root also holds GraphiQL's React 18), built for production.
  ssr: { noExternal: true },
  ...(isSsrBuild && { define: { 'process.env.NODE_ENV': JSON.stringify('production') } }),
  // The server renderer (`--ssr`, into dist/server) needs no copy of the public assets.
  build: { assetsDir: 'static', outDir: 'dist', copyPublicDir: !isSsrBuild },
  // govuk-frontend keeps an old-IE `@media ... \\0` hack that the minifier rejects; drop those rules.
  css: { lightningcss: { errorRecovery: true } },
  server: {
    // `npm run dev`: hot reload here, API calls go to the API started separately on port 4000.
    proxy: {
      '/graphql': 'http://localhost:4000',
      '/auth': 'http://localhost:4000',
      '/dev': 'http://localhost:4000',
      // Served by the API, not pages of the app: the PDF summary, the sitemap and robots.txt.
      '^/experiments/[^/]+/summary\\.pdf$': 'http://localhost:4000',
      '/sitemap.xml': 'http://localhost:4000',
      '/sitemaps/': 'http://localhost:4000',
      '/robots.txt': 'http://localhost:4000',
    },
  },
}));
