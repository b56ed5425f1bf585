import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type TestServer } from '../helpers/inProcessServer.ts';
import { createGuideTeam, type GuideTeam } from '../helpers/guideTeam.ts';
import { createUser } from '../helpers/accounts.ts';
import { Api } from '../helpers/api.ts';
import { TEST_PASSWORD } from '../helpers/accounts.ts';
import { connectClient, type YClient } from '../helpers/yClient.ts';
import { waitFor } from '../helpers/waitFor.ts';
import { PostgresCluster } from '../helpers/postgres/postgresCluster.ts';
import { RedisServer } from '../helpers/redis/redisServer.ts';
import { getImage, uploadImageFile } from '../helpers/imageUpload.ts';
import { smallPng } from '../helpers/testImages.ts';
import { tempDir } from '../helpers/tempDir.ts';

const closeCodes = (client: YClient): number[] => {
  const codes: number[] = [];
  client.provider.on('connection-close', (event: CloseEvent | null) => codes.push(event?.code ?? 0));
  return codes;
};

/** Two nodes on one PostgreSQL, joined by one Redis; clients on each. */
describe('two nodes joined by Redis', () => {
  let postgres: PostgresCluster;
  let redis: RedisServer;
  let a: TestServer;
  let b: TestServer;
  let team: GuideTeam;
  const filesDir = tempDir();
  const clients: YClient[] = [];
  const open = (node: TestServer, cookie: string, docName = team.section.docName) => {
    const client = connectClient(node.wsUrl, docName, { cookie });
    clients.push(client);
    return client;
  };
  const serverText = (node: TestServer, docName = team.section.docName) => node.registry.get(docName)?.doc.getText('text').toString();

  beforeAll(async () => {
    [postgres, redis] = await Promise.all([PostgresCluster.create(), RedisServer.create()]);
    const url = await postgres.createDatabase('two_nodes');
    // images, versions and approved snapshots: one directory both nodes share
    const env = { DATABASE_URL: url, REDIS_URL: redis.url, RATE_LIMIT_PER_MINUTE: '100000', FILES_DIR: filesDir.path };
    a = await startServer(env);
    b = await startServer(env);
    // made on A: B knows the accounts, sessions and guide through the records A publishes
    team = await createGuideTeam(a);
  }, 120_000);
  afterAll(async () => {
    for (const c of clients) c.destroy();
    await Promise.allSettled([a?.dispose(), b?.dispose()]);
    await Promise.allSettled([postgres?.destroy(), redis?.destroy()]);
    filesDir.remove();
  });

  it('clients on each node converge on the same section, and see each other’s presence', async () => {
    const onA = open(a, team.byRole.author.cookie);
    const onB = open(b, team.byRole.coordinator.cookie);
    await Promise.all([onA.synced(), onB.synced()]);
    for (let i = 0; i < 30; i++) {
      onA.text.insert(onA.text.length, `a${i};`);
      onB.text.insert(0, `b${i};`);
    }
    await waitFor('both clients converged', () => (onA.text.toString().match(/[ab]\d+;/g) ?? []).length === 60 && onA.text.toString() === onB.text.toString(), { timeoutMs: 15_000 });
    await waitFor('both nodes hold the same text', () => serverText(a) === onA.text.toString() && serverText(b) === onA.text.toString());
    onA.provider.awareness.setLocalStateField('cursor', { anchor: 3 });
    // the server puts the account's name in presence, whatever the client says
    await waitFor('presence crossed nodes', () => (onB.provider.awareness.getStates().get(onA.provider.awareness.clientID)?.user as { name?: string } | undefined)?.name === 'Karim Auteur');
    onA.destroy();
    onB.destroy();
  });

  it('a lock made on node A holds for sockets on node B', async () => {
    const author = open(b, team.byRole.author.cookie);
    await author.synced();
    author.text.insert(author.text.length, ' avant la relecture.');
    await waitFor('edit reached node A', () => serverText(a)?.includes('avant la relecture.') ?? false);
    const codes = closeCodes(author);
    await team.byRole.coordinator.api.ok('POST', `/api/guides/${team.guide.id}/sections/${team.section.id}/transitions`, { to: 'review' });
    await waitFor('node B closed the socket for a resync (4000)', () => codes.includes(4000));
    await waitFor('author reconnected to B', () => author.provider.wsconnected && author.provider.synced);
    const before = serverText(b);
    author.text.insert(0, 'PENDANT LA RELECTURE ');
    // the update reached B (its awareness heartbeat proves the socket works) and was dropped there
    const marker = open(b, team.byRole.coordinator.cookie);
    await marker.synced();
    await waitFor('the marker has the text', () => marker.text.toString() === before);
    expect(serverText(b)).toBe(before);
    expect(author.text.toString()).toContain('PENDANT LA RELECTURE');
    expect(marker.text.toString()).not.toContain('PENDANT LA RELECTURE');
    await team.byRole.coordinator.api.ok('POST', `/api/guides/${team.guide.id}/sections/${team.section.id}/transitions`, { to: 'draft', note: 'Retour en rédaction.' });
  });

  it('a role change and a removal made on node A close the member’s sockets on node B', async () => {
    const reader = open(b, team.byRole.reader.cookie);
    const contributor = open(b, team.byRole.contributor.cookie);
    await Promise.all([reader.synced(), contributor.synced()]);
    const readerCodes = closeCodes(reader);
    const contributorCodes = closeCodes(contributor);
    await team.byRole.coordinator.api.ok('PATCH', `/api/guides/${team.guide.id}/members/${team.byRole.contributor.user.id}`, { role: 'reader' });
    await waitFor('role change reached B (4000)', () => contributorCodes.includes(4000));
    await team.byRole.coordinator.api.ok('DELETE', `/api/guides/${team.guide.id}/members/${team.byRole.reader.user.id}`);
    await waitFor('removal reached B (4409)', () => readerCodes.includes(4409));
    reader.provider.disconnect();
  });

  it('the same guide changed on both nodes at once: every acknowledged change is kept, every refused one is absent, both nodes agree', async () => {
    const { guide } = await team.byRole.coordinator.api.guideWithSection();
    const onB = new Api(b.url);
    onB.cookie = team.byRole.coordinator.cookie;
    onB.csrfToken = team.byRole.coordinator.api.csrfToken;
    const results: Array<{ title: string; status: number }> = [];
    const writer = async (api: Api, node: string) => {
      for (let i = 0; i < 25; i++) {
        const title = `${node}-${i}`;
        const res = await api.request('POST', `/api/guides/${guide.id}/sections`, { title });
        results.push({ title, status: res.status });
      }
    };
    await Promise.all([writer(team.byRole.coordinator.api, 'A'), writer(team.byRole.coordinator.api, 'A2'), writer(onB, 'B'), writer(onB, 'B2')]);
    expect(results.filter((r) => r.status !== 201 && r.status !== 409)).toEqual([]);
    const kept = results.filter((r) => r.status === 201).map((r) => r.title).sort();
    expect(kept.length).toBeGreaterThan(0);
    const titles = async (api: Api) => (await api.getGuide(guide.id)).sections.map((s) => s.title).filter((t) => /^(A|A2|B|B2)-\d+$/.test(t)).sort();
    await waitFor('both nodes list exactly the acknowledged sections', async () => {
      const [onA, onBTitles] = [await titles(team.byRole.coordinator.api), await titles(onB)];
      return JSON.stringify(onA) === JSON.stringify(kept) && JSON.stringify(onBTitles) === JSON.stringify(kept);
    });
  });

  it('an image uploaded on node A is readable on node B at once; uploads on both nodes to one guide are all kept', async () => {
    const onB = new Api(b.url);
    onB.cookie = team.byRole.coordinator.cookie;
    onB.csrfToken = team.byRole.coordinator.api.csrfToken;
    const colours = ['#c33', '#3c3', '#33c', '#cc3'];
    // B has looked for an image of this guide before: nothing it keeps may hide the new ones
    expect((await getImage(onB, `/api/guides/${team.guide.id}/images/${'0'.repeat(64)}`)).status).toBe(404);
    const uploads = await Promise.all(colours.map(async (colour, i) => uploadImageFile(i % 2 === 0 ? team.byRole.coordinator.api : onB, team.guide.id, await smallPng(colour))));
    expect(uploads.map((u) => u.status)).toEqual([201, 201, 201, 201]);
    for (const upload of uploads) {
      for (const api of [team.byRole.coordinator.api, onB]) expect((await getImage(api, `/api/guides/${team.guide.id}/images/${upload.body.id}`)).status).toBe(200);
    }
  });

  it('a version made on node A is listed and readable on node B at once', async () => {
    const onB = new Api(b.url);
    onB.cookie = team.byRole.coordinator.cookie;
    onB.csrfToken = team.byRole.coordinator.api.csrfToken;
    // B has read the list before: nothing it keeps may hide the new version
    await onB.ok('GET', `/api/guides/${team.guide.id}/versions`);
    const made = await team.byRole.coordinator.api.ok<{ id: string }>('POST', `/api/guides/${team.guide.id}/versions`, { kind: 'provisional', label: 'Sur A' });
    const { versions } = await onB.ok<{ versions: Array<{ id: string; label: string | null }> }>('GET', `/api/guides/${team.guide.id}/versions`);
    expect(versions.map((v) => v.id)).toContain(made.id);
    expect((await onB.request('GET', `/api/guides/${team.guide.id}/versions/${made.id}`)).status).toBe(200);
  });

  it('a logout on node A closes that session’s sockets on node B', async () => {
    const user = await createUser(a, 'Sami Déconnexion');
    const session = new Api(b.url);
    await session.login(user.user.email, TEST_PASSWORD);
    const { section } = await session.guideWithSection();
    const client = open(b, session.cookie!, section.docName);
    await client.synced();
    const codes = closeCodes(client);
    const onA = new Api(a.url);
    onA.cookie = session.cookie;
    onA.csrfToken = session.csrfToken;
    expect((await onA.request('POST', '/api/auth/logout')).status).toBe(204);
    await waitFor('logout on A closed the socket on B (4401)', () => codes.includes(4401));
    client.provider.disconnect();
  });

  it('a lock made on node A while Redis is away holds on node B once the link is back', async () => {
    const { guide, section } = await team.byRole.coordinator.api.guideWithSection();
    const onB = open(b, team.byRole.coordinator.cookie, section.docName);
    await onB.synced();
    onB.text.insert(0, 'Texte soumis.');
    await waitFor('edit stored', () => serverText(b, section.docName) === 'Texte soumis.');
    const codes = closeCodes(onB);
    await redis.stop();
    // the event announcing the lock is lost with Redis; the record is in the database
    await team.byRole.coordinator.api.ok('POST', `/api/guides/${guide.id}/sections/${section.id}/transitions`, { to: 'review' });
    await redis.start();
    await waitFor('node B applied the lock after catching up (4000)', () => codes.includes(4000), { timeoutMs: 30_000 });
    await waitFor('reconnected', () => onB.provider.wsconnected && onB.provider.synced);
    onB.text.insert(0, 'APRÈS LE VERROU ');
    const check = open(b, team.byRole.coordinator.cookie, section.docName);
    await check.synced();
    expect(check.text.toString()).toBe('Texte soumis.');
    expect(serverText(b, section.docName)).toBe('Texte soumis.');
  });

  it('Redis stopped and started mid-storm: each node keeps serving its clients; they converge once it is back', async () => {
    const { section } = await team.byRole.coordinator.api.guideWithSection();
    const onA = open(a, team.byRole.coordinator.cookie, section.docName);
    const onB = open(b, team.byRole.coordinator.cookie, section.docName);
    const alsoOnA = open(a, team.byRole.coordinator.cookie, section.docName);
    await Promise.all([onA.synced(), onB.synced(), alsoOnA.synced()]);
    onA.text.insert(0, 'début;');
    await waitFor('first edit crossed', () => onB.text.toString() === 'début;');

    await redis.stop();
    for (let i = 0; i < 20; i++) {
      onA.text.insert(onA.text.length, `A${i};`);
      onB.text.insert(onB.text.length, `B${i};`);
    }
    // node A still relays between its own clients
    await waitFor('clients of one node still see each other', () => alsoOnA.text.toString() === onA.text.toString() && onA.text.toString().includes('A19;'));

    await redis.start();
    await waitFor(
      'converged after Redis came back',
      () => onA.text.toString() === onB.text.toString() && onA.text.toString().includes('B19;') && onB.text.toString().includes('A19;'),
      { timeoutMs: 30_000 },
    );
    await waitFor('both nodes hold the same text', () => serverText(a, section.docName) === serverText(b, section.docName));
    expect(onA.text.toString().match(/[AB]\d+;/g)).toHaveLength(40);
  });
});

