import { resolve } from 'node:path';
import { build } from 'esbuild';
import type { Page } from 'playwright-core';

const repoRoot = resolve(import.meta.dirname, '../../..');

/**
 * Bundles client modules that no page uses yet (their UI lands separately) into one ES module the
 * test can import in a real page, from the page's own origin (the CSP allows only 'self' scripts).
 * `source` re-exports what the test needs, with paths relative to the repository root.
 */
export async function serveClientModule(page: Page, origin: string, path: string, source: string): Promise<void> {
  const result = await build({
    stdin: { contents: source, resolveDir: repoRoot, loader: 'ts', sourcefile: 'harness.ts' },
    bundle: true,
    format: 'esm',
    platform: 'browser',
    target: 'es2022',
    write: false,
    logLevel: 'silent',
  });
  const code = result.outputFiles[0]!.text;
  await page.route(`${origin}${path}`, (route) => route.fulfill({ status: 200, contentType: 'text/javascript', body: code }));
}
