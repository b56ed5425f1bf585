import { describe, expect, it } from 'vitest';
import { startServer } from '../helpers/inProcessServer.ts';
import { spawnServer } from '../helpers/serverProcess.ts';
import { Api } from '../helpers/api.ts';
import { createUser, TEST_PASSWORD } from '../helpers/accounts.ts';
import { fragmentText } from '@dalil/shared/editor';
import { connectClient } from '../helpers/yClient.ts';
import { tempDir } from '../helpers/tempDir.ts';
import { waitFor } from '../helpers/waitFor.ts';
import * as Y from 'yjs';

describe('restart and data-dir ownership', () => {
  it('keeps content, structure and rich text across a restart', async () => {
    const dir = tempDir();
    try {
      const first = await startServer({}, { dataDir: dir.path });
      const owner = await createUser(first, 'Nadia');
      const api = owner.api;
      const { guide, section } = await api.guideWithSection();
      const writer = connectClient(first.wsUrl, section.docName, { cookie: owner.cookie });
      await writer.synced();
      const paragraph = new Y.XmlElement('paragraph');
      paragraph.insert(0, [new Y.XmlText('La transparence commence par le budget.')]);
      writer.fragment.insert(0, [paragraph]);
      writer.text.insert(0, 'texte brut');
      await waitFor('server has the edit', () => first.registry.get(section.docName)?.doc.getText('text').length === 10);
      writer.destroy();
      await first.stop();

      const second = await startServer({}, { dataDir: dir.path });
      try {
        const api2 = new Api(second.url);
        await api2.login(owner.user.email, TEST_PASSWORD);
        const reloaded = await api2.getGuide(guide.id);
        expect(reloaded.sections.map((s) => s.title)).toEqual(['Section de test']);
        const reader = connectClient(second.wsUrl, section.docName, { cookie: api2.cookie! });
        await reader.synced();
        expect(fragmentText(reader.fragment)).toBe('La transparence commence par le budget.');
        expect(reader.text.toString()).toBe('texte brut');
        reader.destroy();
      } finally {
        await second.stop();
      }
    } finally {
      dir.remove();
    }
  });

  it('a second server on the same data dir refuses to start with a clear message', async () => {
    const dir = tempDir();
    const owner = await spawnServer(dir.path);
    try {
      const intruder = spawnServer(dir.path);
      await expect(intruder).rejects.toThrow(/is in use by another Dalil server \(pid \d+\)/);
      const health = await fetch(`${owner.url}/api/health`);
      expect(health.status).toBe(200);
    } finally {
      owner.child.kill('SIGTERM');
      expect((await owner.exited).code).toBe(0);
      dir.remove();
    }
  });

  it('takes over the lock left by a killed server', async () => {
    const dir = tempDir();
    const first = await spawnServer(dir.path);
    first.child.kill('SIGKILL');
    await first.exited;
    const second = await spawnServer(dir.path);
    expect((await fetch(`${second.url}/api/health`)).status).toBe(200);
    second.child.kill('SIGTERM');
    await second.exited;
    dir.remove();
  });
});
