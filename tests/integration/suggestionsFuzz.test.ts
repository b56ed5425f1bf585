import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import type { SectionView } from '@dalil/shared';
import { decodeAnchorPosition } from '@dalil/shared';
import { SUGGESTABLE_MARKS, type CreateSuggestionBody } from '@dalil/shared/api/suggestions.ts';
import { fragmentText } from '@dalil/shared/editor';
import { useGuideTeam } from '../helpers/serverHooks.ts';
import { connectClient, type YClient } from '../helpers/yClient.ts';
import { waitFor } from '../helpers/waitFor.ts';
import { appendParagraphs } from '../helpers/threadAnchors.ts';
import { seededRandom } from '../helpers/seededRandom.ts';
import { suggest, suggestionsPath } from '../helpers/suggestions.ts';
import { encodeAnchorPosition } from '@dalil/shared';

const SEED = Number(process.env.SUGGESTIONS_FUZZ_SEED ?? 20261130);
const ROUNDS = 40;
const WORDS = ['budget', 'commune', 'vote', 'mairie', 'projet', 'habitants', 'conseil', 'ouvert', 'données', 'séance'];

/** The marks of each character of a text run ("bold,italic" or ""), to compare formatting character by character. */
function marksPerCharacter(text: Y.XmlText): string[] {
  const out: string[] = [];
  for (const op of text.toDelta() as Array<{ insert: unknown; attributes?: Record<string, unknown> }>) {
    const marks = Object.keys(op.attributes ?? {}).sort().join(',');
    for (let i = 0; i < (typeof op.insert === 'string' ? op.insert.length : 1); i++) out.push(marks);
  }
  return out;
}

/**
 * Seeded fuzz: a contributor suggests random insertions, deletions, replacements and formatting
 * changes in a paragraph the author keeps editing (before, inside, after and right at the
 * suggestion) before deciding. Whatever the edits, accepting changes exactly the suggestion's range
 * (a formatting change marks exactly its characters, no others) and rejecting changes nothing.
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
    const tally = { accepted: 0, rejected: 0, formats: 0 };
    for (let round = 0; round < ROUNDS; round++) {
      await waitFor('contributor caught up', () => fragmentText(contributor.fragment) === serverText() && serverText() === fragmentText(author.fragment));
      const text = paragraph(contributor);
      const length = text.length;
      const at = (index: number, assoc: number) => encodeAnchorPosition(Y.createRelativePositionFromTypeIndex(text, index, assoc));
      const kind = pick(4);
      // a range of blanks only is refused by design ("select the words"): pick again, a bounded number of times
      const plain = (text.toDelta() as Array<{ insert: unknown }>).map((op) => (typeof op.insert === 'string' ? op.insert : '')).join('');
      let from = pick(length - 1);
      let to = Math.min(length, from + 1 + pick(12));
      for (let retry = 0; retry < 20 && !plain.slice(from, to).trim(); retry++) {
        from = pick(length - 1);
        to = Math.min(length, from + 1 + pick(12));
      }
      const inserted = ` ${word()} `;
      const mark = SUGGESTABLE_MARKS[pick(SUGGESTABLE_MARKS.length)]!;
      const action = random() < 0.75 ? 'add' : 'remove';
      const body: CreateSuggestionBody =
        kind === 0
          ? { at: at(from, -1), text: inserted }
          : kind === 1
            ? { deleteFrom: at(from, 0), deleteTo: at(to, -1) }
            : kind === 2
              ? { deleteFrom: at(from, 0), deleteTo: at(to, -1), text: inserted }
              : { format: { from: at(from, 0), to: at(to, -1), mark, action } };
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
      // (toString would write the marks as tags)
      const before = (mine.toDelta() as Array<{ insert: unknown }>).map((op) => (typeof op.insert === 'string' ? op.insert : '')).join('');
      const marksBefore = marksPerCharacter(mine);
      const resolve = (encoded: string | undefined) => (encoded ? Y.createAbsolutePositionFromRelativePosition(decodeAnchorPosition(encoded)!, author.doc)!.index : null);
      const start = resolve(body.deleteFrom);
      const end = resolve(body.deleteTo);
      const formatFrom = resolve(body.format?.from);
      const formatTo = resolve(body.format?.to);
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
      if (body.format) {
        tally.formats++;
        // The text stays; the mark changes on exactly [formatFrom, formatTo) when accepted, nowhere else.
        const expectedMarks = marksBefore.map((marks, i) => {
          if (!accept || formatFrom === null || formatTo === null || i < formatFrom || i >= formatTo) return marks;
          const set = new Set(marks ? marks.split(',') : []);
          if (body.format!.action === 'add') set.add(body.format!.mark);
          else set.delete(body.format!.mark);
          return [...set].sort().join(',');
        });
        const serverRun = (setup.server.registry.get(section.docName)!.doc.getXmlFragment('default').get(0) as Y.XmlElement).get(0) as Y.XmlText;
        expect(marksPerCharacter(serverRun), `round ${round}: format ${JSON.stringify({ ...body.format, from: formatFrom, to: formatTo, accept })}`).toEqual(expectedMarks);
      }
      expect(serverText(), `round ${round}: ${JSON.stringify({ kind, before, body: { ...body, deleteFrom: start, deleteTo: end, at: point } })}`).toBe(expected);
      await waitFor('author converges', () => fragmentText(author.fragment) === expected);
      // keep the paragraph a reasonable size
      if (paragraph(author).length > 160) paragraph(author).delete(100, paragraph(author).length - 100);
    }
    expect(tally.accepted).toBeGreaterThan(5);
    expect(tally.rejected).toBeGreaterThan(2);
    expect(tally.formats).toBeGreaterThan(4);
    expect(await setup.team.byRole.author.api.ok('GET', suggestionsPath(setup.team.guide.id, section.id))).toEqual([]);
  });
});
