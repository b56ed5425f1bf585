import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as encoding from 'lib0/encoding';
import { spawnServer, type ServerProcess } from '../../helpers/serverProcess.ts';
import { Api } from '../../helpers/api.ts';
import { openRawSocket } from '../../helpers/rawSocket.ts';
import { tempDir } from '../../helpers/tempDir.ts';
import { runAdmin } from '../../helpers/adminCli.ts';

const SOCKETS = 150;

/** Garbage on sockets is logged at info, without stack traces, and rate-limited: no one floods the log. */
describe('logging of malformed and oversized frames', () => {
  const dir = tempDir();
  let server: ServerProcess;
  let cookie: string;
  let docName: string;
  beforeAll(async () => {
    const added = await runAdmin(dir.path, ['user:add', '--email', 'karim@test.dalil.tn', '--name', 'Karim', '--password', 'mot-de-passe-solide']);
    expect(added.code).toBe(0);
    server = await spawnServer(dir.path, { WS_MAX_MESSAGE_BYTES: String(64 * 1024), RATE_LIMIT_PER_MINUTE: '100000' });
    const api = new Api(server.url);
    await api.login('karim@test.dalil.tn', 'mot-de-passe-solide');
    cookie = api.cookie!;
    docName = (await api.guideWithSection()).section.docName;
  }, 180_000);
  afterAll(async () => {
    if (server) {
      server.child.kill('SIGKILL');
      await server.exited;
    }
    dir.remove();
  });

  it(`${SOCKETS} sockets sending garbage and oversized frames leave a few info lines, no warning, error or stack`, async () => {
    const unknownType = (() => {
      const e = encoding.createEncoder();
      encoding.writeVarUint(e, 42);
      return encoding.toUint8Array(e);
    })();
    const closes = await Promise.all(
      Array.from({ length: SOCKETS }, async (_, i) => {
        const s = openRawSocket(server.wsUrl, docName, cookie);
        await s.greeted;
        s.send(i % 3 === 0 ? new Uint8Array(128 * 1024) : unknownType);
        return (await s.closed).code;
      }),
    );
    expect(closes.filter((c) => c === 1009).length).toBe(SOCKETS / 3);
    expect(closes.filter((c) => c === 1007).length).toBe((SOCKETS * 2) / 3);
    // The server still serves (and has logged what it logs by now: the closes came after the lines).
    expect((await fetch(`${server.url}/api/health`)).status).toBe(200);

    const lines = server
      .output()
      .split('\n')
      .filter((l) => l.startsWith('{'))
      .map((l) => JSON.parse(l) as { level: number; msg: string; err?: unknown; stack?: unknown });
    const refused = lines.filter((l) => l.msg === 'refused input from a socket');
    expect(refused.length).toBeGreaterThan(0);
    // A burst of 20 lines, then one a second: far fewer lines than sockets (the test's own time limit
    // bounds the seconds).
    expect(refused.length).toBeLessThan(SOCKETS);
    expect(refused.every((l) => l.level === 30)).toBe(true);
    expect(lines.filter((l) => l.level >= 40).map((l) => l.msg)).toEqual([]);
    expect(server.output()).not.toMatch(/"stack"|RangeError|at .*\(.*\.js:\d+/);
  });
});
