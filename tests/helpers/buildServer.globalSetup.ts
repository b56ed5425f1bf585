import { execFileSync } from 'node:child_process';
import { resolve } from 'node:path';

/**
 * Tests that spawn a server process run the compiled one (what `pnpm start` runs): build it once
 * before any test, so a direct `vitest run` never tests a stale dist/.
 */
export default function buildServer(): void {
  execFileSync(process.execPath, ['build.mjs'], { cwd: resolve(import.meta.dirname, '../../server'), stdio: 'inherit' });
}
