import { execFileSync } from 'node:child_process';
import { rmSync, writeFileSync } from 'node:fs';

/**
 * Tests never skip for want of a program: as root (as CI runs) they install Debian's package, without
 * letting it start a system service (the tests run their own instances); otherwise they fail saying
 * how to install it.
 */
export function installDebianPackages(packages: string[], why: string): void {
  if (process.getuid?.() !== 0) {
    throw new Error(`${why}: install it with \`sudo apt-get install -y ${packages.join(' ')}\` (Debian)`);
  }
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  const policy = '/usr/sbin/policy-rc.d';
  writeFileSync(policy, '#!/bin/sh\nexit 101\n', { mode: 0o755 });
  try {
    execFileSync('apt-get', ['update', '-qq'], { stdio: 'inherit', env, timeout: 300_000 });
    execFileSync('apt-get', ['install', '-y', '-qq', ...packages], { stdio: 'inherit', env, timeout: 600_000 });
  } finally {
    rmSync(policy, { force: true });
  }
}
