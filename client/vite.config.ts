import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

// The dev server forwards the API and the collaboration socket to the Dalil server.
const apiPort = Number(process.env.DALIL_API_PORT ?? 3000);
const apiTarget = `http://127.0.0.1:${apiPort}`;

export default defineConfig({
  plugins: [react()],
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
    sourcemap: false,
    reportCompressedSize: true,
    // the lazy guide chunk holds TipTap + Yjs (~550 kB raw, ~175 kB gzipped); that is expected
    chunkSizeWarningLimit: 700,
  },
});
