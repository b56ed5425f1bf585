import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { GuideView, NotificationsView, SectionWorkflowView, ThreadView } from '@dalil/shared';
import { hashPassword } from '@dalil/server/auth/passwords.ts';
import { DEMO_PASSWORD, demoAccounts } from '@dalil/server/demo/demoAccounts.ts';
import { MetadataMigrationError, migrateSingleFileMetadata } from '@dalil/server/storage/metadataMigration.ts';
import { createBackup } from '@dalil/server/backup/createBackup.ts';
import { restoreBackup } from '@dalil/server/backup/restoreBackup.ts';
import { Api } from '../helpers/api.ts';
import { addMember, createUser, TEST_PASSWORD } from '../helpers/accounts.ts';
import { startServer } from '../helpers/inProcessServer.ts';
import { spawnServer, type ServerProcess } from '../helpers/serverProcess.ts';
import { tempDir } from '../helpers/tempDir.ts';

const at = '2026-03-02T09:00:00.000Z';

/** A metadata.json as the single-file versions wrote it (schema 1), with a record of every kind. */
async function legacyMetadata() {
  const passwordHash = await hashPassword(TEST_PASSWORD);
  const user = (id: string, name: string) => ({ id, email: `${name.toLowerCase()}@test.dalil.tn`, name, passwordHash, createdAt: at });
  const guide = (id: string, title: string) => ({ id, title, language: 'fr', structureVersion: 3, createdAt: at, updatedAt: at });
  const section = (id: string, guideId: string, title: string, position: number, status = 'draft') => ({
    id,
    guideId,
    title,
    parentId: null,
    position,
    status,
    docName: id,
    createdAt: at,
    updatedAt: at,
    deletedAt: null,
    deletionId: null,
    // written before assignments, counts and due dates existed: the migration fills them in
  });
  return {
    schemaVersion: 1,
    users: [user('uNadiaAAAAAAAA', 'Nadia'), user('uKarimAAAAAAAA', 'Karim')],
    sessions: [],
    guides: [guide('gSfaxAAAAAAAAA', 'Guide de Sfax'), guide('gGabesAAAAAAAA', 'Guide de Gabès')],
    sections: [
      section('sSfax1AAAAAAAA', 'gSfaxAAAAAAAAA', 'Le budget participatif', 0, 'review'),
      section('sSfax2AAAAAAAA', 'gSfaxAAAAAAAAA', 'Les acteurs', 1),
      section('sGabes1AAAAAAA', 'gGabesAAAAAAAA', 'Le plan d’investissement', 0),
    ],
    memberships: [
      { guideId: 'gSfaxAAAAAAAAA', userId: 'uNadiaAAAAAAAA', role: 'coordinator', createdAt: at },
      { guideId: 'gSfaxAAAAAAAAA', userId: 'uKarimAAAAAAAA', role: 'author', createdAt: at },
      { guideId: 'gGabesAAAAAAAA', userId: 'uKarimAAAAAAAA', role: 'coordinator', createdAt: at },
    ],
    invitations: [
      {
        id: 'iSfaxAAAAAAAAA',
        guideId: 'gSfaxAAAAAAAAA',
        role: 'reviewer',
        tokenHash: 'a'.repeat(64),
        multiUse: true,
        expiresAt: '2099-01-01T00:00:00.000Z',
        revokedAt: null,
        uses: 0,
        createdBy: 'uNadiaAAAAAAAA',
        createdAt: at,
      },
    ],
    workflowEvents: [
      { id: 'wSfaxAAAAAAAAA', guideId: 'gSfaxAAAAAAAAA', sectionId: 'sSfax1AAAAAAAA', from: 'draft', to: 'review', actorId: 'uKarimAAAAAAAA', note: null, createdAt: at, snapshotId: null },
    ],
    threads: [
      {
        id: 'tSfaxAAAAAAAAA',
        guideId: 'gSfaxAAAAAAAAA',
        sectionId: 'sSfax2AAAAAAAA',
        status: 'open',
        quote: 'la société civile',
        detached: true,
        createdBy: 'uKarimAAAAAAAA',
        createdAt: at,
        updatedAt: at,
        resolvedBy: null,
        resolvedAt: null,
        messages: [{ id: 'mSfaxAAAAAAAAA', authorId: 'uKarimAAAAAAAA', body: 'Citer les associations de quartier ?', mentions: ['uNadiaAAAAAAAA'], createdAt: at, editedAt: null, deletedAt: null }],
      },
    ],
    notifications: [
      { id: 'nNadiaAAAAAAAA', userId: 'uNadiaAAAAAAAA', guideId: 'gSfaxAAAAAAAAA', sectionId: 'sSfax2AAAAAAAA', threadId: 'tSfaxAAAAAAAAA', kind: 'mention', actorId: 'uKarimAAAAAAAA', note: null, createdAt: at, readAt: null },
    ],
  };
}

const readJson = (path: string) => JSON.parse(readFileSync(path, 'utf8')) as Record<string, unknown>;
const guideFile = (dataDir: string, guideId: string) => join(dataDir, 'metadata', 'guides', `${guideId}.json`);

describe('metadata files', () => {
  it('opens a data dir of the single-file layout: a killed earlier attempt is discarded, everything is there, each guide gets its own file', async () => {
    const dir = tempDir();
    try {
      writeFileSync(join(dir.path, 'metadata.json'), JSON.stringify(await legacyMetadata()));
      // what a migration killed half-way leaves: a partial staging dir beside the untouched old file
      mkdirSync(join(dir.path, 'metadata.migrating', 'guides'), { recursive: true });
      writeFileSync(join(dir.path, 'metadata.migrating', 'guides', 'gSfaxAAAAAAAAA.json'), '{"trunc');

      const server = await spawnServer(dir.path);
      try {
        expect(existsSync(join(dir.path, 'metadata.json'))).toBe(false);
        expect(existsSync(join(dir.path, 'metadata.migrating'))).toBe(false);
        expect(readdirSync(join(dir.path, 'metadata', 'guides')).sort()).toEqual(['gGabesAAAAAAAA.json', 'gSfaxAAAAAAAAA.json']);
        const sfaxFile = readJson(guideFile(dir.path, 'gSfaxAAAAAAAAA'));
        expect((sfaxFile.sections as Array<{ id: string }>).map((s) => s.id)).toEqual(['sSfax1AAAAAAAA', 'sSfax2AAAAAAAA']);
        expect(readJson(join(dir.path, 'metadata', 'threads', 'gSfaxAAAAAAAAA.json')).threads).toHaveLength(1);
        expect(readJson(join(dir.path, 'metadata', 'workflow', 'gSfaxAAAAAAAAA.json')).workflowEvents).toHaveLength(1);
        expect(readdirSync(join(dir.path, 'metadata', 'threads'))).toEqual(['gSfaxAAAAAAAAA.json']);
        expect(readJson(join(dir.path, 'metadata', 'notifications', 'uNadiaAAAAAAAA.json')).notifications).toHaveLength(1);

        const nadia = new Api(server.url);
        await nadia.login('nadia@test.dalil.tn', TEST_PASSWORD);
        const guide = await nadia.getGuide('gSfaxAAAAAAAAA');
        expect(guide.sections.map((s) => [s.title, s.status, s.wordCount])).toEqual([
          ['Le budget participatif', 'review', 0],
          ['Les acteurs', 'draft', 0],
        ]);
        const threads = await nadia.ok<ThreadView[]>('GET', '/api/guides/gSfaxAAAAAAAAA/threads');
        expect(threads.map((t) => t.messages.map((m) => m.body))).toEqual([['Citer les associations de quartier ?']]);
        const workflow = await nadia.ok<SectionWorkflowView>('GET', '/api/guides/gSfaxAAAAAAAAA/sections/sSfax1AAAAAAAA/workflow');
        expect(workflow.history.map((e) => e.to)).toEqual(['review']);
        const news = await nadia.ok<NotificationsView>('GET', '/api/me/notifications');
        expect(news.items.map((n) => n.kind)).toEqual(['mention']);
        const invitations = await nadia.ok<unknown[]>('GET', '/api/guides/gSfaxAAAAAAAAA/invitations');
        expect(invitations).toHaveLength(1);
        // Nadia is no member of Gabès; Karim coordinates it
        expect((await nadia.request('GET', '/api/guides/gGabesAAAAAAAA')).status).toBe(403);
        const karim = new Api(server.url);
        await karim.login('karim@test.dalil.tn', TEST_PASSWORD);
        expect((await karim.ok<GuideView[]>('GET', '/api/guides')).map((g) => g.title).sort()).toEqual(['Guide de Gabès', 'Guide de Sfax']);
      } finally {
        server.child.kill('SIGTERM');
        await server.exited;
      }
    } finally {
      dir.remove();
    }
  });

  it('a migration stopped at any point leaves the data whole: staging dir, renamed layout, records of no guide', async () => {
    const dir = tempDir();
    try {
      const legacy = await legacyMetadata();
      // killed after the rename, before the old file went: the new layout stands, the old file goes
      writeFileSync(join(dir.path, 'metadata.json'), JSON.stringify(legacy));
      expect(await migrateSingleFileMetadata(dir.path)).toBe(true);
      const migrated = readFileSync(guideFile(dir.path, 'gSfaxAAAAAAAAA'), 'utf8');
      writeFileSync(join(dir.path, 'metadata.json'), JSON.stringify({ ...legacy, guides: [] }));
      expect(await migrateSingleFileMetadata(dir.path)).toBe(false);
      expect(existsSync(join(dir.path, 'metadata.json'))).toBe(false);
      expect(readFileSync(guideFile(dir.path, 'gSfaxAAAAAAAAA'), 'utf8')).toBe(migrated);

      // a metadata.json that was not migrated into it (put back by hand) is refused, not deleted
      const stranger = { ...legacy, guides: [...legacy.guides, { ...legacy.guides[0]!, id: 'gOtherAAAAAAAA' }] };
      writeFileSync(join(dir.path, 'metadata.json'), JSON.stringify(stranger));
      await expect(migrateSingleFileMetadata(dir.path)).rejects.toThrow(/both layouts are present/);
      expect(JSON.parse(readFileSync(join(dir.path, 'metadata.json'), 'utf8'))).toEqual(stranger);

      // a record that belongs to no guide has nowhere to go: nothing changes, the old file stays
      const other = tempDir();
      try {
        const orphaned = { ...legacy, sections: [...legacy.sections, { ...legacy.sections[0]!, id: 'sLostAAAAAAAAA', guideId: 'gGoneAAAAAAAAA' }] };
        writeFileSync(join(other.path, 'metadata.json'), JSON.stringify(orphaned));
        await expect(migrateSingleFileMetadata(other.path)).rejects.toThrow(MetadataMigrationError);
        expect(readdirSync(other.path)).toEqual(['metadata.json']);
        expect(JSON.parse(readFileSync(join(other.path, 'metadata.json'), 'utf8'))).toEqual(orphaned);
      } finally {
        other.remove();
      }
    } finally {
      dir.remove();
    }
  });

  it('writes a change into the files of what it changed, and no other', async () => {
    const dir = tempDir();
    const server = await startServer({}, { dataDir: dir.path });
    try {
      const nadia = await createUser(server, 'Nadia');
      const karim = await createUser(server, 'Karim');
      const sfax = await nadia.api.createGuide('Guide de Sfax');
      const gabes = await nadia.api.createGuide('Guide de Gabès');
      await addMember(server, sfax.id, karim, 'author');
      const gabesBefore = readFileSync(guideFile(dir.path, gabes.id), 'utf8');
      const accountsBefore = readFileSync(join(dir.path, 'metadata', 'accounts.json'), 'utf8');

      const section = await nadia.api.createSection(sfax.id, 'Le budget participatif');
      // a comment and the notification of the person it mentions (the use case's two writes)
      await server.threads.create({ id: 'tSfaxOwnFileAA', guideId: sfax.id, sectionId: section.id, quote: 'le budget', authorId: karim.user.id, body: 'Qui vote le budget ?', mentions: [nadia.user.id] });
      await server.notifications.notify({ recipientIds: [nadia.user.id], actorId: karim.user.id, guideId: sfax.id, sectionId: section.id, threadId: 'tSfaxOwnFileAA', kind: 'mention' });
      await server.metadata.flush();

      const sfaxFile = readJson(guideFile(dir.path, sfax.id));
      expect((sfaxFile.sections as Array<{ title: string }>).map((s) => s.title)).toEqual(['Le budget participatif']);
      expect(sfaxFile.threads).toBeUndefined();
      const sfaxThreads = readJson(join(dir.path, 'metadata', 'threads', `${sfax.id}.json`));
      expect((sfaxThreads.threads as Array<{ messages: Array<{ body: string }> }>)[0]!.messages[0]!.body).toBe('Qui vote le budget ?');
      expect(existsSync(join(dir.path, 'metadata', 'threads', `${gabes.id}.json`))).toBe(false);
      expect(readFileSync(guideFile(dir.path, gabes.id), 'utf8')).toBe(gabesBefore);
      expect(readFileSync(join(dir.path, 'metadata', 'accounts.json'), 'utf8')).toBe(accountsBefore);
      const nadiaNews = readJson(join(dir.path, 'metadata', 'notifications', `${nadia.user.id}.json`));
      expect((nadiaNews.notifications as Array<{ kind: string }>).map((n) => n.kind)).toEqual(['mention']);
      expect(existsSync(join(dir.path, 'metadata', 'notifications', `${karim.user.id}.json`))).toBe(false);
      // no single-file metadata in a data dir this version made
      expect(readdirSync(dir.path)).not.toContain('metadata.json');
    } finally {
      await server.stop();
      dir.remove();
    }
  });

  it('backs up every metadata file and restores it as it was; an archive of the single-file layout restores and migrates', async () => {
    const dir = tempDir();
    try {
      const source = join(dir.path, 'source');
      const server = await startServer({}, { dataDir: source });
      let guideId: string;
      try {
        const nadia = await createUser(server, 'Nadia');
        const guide = await nadia.api.createGuide('Guide de Sfax');
        guideId = guide.id;
        const section = await nadia.api.createSection(guide.id, 'Le budget participatif');
        await server.threads.create({ id: 'tBackupAAAAAAA', guideId: guide.id, sectionId: section.id, quote: 'le budget', authorId: nadia.user.id, body: 'À relire.', mentions: [] });
        await server.notifications.notify({ recipientIds: [nadia.user.id], actorId: 'uSomeoneAAAAAA', guideId: guide.id, kind: 'mention' });
        await server.metadata.flush();
        await createBackup(source, join(dir.path, 'new.dalil'));
      } finally {
        await server.stop();
      }
      const restored = join(dir.path, 'restored');
      await restoreBackup(join(dir.path, 'new.dalil'), restored);
      const metadataFiles = (root: string) =>
        // an empty directory has nothing to archive; the server makes it again at start
        ['accounts.json', ...['guides', 'threads', 'workflow', 'notifications'].flatMap((sub) => (existsSync(join(root, 'metadata', sub)) ? readdirSync(join(root, 'metadata', sub)) : []).map((f) => `${sub}/${f}`))].sort();
      expect(metadataFiles(restored)).toEqual(metadataFiles(source));
      expect(metadataFiles(restored)).toEqual(expect.arrayContaining([`guides/${guideId}.json`, `threads/${guideId}.json`]));
      for (const file of metadataFiles(source)) {
        expect(readFileSync(join(restored, 'metadata', file), 'utf8'), file).toBe(readFileSync(join(source, 'metadata', file), 'utf8'));
      }

      // an archive an earlier version made: one metadata.json
      const old = join(dir.path, 'old');
      mkdirSync(old);
      writeFileSync(join(old, 'metadata.json'), JSON.stringify(await legacyMetadata()));
      await createBackup(old, join(dir.path, 'old.dalil'));
      const fromOld = join(dir.path, 'from-old');
      await restoreBackup(join(dir.path, 'old.dalil'), fromOld);
      const reopened = await startServer({}, { dataDir: fromOld });
      try {
        expect(reopened.guides.listGuides().map((g) => g.title).sort()).toEqual(['Guide de Gabès', 'Guide de Sfax']);
        expect(existsSync(join(fromOld, 'metadata.json'))).toBe(false);
      } finally {
        await reopened.stop();
      }
    } finally {
      dir.remove();
    }
  });

  it('kill -9 while changes are being written loses none that were acknowledged', async () => {
    const dir = tempDir();
    let server: ServerProcess | null = await spawnServer(dir.path, { DALIL_DEMO: '1', RATE_LIMIT_PER_MINUTE: '100000' });
    try {
      const api = new Api(server.url);
      await api.login(demoAccounts[0]!.email, DEMO_PASSWORD);
      const guides = [await api.createGuide('Guide A'), await api.createGuide('Guide B'), await api.createGuide('Guide C')];
      const acknowledged = new Map<string, string[]>(guides.map((g) => [g.id, []]));
      let stop = false;
      const writer = async (guideId: string, lane: number) => {
        for (let i = 0; i < 500 && !stop; i++) {
          const title = `Section ${lane}-${i}`;
          const res = await api.request('POST', `/api/guides/${guideId}/sections`, { title }).catch(() => null);
          if (res === null) return; // the server is gone
          if (res.status === 201 || res.status === 200) acknowledged.get(guideId)!.push(title);
        }
      };
      const lanes = guides.flatMap((g, k) => [writer(g.id, k * 2), writer(g.id, k * 2 + 1)]);
      // kill once a good number of changes were confirmed, with more in flight
      const deadline = Date.now() + 60_000;
      while ([...acknowledged.values()].reduce((n, a) => n + a.length, 0) < 60 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 10));
      server.child.kill('SIGKILL');
      await server.exited;
      stop = true;
      await Promise.all(lanes);
      const confirmed = [...acknowledged.values()].reduce((n, a) => n + a.length, 0);
      expect(confirmed).toBeGreaterThanOrEqual(60);

      server = await spawnServer(dir.path, { DALIL_DEMO: '1' });
      const after = new Api(server.url);
      await after.login(demoAccounts[0]!.email, DEMO_PASSWORD);
      for (const guide of guides) {
        const titles = new Set((await after.getGuide(guide.id)).sections.map((s) => s.title));
        const lost = acknowledged.get(guide.id)!.filter((t) => !titles.has(t));
        expect(lost).toEqual([]);
      }
    } finally {
      if (server && server.child.exitCode === null && server.child.signalCode === null) {
        server.child.kill('SIGTERM');
        await server.exited;
      }
      dir.remove();
    }
  });
});
