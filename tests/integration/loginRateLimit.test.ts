import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type TestServer } from '../helpers/inProcessServer.ts';
import { Api } from '../helpers/api.ts';

describe('per-IP login budget', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startServer({ LOGIN_RATE_LIMIT_PER_MINUTE: '3' });
  });
  afterAll(() => server.dispose());

  it('answers 429 with a message once an address spent its login attempts, across accounts', async () => {
    const api = new Api(server.url);
    const statuses: number[] = [];
    for (let i = 0; i < 5; i++) {
      statuses.push((await api.request('POST', '/api/auth/login', { email: `compte${i}@example.tn`, password: 'au-hasard-123' })).status);
    }
    expect(statuses).toEqual([401, 401, 401, 429, 429]);
    const last = await api.request<{ error: string; message: string }>('POST', '/api/auth/login', { email: 'x@example.tn', password: 'y-y-y-y-y-y' });
    expect(last.body).toMatchObject({ error: 'rate_limited', message: expect.stringMatching(/too many requests/) });
    // Other routes keep their own, larger budget.
    expect((await api.request('GET', '/api/health')).status).toBe(200);
  });
});
