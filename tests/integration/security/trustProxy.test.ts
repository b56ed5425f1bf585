import { afterAll, describe, expect, it } from 'vitest';
import { trustProxyFrom } from '@dalil/server/config.ts';
import { startServer, type TestServer } from '../../helpers/inProcessServer.ts';
import { createUser } from '../../helpers/accounts.ts';
import { Api } from '../../helpers/api.ts';

const sessionCookie = (res: { headers: Headers }) => res.headers.getSetCookie().find((c) => c.startsWith('dalil_session=')) ?? '';

/** TRUST_PROXY: off by default; when set, X-Forwarded-Proto makes cookies Secure and X-Forwarded-For keys rate limits. */
describe('TRUST_PROXY', () => {
  const servers: TestServer[] = [];
  afterAll(async () => {
    for (const s of servers) await s.dispose();
  });
  const start = async (env: Record<string, string>) => {
    const server = await startServer({ LOGIN_RATE_LIMIT_PER_MINUTE: '2', ...env });
    servers.push(server);
    await createUser(server, 'Karim', 'karim@test.dalil.tn');
    return server;
  };
  const login = (server: TestServer, headers: Record<string, string>, password = 'mot-de-passe-solide') =>
    new Api(server.url).request('POST', '/api/auth/login', { email: 'karim@test.dalil.tn', password }, headers);

  it('off by default: forwarded headers are ignored (no Secure cookie, one budget for every claimed address)', async () => {
    const server = await start({});
    // createUser signed in once already: one login left in this address's budget.
    const res = await login(server, { 'x-forwarded-proto': 'https', 'x-forwarded-for': '203.0.113.7' });
    expect(res.status).toBe(200);
    expect(sessionCookie(res)).not.toMatch(/;\s*Secure/i);
    const other = await login(server, { 'x-forwarded-for': '198.51.100.9' });
    expect(other.status).toBe(429);
  }, 120_000);

  it('TRUST_PROXY=127.0.0.1 (the proxy): X-Forwarded-Proto https gives a Secure cookie, X-Forwarded-For its own rate-limit budget', async () => {
    const server = await start({ TRUST_PROXY: '127.0.0.1' });
    const secure = await login(server, { 'x-forwarded-proto': 'https', 'x-forwarded-for': '203.0.113.7' });
    expect(secure.status).toBe(200);
    expect(sessionCookie(secure)).toMatch(/;\s*Secure/i);
    const plain = await login(server, { 'x-forwarded-for': '203.0.113.8' });
    expect(plain.status).toBe(200);
    expect(sessionCookie(plain)).not.toMatch(/;\s*Secure/i);
    // 203.0.113.7 used one of its two attempts: one more, then refused; another address is not.
    expect((await login(server, { 'x-forwarded-for': '203.0.113.7' }, 'mauvais-mot-de-passe')).status).toBe(401);
    expect((await login(server, { 'x-forwarded-for': '203.0.113.7' }, 'mauvais-mot-de-passe')).status).toBe(429);
    expect((await login(server, { 'x-forwarded-for': '198.51.100.9' }, 'mauvais-mot-de-passe')).status).toBe(401);
  }, 120_000);

  it('parses the setting strictly', () => {
    expect(trustProxyFrom(undefined)).toBe(false);
    expect(trustProxyFrom('false')).toBe(false);
    expect(trustProxyFrom('true')).toBe(true);
    expect(trustProxyFrom('loopback')).toBe('loopback');
    // A hop count would make Fastify ignore X-Forwarded-Proto: refused rather than silently useless.
    expect(() => trustProxyFrom('1')).toThrow(/TRUST_PROXY/);
    expect(trustProxyFrom('127.0.0.1, 10.0.0.0/8')).toBe('127.0.0.1,10.0.0.0/8');
    expect(() => trustProxyFrom('yes please')).toThrow(/TRUST_PROXY/);
  });
});
