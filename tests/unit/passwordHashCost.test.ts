import { afterAll, describe, expect, it } from 'vitest';
import { loadConfig } from '@dalil/server/config.ts';
import { DEFAULT_PASSWORD_HASH_LOG2_N, hashPassword, setPasswordHashCost, verifyPassword } from '@dalil/server/auth/passwords.ts';

describe('password hash cost', () => {
  afterAll(() => setPasswordHashCost(Number(process.env.PASSWORD_HASH_LOG2_N ?? DEFAULT_PASSWORD_HASH_LOG2_N)));

  it('defaults to OWASP scrypt N=2^17 and refuses a cost below 2^14', () => {
    expect(loadConfig({}).passwordHashLog2N).toBe(17);
    expect(loadConfig({ PASSWORD_HASH_LOG2_N: '15' }).passwordHashLog2N).toBe(15);
    expect(() => loadConfig({ PASSWORD_HASH_LOG2_N: '10' })).toThrow(/PASSWORD_HASH_LOG2_N/);
  });

  it('stores the cost in each hash, so a hash made at another cost still verifies', async () => {
    setPasswordHashCost(14);
    const cheap = await hashPassword('une phrase de passe');
    setPasswordHashCost(15);
    const dearer = await hashPassword('une phrase de passe');
    expect(cheap).toMatch(/^scrypt\$16384\$8\$1\$/);
    expect(dearer).toMatch(/^scrypt\$32768\$8\$1\$/);
    expect(await verifyPassword('une phrase de passe', cheap)).toBe(true);
    expect(await verifyPassword('une phrase de passe', dearer)).toBe(true);
    expect(await verifyPassword('autre phrase', cheap)).toBe(false);
  });
});
