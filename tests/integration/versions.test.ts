import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readdirSync, readFileSync } from 'node:fs';
import { backupOf, serverFromBackup } from '../helpers/storeBackup.ts';
import { join } from 'node:path';
import * as Y from 'yjs';
import { SECTION_FRAGMENT, type SectionView } from '@dalil/shared';
import type { Comparison, RestoreResult, SectionContents, VersionList, VersionSummary, VersionView } from '@dalil/shared/api/versions.ts';
import { fragmentText } from '@dalil/shared/editor';
import { startServer, type TestServer } from '../helpers/inProcessServer.ts';
import { createGuideTeam, type GuideTeam } from '../helpers/guideTeam.ts';
import { connectClient, type YClient } from '../helpers/yClient.ts';
import { tempDir } from '../helpers/tempDir.ts';
import { Api } from '../helpers/api.ts';
import { barrier } from '../helpers/barrier.ts';
import { waitFor } from '../helpers/waitFor.ts';

function setParagraphs(fragment: Y.XmlFragment, texts: string[]): void {
  fragment.doc!.transact(() => {
    fragment.delete(0, fragment.length);
    fragment.insert(
      0,
      texts.map((t) => {
        const p = new Y.XmlElement('paragraph');
        p.insert(0, [new Y.XmlText(t)]);
        return p;
      }),
    );
  });
}

const layoutText = (layout: unknown): string => JSON.stringify(layout).match(/"text":"([^"]*)"/g)?.map((m) => m.slice(8, -1)).join('\n') ?? '';

describe('versions of a whole guide', () => {
  const dir = tempDir();
  let server: TestServer;
  let team: GuideTeam;
  let chapter: SectionView; // pure chapter heading: no text, two sub-sections
  let partA: SectionView;
  let partB: SectionView;
  const clients: YClient[] = [];
  const g = () => team.guide.id;
  const coordinator = () => team.byRole.coordinator.api;

  const open = (section: SectionView): YClient => {
    const c = connectClient(server.wsUrl, section.docName, { cookie: team.byRole.coordinator.cookie });
    clients.push(c);
    return c;
  };
  const write = async (section: SectionView, texts: string[]) => {
    const c = open(section);
    await c.synced();
    setParagraphs(c.fragment, texts);
    await barrier(c, () => server.registry.get(section.docName));
    c.destroy();
  };
  const createVersion = (kind: 'provisional' | 'final', label?: string) =>
    coordinator().request<VersionSummary & { sections?: Array<{ id: string; title: string; status: string }> }>('POST', `/api/guides/${g()}/versions`, { kind, label });
  const contentOf = async (versionId: string, sectionId: string) =>
    layoutText((await team.byRole.reader.api.ok<SectionContents>('GET', `/api/guides/${g()}/versions/${versionId}/content?ids=${sectionId}`)).sections[0]!.layout);
  const contentFiles = () => readdirSync(join(server.dataDir, 'versions', 'contents')).filter((f) => f.endsWith('.json'));
  const transition = (sectionId: string, to: string, who: 'coordinator' | 'reviewer' = 'coordinator') =>
    team.byRole[who].api.ok('POST', `/api/guides/${g()}/sections/${sectionId}/transitions`, { to });

  beforeAll(async () => {
    server = await startServer({ RATE_LIMIT_PER_MINUTE: '100000' }, { dataDir: dir.path });
    team = await createGuideTeam(server);
    chapter = await coordinator().createSection(g(), 'Chapitre 2');
    partA = await coordinator().ok('POST', `/api/guides/${g()}/sections`, { title: 'Partie A', parentId: chapter.id });
    partB = await coordinator().ok('POST', `/api/guides/${g()}/sections`, { title: 'Partie B', parentId: chapter.id });
    await write(team.section, ['Introduction du guide.']);
    await write(partA, ['Texte de la partie A.', 'Deuxième paragraphe.']);
    await write(partB, ['النص العربي للجزء ب.']);
  }, 180_000); // six accounts (scrypt) on a busy machine
  afterAll(async () => {
    clients.forEach((c) => c.destroy());
    await server.dispose();
    dir.remove();
  });

  let provisional: VersionSummary;
  it('a provisional version can be made any time; it records the sections not validated (a pure chapter heading needs no validation)', async () => {
    const res = await createVersion('provisional', 'Avant relecture');
    expect(res.status).toBe(201);
    provisional = res.body;
    expect(provisional).toMatchObject({ kind: 'provisional', label: 'Avant relecture', sectionCount: 4, notValidatedCount: 3 });
    const view = await team.byRole.reader.api.ok<VersionView>('GET', `/api/guides/${g()}/versions/${provisional.id}`);
    expect(view.sections.map((s) => [s.title, s.depth, s.status, s.needsValidation])).toEqual([
      ['Chapitre 1', 0, 'draft', true],
      ['Chapitre 2', 0, 'draft', false],
      ['Partie A', 1, 'draft', true],
      ['Partie B', 1, 'draft', true],
    ]);
    expect(new Set(view.notValidated)).toEqual(new Set([team.section.id, partA.id, partB.id]));
    const list = await team.byRole.reader.api.ok<VersionList>('GET', `/api/guides/${g()}/versions`);
    expect(list.versions.map((v) => [v.id, v.authorName, v.sectionCount])).toEqual([[provisional.id, 'Leila Coordinatrice', 4]]);
    // only the coordinator makes versions; everyone reads them
    expect((await team.byRole.author.api.request('POST', `/api/guides/${g()}/versions`, { kind: 'provisional' })).status).toBe(403);
    expect((await coordinator().request('POST', `/api/guides/${g()}/versions`, { kind: 'draft' })).status).toBe(400);
  });

  it('keeps its text after later edits and after a restart', async () => {
    await write(partA, ['Texte réécrit après la version.']);
    expect(await contentOf(provisional.id, partA.id)).toBe('Texte de la partie A.\nDeuxième paragraphe.');
    expect(await contentOf('current', partA.id)).toBe('Texte réécrit après la version.');
    clients.forEach((c) => c.destroy());
    await server.stop();
    server = await startServer({ RATE_LIMIT_PER_MINUTE: '100000' }, { dataDir: dir.path });
    // sessions survive the restart; only the port changed
    for (const user of Object.values(team.byRole)) {
      const api = new Api(server.url);
      api.cookie = user.api.cookie;
      api.csrfToken = user.api.csrfToken;
      user.api = api;
    }
    expect(await contentOf(provisional.id, partA.id)).toBe('Texte de la partie A.\nDeuxième paragraphe.');
    expect(await contentOf(provisional.id, partB.id)).toBe('النص العربي للجزء ب.');
    expect((await team.byRole.reader.api.ok<VersionList>('GET', `/api/guides/${g()}/versions`)).versions).toHaveLength(1);
  });

  it('a second version in which one section changed stores only that section’s content', async () => {
    const first = await createVersion('provisional');
    const before = new Set(contentFiles());
    await write(partB, ['النص العربي للجزء ب، بعد التعديل.']);
    const second = await createVersion('provisional');
    expect(first.status).toBe(201);
    expect(second.status).toBe(201);
    const added = contentFiles().filter((f) => !before.has(f));
    expect(added).toHaveLength(1);
    expect(JSON.parse(readFileSync(join(server.dataDir, 'versions', 'contents', added[0]!), 'utf8')).blocks).toEqual(['النص العربي للجزء ب، بعد التعديل.']);
  });

  it('compares two versions, and a version with today, section by section', async () => {
    const cmp = await team.byRole.reader.api.ok<Comparison>('GET', `/api/guides/${g()}/versions/compare?from=${provisional.id}&to=current`);
    const byTitle = Object.fromEntries(cmp.sections.map((s) => [s.title, s]));
    expect(byTitle['Chapitre 1']!.change).toBe('same');
    expect(byTitle['Partie A']!.change).toBe('changed');
    const partsA = byTitle['Partie A']!.blocks.flatMap((b) => b.parts);
    expect(partsA.filter((p) => p.change === 'removed').map((p) => p.text).join(' ')).toContain('Deuxième paragraphe.');
    expect(partsA.filter((p) => p.change === 'added').map((p) => p.text).join(' ')).toContain('réécrit');
    expect(byTitle['Partie B']!.change).toBe('changed');
    expect((await team.byRole.reader.api.request('GET', `/api/guides/${g()}/versions/compare?from=Vnope&to=current`)).status).toBe(404);
  });

  it('restores a section from a version as an ordinary update an open stock client receives', async () => {
    const watcher = open(partA);
    await watcher.synced();
    expect(fragmentText(watcher.fragment)).toBe('Texte réécrit après la version.');
    let closed = 0;
    watcher.provider.on('connection-close', () => (closed += 1));
    const updates: Uint8Array[] = [];
    watcher.doc.on('update', (u: Uint8Array) => updates.push(u));
    const res = await coordinator().ok<RestoreResult>('POST', `/api/guides/${g()}/versions/${provisional.id}/sections/${partA.id}/restore`);
    expect(res.changed).toBe(true);
    await waitFor('the open client received the restored text', () => fragmentText(watcher.fragment) === 'Texte de la partie A.\nDeuxième paragraphe.');
    expect(closed).toBe(0); // a live update on the open socket, not a reconnect or a reload
    expect(updates.length).toBeGreaterThan(0);
    // a new edit on top of the history: the rewritten text is still in the document's past
    const server0 = server.registry.get(partA.docName)!.doc;
    expect(fragmentText(server0.getXmlFragment(SECTION_FRAGMENT))).toBe('Texte de la partie A.\nDeuxième paragraphe.');
    expect(Y.encodeStateVector(server0)).toEqual(Y.encodeStateVector(watcher.doc));
    // the restored section is the version's again, content and all
    const after = await team.byRole.reader.api.ok<Comparison>('GET', `/api/guides/${g()}/versions/compare?from=${provisional.id}&to=current`);
    expect(after.sections.find((s) => s.id === partA.id)!.change).toBe('same');
    // the same restore again changes nothing
    expect((await coordinator().ok<RestoreResult>('POST', `/api/guides/${g()}/versions/${provisional.id}/sections/${partA.id}/restore`)).changed).toBe(false);
    expect((await team.byRole.author.api.request('POST', `/api/guides/${g()}/versions/${provisional.id}/sections/${partA.id}/restore`)).status).toBe(403);
  });

  it('final is refused with the list of sections not validated; then holds exactly the approved snapshots', async () => {
    await transition(team.section.id, 'review');
    const refused = await createVersion('final');
    expect(refused.status).toBe(409);
    expect(refused.body).toMatchObject({ error: 'sections_not_validated' });
    expect(refused.body.sections!.map((s) => [s.title, s.status])).toEqual([
      ['Chapitre 1', 'review'],
      ['Partie A', 'draft'],
      ['Partie B', 'draft'],
    ]);
    for (const s of [partA, partB]) await transition(s.id, 'review');
    for (const s of [team.section, partA, partB]) await transition(s.id, 'validated', 'reviewer');
    // restore is refused on a validated section until it is reopened
    expect((await coordinator().request('POST', `/api/guides/${g()}/versions/${provisional.id}/sections/${partB.id}/restore`)).status).toBe(409);

    const final = await createVersion('final', 'Version finale');
    expect(final.status).toBe(201);
    expect(final.body).toMatchObject({ kind: 'final', notValidatedCount: 0 });
    const manifest = (await server.versions.findVersion(g(), final.body.id))!;
    for (const s of [team.section, partA, partB]) {
      const frozen = manifest.sections.find((x) => x.id === s.id)!;
      const snapshotId = server.workflow.lastValidation(g(), s.id)!.snapshotId!;
      expect(frozen.snapshotId).toBe(snapshotId);
      const approved = readFileSync(join(server.dataDir, 'snapshots', s.id, `${snapshotId}.json`));
      expect(Buffer.compare(await server.versions.contentBytes(frozen.contentHash), approved)).toBe(0);
    }
  });

  // in the PostgreSQL run: the database's backup and restore (same archive format)
  it('backup and restore carry the versions', async () => {
    const archive = join(tempDir().path, 'dalil.backup');
    await backupOf(server, archive);
    const target = tempDir();
    const restored = await serverFromBackup(archive, target.path);
    try {
      const listed = await restored.versions.listVersions(g());
      expect(listed.map((v) => v.id)).toEqual((await server.versions.listVersions(g())).map((v) => v.id));
      expect(listed).toHaveLength(4);
      const first = listed.find((v) => v.id === provisional.id)!;
      const partAContent = await restored.versions.content(first.sections.find((s) => s.id === partA.id)!.contentHash);
      expect(partAContent.blocks).toEqual(['Texte de la partie A.', 'Deuxième paragraphe.']);
    } finally {
      await restored.dispose();
      target.remove();
    }
  });
});
