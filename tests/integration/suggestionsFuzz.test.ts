import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import type { SectionView } from '@dalil/shared';
import { decodeAnchorPosition } from '@dalil/shared';
import type { CreateSuggestionBody } from '@dalil/shared/api/suggestions.ts';
import { fragmentText } from '@dalil/shared/editor';
import { useGuideTeam } from '../helpers/serverHooks.ts';
import { connectClient, type YClient } from '../helpers/yClient.ts';
import { waitFor } from '../helpers/waitFor.ts';
import { appendParagraphs } from '../helpers/threadAnchors.ts';
import { seededRandom } from '../helpers/seededRandom.ts';
import { suggest, suggestionsPath } from '../helpers/suggestions.ts';
import { encodeAnchorPosition } from '@dalil/shared';

const SEED = Number(process.env.SUGGESTIONS_FUZZ_SEED ?? 20261130);
const ROUNDS = 30;
const WORDS = ['budget', 'commune', 'vote', 'mairie', 'projet', 'habitants', 'conseil', 'ouvert', 'données', 'séance'];

/**
 * Seeded fuzz: a contributor suggests random insertions, deletions and replacements in a paragraph
 * the author keeps editing (before, inside, after and right at the suggestion) before deciding.
 * Whatever the edits, accepting changes exactly the suggestion's range and rejecting changes nothing.
 */
describe(`suggestions against concurrent author edits (seeded fuzz, seed ${SEED})`, () => {
  const setup = useGuideTeam();
  let section: SectionView;
  let author: YClient;
  let contributor: YClient;
  const serverText = () => fragmentText(setup.server.registry.get(section.docName)!.doc.getXmlFragment('default'));
  const paragraph = (client: YClient) => (client.fragment.get(0) as Y.XmlElement).get(0) as Y.XmlText;

  beforeAll(async () => {
    section = await setup.team.byRole.coordinator.api.createSection(setup.team.guide.id, 'Fuzz');
    author = connectClient(setup.server.wsUrl, section.docName, { cookie: setup.team.byRole.author.cookie });
    contributor = connectClient(setup.server.wsUrl, section.docName, { cookie: setup.team.byRole.contributor.cookie });
    await Promise.all([author.synced(), contributor.synced()]);
    appendParagraphs(author.doc, ['La commune ouverte publie son budget et les habitants votent les projets en séance publique.']);
    await waitFor('paragraph on the contributor', () => contributor.fragment.length === 1);
  });
  afterAll(() => {
    author?.destroy();
    contributor?.destroy();
  });

  it('accepting changes only the suggested range, rejecting changes nothing', async () => {
    const random = seededRandom(SEED);
    const pick = (n: number) => Math.floor(random() * n);
    const word = () => WORDS[pick(WORDS.length)]!;
    const tally = { accepted: 0, rejected: 0 };
    for (let round = 0; round < ROUNDS; round++) {
      await waitFor('contributor caught up', () => fragmentText(contributor.fragment) === serverText() && serverText() === fragmentText(author.fragment));
      const text = paragraph(contributor);
      const length = text.length;
      const at = (index: number, assoc: number) => encodeAnchorPosition(Y.createRelativePositionFromTypeIndex(text, index, assoc));
      const kind = pick(3);
      const from = pick(length - 1);
      const to = Math.min(length, from + 1 + pick(12));
      const inserted = ` ${word()} `;
      const body: CreateSuggestionBody =
        kind === 0 ? { at: at(from, -1), text: inserted } : kind === 1 ? { deleteFrom: at(from, 0), deleteTo: at(to, -1) } : { deleteFrom: at(from, 0), deleteTo: at(to, -1), text: inserted };
      const made = await suggest(setup.team.byRole.contributor.api, setup.team.guide.id, section.id, body);

      // The author edits meanwhile: one to three edits anywhere, often inside or at the edge of the suggestion.
      const mine = paragraph(author);
      for (let e = pick(3) + 1; e > 0; e--) {
        const near = random() < 0.6;
        const index = near ? Math.min(mine.length, Math.max(0, from + pick(to - from + 3) - 1)) : pick(mine.length + 1);
        if (random() < 0.6 || mine.length < 20) mine.insert(index, random() < 0.5 ? word() : `${word()} `, {});
        else mine.delete(Math.min(index, mine.length - 3), 1 + pick(3));
      }
      await waitFor('author edits on the server', () => serverText() === fragmentText(author.fragment));

      // Where the suggestion stands now, read from the author's copy (the server resolves the same anchors).
      const before = mine.toString();
      const resolve = (encoded: string | undefined) => (encoded ? Y.createAbsolutePositionFromRelativePosition(decodeAnchorPosition(encoded)!, author.doc)!.index : null);
      const start = resolve(body.deleteFrom);
      const end = resolve(body.deleteTo);
      const point = resolve(body.at ?? body.deleteTo);
      let expected = before;
      let removed = 0;
      if (start !== null && end !== null && end > start) {
        expected = before.slice(0, start) + before.slice(end);
        removed = end - start;
      }
      const accept = random() < 0.7;
      if (body.text && point !== null) {
        const place = start !== null && end !== null && point >= end ? point - removed : start !== null && end !== null && point > start ? start : point;
        expected = expected.slice(0, place) + body.text + expected.slice(place);
      }
      if (!accept) expected = before;

      const decided = await setup.team.byRole.author.api.request('POST', `${suggestionsPath(setup.team.guide.id, section.id)}/${made.id}/${accept ? 'accept' : 'reject'}`);
      expect(decided.status, `round ${round}`).toBe(200);
      tally[accept ? 'accepted' : 'rejected']++;
      expect(serverText(), `round ${round}: ${JSON.stringify({ kind, before, body: { ...body, deleteFrom: start, deleteTo: end, at: point } })}`).toBe(expected);
      await waitFor('author converges', () => fragmentText(author.fragment) === expected);
      // keep the paragraph a reasonable size
      if (paragraph(author).length > 160) paragraph(author).delete(100, paragraph(author).length - 100);
    }
    expect(tally.accepted).toBeGreaterThan(5);
    expect(tally.rejected).toBeGreaterThan(2);
    expect(await setup.team.byRole.author.api.ok('GET', suggestionsPath(setup.team.guide.id, section.id))).toEqual([]);
  });
});
