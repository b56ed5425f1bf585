import type { GuideSummary, GuideView } from '@dalil/shared';
import { fragmentText } from '@dalil/shared/editor';
import type { Api } from './api.ts';
import { connectClient } from './yClient.ts';

/** Everything a person sees of the guides, read over the API and the collaboration socket. */
export async function everythingVisible(api: Api, wsUrl: string, cookie: string): Promise<unknown> {
  const guides = (await api.ok<GuideSummary[]>('GET', '/api/guides')).sort((a, b) => a.id.localeCompare(b.id));
  const seen = [];
  for (const summary of guides) {
    const guide = await api.ok<GuideView>('GET', `/api/guides/${summary.id}`);
    const texts: Record<string, string> = {};
    for (const section of guide.sections) {
      const client = connectClient(wsUrl, section.docName, { cookie });
      await client.synced();
      texts[section.id] = fragmentText(client.fragment);
      client.destroy();
    }
    const threads = await api.ok('GET', `/api/guides/${summary.id}/threads`);
    const { versions } = await api.ok<{ versions: Array<{ id: string }> }>('GET', `/api/guides/${summary.id}/versions`);
    const versionContents = [];
    for (const v of versions) versionContents.push(await api.ok('GET', `/api/guides/${summary.id}/versions/${v.id}`));
    seen.push({ guide, texts, threads, versions: versionContents });
  }
  return seen;
}

