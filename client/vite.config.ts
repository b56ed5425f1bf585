import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import { VitePWA } from 'vite-plugin-pwa';
import { compression, defineAlgorithm } from 'vite-plugin-compression2';
import { constants } from 'node:zlib';

// The dev server forwards the API and the collaboration socket to the Dalil server.
const apiPort = Number(process.env.DALIL_API_PORT ?? 3000);
const apiTarget = `http://127.0.0.1:${apiPort}`;

export default defineConfig({
  plugins: [
    react(),
    // The service worker lets a page reload while offline: it precaches the built app shell
    // (hashed assets + index.html) and answers every navigation with it. It stays out of the API
    // and the socket: the last good API replies are kept by src/api/offlineCopies.ts (so they are
    // there from the very first visit, before any service worker controls the page) and section
    // text lives in IndexedDB (y-indexeddb).
    VitePWA({
      strategies: 'generateSW',
      filename: 'sw.js',
      // registered by src/offline/registerServiceWorker.ts (no inline script: the CSP forbids them)
      injectRegister: false,
      manifest: false,
      workbox: {
        globPatterns: ['**/*.{js,css,html,svg,png,woff2}'],
        // one file: no importScripts of a separate workbox runtime
        inlineWorkboxRuntime: true,
        // a new deploy takes over at the next load instead of waiting for every tab to close
        skipWaiting: true,
        clientsClaim: true,
        cleanupOutdatedCaches: true,
        // deep links (/guides/…/sections/…) load the app shell; the API and the socket never do
        navigateFallback: 'index.html',
        navigateFallbackDenylist: [/^\/api\//, /^\/collab\//],
      },
    }),
    // Brotli and gzip copies of every text asset, made once here at the highest levels (too slow to
    // do per request): the server sends the one the browser accepts (@fastify/static preCompressed).
    // On a 750 kbit/s link this is most of the load time.
    compression({
      algorithms: [
        defineAlgorithm('brotliCompress', { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }),
        defineAlgorithm('gzip', { level: 9 }),
      ],
      include: /\.(js|css|html|svg|json)$/,
      exclude: /manifest\.json$/,
      threshold: 1024,
      logLevel: 'silent',
    }),
  ],
  server: {
    proxy: {
      '/api': { target: apiTarget, changeOrigin: false },
      '/collab': { target: apiTarget.replace('http', 'ws'), ws: true },
    },
  },
  build: {
    target: 'es2022',
    // Browsers with :dir() (the editor's RTL list fix needs it): older targets make the CSS
    // minifier rewrite :dir() into a :lang() list, which is wrong for dir="auto" paragraphs.
    cssTarget: ['chrome120', 'edge120', 'firefox121', 'safari17'],
    // One stylesheet for every page (about 10 kB compressed): a deep link would otherwise wait for
    // two more requests (its page's and the comments' CSS), each a round trip on a mobile link.
    cssCodeSplit: false,
    sourcemap: false,
    // dist/.vite/manifest.json: the server reads it to preload a deep link's lazy page chunks
    // from the HTML (see server/src/plugins/routePreloads.ts)
    manifest: true,
    reportCompressedSize: true,
    // the lazy guide chunk holds TipTap + Yjs (~550 kB raw, ~175 kB gzipped); that is expected
    chunkSizeWarningLimit: 700,
  },
});
