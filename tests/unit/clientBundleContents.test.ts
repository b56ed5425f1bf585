import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { ensureClientBuilt } from '../e2e/support/app.ts';

const assetsDir = join(import.meta.dirname, '../../client/dist/assets');

/**
 * What the browser downloads must not carry server-only libraries. TypeBox (the API's schemas) once
 * came in through a constant imported from a schema file: 9 kB of brotli on every first load, a
 * second on the 3G link of issue 13. The plain facts live in the `*Rules.ts` files of shared/api.
 */
describe('the built client', () => {
  let scripts: { name: string; code: string }[];

  beforeAll(() => {
    ensureClientBuilt();
    scripts = readdirSync(assetsDir)
      .filter((f) => f.endsWith('.js'))
      .map((name) => ({ name, code: readFileSync(join(assetsDir, name), 'utf8') }));
  }, 180_000);

  it('has scripts to look at', () => {
    expect(scripts.length).toBeGreaterThan(5);
    expect(scripts.some((s) => s.code.includes('ProseMirror'))).toBe(true);
  });

  it('bundles no TypeBox', () => {
    const withTypeBox = scripts.filter((s) => s.code.includes('TypeBox.Kind')).map((s) => s.name);
    expect(withTypeBox).toEqual([]);
  });
});
