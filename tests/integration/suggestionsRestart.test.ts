import { describe, expect, it } from 'vitest';
import type { SuggestionView } from '@dalil/shared/api/suggestions.ts';
import { fragmentText } from '@dalil/shared/editor';
import { startServer } from '../helpers/inProcessServer.ts';
import { Api } from '../helpers/api.ts';
import { addMember, createUser, TEST_PASSWORD } from '../helpers/accounts.ts';
import { connectClient } from '../helpers/yClient.ts';
import { tempDir } from '../helpers/tempDir.ts';
import { waitFor } from '../helpers/waitFor.ts';
import { appendParagraphs } from '../helpers/threadAnchors.ts';
import { deletionOf, positionIn, suggest, suggestionsPath } from '../helpers/suggestions.ts';

describe('suggestions survive a restart', () => {
  it('keeps open suggestions and their anchors; accepting one after the restart writes it where it was meant', async () => {
    const dir = tempDir();
    try {
      const first = await startServer({}, { dataDir: dir.path });
      const author = await createUser(first, 'Karim');
      const contributor = await createUser(first, 'Amel');
      const { guide, section } = await author.api.guideWithSection();
      await addMember(first, guide.id, contributor, 'contributor');
      const writer = connectClient(first.wsUrl, section.docName, { cookie: author.cookie });
      await writer.synced();
      appendParagraphs(writer.doc, ['La commune publie son budget chaque année.']);
      await waitFor('text on the server', () => fragmentText(first.registry.get(section.docName)!.doc.getXmlFragment('default')).includes('budget'));
      const insertion = await suggest(contributor.api, guide.id, section.id, { at: positionIn(writer.doc, 'budget'), text: 'premier ' });
      const deletion = await suggest(contributor.api, guide.id, section.id, deletionOf(writer.doc, ' chaque année'));
      await author.api.ok('POST', `${suggestionsPath(guide.id, section.id)}/${deletion.id}/messages`, { body: 'Le budget est annuel : à garder ?' });
      writer.destroy();
      await first.stop();

      const second = await startServer({}, { dataDir: dir.path });
      try {
        const api = new Api(second.url);
        await api.login(author.user.email, TEST_PASSWORD);
        const listed = await api.ok<SuggestionView[]>('GET', suggestionsPath(guide.id, section.id));
        expect(listed.map((s) => [s.id, s.kind, s.quote, s.replacement])).toEqual([
          [insertion.id, 'insert', '', 'premier '],
          [deletion.id, 'delete', ' chaque année', ''],
        ]);
        await api.ok('POST', `${suggestionsPath(guide.id, section.id)}/${insertion.id}/accept`);
        // its discussion came back with it, and stays readable once the suggestion is decided
        expect(listed[1]!.messages.map((m) => [m.author.id, m.body])).toEqual([[author.user.id, 'Le budget est annuel : à garder ?']]);
        await api.ok('POST', `${suggestionsPath(guide.id, section.id)}/${deletion.id}/accept`);
        const decided = await api.ok<SuggestionView>('GET', `${suggestionsPath(guide.id, section.id)}/${deletion.id}`);
        expect([decided.status, decided.messages.length]).toEqual(['accepted', 1]);
        const reader = connectClient(second.wsUrl, section.docName, { cookie: api.cookie! });
        await reader.synced();
        expect(fragmentText(reader.fragment)).toBe('La commune publie son premier budget.');
        reader.destroy();
      } finally {
        await second.stop();
      }
    } finally {
      dir.remove();
    }
  });
});
