import { afterEach } from 'vitest';
import type { ApiError, SectionView } from '@dalil/shared';
import type { SuggestionView } from '@dalil/shared/api/suggestions.ts';
import { fragmentText } from '@dalil/shared/editor';
import type * as Y from 'yjs';
import { useGuideTeam, type TeamUnderTest } from './serverHooks.ts';
import { connectClient, type YClient } from './yClient.ts';
import { waitFor } from './waitFor.ts';
import { appendParagraphs } from './threadAnchors.ts';
import { suggestionsPath } from './suggestions.ts';

export const FIRST = 'La commune publie son budget chaque année.';
export const SECOND = 'Les habitants votent les projets en assemblée.';

export type TeamRole = 'coordinator' | 'author' | 'contributor' | 'reviewer' | 'reader';

/**
 * A real server and a guide team for suggestion tests: stock clients per role (closed after each
 * test), fresh sections holding two paragraphs, the server's copy of a section and decisions by REST.
 */
export function useSuggestionTeam() {
  let clients: YClient[] = [];
  const setup: TeamUnderTest = useGuideTeam({ SETTLE_DELAY_MS: '100' });
  afterEach(() => {
    for (const c of clients) c.destroy();
    clients = [];
  });

  const g = () => setup.team.guide.id;
  const api = (role: TeamRole) => setup.team.byRole[role].api;
  const connect = async (section: SectionView, role: TeamRole): Promise<YClient> => {
    const client = connectClient(setup.server.wsUrl, section.docName, { cookie: setup.team.byRole[role].cookie });
    clients.push(client);
    await client.synced();
    return client;
  };
  const serverFragment = (section: SectionView): Y.XmlFragment => setup.server.registry.get(section.docName)!.doc.getXmlFragment('default');
  const serverText = (section: SectionView) => fragmentText(serverFragment(section));

  /** A fresh section holding two paragraphs written by the author, and the contributor's synced copy. */
  async function sectionWithText(): Promise<{ section: SectionView; author: YClient; contributor: YClient }> {
    const section = await api('coordinator').createSection(g(), `Section ${Math.random().toString(36).slice(2, 7)}`);
    const author = await connect(section, 'author');
    const contributor = await connect(section, 'contributor');
    appendParagraphs(author.doc, [FIRST, SECOND]);
    await waitFor('text reached the contributor', () => fragmentText(contributor.fragment).includes('assemblée'));
    return { section, author, contributor };
  }

  const decide = (role: Exclude<TeamRole, 'reader'>, section: SectionView, id: string, decision: 'accept' | 'reject') =>
    api(role).request<SuggestionView & ApiError>('POST', `${suggestionsPath(g(), section.id)}/${id}/${decision}`);

  return { setup, g, api, connect, serverFragment, serverText, sectionWithText, decide };
}
