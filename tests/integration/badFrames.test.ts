import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import * as encoding from 'lib0/encoding';
import { startServer, type TestServer } from '../helpers/inProcessServer.ts';
import { connectClient } from '../helpers/yClient.ts';
import { createUser } from '../helpers/accounts.ts';
import { waitFor } from '../helpers/waitFor.ts';

/** Opens a raw socket, sends `frames` once open, resolves with how the server closed it. */
function sendRaw(url: string, cookie: string, frames: Array<Uint8Array | string>): Promise<{ code: number; reason: string }> {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(url, { headers: { cookie } });
    const timer = setTimeout(() => reject(new Error('server did not close the socket')), 15_000);
    ws.on('open', () => frames.forEach((f) => ws.send(f)));
    ws.on('error', () => {});
    ws.on('close', (code, reason) => {
      clearTimeout(timer);
      resolve({ code, reason: reason.toString() });
    });
  });
}

function frame(...parts: Array<(e: encoding.Encoder) => void>): Uint8Array {
  const e = encoding.createEncoder();
  for (const p of parts) p(e);
  return encoding.toUint8Array(e);
}

describe('malformed and oversized frames', () => {
  let server: TestServer;
  let docName: string;
  let cookie: string;
  beforeAll(async () => {
    server = await startServer({ WS_MAX_MESSAGE_BYTES: String(64 * 1024) });
    const owner = await createUser(server, 'Karim');
    cookie = owner.cookie;
    docName = (await owner.api.guideWithSection()).section.docName;
  });
  afterAll(() => server.dispose());

  const bad: Array<[string, Array<Uint8Array | string>, number]> = [
    ['a text frame', ['hello'], 1007],
    ['an unknown message type', [frame((e) => encoding.writeVarUint(e, 42))], 1007],
    ['a truncated varint', [new Uint8Array([0x80])], 1007],
    ['an unknown sync sub-type', [frame((e) => encoding.writeVarUint(e, 0), (e) => encoding.writeVarUint(e, 9))], 1007],
    [
      'an update whose length runs past the frame',
      [frame((e) => encoding.writeVarUint(e, 0), (e) => encoding.writeVarUint(e, 2), (e) => encoding.writeVarUint(e, 1_000_000))],
      1007,
    ],
    [
      'garbage inside a sync update',
      [frame((e) => encoding.writeVarUint(e, 0), (e) => encoding.writeVarUint(e, 2), (e) => encoding.writeVarUint8Array(e, new Uint8Array([5, 255, 255, 255, 255, 15, 3, 1, 2])))],
      1007,
    ],
    [
      'a malformed state vector in sync step 1',
      [frame((e) => encoding.writeVarUint(e, 0), (e) => encoding.writeVarUint(e, 0), (e) => encoding.writeVarUint8Array(e, new Uint8Array([200, 200, 200])))],
      1007,
    ],
    ['a frame over the size limit', [new Uint8Array(64 * 1024 + 1)], 1009],
  ];

  it.each(bad)('%s closes only that socket, with a reason; the document stays intact', async (name, frames, code) => {
    const healthy = connectClient(server.wsUrl, docName, { cookie });
    await healthy.synced();
    healthy.text.insert(healthy.text.length, `avant ${name};`);
    await waitFor('server has the edit', () =>
      server.registry.get(docName)?.doc.getText('text').toString().includes(`avant ${name};`),
    );
    const before = server.registry.get(docName)!.doc.getText('text').toString();

    const closed = await sendRaw(`${server.wsUrl}/${docName}`, cookie, frames);
    expect(closed.code).toBe(code);
    if (code === 1007) expect(closed.reason.length).toBeGreaterThan(0);

    expect(server.registry.get(docName)!.doc.getText('text').toString()).toBe(before);
    healthy.text.insert(healthy.text.length, `après ${name};`);
    const other = connectClient(server.wsUrl, docName, { cookie });
    await other.synced();
    await waitFor('the healthy client still works', () => other.text.toString().endsWith(`après ${name};`));
    expect((await fetch(`${server.url}/api/health`)).status).toBe(200);
    healthy.destroy();
    other.destroy();
  });
});
