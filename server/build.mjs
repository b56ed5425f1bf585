// Builds the server once into dist/ (ESM, source maps), so that starting it is loading JavaScript,
// not transpiling TypeScript: `tsx` stays for development (`pnpm dev`). Our code and @dalil/shared
// (with the packages only shared depends on) are bundled; the server's own dependencies stay in
// node_modules, loaded by Node as usual (one copy of yjs for server and shared alike).
import { build } from 'esbuild';
import { readFileSync } from 'node:fs';

const here = new URL('.', import.meta.url).pathname;
const pkg = JSON.parse(readFileSync(new URL('./package.json', import.meta.url), 'utf8'));
const external = Object.keys(pkg.dependencies).filter((name) => name !== '@dalil/shared');

const started = performance.now();
await build({
  absWorkingDir: here,
  // The image cleaning thread's entry (src/images/cleanImage.ts) lies beside the bundle.
  entryPoints: { server: 'src/server.ts', adminCli: 'src/admin/adminCli.ts', imageCleanerWorker: 'src/images/imageCleanerWorker.ts' },
  outdir: 'dist',
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  sourcemap: true,
  logLevel: 'warning',
  plugins: [
    {
      name: 'server-dependencies-external',
      setup(b) {
        b.onResolve({ filter: /^[^./]/ }, (args) =>
          external.some((name) => args.path === name || args.path.startsWith(`${name}/`)) ? { path: args.path, external: true } : undefined,
        );
      },
    },
  ],
  // Bundled CommonJS (if any) may call require(): give ESM output one.
  banner: { js: "import { createRequire as __dalilCreateRequire } from 'node:module'; const require = __dalilCreateRequire(import.meta.url);" },
});
console.log(`server built into dist/ in ${Math.round(performance.now() - started)} ms`);
