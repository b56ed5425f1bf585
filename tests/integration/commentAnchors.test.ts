import { afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import type { SectionView, ThreadView } from '@dalil/shared';
import { useGuideTeam } from '../helpers/serverHooks.ts';
import { connectClient, type YClient } from '../helpers/yClient.ts';
import { waitFor } from '../helpers/waitFor.ts';
import { anchorOn, appendParagraphs, findText, threadTexts } from '../helpers/threadAnchors.ts';
import { fragmentText, sectionSchema } from '@dalil/shared/editor';
import { editAsProseMirror, positionOf, sectionAsProseMirror } from '../helpers/proseMirrorEdit.ts';

const SENTENCE = 'Chaque année, le conseil municipal adopte le budget participatif après une assemblée publique.';

describe('comment anchors follow the text (stock y-websocket clients, real server)', () => {
  let clients: YClient[] = [];
  const setup = useGuideTeam({ SETTLE_DELAY_MS: '100' });
  afterEach(() => {
    for (const c of clients) c.destroy();
    clients = [];
  });

  /** A fresh section holding SENTENCE, with an author and a coordinator connected. */
  async function sectionWithText(): Promise<{ section: SectionView; author: YClient; coordinator: YClient }> {
    const section = await setup.team.byRole.coordinator.api.createSection(setup.team.guide.id, `Section ${Math.random().toString(36).slice(2, 7)}`);
    const author = connectClient(setup.server.wsUrl, section.docName, { cookie: setup.team.byRole.author.cookie });
    const coordinator = connectClient(setup.server.wsUrl, section.docName, { cookie: setup.team.byRole.coordinator.cookie });
    clients.push(author, coordinator);
    await Promise.all([author.synced(), coordinator.synced()]);
    appendParagraphs(author.doc, [SENTENCE, 'Le procès-verbal est affiché à la mairie.']);
    await waitFor('text on the coordinator', () => coordinator.fragment.toString().includes('procès-verbal'));
    return { section, author, coordinator };
  }

  /** Opens a thread as the reviewer (no text rights), anchored on `words`, computed from `from`'s copy. */
  async function comment(section: SectionView, from: YClient, words: string, body = 'À préciser.'): Promise<ThreadView> {
    const res = await setup.team.byRole.reviewer.api.request<ThreadView>('POST', `/api/guides/${setup.team.guide.id}/sections/${section.id}/threads`, {
      anchor: anchorOn(from.doc, words),
      body,
    });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    return res.body;
  }

  const converged = (docs: Y.Doc[]) => docs.every((d) => Y.encodeStateVector(d).toString() === Y.encodeStateVector(docs[0]!).toString()) && docs.every((d) => d.getXmlFragment('default').toString() === docs[0]!.getXmlFragment('default').toString());

  async function reloadedFromServer(section: SectionView): Promise<YClient> {
    const fresh = connectClient(setup.server.wsUrl, section.docName, { cookie: setup.team.byRole.reader.cookie });
    clients.push(fresh);
    await fresh.synced();
    return fresh;
  }

  it('keeps its words while clients insert and delete before, inside and after the range concurrently', async () => {
    const { section, author, coordinator } = await sectionWithText();
    const thread = await comment(section, author, 'budget participatif');
    expect(thread.quote).toBe('budget participatif');
    await waitFor('mark reached the clients', () => threadTexts(author.doc)[thread.id] === 'budget participatif' && threadTexts(coordinator.doc)[thread.id] === 'budget participatif');

    const third = connectClient(setup.server.wsUrl, section.docName, { cookie: setup.team.byRole.author.cookie });
    clients.push(third);
    await third.synced();
    // Offline, so that all three edits are truly concurrent.
    for (const c of [author, coordinator, third]) c.provider.disconnect();
    // Inserts pass their formatting explicitly, as the editor does: none outside the range; inside
    // it, none given, so Yjs carries the formatting of the neighbouring text (like typing there).
    const at = (c: YClient, words: string) => findText(c.doc, words);
    { const { text, index } = at(author, 'Chaque année, '); text.insert(index, 'Depuis 2019, ', {}); text.delete(index + 'Depuis 2019, '.length, 'Chaque année, '.length); }
    { const { text, index } = at(coordinator, 'participatif'); text.insert(index, 'dit '); }
    { const { text, index } = at(third, ' après une assemblée'); text.delete(index, ' après une assemblée'.length); text.insert(index, ', voté en public', {}); }
    // Also right at both edges of the range (must stay outside it).
    { const { text, index } = at(third, 'budget participatif'); text.insert(index + 'budget participatif'.length, ' 2025', {}); text.insert(index, 'le ', {}); }
    for (const c of [author, coordinator, third]) c.provider.connect();

    await waitFor('clients converge', () => converged([author.doc, coordinator.doc, third.doc]), { timeoutMs: 15_000 });
    const expected = 'budget dit participatif';
    for (const c of [author, coordinator, third]) expect(threadTexts(c.doc)[thread.id]).toBe(expected);
    expect(fragmentText(author.fragment)).toContain('Depuis 2019, le conseil municipal adopte le le budget dit participatif 2025, voté en public publique.');
    const fresh = await reloadedFromServer(section);
    expect(threadTexts(fresh.doc)[thread.id]).toBe(expected);
  });

  it('keeps the whole range when the paragraph is split inside it and joined back (editor binding)', async () => {
    const { section, author, coordinator } = await sectionWithText();
    const thread = await comment(section, coordinator, 'adopte le budget participatif');
    await waitFor('mark on the author', () => threadTexts(author.doc)[thread.id] === 'adopte le budget participatif');

    // Enter in the middle of the range, as the editor does it (ProseMirror split written through the binding).
    editAsProseMirror(author.doc, (tr) => tr.split(positionOf(sectionAsProseMirror(author.doc), 'budget')));
    await waitFor('split reached the coordinator', () => coordinator.fragment.length === 3);
    expect(threadTexts(coordinator.doc)[thread.id]).toBe('adopte le budget participatif');

    // Backspace at the start of the second paragraph: join them back.
    editAsProseMirror(coordinator.doc, (tr) => tr.join(positionOf(sectionAsProseMirror(coordinator.doc), 'budget') - 1));
    await waitFor('join reached the author', () => author.fragment.length === 2);
    for (const c of [author, coordinator]) expect(threadTexts(c.doc)[thread.id]).toBe('adopte le budget participatif');
    expect(fragmentText(author.fragment).split('\n')[0]).toBe(SENTENCE);
    const fresh = await reloadedFromServer(section);
    expect(threadTexts(fresh.doc)[thread.id]).toBe('adopte le budget participatif');
  });

  it('keeps two threads on overlapping ranges, each with its own range, through edits in the overlap', async () => {
    const { section, author, coordinator } = await sectionWithText();
    const first = await comment(section, author, 'conseil municipal adopte', 'Quel conseil ?');
    const second = await comment(section, author, 'adopte le budget', 'Vote ou adoption ?');
    await waitFor('both marks on the coordinator', () => Object.keys(threadTexts(coordinator.doc)).length === 2);
    expect(threadTexts(coordinator.doc)).toEqual({ [first.id]: 'conseil municipal adopte', [second.id]: 'adopte le budget' });

    // Typing inside the overlap, through the editor binding: both ranges grow, neither is lost.
    editAsProseMirror(coordinator.doc, (tr) => {
      const pos = positionOf(tr.doc, 'adopte') + 2;
      tr.insert(pos, sectionSchema().text('d', tr.doc.resolve(pos).marks()));
    });
    await waitFor('edit reached the author', () => author.fragment.toString().includes('addopte'));
    for (const c of [author, coordinator]) expect(threadTexts(c.doc)).toEqual({ [first.id]: 'conseil municipal addopte', [second.id]: 'addopte le budget' });
    const fresh = await reloadedFromServer(section);
    expect(threadTexts(fresh.doc)).toEqual({ [first.id]: 'conseil municipal addopte', [second.id]: 'addopte le budget' });
  });

  it('detaches a thread when all its text is deleted, keeping the quote', async () => {
    const { section, author } = await sectionWithText();
    const thread = await comment(section, author, 'procès-verbal est affiché');
    const { text, index } = findText(author.doc, 'procès-verbal est affiché');
    text.delete(index, 'procès-verbal est affiché'.length);
    const detached = await waitFor('thread reported detached', async () => {
      const threads = await setup.team.byRole.reader.api.ok<ThreadView[]>('GET', `/api/guides/${setup.team.guide.id}/threads?sectionId=${section.id}`);
      return threads.find((t) => t.id === thread.id && t.detached);
    });
    expect(detached.quote).toBe('procès-verbal est affiché');
    expect(detached.status).toBe('open');
    expect(detached.messages[0]!.body).toBe('À préciser.');

    // Typing the same words again does not bring the thread back: its anchor was the deleted text.
    // A witness thread, detached after the retyping, proves that the server has looked at the
    // document since (one pass decides every thread of the section).
    const witness = await comment(section, author, 'budget participatif');
    await waitFor('witness mark on the author', () => threadTexts(author.doc)[witness.id] === 'budget participatif');
    text.insert(index, 'procès-verbal est affiché', {});
    const budget = findText(author.doc, 'budget participatif');
    budget.text.delete(budget.index, 'budget participatif'.length);
    const after = await waitFor('the witness reported detached', async () => {
      const threads = await setup.team.byRole.reader.api.ok<ThreadView[]>('GET', `/api/guides/${setup.team.guide.id}/threads?sectionId=${section.id}`);
      return threads.find((t) => t.id === witness.id)?.detached ? threads : undefined;
    });
    expect(fragmentText(author.fragment)).toContain('procès-verbal est affiché');
    expect(after.find((t) => t.id === thread.id)?.detached).toBe(true);
  });
});
