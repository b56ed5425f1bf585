import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import type { ApiError } from '@dalil/shared';
import { SUGGESTABLE_MARKS, type SuggestionView } from '@dalil/shared/api/suggestions.ts';
import { fragmentText, sectionSchema } from '@dalil/shared/editor';
import { FIRST, SECOND, useSuggestionTeam } from '../helpers/suggestionTeam.ts';
import { waitFor } from '../helpers/waitFor.ts';
import { findText } from '../helpers/threadAnchors.ts';
import { deletionOf, formatOf, markedParagraphs, positionIn, suggest, suggestionsPath } from '../helpers/suggestions.ts';

describe('formatting and multi-paragraph suggestions (real server, stock clients, REST)', () => {
  const { setup, g, api, connect, serverFragment, serverText, sectionWithText, decide } = useSuggestionTeam();

  it('the allow-list of suggestable marks is made of marks of the section schema', () => {
    for (const mark of SUGGESTABLE_MARKS) expect(sectionSchema().marks[mark], mark).toBeDefined();
  });

  it('bold suggested on a word: listed with its quote and description, accepted on exactly that word, text around untouched', async () => {
    const { section, author, contributor } = await sectionWithText();
    const bold = await suggest(api('contributor'), g(), section.id, formatOf(contributor.doc, 'budget', 'bold'));
    const italic = await suggest(api('reviewer'), g(), section.id, formatOf(contributor.doc, 'les projets', 'italic'));
    expect([bold.kind, italic.kind]).toEqual(['format', 'format']);
    // Suggesting formats nothing.
    expect(markedParagraphs(serverFragment(section))).toEqual([FIRST, SECOND]);

    const listed = await api('reader').ok<SuggestionView[]>('GET', suggestionsPath(g(), section.id));
    expect(listed.map((s) => [s.kind, s.quote, s.replacement, s.format?.mark, s.format?.action])).toEqual([
      ['format', 'budget', 'Mettre en gras', 'bold', 'add'],
      ['format', 'les projets', 'Mettre en italique', 'italic', 'add'],
    ]);

    // Contributors do not accept; the author does.
    expect((await decide('contributor', section, bold.id, 'accept')).status).toBe(403);
    expect((await decide('author', section, bold.id, 'accept')).status).toBe(200);
    expect((await decide('author', section, italic.id, 'reject')).status).toBe(200);
    const expected = ['La commune publie son [budget|bold] chaque année.', SECOND];
    expect(markedParagraphs(serverFragment(section))).toEqual(expected);
    await waitFor('formatting reached every client', () => markedParagraphs(author.fragment).join() === expected.join() && markedParagraphs(contributor.fragment).join() === expected.join());
    expect((await decide('author', section, bold.id, 'accept')).status).toBe(409);
  });

  it('the author edits inside and around the range before accepting: the mark covers the range as it reads then, nothing outside', async () => {
    const { section, author, contributor } = await sectionWithText();
    const made = await suggest(api('contributor'), g(), section.id, formatOf(contributor.doc, 'son budget', 'underline'));
    // Inside the range, right before and right after it.
    const inside = findText(author.doc, 'budget');
    author.doc.transact(() => inside.text.insert(inside.index + 3, 'GET', {}));
    const around = findText(author.doc, 'son bud');
    author.doc.transact(() => around.text.insert(around.index, 'XX', {}));
    const after = findText(author.doc, ' chaque');
    author.doc.transact(() => after.text.insert(after.index, 'YY', {}));
    await waitFor('author edits on the server', () => serverText(section).includes('budGETgetYY'));

    const listed = await api('author').ok<SuggestionView[]>('GET', suggestionsPath(g(), section.id));
    expect(listed.find((s) => s.id === made.id)!.quote).toBe('son budGETget');
    expect((await decide('author', section, made.id, 'accept')).status).toBe(200);
    // The text typed at the start edge sticks to the left (outside), at the end edge too: only the anchored characters are marked.
    expect(markedParagraphs(serverFragment(section))).toEqual(['La commune publie XX[son budGETget|underline]YY chaque année.', SECOND]);
    await waitFor('author converges', () => markedParagraphs(author.fragment)[0] === 'La commune publie XX[son budGETget|underline]YY chaque année.');
  });

  it('removing a mark: the author had bolded a phrase, the suggestion unbolds part of it', async () => {
    const { section, author, contributor } = await sectionWithText();
    const phrase = findText(author.doc, 'son budget chaque');
    author.doc.transact(() => phrase.text.format(phrase.index, 'son budget chaque'.length, { bold: {} }));
    await waitFor('bold reached the contributor', () => markedParagraphs(contributor.fragment)[0] === 'La commune publie [son budget chaque|bold] année.');
    const made = await suggest(api('contributor'), g(), section.id, formatOf(contributor.doc, 'budget', 'bold', 'remove'));
    expect(made.replacement).toBe('Retirer le gras');
    expect((await decide('author', section, made.id, 'accept')).status).toBe(200);
    expect(markedParagraphs(serverFragment(section))).toEqual(['La commune publie [son |bold]budget[ chaque|bold] année.', SECOND]);
  });

  it('a formatting suggestion across two paragraphs marks both parts', async () => {
    const { section, contributor } = await sectionWithText();
    const start = positionIn(contributor.doc, 'chaque année', 0, 0);
    const end = positionIn(contributor.doc, 'habitants', 'habitants'.length, -1);
    const made = await suggest(api('contributor'), g(), section.id, { format: { from: start, to: end, mark: 'strike', action: 'add' } });
    expect(made.quote).toBe('chaque année.\nLes habitants');
    expect((await decide('coordinator', section, made.id, 'accept')).status).toBe(200);
    expect(markedParagraphs(serverFragment(section))).toEqual(['La commune publie son budget [chaque année.|strike]', '[Les habitants|strike] votent les projets en assemblée.']);
  });

  it('refuses formatting it does not allow, or mixed with text, without changing anything', async () => {
    const { section, author } = await sectionWithText();
    const post = (body: unknown) => api('contributor').request<ApiError>('POST', suggestionsPath(g(), section.id), body);
    const bold = formatOf(author.doc, 'budget', 'bold');
    const range = bold.format!;
    for (const mark of ['link', 'code', 'commentAnchor', 'textStyle']) expect((await post({ format: { ...range, mark } })).status, mark).toBe(400);
    expect((await post({ format: { ...range, action: 'toggle' } })).status).toBe(400);
    expect((await post({ format: { ...range, extra: 1 } })).status).toBe(400);
    expect((await post({ ...bold, text: 'x', at: range.to })).status).toBe(400);
    expect((await post({ ...bold, ...deletionOf(author.doc, 'chaque') })).status).toBe(400);
    // a collapsed range covers no text
    expect((await post({ format: { ...range, to: range.from } })).body.error).toBe('bad_request');
    expect((await api('reader').request('POST', suggestionsPath(g(), section.id), bold)).status).toBe(403);
    expect(markedParagraphs(serverFragment(section))).toEqual([FIRST, SECOND]);
    expect(await api('author').ok<SuggestionView[]>('GET', suggestionsPath(g(), section.id))).toEqual([]);
  });

  it('an insertion of several paragraphs splits the paragraph where it stands; marks after the split point stay', async () => {
    const { section, author, contributor } = await sectionWithText();
    const phrase = findText(author.doc, 'chaque');
    author.doc.transact(() => phrase.text.format(phrase.index, 'chaque'.length, { italic: {} }));
    await waitFor('italic reached the contributor', () => markedParagraphs(contributor.fragment)[0]!.includes('[chaque|italic]'));

    // In the middle of a paragraph, as typed with Enter (Windows line ends arrive too).
    const middle = await suggest(api('contributor'), g(), section.id, { at: positionIn(contributor.doc, ' chaque'), text: ' participatif.\r\nIl est voté' });
    expect(middle.kind).toBe('insert');
    expect(middle.replacement).toBe(' participatif.\nIl est voté');
    // At the end of a paragraph: whole new paragraphs, one of them empty.
    const end = await suggest(api('contributor'), g(), section.id, { at: positionIn(contributor.doc, SECOND, SECOND.length), text: '\nPremier ajout.\n\nSecond ajout.' });
    // Suggesting splits nothing.
    expect(serverText(section)).toBe(`${FIRST}\n${SECOND}`);

    expect((await decide('author', section, middle.id, 'accept')).status).toBe(200);
    expect((await decide('author', section, end.id, 'accept')).status).toBe(200);
    const expected = ['La commune publie son budget participatif.', 'Il est voté [chaque|italic] année.', SECOND, 'Premier ajout.', '', 'Second ajout.'];
    expect(markedParagraphs(serverFragment(section))).toEqual(expected);
    expect(serverFragment(section).toArray().map((b) => (b as Y.XmlElement).nodeName)).toEqual(Array(6).fill('paragraph'));
    await waitFor('clients converge', () => markedParagraphs(contributor.fragment).join('|') === expected.join('|') && markedParagraphs(author.fragment).join('|') === expected.join('|'));
  });

  it('a replacement by several paragraphs, and a split inside a heading keeps the heading for its second half', async () => {
    const section = await api('coordinator').createSection(g(), `Titres ${Math.random().toString(36).slice(2, 7)}`);
    const author = await connect(section, 'author');
    const heading = new Y.XmlElement('heading');
    heading.setAttribute('level', 2 as unknown as string);
    heading.insert(0, [new Y.XmlText('Budget et vote')]);
    const paragraph = new Y.XmlElement('paragraph');
    paragraph.insert(0, [new Y.XmlText(FIRST)]);
    author.doc.transact(() => author.fragment.insert(0, [heading, paragraph]));
    await waitFor('text on the server', () => serverText(section).includes('chaque'));

    const split = await suggest(api('contributor'), g(), section.id, { at: positionIn(author.doc, ' et vote'), text: ' participatif\nDébat' });
    const replace = await suggest(api('contributor'), g(), section.id, { ...deletionOf(author.doc, 'chaque année'), text: 'en janvier.\nPuis en juin' });
    expect(replace.kind).toBe('replace');
    expect((await decide('author', section, split.id, 'accept')).status).toBe(200);
    expect((await decide('author', section, replace.id, 'accept')).status).toBe(200);
    const blocks = serverFragment(section).toArray() as Y.XmlElement[];
    expect(blocks.map((b) => [b.nodeName, b.getAttribute('level') ?? null, fragmentText(b as unknown as Y.XmlFragment)])).toEqual([
      ['heading', 2, 'Budget participatif'],
      ['heading', 2, 'Débat et vote'],
      ['paragraph', null, 'La commune publie son budget en janvier.'],
      ['paragraph', null, 'Puis en juin.'],
    ]);
  });

  it('decided suggestions are listed apart, most recent first, with who decided and their discussion', async () => {
    const { section, contributor } = await sectionWithText();
    const first = await suggest(api('contributor'), g(), section.id, formatOf(contributor.doc, 'budget', 'bold'));
    const second = await suggest(api('contributor'), g(), section.id, { at: positionIn(contributor.doc, 'projets'), text: 'grands ' });
    const third = await suggest(api('contributor'), g(), section.id, deletionOf(contributor.doc, ' en assemblée'));
    await api('author').ok('POST', `${suggestionsPath(g(), section.id)}/${second.id}/messages`, { body: 'Lesquels sont grands ?' });
    expect((await decide('author', section, first.id, 'accept')).status).toBe(200);
    expect((await decide('author', section, second.id, 'reject')).status).toBe(200);
    expect((await decide('contributor', section, third.id, 'reject')).status).toBe(200);

    expect(await api('reader').ok<SuggestionView[]>('GET', suggestionsPath(g(), section.id))).toEqual([]);
    const decided = await api('reader').ok<SuggestionView[]>('GET', `${suggestionsPath(g(), section.id)}?status=decided`);
    const names = setup.team.byRole;
    expect(decided.map((s) => [s.id, s.status, s.decidedBy, s.decidedByName])).toEqual([
      [third.id, 'rejected', names.contributor.user.id, names.contributor.user.name],
      [second.id, 'rejected', names.author.user.id, names.author.user.name],
      [first.id, 'accepted', names.author.user.id, names.author.user.name],
    ]);
    expect(decided[1]!.messages.map((m) => m.body)).toEqual(['Lesquels sont grands ?']);
    expect(decided[2]!.quote).toBe('budget');
    expect((await api('reader').request('GET', `${suggestionsPath(g(), section.id)}?status=other`)).status).toBe(400);
  });
});
