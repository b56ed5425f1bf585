import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

export interface BundleResult {
  initialFiles: string[];
  initialGzipBytes: number;
  editorFiles: string[];
  editorGzipBytes: number;
  totalJsGzipBytes: number;
}

const gz = (path: string) => gzipSync(readFileSync(path), { level: 9 }).byteLength;

/** Static imports of a built chunk (`import"./x.js"`, `from"./x.js"`), as file names. */
function staticImports(dir: string, file: string): string[] {
  const code = readFileSync(join(dir, file), 'utf8');
  const names = new Set<string>();
  for (const m of code.matchAll(/(?:\bfrom|\bimport)\s*["']\.\/([^"']+\.js)["']/g)) names.add(m[1]!);
  return [...names];
}

function closure(dir: string, roots: string[]): Set<string> {
  const seen = new Set<string>();
  const stack = [...roots];
  while (stack.length) {
    const f = stack.pop()!;
    if (seen.has(f)) continue;
    seen.add(f);
    stack.push(...staticImports(dir, f));
  }
  return seen;
}

/**
 * Initial JS = the module scripts and modulepreloads of `index.html` and everything they import
 * statically. Editor chunk = the lazily loaded chunk holding the collaborative editor (found by the
 * `collaboration-carets` class name it contains) plus its static imports not already initial.
 * Sizes are gzip -9 of each file, summed.
 */
export function measureBundle(distDir: string): BundleResult {
  const assets = join(distDir, 'assets');
  const html = readFileSync(join(distDir, 'index.html'), 'utf8');
  const entries = [
    ...html.matchAll(/<script[^>]*type="module"[^>]*src="\/assets\/([^"]+\.js)"/g),
    ...html.matchAll(/<link[^>]*rel="modulepreload"[^>]*href="\/assets\/([^"]+\.js)"/g),
  ].map((m) => m[1]!);
  if (entries.length === 0) throw new Error(`no module script in ${distDir}/index.html`);
  const initial = closure(assets, entries);
  const js = readdirSync(assets).filter((f) => f.endsWith('.js'));
  const editorRoot = js.filter((f) => !initial.has(f) && readFileSync(join(assets, f), 'utf8').includes('collaboration-carets'));
  const editor = [...closure(assets, editorRoot)].filter((f) => !initial.has(f));
  const sum = (files: Iterable<string>) => [...files].reduce((s, f) => s + gz(join(assets, f)), 0);
  return {
    initialFiles: [...initial].sort(),
    initialGzipBytes: sum(initial),
    editorFiles: editor.sort(),
    editorGzipBytes: sum(editor),
    totalJsGzipBytes: sum(js),
  };
}
