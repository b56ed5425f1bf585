import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { GuideView } from '@dalil/shared';
import type { ImportedGuide } from '@dalil/shared/api/import.ts';
import { startServer, type TestServer } from '../helpers/inProcessServer.ts';
import { createUser, type TestUser } from '../helpers/accounts.ts';
import { cutListsDocx, referenceDocx } from '../helpers/docxFixtures.ts';
import { allNodes, plainText, sectionJson, upload } from '../helpers/importApi.ts';

/** What must survive a round trip, section by section. */
async function outline(server: TestServer, guide: GuideView) {
  const depth = (id: string | null): number => (id === null ? -1 : 1 + depth(guide.sections.find((s) => s.id === id)!.parentId));
  const sections = [];
  for (const section of guide.sections) {
    const doc = await sectionJson(server, guide.id, section.docName);
    const nodes = allNodes(doc);
    const count = (type: string) => nodes.filter((n) => n.type === type).length;
    sections.push({
      title: section.title,
      depth: depth(section.parentId) + 1,
      text: plainText(doc).replace(/\s+/g, ' ').trim(),
      tables: count('table'),
      figures: count('figure'),
      boxes: nodes.filter((n) => n.type === 'callout').map((n) => n.attrs?.kind),
      footnotes: nodes.filter((n) => n.type === 'footnote').map((n) => n.attrs?.text),
      lists: nodes.filter((n) => n.type === 'orderedList' || n.type === 'bulletList').map((n) => `${n.type}:${n.attrs?.type ?? ''}${n.type === 'orderedList' ? `:${n.attrs?.start}` : ''}`),
    });
  }
  return sections;
}

describe("a guide exported by Dalil's DOCX export and imported again", () => {
  let server: TestServer;
  let user: TestUser;
  beforeAll(async () => {
    server = await startServer({ RATE_LIMIT_PER_MINUTE: '100000' });
    user = await createUser(server, 'Hela');
  });
  afterAll(() => server.dispose());

  it('has the same table of contents, the same text section by section, and the same tables, figures, boxes and footnotes', async () => {
    const first = await upload<ImportedGuide>(user.api, '/api/guides/import?splitLevel=2', await referenceDocx());
    expect(first.status).toBe(201);
    const original = await user.api.getGuide(first.body.guideId);

    const exported = await fetch(`${server.url}/api/guides/${original.id}/export?format=docx`, { headers: { cookie: user.cookie } });
    expect(exported.status).toBe(200);
    const docx = new Uint8Array(await exported.arrayBuffer());

    const second = await upload<ImportedGuide>(user.api, '/api/guides/import?splitLevel=2', docx, 'export.docx');
    expect(second.status).toBe(201);
    const back = await user.api.getGuide(second.body.guideId);
    expect(back.title).toBe(original.title);
    // Dalil's own file: its contents page and styles are known, nothing to warn about
    expect(second.body.warnings).toEqual([]);
    // the introduction, unnumbered in the guide, comes back unnumbered
    const unnumbered = (g: typeof back) => g.numbering.unnumberedSectionIds.map((id) => g.sections.find((s) => s.id === id)?.title);
    expect(unnumbered(original)).toEqual(['Introduction']);
    expect(unnumbered(back)).toEqual(['Introduction']);

    const before = await outline(server, original);
    const after = await outline(server, back);
    expect(after.map((s) => [s.depth, s.title])).toEqual(before.map((s) => [s.depth, s.title]));
    expect(after).toEqual(before);
    // The reference file has every kind of node: the comparison is not vacuous.
    expect(before.reduce((n, s) => n + s.tables, 0)).toBe(1);
    expect(before.reduce((n, s) => n + s.figures, 0)).toBe(1);
    expect(before.flatMap((s) => s.boxes)).toEqual(['goodPractice']);
    expect(before.flatMap((s) => s.footnotes)).toHaveLength(2);
  });
  it('numbers its lists as Word did: on at 3 after a remark, from 1 where a list restarts, from a definition\'s start', async () => {
    const first = await upload<ImportedGuide>(user.api, '/api/guides/import?splitLevel=1', await cutListsDocx(), 'listes.docx');
    expect(first.status).toBe(201);
    const original = await user.api.getGuide(first.body.guideId);
    const before = await outline(server, original);
    expect(before.flatMap((s) => s.lists)).toEqual(['orderedList::1', 'orderedList::3', 'orderedList::1', 'orderedList::5']);

    const exported = await fetch(`${server.url}/api/guides/${original.id}/export?format=docx`, { headers: { cookie: user.cookie } });
    expect(exported.status).toBe(200);
    const second = await upload<ImportedGuide>(user.api, '/api/guides/import?splitLevel=1', new Uint8Array(await exported.arrayBuffer()), 'export.docx');
    expect(second.status).toBe(201);
    expect((await outline(server, await user.api.getGuide(second.body.guideId))).flatMap((s) => s.lists)).toEqual(before.flatMap((s) => s.lists));
  });
});
