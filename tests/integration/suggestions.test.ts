import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import type { ApiError, GuideProgressView, NotificationsView } from '@dalil/shared';
import type { DecideAllReply, SuggestionView } from '@dalil/shared/api/suggestions.ts';
import { fragmentText } from '@dalil/shared/editor';
import { FIRST, SECOND, useSuggestionTeam } from '../helpers/suggestionTeam.ts';
import { waitFor } from '../helpers/waitFor.ts';
import { findText } from '../helpers/threadAnchors.ts';
import { deletionOf, positionIn, suggest, suggestionsPath } from '../helpers/suggestions.ts';

describe('suggestions: proposed beside the text, written into it only by an accept (real server, stock clients)', () => {
  const { setup, g, api, connect, serverText, sectionWithText, decide } = useSuggestionTeam();

  it('a contributor writing straight into the section changes nothing; their suggestion accepted by an author through REST lands in the text', async () => {
    const { section, author, contributor } = await sectionWithText();
    // A stock client of the contributor writes into the section itself: the server drops it, everyone keeps the text.
    const pirate = await connect(section, 'contributor');
    findText(pirate.doc, 'budget').text.insert(0, 'PIRATE ');
    pirate.doc.getXmlFragment('default').delete(0, 1);
    const reader = await connect(section, 'reader');
    expect(fragmentText(reader.fragment)).toBe(`${FIRST}\n${SECOND}`);
    expect(serverText(section)).toBe(`${FIRST}\n${SECOND}`);

    const insertion = await suggest(api('contributor'), g(), section.id, { at: positionIn(author.doc, 'budget'), text: 'premier ' });
    const deletion = await suggest(api('contributor'), g(), section.id, deletionOf(author.doc, ' en assemblée'));
    const replacement = await suggest(api('reviewer'), g(), section.id, { ...deletionOf(author.doc, 'chaque année'), text: 'tous les ans' });
    expect([insertion.kind, deletion.kind, replacement.kind]).toEqual(['insert', 'delete', 'replace']);
    // Suggesting changes no character of the text.
    expect(serverText(section)).toBe(`${FIRST}\n${SECOND}`);

    const listed = await api('reader').ok<SuggestionView[]>('GET', suggestionsPath(g(), section.id));
    expect(listed.map((s) => [s.kind, s.authorId, s.quote, s.replacement])).toEqual([
      ['insert', setup.team.byRole.contributor.user.id, '', 'premier '],
      ['delete', setup.team.byRole.contributor.user.id, ' en assemblée', ''],
      ['replace', setup.team.byRole.reviewer.user.id, 'chaque année', 'tous les ans'],
    ]);

    // Only authors and the coordinator decide; a contributor or reviewer may not accept.
    for (const role of ['contributor', 'reviewer'] as const) expect((await decide(role, section, insertion.id, 'accept')).status).toBe(403);
    expect((await decide('contributor', section, replacement.id, 'reject')).status).toBe(403);

    const accepted = await decide('author', section, insertion.id, 'accept');
    expect(accepted.status).toBe(200);
    expect(accepted.body.status).toBe('accepted');
    expect((await decide('coordinator', section, insertion.id, 'accept')).status).toBe(409);
    expect((await decide('author', section, insertion.id, 'reject')).body.error).toBe('suggestion_decided');
    expect((await decide('author', section, replacement.id, 'accept')).status).toBe(200);
    // The contributor withdraws their own deletion.
    expect((await decide('contributor', section, deletion.id, 'reject')).status).toBe(200);

    const expected = `La commune publie son premier budget tous les ans.\n${SECOND}`;
    await waitFor('accepted text reached every client', () => fragmentText(contributor.fragment) === expected && fragmentText(author.fragment) === expected);
    expect(serverText(section)).toBe(expected);
    expect(await api('author').ok<SuggestionView[]>('GET', suggestionsPath(g(), section.id))).toEqual([]);

    const notes = await api('contributor').ok<NotificationsView>('GET', '/api/me/notifications');
    expect(notes.items.filter((n) => n.sectionId === section.id).map((n) => n.kind)).toEqual(['suggestionAccepted']);
    const reviewerNotes = await api('reviewer').ok<NotificationsView>('GET', '/api/me/notifications');
    expect(reviewerNotes.items.filter((n) => n.sectionId === section.id).map((n) => n.kind)).toEqual(['suggestionAccepted']);
  });

  it('each suggestion has a discussion: a reviewer replies, the suggester is notified and answers, the decision closes it readable', async () => {
    const { section, author } = await sectionWithText();
    const contributorId = setup.team.byRole.contributor.user.id;
    const authorId = setup.team.byRole.author.user.id;
    const suggestion = await suggest(api('contributor'), g(), section.id, { ...deletionOf(author.doc, 'chaque année'), text: 'tous les ans' });
    expect(suggestion.messages).toEqual([]);
    const messagesPath = `${suggestionsPath(g(), section.id)}/${suggestion.id}/messages`;
    const write = (role: 'coordinator' | 'author' | 'contributor' | 'reviewer' | 'reader', body: unknown) =>
      api(role).request<SuggestionView & ApiError>('POST', messagesPath, body);

    const reply = await write('reviewer', { body: 'Pourquoi ? @Author le budget est annuel par la loi.', mentions: [authorId] });
    expect(reply.status).toBe(201);
    expect(reply.body.messages.map((m) => [m.author.id, m.body, m.mentions.map((p) => p.id)])).toEqual([
      [setup.team.byRole.reviewer.user.id, 'Pourquoi ? @Author le budget est annuel par la loi.', [authorId]],
    ]);
    // The suggester hears of the reply; the mentioned author gets a mention.
    const kindsFor = async (role: 'author' | 'contributor' | 'reviewer') =>
      (await api(role).ok<NotificationsView>('GET', '/api/me/notifications')).items.filter((n) => n.sectionId === section.id).map((n) => n.kind);
    expect(await kindsFor('contributor')).toEqual(['suggestionReply']);
    expect(await kindsFor('author')).toEqual(['mention']);

    expect((await write('contributor', { body: 'Plus simple à lire pour les habitants.' })).status).toBe(201);
    // The reviewer wrote there before: they hear of the answer.
    expect(await kindsFor('reviewer')).toEqual(['suggestionReply']);

    // Readers only read; empty, oversized or foreign-mention messages are refused and leave nothing behind.
    expect((await write('reader', { body: 'Moi aussi' })).status).toBe(403);
    expect((await write('author', { body: '   ' })).body.error).toBe('bad_request');
    expect((await write('author', { body: 'x', extra: 1 })).status).toBe(400);
    expect((await write('author', { body: 'x', mentions: ['u_nobody'] })).status).toBe(400);

    // The author reads the whole discussion with the open suggestions.
    const listed = await api('author').ok<SuggestionView[]>('GET', suggestionsPath(g(), section.id));
    expect(listed.find((s) => s.id === suggestion.id)!.messages.map((m) => [m.author.id, m.body])).toEqual([
      [setup.team.byRole.reviewer.user.id, 'Pourquoi ? @Author le budget est annuel par la loi.'],
      [contributorId, 'Plus simple à lire pour les habitants.'],
    ]);

    // The decision closes the discussion; it stays readable, by anyone in the guide.
    expect((await decide('author', section, suggestion.id, 'reject')).status).toBe(200);
    const late = await write('reviewer', { body: 'Trop tard ?' });
    expect([late.status, late.body.error]).toEqual([409, 'suggestion_decided']);
    const after = await api('reader').ok<SuggestionView>('GET', `${suggestionsPath(g(), section.id)}/${suggestion.id}`);
    expect(after.status).toBe('rejected');
    expect(after.messages.map((m) => m.body)).toEqual(['Pourquoi ? @Author le budget est annuel par la loi.', 'Plus simple à lire pour les habitants.']);
  });

  it('a suggested box goes in after the paragraph holding its position, as a real box', async () => {
    const { section, author } = await sectionWithText();
    const box = await suggest(api('contributor'), g(), section.id, { at: positionIn(author.doc, 'budget'), block: { type: 'callout', kind: 'goodPractice', text: 'Afficher le budget en mairie.\nLe publier en ligne.' } });
    expect(box.kind).toBe('block');
    expect((await decide('author', section, box.id, 'accept')).status).toBe(200);
    await waitFor('box reached the author', () => author.fragment.length === 3);
    const inserted = author.fragment.get(1) as Y.XmlElement;
    expect(inserted.nodeName).toBe('callout');
    expect(inserted.getAttribute('kind')).toBe('goodPractice');
    expect(fragmentText(author.fragment)).toBe(`${FIRST}\nAfficher le budget en mairie.\nLe publier en ligne.\n${SECOND}`);
  });

  it('refuses bad suggestions clearly and without changing anything', async () => {
    const { section, author } = await sectionWithText();
    const path = suggestionsPath(g(), section.id);
    const post = (role: 'contributor' | 'reader', body: unknown) => api(role).request<ApiError>('POST', path, body);
    expect((await post('reader', { at: positionIn(author.doc, 'budget'), text: 'x' })).status).toBe(403);
    expect((await post('contributor', {})).status).toBe(400);
    expect((await post('contributor', { text: 'sans position' })).status).toBe(400);
    expect((await post('contributor', { deleteFrom: positionIn(author.doc, 'budget') })).status).toBe(400);
    expect((await post('contributor', { at: 'pas-une-position!', text: 'x' })).status).toBe(400);
    // A well-formed position naming text the server never had: refused after a bounded wait.
    const unknown = await post('contributor', { at: 'AAAA', text: 'x' });
    expect([unknown.status, unknown.body.error]).toEqual([409, 'anchor_unknown']);
    expect((await post('contributor', { at: positionIn(author.doc, 'budget'), text: 'x', extra: 1 })).status).toBe(400);
    expect((await post('contributor', { at: positionIn(author.doc, 'budget'), block: { type: 'callout', kind: 'nope', text: 'x' } })).status).toBe(400);
    expect(serverText(section)).toBe(`${FIRST}\n${SECOND}`);
    expect(await api('author').ok<SuggestionView[]>('GET', path)).toEqual([]);
  });

  it('keeps its anchors while the author edits inside and around it: accepting does what both intended', async () => {
    const { section, author, contributor } = await sectionWithText();
    const replace = await suggest(api('contributor'), g(), section.id, { ...deletionOf(contributor.doc, 'son budget'), text: 'ses comptes' });
    const insert = await suggest(api('contributor'), g(), section.id, { at: positionIn(contributor.doc, 'projets'), text: 'grands ' });
    // The author edits before, inside and after both, and right at the insertion point (the
    // suggestion's text sticks to the character on its left, as typed text does).
    const first = findText(author.doc, 'La commune');
    author.doc.transact(() => {
      first.text.insert(0, 'Depuis 2019, ', {});
      first.text.delete('Depuis 2019, '.length, 1);
      first.text.insert('Depuis 2019, '.length, 'l', {});
    });
    const inside = findText(author.doc, 'budget');
    inside.text.insert(inside.index + 3, 'GET'); // "budGETget" inside the deleted range
    const after = findText(author.doc, ' chaque');
    after.text.insert(after.index, ' municipal', {});
    const projects = findText(author.doc, 'projets');
    projects.text.insert(projects.index, 'nouveaux ', {});
    await waitFor('author edits on the server', () => serverText(section).includes('nouveaux projets'));

    const listed = await api('author').ok<SuggestionView[]>('GET', suggestionsPath(g(), section.id));
    expect(listed.find((s) => s.id === replace.id)!.quote).toBe('son budGETget');
    expect((await decide('author', section, replace.id, 'accept')).status).toBe(200);
    expect((await decide('author', section, insert.id, 'accept')).status).toBe(200);
    const expected = 'Depuis 2019, la commune publie ses comptes municipal chaque année.\nLes habitants votent les grands nouveaux projets en assemblée.';
    expect(serverText(section)).toBe(expected);
    await waitFor('clients converge', () => fragmentText(contributor.fragment) === expected && fragmentText(author.fragment) === expected);
  });

  it('an open suggestion keeps the section from being submitted; accept-all of one person decides only theirs', async () => {
    const { section, author } = await sectionWithText();
    await api('coordinator').ok('PATCH', `/api/guides/${g()}/sections/${section.id}`, { authorIds: [setup.team.byRole.author.user.id] });
    const a = await suggest(api('contributor'), g(), section.id, { at: positionIn(author.doc, 'budget'), text: 'nouveau ' });
    const b = await suggest(api('contributor'), g(), section.id, deletionOf(author.doc, ' chaque année'));
    const c = await suggest(api('reviewer'), g(), section.id, { at: positionIn(author.doc, 'projets'), text: 'petits ' });
    const submit = await api('author').request<ApiError>('POST', `/api/guides/${g()}/sections/${section.id}/transitions`, { to: 'review' });
    expect(submit.status).toBe(409);
    expect(submit.body.error).toBe('open_suggestions');
    // The progress page and the table of contents count them.
    const progress = await api('reader').ok<GuideProgressView>('GET', `/api/guides/${g()}/progress`);
    expect(progress.sections.find((s) => s.id === section.id)!.openSuggestions).toBe(3);
    expect(progress.openSuggestions).toBeGreaterThanOrEqual(3);
    expect((await api('reader').ok<Record<string, number>>('GET', `/api/guides/${g()}/suggestion-counts`))[section.id]).toBe(3);

    expect((await api('contributor').request('POST', `${suggestionsPath(g(), section.id)}/accept-all`, { authorId: setup.team.byRole.contributor.user.id })).status).toBe(403);
    const all = await api('author').ok<DecideAllReply>('POST', `${suggestionsPath(g(), section.id)}/accept-all`, { authorId: setup.team.byRole.contributor.user.id });
    expect(all.suggestions.map((s) => s.id).sort()).toEqual([a.id, b.id].sort());
    expect(serverText(section)).toBe(`La commune publie son nouveau budget.\n${SECOND}`);
    const rejected = await api('author').ok<DecideAllReply>('POST', `${suggestionsPath(g(), section.id)}/reject-all`, { authorId: setup.team.byRole.reviewer.user.id });
    expect(rejected.suggestions.map((s) => [s.id, s.status])).toEqual([[c.id, 'rejected']]);
    expect(serverText(section)).toBe(`La commune publie son nouveau budget.\n${SECOND}`);
    const submitted = await api('author').request('POST', `/api/guides/${g()}/sections/${section.id}/transitions`, { to: 'review' });
    expect(submitted.status).toBe(200);
    expect((await api('reader').ok<Record<string, number>>('GET', `/api/guides/${g()}/suggestion-counts`))[section.id]).toBeUndefined();
    // In review, nobody may suggest (the text is frozen).
    const late = await api('contributor').request<ApiError>('POST', suggestionsPath(g(), section.id), { at: positionIn(author.doc, 'budget'), text: 'x' });
    expect(late.status).toBe(409);
  });

  it('a suggestion made offline, from a copy the author has changed since, arrives anchored on the same words', async () => {
    const { section, author, contributor } = await sectionWithText();
    contributor.provider.disconnect();
    // Meanwhile the author rewrites the start of the paragraph and the words around the target.
    const first = findText(author.doc, 'La commune');
    first.text.insert(0, 'En 2026, ', {});
    const target = findText(author.doc, 'budget');
    target.text.insert(target.index, 'grand ', {});
    await waitFor('author edits on the server', () => serverText(section).startsWith('En 2026'));
    // Made from the offline copy, sent once back online.
    const body = deletionOf(contributor.doc, 'son budget');
    contributor.provider.connect();
    await contributor.synced();
    const made = await suggest(api('contributor'), g(), section.id, body);
    expect(made.quote).toBe('son grand budget');
    expect((await decide('author', section, made.id, 'accept')).status).toBe(200);
    expect(serverText(section)).toBe(`En 2026, La commune publie  chaque année.\n${SECOND}`);
  });
});
