import { afterAll, describe, expect, it } from 'vitest';
import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import * as Y from 'yjs';
import type { GuideSummary, GuideView } from '@dalil/shared';
import { isSnapshotCovered } from '@dalil/shared';
import { encodeBackupArchive } from '@dalil/server/backup/backupArchive.ts';
import { restoreBackup } from '@dalil/server/backup/restoreBackup.ts';
import { spawnServer, type ServerProcess } from '../helpers/serverProcess.ts';
import { Api } from '../helpers/api.ts';
import { killIfRunning, spawnDemoServer } from '../helpers/demoServer.ts';
import { connectClient, type YClient } from '../helpers/yClient.ts';
import { trackSaved } from '../helpers/savedTracker.ts';
import { runAdmin } from '../helpers/adminCli.ts';
import { docOnDisk } from '../helpers/docOnDisk.ts';
import { tempDir } from '../helpers/tempDir.ts';
import { sleep, waitFor } from '../helpers/waitFor.ts';

interface Writer {
  client: YClient;
  saved: ReturnType<typeof trackSaved>;
  paragraph: Y.XmlText;
  tokens: Array<{ text: string; clock: number }>;
}

/** Each writer appends unique tokens to its own paragraph of the section's rich text. */
function startWriter(client: YClient): Writer {
  const saved = trackSaved(client.provider);
  const paragraph = new Y.XmlText();
  const element = new Y.XmlElement('paragraph');
  element.insert(0, [paragraph]);
  client.fragment.push([element]);
  return { client, saved, paragraph, tokens: [] };
}

function writeToken(w: Writer, text: string, padding = ''): void {
  w.paragraph.insert(w.paragraph.length, text + padding);
  w.tokens.push({ text, clock: Y.getState(w.client.doc.store, w.client.doc.clientID) });
}

const confirmedTokens = (w: Writer) => {
  const last = w.saved.last();
  return w.tokens.filter((t) => last !== null && (last.sv.get(w.client.doc.clientID) ?? 0) >= t.clock).map((t) => t.text);
};

function flipByte(bytes: Uint8Array, at: number): Uint8Array {
  const copy = new Uint8Array(bytes);
  copy[at] = copy[at]! ^ 0x5a;
  return copy;
}

const tokenPattern = /\{w\d+n\d+\}/g;

/** Guides and sections as the API shows them, without the fields the server recomputes later. */
async function structure(api: Api) {
  const guides = await api.ok<GuideSummary[]>('GET', '/api/guides');
  const views = await Promise.all(guides.map((g) => api.ok<GuideView>('GET', `/api/guides/${g.id}`)));
  return views
    .map((g) => ({
      id: g.id,
      title: g.title,
      language: g.language,
      sections: g.sections.map(({ id, title, parentId, position, status, docName, authorIds, reviewerIds }) => ({
        id,
        title,
        parentId,
        position,
        status,
        docName,
        authorIds,
        reviewerIds,
      })),
    }))
    .sort((a, b) => a.id.localeCompare(b.id));
}

async function contentThrough(server: ServerProcess, cookie: string, docName: string): Promise<string> {
  const client = connectClient(server.wsUrl, docName, { cookie });
  try {
    await client.synced();
    return client.fragment.toJSON();
  } finally {
    client.destroy();
  }
}

describe('backup of a running server, restore into an empty data dir', () => {
  const dir = tempDir('dalil-backup-');
  const servers: ServerProcess[] = [];
  afterAll(async () => {
    for (const s of servers) await killIfRunning(s);
    dir.remove();
  });

  it('archives what was saved while edits and compactions run; the restored server serves the same guides and text; bad archives change nothing', async () => {
    const live = join(dir.path, 'live');
    const { server, api, cookie } = await spawnDemoServer(live);
    servers.push(server);
    const guide = await api.createGuide('Guide sauvegardé');
    const a = await api.createSection(guide.id, 'Chapitre A');
    const b = await api.createSection(guide.id, 'Sous-chapitre B', a.id);
    const c = await api.createSection(guide.id, 'Chapitre C (gros)');
    // A validated section: its approved version lives in snapshots/, outside metadata and docs.
    const d = await api.createSection(guide.id, 'Chapitre D (validé)');
    const author = connectClient(server.wsUrl, d.docName, { cookie });
    await author.synced();
    const authorWriter = startWriter(author);
    writeToken(authorWriter, 'Texte validé');
    await waitFor('validated text saved', () => authorWriter.saved.last() && isSnapshotCovered(Y.snapshot(author.doc), authorWriter.saved.last()!));
    author.destroy();
    await api.ok('POST', `/api/guides/${guide.id}/sections/${d.id}/transitions`, { to: 'review' });
    await api.ok('POST', `/api/guides/${guide.id}/sections/${d.id}/transitions`, { to: 'validated' });
    const workflowPath = `/api/guides/${guide.id}/sections/${d.id}/workflow`;
    const workflowBefore = await api.ok('GET', workflowPath);
    // the submitted text and the approved text, each as Yjs state + layout JSON
    expect(readdirSync(join(live, 'snapshots', d.id))).toHaveLength(4);

    const writers: Writer[] = [];
    for (const section of [a, a, b, b, c]) {
      const client = connectClient(server.wsUrl, section.docName, { cookie });
      await client.synced();
      writers.push(startWriter(client));
    }
    // Section C also gets 2 KB blocks quickly, so its log passes the 256 KiB compaction threshold
    // and snapshots are replaced while backups read them.
    const filler = 'x'.repeat(2048);
    let n = 0;
    const timers = writers.map((w, i) =>
      setInterval(() => writeToken(w, `{w${i}n${n++}}`, i === 4 ? filler : ''), i === 4 ? 6 : 12),
    );
    const stopWriting = () => timers.forEach(clearInterval);

    try {
      // Let the storm build up (its length proves nothing), then make sure every writer has had
      // something confirmed saved: a busy CI machine can take longer than any fixed sleep for that.
      await sleep(1500);
      await waitFor('every writer has tokens confirmed saved', () => writers.every((w) => confirmedTokens(w).length > 0), { timeoutMs: 20_000 });
      const inFlight: Array<{ file: string; confirmedBefore: Map<string, string[]>; sentBeforeEnd: Set<string>; ms: number; size: number }> = [];
      for (let i = 0; i < 2; i++) {
        const confirmedBefore = new Map(writers.map((w, k) => [`w${k}`, confirmedTokens(w)]));
        expect([...confirmedBefore.values()].every((tokens) => tokens.length > 0), 'every writer had saved tokens').toBe(true);
        const file = join(dir.path, `in-flight-${i}.dalil`);
        const result = await runAdmin(live, ['backup', file]);
        expect(result.stderr, result.stdout).toBe('');
        expect(result.code).toBe(0);
        expect(result.stdout).toMatch(/written to .*: \d+ documents/);
        inFlight.push({
          file,
          confirmedBefore,
          sentBeforeEnd: new Set(writers.flatMap((w) => w.tokens.map((t) => t.text))),
          ms: result.ms,
          size: statSync(file).size,
        });
        await sleep(400);
      }
      // Section C's compaction happens during the storm, at its own pace: keep writing until it has.
      await waitFor('section C compacted during the storm', () => existsSync(join(live, 'docs', `${c.docName}.ydoc`)), { timeoutMs: 30_000 });
      stopWriting();
      // The backup took no lock: the server still owns the data dir and keeps serving.
      expect(readFileSync(join(live, 'dalil.lock'), 'utf8').trim()).toBe(String(server.child.pid));

      // In-flight archives: everything confirmed saved before the backup started is in them, every
      // token in them was really sent, and none twice.
      for (const [i, backup] of inFlight.entries()) {
        const target = join(dir.path, `restored-in-flight-${i}`);
        // The CLI's own restore path runs below; here its function, to save a process start per archive.
        await restoreBackup(backup.file, target);
        for (const section of [a, b, c]) {
          const { doc, warnings } = await docOnDisk(target, section.docName);
          expect(warnings, 'restored logs are cut at whole records').toEqual([]);
          const text = doc.getXmlFragment('default').toString();
          const found: string[] = text.match(tokenPattern) ?? [];
          expect(new Set(found).size, `no duplicated token in ${section.title}`).toBe(found.length);
          expect(found.filter((t) => !backup.sentBeforeEnd.has(t))).toEqual([]);
          writers.forEach((w, k) => {
            if (w.client.provider.roomname !== section.docName) return;
            expect(backup.confirmedBefore.get(`w${k}`)!.filter((t) => !found.includes(t))).toEqual([]);
          });
        }
      }

      // A backup once everything is saved must restore to exactly what the clients have.
      for (const w of writers) {
        await waitFor('every edit confirmed saved', () => w.saved.last() && isSnapshotCovered(Y.snapshot(w.client.doc), w.saved.last()!));
      }
      const quiet = join(dir.path, 'quiet.dalil');
      const quietRun = await runAdmin(live, ['backup', quiet]);
      expect(quietRun.code).toBe(0);
      const structureBefore = await structure(api);
      const allDocs = structureBefore.flatMap((g) => g.sections.map((s) => s.docName));
      const contentBefore = new Map<string, string>();
      for (const docName of allDocs) contentBefore.set(docName, await contentThrough(server, cookie, docName));
      for (const w of writers) expect(contentBefore.get(w.client.provider.roomname)).toBe(w.client.fragment.toJSON());

      const restoredDir = join(dir.path, 'restored');
      mkdirSync(restoredDir); // an existing empty dir is fine
      const restoreRun = await runAdmin(restoredDir, ['restore', quiet]);
      expect(restoreRun.stderr).toBe('');
      expect(restoreRun.code).toBe(0);
      const restoredServer = await spawnServer(restoredDir);
      servers.push(restoredServer);
      // Same cookie: sessions and the session secret came back too.
      const restoredApi = new Api(restoredServer.url);
      restoredApi.cookie = cookie;
      expect(await structure(restoredApi)).toEqual(structureBefore);
      for (const docName of allDocs) expect(await contentThrough(restoredServer, cookie, docName), docName).toBe(contentBefore.get(docName));
      expect(restoredServer.output()).not.toMatch(/"level":(50|60)/);
      expect(await restoredApi.ok('GET', workflowPath)).toEqual(workflowBefore);
      for (const file of readdirSync(join(live, 'snapshots', d.id))) {
        expect(readFileSync(join(restoredDir, 'snapshots', d.id, file)).equals(readFileSync(join(live, 'snapshots', d.id, file))), file).toBe(true);
      }

      // Refusals: each leaves the target exactly as it was. The first two go through the CLI.
      const archive = readFileSync(quiet);
      const refusals: Array<[string, Uint8Array, RegExp, 'cli' | 'function']> = [
        ['corrupted byte', flipByte(archive, archive.length >> 1), /corrupt/, 'cli'],
        ['truncated', archive.subarray(0, archive.length - 200), /truncated|corrupt/, 'cli'],
        ['not a backup', Buffer.from('{"guides": []}'), /not a Dalil backup/, 'function'],
        ['path escaping the data dir', await encodeBackupArchive([{ path: '../escaped', data: Buffer.from('x') }], new Date()), /path that is not allowed: "\.\.\/escaped"/, 'function'],
        ['absolute path', await encodeBackupArchive([{ path: '/tmp/absolute', data: Buffer.from('x') }], new Date()), /path that is not allowed/, 'function'],
      ];
      for (const [what, bytes, message, via] of refusals) {
        const file = join(dir.path, `bad-${what.replace(/\W+/g, '-')}.dalil`);
        writeFileSync(file, bytes);
        const target = join(dir.path, `target-${what.replace(/\W+/g, '-')}`);
        mkdirSync(target);
        if (via === 'cli') {
          const run = await runAdmin(target, ['restore', file]);
          expect(run.code, what).not.toBe(0);
          expect(run.stderr.trim().split('\n'), `${what}: one clear line`).toHaveLength(1);
          expect(run.stderr, what).toMatch(/^admin: restore refused, nothing was written: /);
          expect(run.stderr, what).toMatch(message);
        } else {
          await expect(restoreBackup(file, target), what).rejects.toThrow(message);
        }
        expect(readdirSync(target), `${what}: target untouched`).toEqual([]);
        expect(readdirSync(dir.path).filter((f) => f.includes('restore-')), 'no temp dir left').toEqual([]);
      }
      expect(existsSync(join(dir.path, 'escaped'))).toBe(false);

      restoredServer.child.kill('SIGTERM');
      expect((await restoredServer.exited).code).toBe(0);
      const before = readdirSync(restoredDir).sort();
      const intoUsed = await runAdmin(restoredDir, ['restore', quiet]);
      expect(intoUsed.code).not.toBe(0);
      expect(intoUsed.stderr).toMatch(/is not empty .*restore only fills an empty data dir/);
      expect(readdirSync(restoredDir).sort()).toEqual(before);

      const overwrite = await runAdmin(live, ['backup', quiet]);
      expect(overwrite.code).not.toBe(0);
      expect(overwrite.stderr).toMatch(/already exists/);

      // A file the backup does not know (a newer server's?) stops it rather than go missing silently.
      writeFileSync(join(live, 'docs', 'notes.txt'), 'x');
      const unknownRun = await runAdmin(live, ['backup', join(dir.path, 'unknown.dalil')]);
      expect(unknownRun.code).not.toBe(0);
      expect(unknownRun.stderr).toMatch(/^admin: backup failed: .*files this backup does not know \(docs\/notes\.txt\)/);
      expect(existsSync(join(dir.path, 'unknown.dalil'))).toBe(false);

      console.log(
        `backup/restore: ${writers.reduce((s, w) => s + w.tokens.length, 0)} tokens; in-flight backups ` +
          inFlight.map((x) => `${x.size} B in ${x.ms} ms`).join(', ') +
          `; quiet backup ${archive.length} B in ${quietRun.ms} ms, restore ${restoreRun.ms} ms`,
      );
    } finally {
      stopWriting();
      writers.forEach((w) => w.client.destroy());
    }
  }, 300_000);
});
